from rest_framework import serializers

from parks.models import (
    CooperationPlatform,
    Country,
    Designation,
    Industry,
    KeyFigure,
    Organization,
    Park,
)
from portal.api.fields import UTC_FIELD_MAPPING, SlugIdentityField


class TextSlugRelatedField(serializers.SlugRelatedField):
    """Relate by slug; text PostgreSQL cannot compare (NUL) is simply an unknown slug."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", ""))
        return super().to_internal_value(data)


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ("code", "name")


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ("slug", "name", "kind", "website")


class DesignationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Designation
        fields = ("title", "awarded_by")


class IndustrySummarySerializer(serializers.HyperlinkedModelSerializer):
    url = SlugIdentityField("api:industry-detail")

    class Meta:
        model = Industry
        fields = ("url", "slug", "name")


class IndustrySerializer(IndustrySummarySerializer):
    class Meta(IndustrySummarySerializer.Meta):
        fields = ("url", "slug", "name", "description")


class ParkSummarySerializer(serializers.HyperlinkedModelSerializer):
    serializer_field_mapping = UTC_FIELD_MAPPING
    url = SlugIdentityField("api:park-detail")

    class Meta:
        model = Park
        fields = ("url", "slug", "name", "short_name")


class PlatformSummarySerializer(serializers.HyperlinkedModelSerializer):
    serializer_field_mapping = UTC_FIELD_MAPPING
    url = SlugIdentityField("api:platform-detail")

    class Meta:
        model = CooperationPlatform
        fields = ("url", "slug", "name", "kind")


class ParkListSerializer(ParkSummarySerializer):
    partner_countries = CountrySerializer(many=True, read_only=True)
    focus_industries = IndustrySummarySerializer(many=True, read_only=True)

    class Meta(ParkSummarySerializer.Meta):
        fields = (
            *ParkSummarySerializer.Meta.fields,
            *("tagline", "summary", "city", "province", "partner_countries", "focus_industries"),
            *("established", "established_precision", "is_published", "updated_at"),
        )


class ParkSerializer(ParkListSerializer):
    """A park's whole public profile; staff write its own fields (relations stay in the admin)."""

    sponsors = OrganizationSerializer(many=True, read_only=True)
    notable_companies = OrganizationSerializer(many=True, read_only=True)
    designations = DesignationSerializer(many=True, read_only=True)
    platforms = PlatformSummarySerializer(many=True, read_only=True)
    figures_url = serializers.HyperlinkedIdentityField(
        view_name="api:park-figure-list", lookup_field="slug", lookup_url_kwarg="park_slug"
    )

    class Meta(ParkListSerializer.Meta):
        fields = (
            *ParkListSerializer.Meta.fields,
            *("aliases", "profile", "district", "opened", "opened_precision", "hotline", "website"),
            *("sponsors", "notable_companies", "designations", "platforms", "figures_url"),
        )
        read_only_fields = ("updated_at",)


class PlatformListSerializer(PlatformSummarySerializer):
    park = ParkSummarySerializer(read_only=True, allow_null=True)
    park_slug = TextSlugRelatedField(
        source="park",
        slug_field="slug",
        queryset=Park.objects.all(),
        write_only=True,
        required=False,
        allow_null=True,
        help_text="The park's slug; null for a regional platform.",
    )

    class Meta(PlatformSummarySerializer.Meta):
        fields = (
            *PlatformSummarySerializer.Meta.fields,
            *("park", "park_slug", "website", "is_published", "updated_at"),
        )


class PlatformSerializer(PlatformListSerializer):
    class Meta(PlatformListSerializer.Meta):
        fields = (*PlatformListSerializer.Meta.fields, "aliases", "description", "is_featured")
        read_only_fields = ("updated_at",)


class KeyFigureSerializer(serializers.HyperlinkedModelSerializer):
    serializer_field_mapping = UTC_FIELD_MAPPING
    url = serializers.HyperlinkedIdentityField(view_name="api:key-figure-detail")
    park = ParkSummarySerializer(read_only=True)
    park_slug = TextSlugRelatedField(
        source="park",
        slug_field="slug",
        queryset=Park.objects.all(),
        write_only=True,
    )

    class Meta:
        model = KeyFigure
        fields = (
            *("url", "id", "park", "park_slug", "metric", "label", "value", "unit", "qualifier"),
            *("change", "as_of", "as_of_precision", "status", "source_sentence", "updated_at"),
        )
        read_only_fields = ("updated_at",)
