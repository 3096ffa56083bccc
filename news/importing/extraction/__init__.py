"""Understand a parsed document against what is already known.

`extract(document, gazetteer)` is pure: no database, no I/O, and it never raises on a
`ParsedDocument`. It returns the parks and platforms named (gazetteer entries, plus candidates
for new ones with an empty slug), the industries mentioned, key figures, profile facts per
park, the date of the event reported, and warnings for staff about anything inferred or
doubtful.
"""

from ..records import EntityKind, Extraction, FigureRecord, Gazetteer, ParsedDocument
from .context import Sentence, primary_park, read_sentences
from .dates import event_date
from .facts import Reading, park_facts
from .figures import AsOf, figure_dates, figures_in
from .industries import industries_in
from .mentions import in_order, known_mentions, unknown_mentions
from .names import name_index

__all__ = ["extract"]


def extract(document: ParsedDocument, gazetteer: Gazetteer) -> Extraction:
    """Return what `document` says about the parks, platforms and industries of `gazetteer`."""
    index = name_index(gazetteer)
    sentences = read_sentences(document, index)
    primary = primary_park(sentences)
    paragraphs = [s.text for s in sentences if not s.heading]
    event_day = event_date(paragraphs, document.published)
    facts = park_facts(
        sentences, Reading(index, gazetteer.industries, document.published, event_day)
    )
    found = known_mentions(sentences) + unknown_mentions(sentences, index, primary)
    established = {f.park_slug: f.established for f in facts if f.established}
    as_of = figure_dates(document, sentences, established)
    figures = figures_in(sentences, gazetteer.metrics, as_of)
    return Extraction(
        parks=in_order(found, EntityKind.PARK),
        platforms=in_order(found, EntityKind.PLATFORM),
        industries=industries_in(_body(sentences), gazetteer.industries),
        figures=figures,
        facts=facts,
        primary_park_slug=primary,
        event_date=event_day,
        warnings=_warnings(primary, figures, as_of),
    )


def _body(sentences: tuple[Sentence, ...]) -> str:
    # "Ministry of Industry and Information Technology" says nothing about the park's industries.
    return "\n".join(s.without(EntityKind.ORGANIZATION) for s in sentences)


def _warnings(
    primary: str, figures: tuple[FigureRecord, ...], as_of: dict[str, AsOf]
) -> tuple[str, ...]:
    warnings = [] if primary else ["The document names no known park."]
    parks_with_figures = dict.fromkeys(f.park_slug for f in figures)
    inferred = (as_of.get(p) for p in parks_with_figures)
    warnings += [when.warning for when in inferred if when and when.warning]
    warnings += [
        f"Figure '{f.value} {f.label}' has no as-of date." for f in figures if f.as_of is None
    ]
    return tuple(warnings)
