"""Serializer fields every API resource shares."""

import datetime as dt

from django.db import models
from rest_framework import serializers


class UtcDateTimeField(serializers.DateTimeField):
    """Read and write times in UTC: RFC 3339 cannot express Asia/Shanghai's historic offsets."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default_timezone", dt.UTC)
        super().__init__(**kwargs)


UTC_FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.DateTimeField: UtcDateTimeField,
}
