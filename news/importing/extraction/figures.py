"""Key figures: a number followed by a noun phrase that a gazetteer metric recognises."""

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from portal.dates import DatePrecision, PartialDate

from ..records import FigureChange, FigureQualifier, FigureRecord, Metric, ParsedDocument
from .context import Sentence
from .dates import MONTH

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.,-])(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{_WORDS}))(?![\w-]|[.,]\d)"
)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_AFTER_MONTH = re.compile(rf"\b{MONTH}\s*$")
_QUALIFIERS = (
    (re.compile(r"\b(?:more\s+than|over|in\s+excess\s+of)\s*$", re.I), FigureQualifier.MORE_THAN),
    (re.compile(r"\bup\s+to\s*$", re.I), FigureQualifier.UP_TO),
    (
        re.compile(r"\b(?:some|approximately|about|around|roughly|nearly)\s*$", re.I),
        FigureQualifier.APPROXIMATELY,
    ),
)
_ADDED_BEFORE = re.compile(r"\b(?:another|an\s+additional)\s*$", re.I)
_ADDED_AFTER = re.compile(r"(?:additional|new|more)\b", re.I)
_PAST_YEARS = re.compile(
    rf"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?P<years>\d{{1,3}}|{_WORDS})\s+years\b", re.I
)


@dataclass(frozen=True)
class AsOf:
    """When the figures of one park hold, and why, if it had to be inferred."""

    value: date | None
    precision: DatePrecision | None
    warning: str = ""


@lru_cache(maxsize=8)
def _matchers(metrics: tuple[Metric, ...]) -> tuple[tuple[re.Pattern, Metric], ...]:
    return tuple((re.compile(p, re.IGNORECASE), m) for m in metrics for p in m.patterns)


def _metric(phrase: str, metrics: tuple[Metric, ...]) -> Metric | None:
    for pattern, metric in _matchers(metrics):
        if pattern.match(phrase):
            return metric
    return None


def figures_in(
    sentences: tuple[Sentence, ...], metrics: tuple[Metric, ...], as_of: dict[str, AsOf]
) -> tuple[FigureRecord, ...]:
    """Return the key figures of every sentence, attributed to the nearest park before them."""
    found = []
    for sentence in sentences:
        for number in _NUMBER.finditer(sentence.text):
            park = sentence.park_before(number.start())
            figure = _figure(sentence.text, number, metrics, park)
            if figure and park:
                when = as_of.get(park, AsOf(None, None))
                found.append(_dated(figure, when))
    return tuple(found)


def _figure(
    text: str, number: re.Match, metrics: tuple[Metric, ...], park: str
) -> FigureRecord | None:
    after = text[number.end() : number.end() + 200].lstrip()
    added_after = _ADDED_AFTER.match(after)
    metric = _metric(after, metrics)
    if metric is None and added_after:  # "12 new WOFEs" for a pattern written as "WOFEs"
        metric = _metric(after[added_after.end() :].lstrip(), metrics)
    before = text[max(0, number.start() - 40) : number.start()]
    if metric is None or _is_date(number["number"], before):
        return None
    added = added_after or _ADDED_BEFORE.search(before)
    return FigureRecord(
        park_slug=park,
        metric=metric.key,
        label=metric.label,
        value=_value(number["number"]),
        unit=metric.unit,
        sentence=text,
        change=FigureChange.ADDED if added else FigureChange.TOTAL,
        qualifier=next((q for p, q in _QUALIFIERS if p.search(before)), FigureQualifier.EXACT),
    )


def _is_date(number: str, before: str) -> bool:
    # "2019 has seen", "December 3, the ...": years and days are never figures.
    return _YEAR_LIKE.fullmatch(number) is not None or _AFTER_MONTH.search(before) is not None


def _value(number: str) -> Decimal:
    word = NUMBER_WORDS.get(number.lower())
    return Decimal(word) if word is not None else Decimal(number.replace(",", ""))


def _dated(figure: FigureRecord, as_of: AsOf) -> FigureRecord:
    return replace(figure, as_of=as_of.value, as_of_precision=as_of.precision)


def figure_dates(
    document: ParsedDocument, sentences: tuple[Sentence, ...], established: dict[str, PartialDate]
) -> dict[str, AsOf]:
    """Return, per park, the date its figures hold: publication, or founding + "past N years"."""
    named = (h.entry.slug for s in sentences for h in s.park_hits)
    parks = dict.fromkeys([*named, *(s.park for s in sentences if s.park)])
    if document.published is not None:
        precision = _at_most_day(document.published_precision)
        return {park: AsOf(document.published.date(), precision) for park in parks}
    span = next((m for s in sentences if (m := _PAST_YEARS.search(s.text))), None)
    return {park: _inferred(park, span, established.get(park)) for park in parks}


def _at_most_day(precision: DatePrecision | None) -> DatePrecision:
    coarse = (DatePrecision.YEAR, DatePrecision.MONTH)
    return precision if precision in coarse else DatePrecision.DAY


def _inferred(park: str, span: re.Match | None, established: PartialDate | None) -> AsOf:
    if span is None or established is None:
        return AsOf(None, None)
    years = span["years"]
    count = NUMBER_WORDS.get(years.lower()) or int(years)
    year = established.value.year + count
    warning = (
        f"as-of date of figures inferred as {year} (established {established} + {years} years)"
    )
    return AsOf(date(year, 1, 1), DatePrecision.YEAR, warning)
