"""Write one parsed and extracted document to the database.

Upserts by natural key (the file name for documents, the document for news items and figures,
the slug for parks and platforms), through `merge_imported`, so a second run changes nothing and
staff edits are never overwritten. Call inside a transaction: the pipeline gives each document its own.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Model
from simple_history.utils import update_change_reason

from news.models import Channel, NewsItem, SourceDocument
from parks.models import CooperationPlatform, Designation, Industry, KeyFigure, Organization, Park

from .extraction.sentences import split_sentences
from .merging import change_reason, merge_imported
from .records import (
    BlockKind,
    DocumentKind,
    Extraction,
    Mention,
    ParkFacts,
    ParsedDocument,
)
from .slugs import unique_slug

TITLE_MAX = 300


@dataclass
class LoadedDocument:
    created: bool
    changed: bool = False
    parks: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RawFile:
    name: str
    sha256: str
    size: int
    text: str


def load_document(
    *, raw: RawFile, parsed: ParsedDocument, extraction: Extraction, confirm_figures: bool = True
) -> LoadedDocument:
    """Create or update everything `raw` produces; return what changed and what staff should check."""
    document, created = _upsert_source(raw, parsed)
    result = LoadedDocument(created=created, changed=created)
    result.warnings += list(parsed.warnings) + list(extraction.warnings)
    parks = _resolve_parks(extraction.parks, document, result)
    platforms = _resolve_platforms(extraction.platforms, parks, document, result)
    for facts in extraction.facts:
        if facts.park_slug in parks:
            _apply_facts(parks[facts.park_slug], facts, document, result)
    primary = parks.get(extraction.primary_park_slug)
    if parsed.kind == DocumentKind.PROFILE:
        _apply_profile(primary, parsed, document, result)
    else:
        _apply_news(parsed, extraction, document, parks, platforms, result)
        for park, paragraphs in _profile_sections(parsed, parks.values()):
            _merge(park, _profile_values(paragraphs), document, result)
        if primary and parsed.hotline:
            _merge(primary, {"hotline": parsed.hotline}, document, result)
    _load_figures(extraction, parks, document, confirm_figures, result)
    result.parks = [p.name for p in parks.values()]
    result.platforms = [p.name for p in platforms.values()]
    if document.warnings != result.warnings:
        document.warnings = result.warnings
        document.save(update_fields=["warnings", "updated_at"])
        result.changed = True
    if result.changed and document.reviewed_at:
        # What staff reviewed has changed: the document goes back to the review queue.
        SourceDocument.objects.filter(pk=document.pk).update(reviewed_at=None, reviewed_by=None)
    return result


def _upsert_source(raw: RawFile, parsed: ParsedDocument) -> tuple[SourceDocument, bool]:
    document = SourceDocument.objects.filter(name=raw.name).first()
    created = document is None
    document = document or SourceDocument(name=raw.name)
    values = {
        "sha256": raw.sha256,
        "size": raw.size,
        "raw_text": raw.text,
        "format": str(parsed.format),
        "kind": str(parsed.kind),
    }
    if created or any(getattr(document, k) != v for k, v in values.items()):
        for key, value in values.items():
            setattr(document, key, value)
        document.full_clean(exclude=["warnings"], validate_unique=False)
        document.save()
    return document, created


def _resolve_parks(mentions, document, result) -> dict[str, Park]:
    known = Park.objects.in_bulk([m.slug for m in mentions if m.known], field_name="slug")
    parks: dict[str, Park] = {}
    for mention in mentions:
        park = known.get(mention.slug) or Park.objects.filter(name=mention.name).first()
        if park is None:
            park = Park.objects.create(
                name=mention.name[:200],
                slug=unique_slug(Park, mention.name),
                is_published=False,
                source_document=document,
            )
            update_change_reason(park, change_reason(document.name))
            result.changed = True
        if not park.is_published:
            result.warnings.append(
                f"Park {park.name!r} is not yet reviewed: saved as an unpublished draft."
            )
        parks[mention.slug or park.slug] = park
    return parks


def _resolve_platforms(mentions, parks, document, result) -> dict[str, CooperationPlatform]:
    known = CooperationPlatform.objects.in_bulk(
        [m.slug for m in mentions if m.known], field_name="slug"
    )
    platforms: dict[str, CooperationPlatform] = {}
    for mention in mentions:
        platform = (
            known.get(mention.slug) or CooperationPlatform.objects.filter(name=mention.name).first()
        )
        if platform is None:
            platform = _create_draft_platform(mention, parks, document)
            update_change_reason(platform, change_reason(document.name))
            result.changed = True
        if not platform.is_published:
            result.warnings.append(
                f"Platform {platform.name!r} is not yet reviewed: saved as an unpublished draft."
            )
        platforms[mention.slug or platform.slug] = platform
    return platforms


def _create_draft_platform(mention: Mention, parks, document) -> CooperationPlatform:
    kinds = CooperationPlatform.Kind
    return CooperationPlatform.objects.create(
        name=mention.name[:200],
        slug=unique_slug(CooperationPlatform, mention.name),
        kind=mention.platform_kind if mention.platform_kind in kinds.values else kinds.OTHER,
        park=parks.get(mention.park_slug),
        is_published=False,
        source_document=document,
    )


def _apply_facts(park: Park, facts: ParkFacts, document, result) -> None:
    values = {}
    for name in ("established", "opened"):
        partial = getattr(facts, name)
        if partial:
            values[name], values[f"{name}_precision"] = partial.value, str(partial.precision)
    if facts.sponsors:
        values["sponsors"] = [
            _organization(n, Organization.Kind.GOVERNMENT) for n in facts.sponsors
        ]
    if facts.notable_companies:
        values["notable_companies"] = [
            _organization(n, Organization.Kind.COMPANY) for n in facts.notable_companies
        ]
    if facts.focus_industries:
        values["focus_industries"] = list(Industry.objects.filter(slug__in=facts.focus_industries))
    if facts.positioning:
        values["tagline"] = facts.positioning
    _merge(park, values, document, result)
    for designation in facts.designations:
        _, created = Designation.objects.get_or_create(
            park=park,
            title=designation.title[:300],
            defaults={
                "awarded_by": designation.awarded_by[:300],
                "source_document": document,
                "source_sentence": designation.sentence,
            },
        )
        result.changed |= created


def _organization(name: str, kind: str) -> Organization:
    organization = Organization.objects.filter(name=name).first()
    if organization is None:
        organization = Organization.objects.create(
            name=name[:200], slug=unique_slug(Organization, name), kind=kind
        )
    return organization


def _apply_profile(park: Park | None, parsed: ParsedDocument, document, result) -> None:
    if park is None:
        result.warnings.append(
            "Could not tell which park this profile describes; nothing was updated."
        )
        return
    _merge(park, _profile_values(parsed.paragraphs), document, result)
    if document.profile_park_id != park.pk:
        document.profile_park = park
        document.save(update_fields=["profile_park", "updated_at"])
        result.changed = True


def _profile_values(paragraphs) -> dict:
    return {"summary": first_sentences(paragraphs[0]), "profile": "\n\n".join(paragraphs)}


def _profile_sections(parsed: ParsedDocument, parks) -> list[tuple[Park, list[str]]]:
    """Find sections headed by a park's name, as press releases add a profile of the park."""
    names = {
        name: park for park in parks for name in (park.name, park.short_name, *park.aliases) if name
    }
    sections: list[tuple[Park, list[str]]] = []
    current: list[str] | None = None
    for block in parsed.blocks:
        if block.kind == BlockKind.HEADING:
            park = names.get(block.text.strip())
            current = [] if park else None
            if park:
                sections.append((park, current))
        elif current is not None:
            current.append(block.text)
    return [(park, paragraphs) for park, paragraphs in sections if paragraphs]


