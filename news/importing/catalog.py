"""Keep the database's parks, platforms and taxonomies in step with the curated reference file,
and describe what the database knows to the extractor."""

from parks.models import CooperationPlatform, Country, Industry, Organization, Park

from .merging import merge_imported
from .records import EntityKind, GazetteerEntry
from .reference import Reference

REFERENCE_SOURCE = "reference.toml"


def sync_reference(reference: Reference) -> list[str]:
    """Create or update everything the reference file lists; return notes on kept staff edits."""
    notes: list[str] = []
    for country in reference.countries:
        _ensure(Country, {"code": country.code}, {"name": country.name})
    for industry in reference.industries:
        _ensure(Industry, {"slug": industry.slug}, {"name": industry.name})
    for org in reference.organizations:
        _ensure(Organization, {"slug": org.slug}, {"name": org.name, "aliases": list(org.aliases)})
    for park in reference.parks:
        notes += _sync_park(park)
    for platform in reference.platforms:
        obj = CooperationPlatform.objects.filter(slug=platform.slug).first()
        obj = obj or CooperationPlatform(slug=platform.slug)
        park = Park.objects.filter(slug=platform.park).first() if platform.park else None
        values = {"name": platform.name, "aliases": list(platform.aliases), "kind": platform.kind}
        notes += _merge(obj, {**values, "park": park, "is_published": True})
    return notes


def _sync_park(park) -> list[str]:
    obj = Park.objects.filter(slug=park.slug).first() or Park(slug=park.slug)
    countries = list(Country.objects.filter(code__in=park.partner_countries))
    values = {
        "name": park.name,
        "short_name": park.short_name,
        "aliases": list(park.aliases),
        "city": park.city,
        "district": park.district,
        "province": park.province,
        "hotline": park.hotline,
        "website": park.website,
        "is_published": True,
        "partner_countries": countries,
    }
    return _merge(obj, {k: v for k, v in values.items() if v not in ("", [])})


def _ensure(model, lookup: dict, values: dict) -> None:
    """Create a taxonomy row, or fill its empty fields: staff own whatever they have filled in."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        model.objects.create(**lookup, **values)
        return
    empty = {k: v for k, v in values.items() if getattr(obj, k) in ("", None, [])}
    if empty:
        model.objects.filter(pk=obj.pk).update(**empty)


def _merge(obj, values) -> list[str]:
    return merge_imported(obj, values, source=REFERENCE_SOURCE).notes


def database_entries() -> tuple[GazetteerEntry, ...]:
    """Return every park, platform and organisation in the database, drafts included."""
    parks = tuple(
        GazetteerEntry(EntityKind.PARK, p.slug, p.name, _aliases(p), published=p.is_published)
        for p in Park.objects.only("slug", "name", "short_name", "aliases", "is_published")
    )
    platforms = tuple(
        GazetteerEntry(
            EntityKind.PLATFORM,
            p.slug,
            p.name,
            _aliases(p),
            published=p.is_published,
            platform_kind=p.kind,
            park_slug=p.park.slug if p.park else "",
        )
        for p in CooperationPlatform.objects.select_related("park")
    )
    organizations = tuple(
        GazetteerEntry(EntityKind.ORGANIZATION, o.slug, o.name, _aliases(o))
        for o in Organization.objects.all()
    )
    return parks + platforms + organizations


def _aliases(obj) -> tuple[str, ...]:
    aliases = [a for a in (obj.aliases or []) if isinstance(a, str) and a.strip()]
    short = getattr(obj, "short_name", "")
    return tuple(dict.fromkeys(([short] if short else []) + aliases))
