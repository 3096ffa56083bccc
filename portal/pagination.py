"""Page numbers that cost the same on page 1 and page 2,000 of a hundred thousand rows.

A deep page's ids come from an OFFSET over the index alone, then only those rows are loaded, so
deep pages never drag whole rows through the skipped ones (one more query, however deep). The
total is counted once per content generation and set of filters, and reused until content
changes or the next scheduled item appears (not when workers' caches are their own).
"""

import hashlib
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import QuerySet

from portal.per_generation import once_per_generation

# Below this offset a plain LIMIT/OFFSET is cheapest; beyond it, ids first, then their rows.
SHALLOW = 1000


def filters_key(request, *, ignore: tuple[str, ...]) -> str:
    """Return a key for the listing this request asks for, whatever page of it."""
    params = sorted((k, v) for k, v in request.GET.lists() if k not in ignore)
    raw = repr((request.path, params)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()


class FastPaginator(Paginator):
    def __init__(self, *args, count_key: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if not self.count_key:
            return super().count
        return once_per_generation(
            f"count:{self.count_key}", lambda: super(FastPaginator, self).count
        )

    def page(self, number):
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom < SHALLOW:
            return self._get_page(self.object_list[bottom:top], number, self)
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        # Unordered, so the database looks the rows up by id rather than walking its index.
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids).order_by()}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


class LenientPaginationMixin:
    """Show the nearest real page for `page=abc` or `page=99999` rather than an error."""

    paginator_class = FastPaginator

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        count_key = filters_key(self.request, ignore=(self.page_kwarg,))
        return FastPaginator(
            queryset, per_page, orphans, allow_empty_first_page, count_key=count_key
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


def lenient_page(items, number, *, per_page: int):
    """Return page `number` of `items`, or the nearest real page when it is bogus."""
    return FastPaginator(items, per_page).get_page(number)