def _apply_news(parsed, extraction, document, parks, platforms, result) -> None:
    item = NewsItem.objects.filter(source_document=document).first()
    if item is None:
        item = NewsItem(
            source_document=document, slug=unique_slug(NewsItem, parsed.title, max_length=255)
        )
    title = parsed.title or first_sentences(parsed.paragraphs[0], limit=120)
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
        result.warnings.append("Title longer than 300 characters: shortened.")
    status = NewsItem.Status.PUBLISHED if parsed.published else NewsItem.Status.DRAFT
    if not parsed.published:
        result.warnings.append("No publication date: the news item was saved as a draft.")
    values = {
        "title": title,
        "source_title": parsed.source_title[:TITLE_MAX],
        "lead": first_sentences(parsed.paragraphs[0]) if parsed.paragraphs else "",
        "body": body_markdown(parsed),
        "status": status,
        "published_at": parsed.published,
        "published_precision": str(parsed.published_precision or "day"),
        "event_date": extraction.event_date,
        "channel": _channel(parsed.channel),
        "source_name": parsed.source_name[:200],
        "dateline": parsed.dateline[:200],
        "parks": list(parks.values()),
        "platforms": list(platforms.values()),
        "industries": list(Industry.objects.filter(slug__in=extraction.industries)),
    }
    _merge(item, values, document, result)


