"""Read the curated reference file (seeds/reference.toml) into plain records.

The file is edited by staff, so every problem is reported as a `ReferenceError` naming the
entry, never as a traceback.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .records import EntityKind, Gazetteer, GazetteerEntry, IndustryTerm, Metric


class ReferenceError(ValueError):
    """The reference file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class ParkReference:
    slug: str
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    partner_countries: tuple[str, ...] = ()
    city: str = ""
    district: str = ""
    province: str = ""
    hotline: str = ""
    website: str = ""


@dataclass(frozen=True)
class PlatformReference:
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    park: str = ""


@dataclass(frozen=True)
class CountryReference:
    code: str
    name: str


@dataclass(frozen=True)
class Reference:
    countries: tuple[CountryReference, ...]
    parks: tuple[ParkReference, ...]
    platforms: tuple[PlatformReference, ...]
    organizations: tuple[GazetteerEntry, ...]
    industries: tuple[IndustryTerm, ...]
    metrics: tuple[Metric, ...]

    def gazetteer(self, extra: tuple[GazetteerEntry, ...] = ()) -> Gazetteer:
        """Return the reference entities, plus `extra` ones (e.g. from the database)."""
        parks = tuple(
            GazetteerEntry(EntityKind.PARK, p.slug, p.name, p.aliases) for p in self.parks
        )
        platforms = tuple(
            GazetteerEntry(
                EntityKind.PLATFORM,
                p.slug,
                p.name,
                p.aliases,
                platform_kind=p.kind,
                park_slug=p.park,
            )
            for p in self.platforms
        )
        known = {(e.kind, e.slug) for e in parks + platforms + self.organizations}
        extra = tuple(e for e in extra if (e.kind, e.slug) not in known)
        return Gazetteer(
            entries=parks + platforms + self.organizations + extra,
            metrics=self.metrics,
            industries=self.industries,
        )


_PARK_FIELDS = {f for f in ParkReference.__dataclass_fields__}
_PLATFORM_FIELDS = {f for f in PlatformReference.__dataclass_fields__}


def load_reference(path: Path) -> Reference:
    """Parse and validate the reference file at `path`."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReferenceError(f"reference file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReferenceError(f"reference file {path} is not valid TOML: {exc}") from None
    reference = Reference(
        countries=tuple(_country(item) for item in data.get("country", [])),
        parks=tuple(
            _build(ParkReference, item, _PARK_FIELDS, "park") for item in data.get("park", [])
        ),
        platforms=tuple(
            _build(PlatformReference, item, _PLATFORM_FIELDS, "platform")
            for item in data.get("platform", [])
        ),
        organizations=tuple(_organization(item) for item in data.get("organization", [])),
        industries=tuple(_industry(item) for item in data.get("industry", [])),
        metrics=tuple(_metric(item) for item in data.get("metric", [])),
    )
    _check_park_links(reference)
    return reference


def _build(cls, item: dict, allowed: set[str], label: str):
    unknown = set(item) - allowed
    if unknown:
        raise ReferenceError(f"{label} {item.get('slug', '?')!r}: unknown keys {sorted(unknown)}")
    if not item.get("slug") or not item.get("name"):
        raise ReferenceError(f"every {label} needs a slug and a name: {item!r}")
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in item.items()}
    try:
        return cls(**values)
    except TypeError as exc:
        raise ReferenceError(f"{label} {item['slug']!r}: {exc}") from None


def _country(item: dict) -> CountryReference:
    code = str(item.get("code", ""))
    if len(code) != 2 or not code.isalpha() or not item.get("name"):
        raise ReferenceError(f"every country needs a two-letter code and a name: {item!r}")
    return CountryReference(code.upper(), item["name"])


def _organization(item: dict) -> GazetteerEntry:
    if not item.get("slug") or not item.get("name"):
        raise ReferenceError(f"every organization needs a slug and a name: {item!r}")
    return GazetteerEntry(
        EntityKind.ORGANIZATION, item["slug"], item["name"], tuple(item.get("aliases", ()))
    )


def _industry(item: dict) -> IndustryTerm:
    if not item.get("slug") or not item.get("name"):
        raise ReferenceError(f"every industry needs a slug and a name: {item!r}")
    return IndustryTerm(item["slug"], item["name"], tuple(item.get("keywords", ())))


def _metric(item: dict) -> Metric:
    for key in ("key", "label", "unit", "patterns"):
        if not item.get(key):
            raise ReferenceError(f"metric {item.get('key', '?')!r} needs {key!r}")
    for pattern in item["patterns"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ReferenceError(
                f"metric {item['key']!r}: bad pattern {pattern!r}: {exc}"
            ) from None
    return Metric(item["key"], item["label"], item["unit"], tuple(item["patterns"]))


def _check_park_links(reference: Reference) -> None:
    park_slugs = {p.slug for p in reference.parks}
    country_codes = {c.code for c in reference.countries}
    for park in reference.parks:
        for code in park.partner_countries:
            if code not in country_codes:
                raise ReferenceError(f"park {park.slug!r} names unknown country {code!r}")
    for platform in reference.platforms:
        if platform.park and platform.park not in park_slugs:
            raise ReferenceError(f"platform {platform.slug!r} names unknown park {platform.park!r}")
