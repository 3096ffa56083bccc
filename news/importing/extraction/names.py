"""Find names in a sentence: gazetteer names and aliases, and capitalised runs that look like
the names of parks or platforms nobody has listed yet."""

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import EntityKind, Gazetteer, GazetteerEntry

# A capitalised word: "Guochuang", "NEV", "China-Israel", "High-tech", "(Changzhou)".
CAPITALISED = r"\(?[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*\)?"
_CONNECTOR = r"(?:of\s+the|of|and|for|&|on)"
# Capitalised words, possibly joined by connectors: "Israel Center of CIP".
CAPITALISED_RUN = rf"{CAPITALISED}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*{CAPITALISED})*"
RUN = re.compile(rf"(?<![\w-]){CAPITALISED_RUN}")
_LEADING_FILLER = re.compile(
    r"(?:(?:the|a|an|in|on|at|by|for|from|since|with|to|and|of|&)\s+)+", re.IGNORECASE
)

# The last words of a name say what it is; longer keywords first.
_KEYWORDS = {
    "Innovation Park": (EntityKind.PARK, ""),
    "Science Park": (EntityKind.PARK, ""),
    "Industrial Park": (EntityKind.PARK, ""),
    "Innovation Hub": (EntityKind.PARK, ""),
    "Research Institute": (EntityKind.PLATFORM, "research_institute"),
    "Innovation Center": (EntityKind.PLATFORM, "innovation_center"),
    "Innovation Centre": (EntityKind.PLATFORM, "innovation_center"),
    "Investment Center": (EntityKind.PLATFORM, "investment_center"),
    "Investment Centre": (EntityKind.PLATFORM, "investment_center"),
    "Exhibition Hall": (EntityKind.PLATFORM, "exhibition_hall"),
    "Laboratory": (EntityKind.PLATFORM, "laboratory"),
    "Institute": (EntityKind.PLATFORM, "research_institute"),
    "Incubator": (EntityKind.PLATFORM, "incubator"),
    "Platform": (EntityKind.PLATFORM, "public_service_platform"),
    "Network": (EntityKind.PLATFORM, "network"),
    "Center": (EntityKind.PLATFORM, "other"),
    "Centre": (EntityKind.PLATFORM, "other"),
    "Lab": (EntityKind.PLATFORM, "laboratory"),
}
_KEYWORD = re.compile(
    r"(?<![\w-])(?:" + "|".join(k.replace(" ", r"[ \t]+") for k in _KEYWORDS) + r")(?![\w-])"
)


@dataclass(frozen=True)
class Hit:
    """A gazetteer name found at [start, end) of a sentence."""

    start: int
    end: int
    entry: GazetteerEntry


@dataclass(frozen=True)
class Candidate:
    """A capitalised name at [start, end) that ends like a park or platform name."""

    start: int
    end: int
    name: str
    kind: EntityKind
    platform_kind: str


class NameIndex:
    """Every name and alias of a gazetteer, matched case-sensitively, longest first."""

    def __init__(self, entries: tuple[GazetteerEntry, ...]):
        self._entries: dict[str, GazetteerEntry] = {}
        for entry in entries:
            for name in (entry.name, *entry.aliases):
                if name.strip():
                    self._entries.setdefault(name.strip(), entry)
        names = sorted(self._entries, key=len, reverse=True)
        alternatives = "|".join(re.escape(name) for name in names) or r"(?!)"
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def find(self, text: str) -> tuple[Hit, ...]:
        """Return the gazetteer names in `text`, left to right, never overlapping."""
        return tuple(
            Hit(m.start(), m.end(), self._entries[m.group()]) for m in self._pattern.finditer(text)
        )

    def canonical(self, name: str) -> str:
        """Return the canonical name for a known name or alias, else `name` itself."""
        entry = self._entries.get(name)
        return entry.name if entry else name


@lru_cache(maxsize=8)
def name_index(gazetteer: Gazetteer) -> NameIndex:
    return NameIndex(gazetteer.entries)


def find_candidates(text: str) -> tuple[Candidate, ...]:
    """Return capitalised names in `text` that end in a park or platform keyword."""
    candidates = []
    for run in RUN.finditer(text):
        keywords = list(_KEYWORD.finditer(run.group()))
        if not keywords:
            continue
        keyword = keywords[-1]
        candidate = _candidate(text, run.start(), run.start() + keyword.end(), keyword.group())
        if candidate:
            candidates.append(candidate)
    return tuple(candidates)


def _candidate(text: str, start: int, end: int, keyword: str) -> Candidate | None:
    filler = _LEADING_FILLER.match(text, start, end)
    if filler:
        start = filler.end()
    name = " ".join(text[start:end].split())
    keyword = " ".join(keyword.split())
    if len(name) <= len(keyword):
        return None
    kind, platform_kind = _KEYWORDS[keyword]
    return Candidate(start, end, name, kind, platform_kind)
