"""API exceptions of our own; each carries the `code` clients see in the error body."""

from rest_framework.exceptions import ValidationError


class InvalidFilter(ValidationError):
    default_code = "invalid_filter"


class InvalidCursor(InvalidFilter):
    default_code = "invalid_cursor"
