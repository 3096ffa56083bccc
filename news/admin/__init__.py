"""The newsroom in the Django admin: items and their workflow, documents, import and review."""

from news.admin import documents, items

__all__ = ["documents", "items"]
