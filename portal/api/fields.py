"""Serializer fields every API resource shares."""

import datetime as dt

from django.db import models
from rest_framework import serializers

from portal.slug_urls import reverse_slug


class UtcDateTimeField(serializers.DateTimeField):
    """Read and write times in UTC: RFC 3339 cannot express Asia/Shanghai's historic offsets."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default_timezone", dt.UTC)
        super().__init__(**kwargs)


UTC_FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.DateTimeField: UtcDateTimeField,
}


class SlugIdentityField(serializers.HyperlinkedIdentityField):
    """The resource's own address by slug, reversed cheaply: API lists print one per object."""

    def __init__(self, view_name: str, **kwargs):
        super().__init__(view_name=view_name, lookup_field="slug", **kwargs)

    def get_url(self, obj, view_name, request, format):
        if format is not None:  # ?format= addresses: let DRF build them
            return super().get_url(obj, view_name, request, format)
        url = reverse_slug(view_name, obj.slug)
        return request.build_absolute_uri(url) if request is not None else url
