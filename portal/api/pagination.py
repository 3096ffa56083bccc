"""Page numbers for browsing; a keyset cursor for clients that walk everything.

The cursor endpoint orders by a unique key, (a timestamp, id), and resumes strictly after the
last key a client saw, so every page costs the same and items published meanwhile never shift
what comes next. The view chooses the timestamp; see news/api.py for why it is not just the
publication time.

A row is stamped when it is written and seen when its transaction commits, so a row stamped a
moment before another can become visible after a client has read past the later one. The cursor
handed out therefore never passes the last SYNC_SETTLE_SECONDS: the next walk reads those rows
again, with any that committed late. A copy applies them as updates, so seeing a row twice is
harmless; missing one would leave the copy wrong for good.
"""

import base64
import binascii
import datetime as dt
from functools import partial

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from portal.api.exceptions import InvalidCursor, InvalidFilter
from portal.pagination import FastPaginator, filters_key


def positive_int_param(request, name: str, *, maximum: int | None = None) -> int | None:
    """Read an optional positive integer query parameter, or answer 400."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise InvalidFilter({name: [_("Enter a whole number of at least 1.")]})
    if maximum is not None and int(raw) > maximum:
        raise InvalidFilter(
            {name: [_("Enter a number no greater than %(max)d.") % {"max": maximum}]}
        )
    return int(raw)


class PagePagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        positive_int_param(request, self.page_query_param)
        count_key = filters_key(request, ignore=(self.page_query_param,))
        self.django_paginator_class = partial(FastPaginator, count_key=count_key)
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request):
        size = positive_int_param(request, self.page_size_query_param, maximum=self.max_page_size)
        return size or self.page_size

    def get_query_params(self) -> set[str]:
        return {self.page_query_param, self.page_size_query_param}

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


class KeysetCursorPagination(BasePagination):
    """Walk a queryset in (key_field, id) order, resuming after an opaque cursor."""

    key_field = "changed_at"
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    page_size = 20  # whole items of 2–4 KB: a page near 100 KB; a bulk copy may ask for 500
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = positive_int_param(request, self.page_size_query_param, maximum=self.max_page_size)
        position = self.decode_cursor(request.query_params.get(self.cursor_query_param))
        queryset = self.after(queryset, position)
        # Sort only (key, id) pairs, then load the page's rows: sorting whole rows is far slower.
        keys = queryset.values("pk")[: (size or self.page_size) + 1]
        rows = list(queryset.filter(pk__in=keys))
        self.has_more = len(rows) > (size or self.page_size)
        rows = rows[: size or self.page_size]
        self.position = (getattr(rows[-1], self.key_field), rows[-1].pk) if rows else position
        settled = timezone.now() - dt.timedelta(seconds=settings.SYNC_SETTLE_SECONDS)
        if self.position is not None and self.position[0] > settled:
            # Stop the cursor short of what may still be settling; the walk ends here for now
            # (from a full page of recent rows, following `next` would return the same page).
            self.position, self.has_more = (settled, 0), False
        return rows

    def after(self, queryset, position):
        """Order by (key, id) from just after `position`, seeking the (status, key, id) index.

        The key is bounded on both sides (no published item changed after now): given only
        the publication-time bound, SQLite without statistics walked that index instead and
        sorted every published row.
        """
        queryset = queryset.order_by(self.key_field, "pk")
        queryset = queryset.filter(**{f"{self.key_field}__lte": timezone.now()})
        if position is None:
            return queryset
        key, pk = position
        return queryset.filter(
            Q(**{f"{self.key_field}__gt": key}) | Q(pk__gt=pk), **{f"{self.key_field}__gte": key}
        )

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "has_more": self.has_more, "results": data})

    def get_next_link(self) -> str | None:
        url = self.request.build_absolute_uri()
        if self.position is None:
            return remove_query_param(url, self.cursor_query_param)
        return replace_query_param(url, self.cursor_query_param, self.encode_cursor(self.position))

    def encode_cursor(self, position) -> str:
        key, pk = position
        raw = f"{key.astimezone(dt.UTC).isoformat()}|{pk}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def decode_cursor(self, cursor: str | None):
        if cursor is None:
            return None
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
            key, pk = raw.split("|")
            key, pk = dt.datetime.fromisoformat(key), int(pk)
            if key.tzinfo is None:
                raise ValueError
            key = key.astimezone(dt.UTC)
        except (ValueError, OverflowError, UnicodeError, binascii.Error):
            message = _("This cursor is not one the API gave out.")
            raise InvalidCursor({self.cursor_query_param: [message]}) from None
        return key, pk

    def get_query_params(self) -> set[str]:
        return {self.cursor_query_param, self.page_size_query_param}

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "has_more", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "Fetch this next; if has_more is false, keep it, poll later.",
                },
                "has_more": {"type": "boolean"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The opaque cursor from a previous response's `next`.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Items per page, 1 to {self.max_page_size}.",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]


class WithdrawalCursorPagination(KeysetCursorPagination):
    """The same walk over withdrawals, by when each item left; their rows are a few bytes."""

    key_field = "withdrawn_at"
    page_size = 100
    max_page_size = 1000
