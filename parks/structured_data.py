"""schema.org Organization + Place for a park page."""

from django.http import HttpRequest

from parks.models import Park
from portal.permalinks import permalink
from portal.structured_data import isoformat_partial

# Every park Parkwire covers lies in China; the model has no country of location.
PARK_COUNTRY = "CN"


def park_entity(park: Park, *, request: HttpRequest) -> dict:
    """Return the park as a schema.org Organization that is also a Place."""
    url = permalink(request, park)
    names = [park.short_name, *park.aliases]
    data = {
        "@context": "https://schema.org",
        "@type": ["Organization", "Place"],
        "@id": f"{url}#park",
        "url": url,
        "name": park.name,
        "alternateName": [name for name in dict.fromkeys(names) if name and name != park.name],
        "description": park.summary,
        "slogan": park.tagline,
        "foundingDate": isoformat_partial(park.established, park.established_precision),
        "address": _address(park),
        "telephone": park.hotline,
        "sameAs": [park.website] if park.website else [],
    }
    return {key: value for key, value in data.items() if value}


def _address(park: Park) -> dict | None:
    if not (park.city or park.province):
        return None
    parts = {"addressLocality": park.city, "addressRegion": park.province}
    return {
        "@type": "PostalAddress",
        **{k: v for k, v in parts.items() if v},
        "addressCountry": PARK_COUNTRY,
    }
