from django.core.paginator import Paginator


class LenientPaginationMixin:
    """Show the nearest real page for `page=abc` or `page=99999` rather than an error."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


def lenient_page(items, number, *, per_page: int):
    """Return page `number` of `items`, or the nearest real page when it is bogus."""
    return Paginator(items, per_page).get_page(number)
