"""Profile facts a document states about a park: founding, opening, sponsors, designations,
notable companies, focus industries and positioning, each with its sentence."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from portal.dates import DatePrecision, PartialDate

from ..records import Designation, IndustryTerm, ParkFacts
from .context import Sentence
from .dates import EVENT_DAY, MONTH, YEAR, day_in_context, month_number, safe_date
from .industries import industries_in
from .names import CAPITALISED_RUN, RUN, NameIndex

_ESTABLISHED = re.compile(rf"\b(?:established|founded|set\s+up)\s+in\s+(?:{MONTH}\s+)?{YEAR}")
_INAUGURATED = re.compile(rf"\b[Ii]n\s+(?:{MONTH}\s+)?{YEAR}\b(?=.{{0,300}}?\binaugurat)")
_ANNIVERSARY = re.compile(
    r"\b(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}"
    r"(?:st|nd|rd|th))\s+anniversary\s+of\s+(?:its|the\s+\w+(?:['\u2019]s)?)\s+"
    r"(?:foundation|founding|establishment)",
    re.IGNORECASE,
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_ORDINALS += ("sixth", "seventh", "eighth", "ninth", "tenth")
_OPENED = re.compile(rf"\b(?:opening|opened)\s+in\s+(?:{MONTH}\s+)?{YEAR}")
_SPONSORED = re.compile(r"\b(?:co-)?sponsored\s+(?:jointly\s+)?by\s+")
_LIST_END = re.compile(r",?\s+(?:as|to|in\s+order\s+to|since|with)\s+|[;.]")
_LONGEST_LIST = 600
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_GOVERNMENTS = re.compile(
    r"\bby\s+the\s+(?P<first>[A-Z]\w+)\s+and\s+(?P<second>[A-Z]\w+)\s+governments\b"
)
_COUNTRIES = {
    "Chinese": "China", "Israeli": "Israel", "Swiss": "Switzerland", "German": "Germany",
    "French": "France", "British": "United Kingdom", "Danish": "Denmark", "Dutch": "Netherlands",
    "Finnish": "Finland", "Austrian": "Austria", "Singaporean": "Singapore", "Korean": "Korea",
    "Japanese": "Japan", "Italian": "Italy", "Spanish": "Spain", "Swedish": "Sweden",
}  # fmt: skip
_AWARDED = r"\b(?:awarded|designated|recognized|recognised|named|accredited|approved)\s+as\s+"
_TITLED = re.compile(rf"{_AWARDED}(?:an?|the)\s+(?P<title>{CAPITALISED_RUN})")
_DESCRIBED = re.compile(
    rf"{_AWARDED}an?\s+(?P<title>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,5}}?\s+"
    r"(?:park|zone|area|base|hub|cluster))(?!\w)"
)
_ONE_OF = re.compile(
    r"\bbecome\s+one\s+of\s+the\s+(?P<title>\w+\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,4}?\s+"
    r"(?:zones|parks|areas|bases|hubs|clusters)(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)"
)
_AWARDED_BY = re.compile(r"\s+by\s+(?P<awarder>(?:the\s+)?)")
_COMPANIES = re.compile(
    r"\b(?:companies|enterprises|firms|corporations|industry\s+leaders|tenants)\b"
    r"[^.;]{0,200}?\s+including\s+(?P<names>[^.;]+)"
)
_FOCUS = re.compile(
    r"\b(?:committed\s+to|focus(?:es|ed|ing)?\s+on|featuring|involved\s+in|dedicated\s+to"
    r"|speciali[sz](?:es|ed|ing)\s+in|concentrat(?:es|ing)\s+on)\b"
)
_POSITIONING = re.compile(
    r"\b(?:position(?:ing)?\s+(?:as|of)|positioned\s+as)\s+(?:the\s+)?[\"\u201c](?:the\s+)?"
    r"(?P<slogan>[^\"\u201d]{3,160})[\"\u201d]"
)


@dataclass(frozen=True)
class Reading:
    """What every fact reader may need besides the sentence."""

    index: NameIndex
    industries: tuple[IndustryTerm, ...]
    published: datetime | None
    event_day: date | None


def park_facts(sentences: tuple[Sentence, ...], reading: Reading) -> tuple[ParkFacts, ...]:
    """Return the facts stated about each park, first statement first."""
    fields_by_park: dict[str, dict] = {}
    for sentence in sentences:
        if not sentence.park or sentence.heading:
            continue
        fields = fields_by_park.setdefault(sentence.park, {})
        for reader in _READERS:
            _merge(fields, reader(sentence.text, reading))
    return tuple(ParkFacts(park_slug=slug, **f) for slug, f in fields_by_park.items() if f)


def _merge(fields: dict, found: dict) -> None:
    for key, value in found.items():
        if key == "designations":
            known = {d.title.lower() for d in fields.get(key, ())}
            fresh = tuple(d for d in value if d.title.lower() not in known)
            fields[key] = fields.get(key, ()) + fresh
        elif key == "focus_industries" and key in fields:
            fields[key] += tuple(slug for slug in value if slug not in fields[key])
        else:
            fields.setdefault(key, value)


def _established(text: str, reading: Reading) -> dict:
    match = _ESTABLISHED.search(text)
    if match is None and "inaugurat" in text:
        match = _INAUGURATED.search(text)
    if match:
        return {"established": _partial_date(match), "established_sentence": text}
    founded = _anniversary_origin(text, reading)
    if founded is None:
        return {}
    return {"established": PartialDate(founded, DatePrecision.DAY), "established_sentence": text}


def _anniversary_origin(text: str, reading: Reading) -> date | None:
    # "On the morning of December 3, ... celebrated the first anniversary of its foundation"
    anniversary = _ANNIVERSARY.search(text)
    if anniversary is None:
        return None
    day_match = EVENT_DAY.search(text)
    day = day_in_context(day_match, reading.published) if day_match else reading.event_day
    if day is None:
        return None
    nth = anniversary["nth"].lower()
    years = _ORDINALS.index(nth) + 1 if nth in _ORDINALS else int(nth[:-2])
    year = day.year - years
    # An anniversary on 29 February falls on the 28th in common years.
    return safe_date(year, day.month, day.day) or safe_date(year, day.month, day.day - 1)


def _opened(text: str, reading: Reading) -> dict:
    match = _OPENED.search(text)
    return {"opened": _partial_date(match), "opened_sentence": text} if match else {}


def _partial_date(match: re.Match) -> PartialDate:
    month = month_number(match["month"]) if match["month"] else None
    return PartialDate.of(int(match["year"]), month)


def _sponsors(text: str, reading: Reading) -> dict:
    governments = _GOVERNMENTS.search(text)
    if governments:
        names = tuple(
            f"Government of {_COUNTRIES.get(governments[g], governments[g])}"
            for g in ("first", "second")
        )
        return {"sponsors": names, "sponsors_sentence": text}
    match = _SPONSORED.search(text)
    if match is None:
        return {}
    end = _LIST_END.search(text, match.end())
    phrase = text[match.end() : end.start() if end else len(text)][:_LONGEST_LIST]
    names = tuple(reading.index.canonical(n) for n in _split_names(phrase, reading.index))
    return {"sponsors": names, "sponsors_sentence": text} if names else {}


def _split_names(phrase: str, index: NameIndex) -> list[str]:
    # Names such as "Ministry of Science and Technology" contain "and": never cut inside a
    # known name.
    hits = index.find(phrase)
    names, start = [], 0
    for separator in _LIST_SEPARATOR.finditer(phrase):
        if any(h.start < separator.end() and separator.start() < h.end for h in hits):
            continue
        names.append(phrase[start : separator.start()])
        start = separator.end()
    names.append(phrase[start:])
    return [_without_article(n) for n in names if _without_article(n)]


def _without_article(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name.strip()).strip()


def designation_spans(text: str, index: NameIndex) -> list[tuple[int, int, Designation]]:
    """Return the designations stated in `text`, each with where its title is."""
    spans = [
        (
            m.start("title"),
            m.end("title"),
            Designation(m["title"], _awarded_by(text, m.end(), index), text),
        )
        for m in _TITLED.finditer(text)
    ]
    spans += [
        (m.start("title"), m.end("title"), Designation(_capitalised(m["title"]), "", text))
        for m in _DESCRIBED.finditer(text)
    ]
    spans += [
        (m.start("title"), m.end("title"), Designation(f"One of the {m['title']}", "", text))
        for m in _ONE_OF.finditer(text)
    ]
    return spans


def _designations(text: str, reading: Reading) -> dict:
    found = tuple(d for _, _, d in designation_spans(text, reading.index))
    return {"designations": found} if found else {}


def _awarded_by(text: str, position: int, index: NameIndex) -> str:
    by = _AWARDED_BY.match(text, position)
    if by is None:
        return ""
    hits = index.find(text[by.end() : by.end() + 300])
    if hits and hits[0].start == 0:
        return text[by.start("awarder") : by.end() + hits[0].end]
    run = RUN.match(text, by.end())
    return text[by.start("awarder") : run.end()] if run else ""


def _notable_companies(text: str, reading: Reading) -> dict:
    match = _COMPANIES.search(text)
    if match is None:
        return {}
    names = [n.strip() for n in match["names"].split(",")]
    names = [n for n in names if n and n.lower() not in ("etc", "and etc")]
    if names and " and " in names[-1]:
        names[-1:] = names[-1].split(" and ", 1)
    names = [_without_article(n) for n in names]
    names = [n for n in names if n[:1].isupper() or n[:1].isdigit()]
    return {"notable_companies": tuple(names), "notable_companies_sentence": text} if names else {}


def _focus(text: str, reading: Reading) -> dict:
    match = _FOCUS.search(text)
    slugs = industries_in(text[match.end() :], reading.industries) if match else ()
    return {"focus_industries": slugs, "focus_sentence": text} if slugs else {}


def _positioning(text: str, reading: Reading) -> dict:
    match = _POSITIONING.search(text)
    slogan = match["slogan"].strip().rstrip(",.;") if match else ""
    return {"positioning": _capitalised(slogan)} if slogan else {}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


_READERS = (
    _established,
    _opened,
    _sponsors,
    _designations,
    _notable_companies,
    _focus,
    _positioning,
)
