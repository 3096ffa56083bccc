"""Slugs for imported content: readable, unique, and stable once given."""

import hashlib

from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 200) -> str:
    """Return a slug for `text` that no `model` row uses yet (Chinese text stays readable)."""
    base = slugify(text, allow_unicode=True)[: max_length - 8].strip("-")
    if not base:
        base = "item-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug
