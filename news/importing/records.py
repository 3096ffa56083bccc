"""The importer's contract: plain frozen dataclasses passed from parsing to extraction to loading.

Nothing here touches the database. `parsing` turns text into a `ParsedDocument`, `extraction`
reads a `ParsedDocument` against a `Gazetteer` into an `Extraction`, and `loading` writes both.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from portal.dates import DatePrecision, PartialDate


class DocumentError(ValueError):
    """A file that cannot be imported; the message is shown to staff as is."""


class DocumentKind(StrEnum):
    NEWS = "news"
    PROFILE = "profile"


class DocumentFormat(StrEnum):
    PARK_PROFILE = "park_profile"
    SCRAPED_NEWS_PAGE = "scraped_news_page"
    MAGAZINE_ARTICLE = "magazine_article"
    PRESS_RELEASE = "press_release"
    PLAIN_ARTICLE = "plain_article"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    """What one source document says, with boilerplate removed."""

    kind: DocumentKind
    format: DocumentFormat
    title: str  # best title for display: repaired or derived; "" for a profile
    source_title: str  # the title line exactly as the source had it; "" when there was none
    published: datetime | None  # tz-aware (Asia/Shanghai)
    published_precision: DatePrecision | None
    blocks: tuple[Block, ...]
    channel: str = ""  # "Latest News › CIP Dynamic"
    source_name: str = ""  # "PR Newswire"
    dateline: str = ""  # "CHANGZHOU, China"
    hotline: str = ""  # "86 0519 86361787"
    warnings: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == BlockKind.PARAGRAPH)


class EntityKind(StrEnum):
    PARK = "park"
    PLATFORM = "platform"
    ORGANIZATION = "organization"


@dataclass(frozen=True)
class GazetteerEntry:
    """A known park, platform or organisation and every name it goes by."""

    kind: EntityKind
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    published: bool = True
    platform_kind: str = ""  # PlatformKind value, for platforms
    park_slug: str = ""  # owning park, for platforms


@dataclass(frozen=True)
class Metric:
    """A key figure the extractor recognises, e.g. Israeli and joint enterprises."""

    key: str
    label: str
    unit: str  # "enterprises", "m²", ...
    patterns: tuple[str, ...]  # regular expressions matched against the noun phrase after a number


@dataclass(frozen=True)
class IndustryTerm:
    slug: str
    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[GazetteerEntry, ...] = ()
    metrics: tuple[Metric, ...] = ()
    industries: tuple[IndustryTerm, ...] = ()

    def of_kind(self, kind: EntityKind) -> tuple[GazetteerEntry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)


@dataclass(frozen=True)
class Mention:
    """A park or platform named in a document; `slug` is empty when it is not yet known."""

    kind: EntityKind
    name: str  # canonical name when known, otherwise the name as written
    slug: str = ""
    platform_kind: str = ""  # guessed from the name for unknown platforms
    park_slug: str = ""  # the park an unknown platform most likely belongs to
    sentence: str = ""

    @property
    def known(self) -> bool:
        return bool(self.slug)


class FigureChange(StrEnum):
    TOTAL = "total"  # "188 Israeli WOFEs ... in total"
    ADDED = "added"  # "10 additional WOFEs ... settled" during `period`


class FigureQualifier(StrEnum):
    EXACT = "exact"
    MORE_THAN = "more_than"
    UP_TO = "up_to"
    APPROXIMATELY = "approximately"


@dataclass(frozen=True)
class FigureRecord:
    park_slug: str
    metric: str  # Metric.key
    label: str
    value: Decimal
    unit: str
    sentence: str
    change: FigureChange = FigureChange.TOTAL
    qualifier: FigureQualifier = FigureQualifier.EXACT
    as_of: date | None = None
    as_of_precision: DatePrecision | None = None


@dataclass(frozen=True)
class Designation:
    title: str  # "National Medical Device International Innovation Park"
    awarded_by: str  # "the Chinese Ministry of Science and Technology"; "" if not said
    sentence: str


@dataclass(frozen=True)
class ParkFacts:
    """Profile facts about one park stated in a document, each with the sentence it came from."""

    park_slug: str
    established: PartialDate | None = None
    established_sentence: str = ""
    opened: PartialDate | None = None
    opened_sentence: str = ""
    sponsors: tuple[str, ...] = ()
    sponsors_sentence: str = ""
    designations: tuple[Designation, ...] = ()
    notable_companies: tuple[str, ...] = ()
    notable_companies_sentence: str = ""
    focus_industries: tuple[str, ...] = ()  # IndustryTerm slugs
    focus_sentence: str = ""
    positioning: str = ""  # "Pilot of China-Israel Innovation Cooperation"


@dataclass(frozen=True)
class Extraction:
    """What the extractor understood of a document against what is already known."""

    parks: tuple[Mention, ...] = ()
    platforms: tuple[Mention, ...] = ()
    industries: tuple[str, ...] = ()  # IndustryTerm slugs
    figures: tuple[FigureRecord, ...] = ()
    facts: tuple[ParkFacts, ...] = ()
    primary_park_slug: str = ""  # the park the document is mostly about
    event_date: date | None = None
    warnings: tuple[str, ...] = field(default=())
