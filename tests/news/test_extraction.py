"""Extraction of the five seed documents, end to end, plus robustness.

The parser is written separately, so each seed is turned into a `ParsedDocument` here by hand.
Subjects are tested in depth in test_extraction_{mentions,facts,figures}.py.
"""

import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from news.importing.extraction import extract
from news.importing.records import (
    Block,
    BlockKind,
    DocumentFormat,
    DocumentKind,
    Extraction,
    Gazetteer,
    ParsedDocument,
)
from news.importing.reference import load_reference
from portal.dates import DatePrecision

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SHANGHAI = ZoneInfo("Asia/Shanghai")
CICP = "china-israel-changzhou-innovation-park"
CIIH = "china-israel-innovation-hub-shanghai"
SINO_SWISS = "sino-swiss-changzhou-innovation-park"
SEED_004_HEADINGS = (
    "China-Switzerland Innovation and Entrepreneurship Cooperation Launch Conference",
    "Sino-Swiss (Changzhou) Innovation Park",
)


@cache
def gazetteer() -> Gazetteer:
    return load_reference(SEEDS / "reference.toml").gazetteer()


def document(
    paragraphs,
    *,
    published: datetime | None = None,
    precision: DatePrecision | None = None,
    kind: DocumentKind = DocumentKind.NEWS,
    headings: tuple[str, ...] = (),
) -> ParsedDocument:
    blocks = tuple(
        Block(BlockKind.HEADING if p in headings else BlockKind.PARAGRAPH, p) for p in paragraphs
    )
    return ParsedDocument(
        kind=kind,
        format=DocumentFormat.PLAIN_ARTICLE,
        title="",
        source_title="",
        published=published,
        published_precision=precision,
        blocks=blocks,
    )


def _seed_text(number: int) -> str:
    return next(SEEDS.glob(f"{number:03d}_*.txt")).read_text(encoding="utf-8")


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]


def seed_document(number: int) -> ParsedDocument:
    """Return seed `number` as the parser would: body blocks, publication date, precision."""
    text = _seed_text(number)
    if number == 0:
        return document(_paragraphs(text), kind=DocumentKind.PROFILE)
    if number in (1, 2):
        body = text.split("View count:", 1)[1]
        stamp = {1: (2019, 11, 24, 16, 36, 14), 2: (2019, 11, 2, 18, 40, 10)}[number]
        published = datetime(*stamp, tzinfo=SHANGHAI)
        return document(_paragraphs(body), published=published, precision=DatePrecision.SECOND)
    if number == 3:
        body = text.split("January 08, 2021 |", 1)[1].split("photo gallery", 1)[0]
        published = datetime(2021, 1, 8, tzinfo=SHANGHAI)
        return document(_paragraphs(body), published=published, precision=DatePrecision.DAY)
    body = text.split("/PRNewswire/ -- ", 1)[1]
    return document(
        _paragraphs(body),
        published=datetime(2021, 11, 12, tzinfo=SHANGHAI),
        precision=DatePrecision.DAY,
        headings=SEED_004_HEADINGS,
    )


@cache
def extract_seed(number: int) -> Extraction:
    return extract(seed_document(number), gazetteer())


@pytest.mark.parametrize(
    ("number", "primary"), [(0, CICP), (1, CICP), (2, CICP), (3, CIIH), (4, SINO_SWISS)]
)
def test_primary_park_is_the_park_most_mentioned(number, primary):
    assert extract_seed(number).primary_park_slug == primary


@pytest.mark.parametrize(
    ("number", "industries"),
    [
        (0, ("life-sciences", "medical-devices", "intelligent-manufacturing", "new-materials",
             "modern-agriculture")),
        (1, ("life-sciences", "intelligent-manufacturing", "information-technology")),
        (2, ("medical-devices", "new-energy-vehicles")),
        (3, ("life-sciences", "ai-and-robotics", "information-technology")),
        (4, ("life-sciences", "medical-devices", "intelligent-manufacturing", "new-materials")),
    ],
)  # fmt: skip
def test_industries_are_matched_by_keyword_in_taxonomy_order(number, industries):
    assert extract_seed(number).industries == industries


@pytest.mark.parametrize(
    ("number", "event_date"),
    [
        (0, None),
        (1, date(2019, 11, 21)),  # "On the afternoon of November 21"
        (2, date(2019, 10, 29)),  # "From October 29 to 30, 2019"
        (3, date(2020, 12, 3)),  # "On the morning of December 3", published January 2021
        (4, date(2021, 10, 21)),  # "on October 21"
    ],
)
def test_event_date_is_the_day_the_body_states(number, event_date):
    assert extract_seed(number).event_date == event_date


def test_a_document_without_a_known_park_says_so():
    extraction = extract(document(["Nothing here concerns a park."]), gazetteer())
    assert extraction.primary_park_slug == ""
    assert extraction.warnings == ("The document names no known park.",)


@pytest.mark.parametrize(
    "paragraphs",
    [
        [],
        ["", "   "],
        ["中以常州创新园成立于2015年\u3002园区有188家企业\uff01"],
        ["CICP celebrated the 999th anniversary of its foundation on February 29."],
        ["sponsored by", "awarded as a", "including", "position as the \u201c"],
        ["(((((", "CIP TEC (", ".....", "1,000,000,000,000 WOFEs"],
    ],
)
def test_extraction_never_raises(paragraphs):
    published = datetime(2021, 1, 8, tzinfo=SHANGHAI)
    assert isinstance(extract(document(paragraphs, published=published), gazetteer()), Extraction)


def test_sentences_do_not_end_at_abbreviations_or_initials():
    from news.importing.extraction.sentences import split_sentences

    text = "Mr. Wang came on Nov. 12. The U.S. firm left. It was No. 1 in S&T. Done."
    assert [s for _, s in split_sentences(text)] == [
        "Mr. Wang came on Nov. 12.",
        "The U.S. firm left.",
        "It was No. 1 in S&T.",
        "Done.",
    ]
