"""Match industry keywords (case-insensitive, whole words) against text."""

import re
from functools import lru_cache

from ..records import IndustryTerm


@lru_cache(maxsize=256)
def _pattern(term: IndustryTerm) -> re.Pattern | None:
    keywords = sorted((k for k in term.keywords if k.strip()), key=len, reverse=True)
    if not keywords:
        return None
    alternatives = "|".join(re.escape(k) for k in keywords)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def industries_in(text: str, terms: tuple[IndustryTerm, ...]) -> tuple[str, ...]:
    """Return the slugs of the industries `text` mentions, in taxonomy order."""
    found = []
    for term in terms:
        pattern = _pattern(term)
        if pattern and pattern.search(text) and term.slug not in found:
            found.append(term.slug)
    return tuple(found)
