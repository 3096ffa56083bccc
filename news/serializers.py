from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from news.models import Channel, NewsItem, Withdrawal
from parks.models import CooperationPlatform, Industry, Park
from parks.serializers import (
    IndustrySummarySerializer,
    ParkSummarySerializer,
    PlatformSummarySerializer,
    TextSlugRelatedField,
)
from portal.api.fields import UTC_FIELD_MAPPING, SlugIdentityField, UtcDateTimeField
from portal.slug_urls import reverse_slug

# Lists format times with this one field: reaching the serializer's own through `self.fields`
# built every declared field (nested serializers deep-copied) on each request, 9-14 % of the
# Python function calls of an API list or sync page.
UTC_TIME = UtcDateTimeField()


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

    def to_representation(self, item):
        return self.listed(item)

    def listed(self, item) -> dict:
        """What DRF's field-by-field walk gives for the list fields, built in one pass.

        The walk, with a nested serializer per relation, cost 5 ms of a 20-item page (40 % of
        an API list); tests/news/test_api_fast_representation.py keeps the two identical.
        """
        request = self.context.get("request")
        absolute = request.build_absolute_uri if request is not None else str
        utc = UTC_TIME.to_representation
        channel = item.channel

        def summaries(objects, view_name: str, serializer) -> list[dict]:
            """As `serializer` gives them: the slug address, then its other declared fields."""
            fields = [name for name in serializer.Meta.fields if name != "url"]
            return [
                {"url": absolute(reverse_slug(view_name, obj.slug))}
                | {name: getattr(obj, name) for name in fields}
                for obj in objects
            ]

        return {
            "url": absolute(reverse_slug("api:news-item-detail", item.slug)),
            "slug": item.slug,
            "title": item.title,
            "lead": item.lead,
            "status": item.status,
            "published_at": utc(item.published_at) if item.published_at else None,
            "published_precision": item.published_precision,
            "event_date": item.event_date.isoformat() if item.event_date else None,
            "channel": {"slug": channel.slug, "name": channel.name} if channel else None,
            "parks": summaries(item.shown_parks, "api:park-detail", ParkSummarySerializer),
            "platforms": summaries(
                item.shown_platforms, "api:platform-detail", PlatformSummarySerializer
            ),
            "industries": summaries(
                item.shown_industries, "api:industry-detail", IndustrySummarySerializer
            ),
            "source_name": item.source_name,
            "dateline": item.dateline,
            "updated_at": utc(item.updated_at),
        }


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

    def to_representation(self, item):
        # One item at a time (details, writes): DRF's own walk over every field.
        return serializers.HyperlinkedModelSerializer.to_representation(self, item)

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

    def to_representation(self, item):
        return {
            **self.listed(item),
            "source_title": item.source_title,
            "body": item.body,
            "source_url": item.source_url,
            "changed_at": UTC_TIME.to_representation(item.changed_at),
        }


class WithdrawalSerializer(serializers.ModelSerializer):
    """A slug whose item left the public site: a copy kept under it should go."""

    url = SlugIdentityField(
        "api:news-item-detail", help_text=_("The item's former address; it now answers 404.")
    )
    withdrawn_at = UtcDateTimeField(read_only=True, help_text=_("When it left; the sync order."))
    left = serializers.SerializerMethodField(
        help_text=_(
            "What it left: null for the public site, or the park, platform, industry or channel "
            'it is no longer in, such as {"park": "cicp"}, for copies narrowed to it.'
        )
    )

    class Meta:
        model = Withdrawal
        fields = ("url", "slug", "withdrawn_at", "left")

    @extend_schema_field(
        {"type": "object", "nullable": True, "additionalProperties": {"type": "string"}}
    )
    def get_left(self, withdrawal: Withdrawal) -> dict[str, str] | None:
        return {withdrawal.scope: withdrawal.scope_slug} if withdrawal.scope else None