def _channel(name: str) -> Channel | None:
    if not name:
        return None
    channel = Channel.objects.filter(name=name).first()
    return channel or Channel.objects.create(name=name[:200], slug=unique_slug(Channel, name))


def _load_figures(extraction, parks, document, confirm_figures, result) -> None:
    kept = set()
    for record in _one_per_series(extraction.figures, result):
        park = parks.get(record.park_slug)
        if park is None:
            continue
        key = {
            "source_document": document,
            "park": park,
            "metric": record.metric,
            "change": str(record.change),
        }
        figure = KeyFigure.objects.filter(**key).first() or KeyFigure(**key)
        values = {
            "label": record.label,
            "value": record.value,
            "unit": record.unit,
            "qualifier": str(record.qualifier),
            "as_of": record.as_of,
            "as_of_precision": str(record.as_of_precision or ""),
            "source_sentence": record.sentence,
        }
        if confirm_figures:
            values["status"] = KeyFigure.Status.CONFIRMED
        _merge(figure, values, document, result)
        kept.add(figure.pk)
    stale = KeyFigure.objects.filter(source_document=document).exclude(pk__in=kept)
    if stale.exists():
        stale.delete()
        result.changed = True


def _one_per_series(figures, result) -> list:
    """Keep the first figure of each (park, metric, change): a document gives one value per series."""
    first: dict[tuple, object] = {}
    for record in figures:
        key = (record.park_slug, record.metric, record.change)
        if key not in first:
            first[key] = record
        elif first[key].value != record.value:
            result.warnings.append(
                f"The document gives more than one {record.label.lower()} ({record.change}); "
                f"kept {first[key].value}, ignored {record.value}."
            )
    return list(first.values())


def _merge(instance: Model, values: dict, document, result: LoadedDocument) -> None:
    outcome = merge_imported(instance, values, source=document.name)
    result.changed |= bool(outcome.changed)
    result.warnings += outcome.notes


_MARKDOWN_START = re.compile(r"^(\s*)([#>*+\-=`|]|\d+[.)]\s)")


def first_sentences(paragraph: str, *, limit: int = 300) -> str:
    """Return the paragraph's leading sentences, up to `limit` characters, for a lead or summary."""
    lead = ""
    for _, sentence in split_sentences(paragraph.strip()):
        if lead and len(lead) + len(sentence) + 1 > limit:
            break
        lead = f"{lead} {sentence}".strip()
    if len(lead) > limit:
        lead = lead[: limit - 1].rsplit(" ", 1)[0] + "…"
    return lead


def body_markdown(parsed: ParsedDocument) -> str:
    """Return the body as Markdown: paragraphs as they are (escaped), sub-headings as `## `."""
    parts = []
    for block in parsed.blocks:
        if block.kind == BlockKind.HEADING:
            parts.append(f"## {block.text}")
        else:
            parts.append(_MARKDOWN_START.sub(lambda m: m.group(1) + "\\" + m.group(2), block.text))
    return "\n\n".join(parts)
