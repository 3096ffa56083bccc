from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from news.models import Channel, NewsItem
from parks.models import CooperationPlatform, Industry, Park
from parks.serializers import (
    IndustrySummarySerializer,
    ParkSummarySerializer,
    PlatformSummarySerializer,
    TextSlugRelatedField,
)
from portal.api.fields import UTC_FIELD_MAPPING, SlugIdentityField, UtcDateTimeField


class ChannelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Channel
        fields = ("slug", "name")


class NewsItemListSerializer(serializers.HyperlinkedModelSerializer):
    """Everything a listing shows, without the body."""

    serializer_field_mapping = UTC_FIELD_MAPPING
    url = SlugIdentityField("api:news-item-detail")
    channel = ChannelSerializer(read_only=True, allow_null=True)
    parks = ParkSummarySerializer(many=True, read_only=True, source="shown_parks")
    platforms = PlatformSummarySerializer(many=True, read_only=True, source="shown_platforms")
    industries = IndustrySummarySerializer(many=True, read_only=True, source="shown_industries")

    class Meta:
        model = NewsItem
        fields = (
            *("url", "slug", "title", "lead", "status", "published_at", "published_precision"),
            *("event_date", "channel", "parks", "platforms", "industries", "source_name"),
            *("dateline", "updated_at"),
        )


def slugs_field(model, **kwargs) -> serializers.SlugRelatedField:
    return TextSlugRelatedField(
        slug_field="slug", queryset=model.objects.all(), write_only=True, required=False, **kwargs
    )


class NewsItemSerializer(NewsItemListSerializer):
    """A whole item; staff write relations by slug through the *_slug(s) fields."""

    channel_slug = slugs_field(Channel, source="channel", allow_null=True)
    park_slugs = slugs_field(Park, source="parks", many=True)
    platform_slugs = slugs_field(CooperationPlatform, source="platforms", many=True)
    industry_slugs = slugs_field(Industry, source="industries", many=True)

    class Meta(NewsItemListSerializer.Meta):
        fields = (
            *NewsItemListSerializer.Meta.fields,
            *("source_title", "body", "source_url", "channel_slug", "park_slugs"),
            *("platform_slugs", "industry_slugs"),
        )
        read_only_fields = ("updated_at",)

    def validate(self, attrs):
        status = attrs.get("status", getattr(self.instance, "status", None))
        published_at = attrs.get("published_at", getattr(self.instance, "published_at", None))
        if status == NewsItem.Status.PUBLISHED and published_at is None:
            raise serializers.ValidationError(
                {"published_at": [_("A published item needs a time.")]}
            )
        return attrs


class NewsItemSyncSerializer(NewsItemSerializer):
    changed_at = UtcDateTimeField(
        read_only=True, help_text=_("When the item last changed for readers; the sync order.")
    )

    class Meta(NewsItemSerializer.Meta):
        fields = (*NewsItemSerializer.Meta.fields, "changed_at")
