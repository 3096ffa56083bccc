import factory
from factory.django import DjangoModelFactory

from parks.models import CooperationPlatform, Country, Industry, KeyFigure, Organization, Park


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name = factory.Sequence(lambda n: f"Country {n}")


class IndustryFactory(DjangoModelFactory):
    class Meta:
        model = Industry

    name = factory.Sequence(lambda n: f"Industry {n}")
    slug = factory.Sequence(lambda n: f"industry-{n}")


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class ParkFactory(DjangoModelFactory):
    class Meta:
        model = Park

    name = factory.Sequence(lambda n: f"Innovation Park {n}")
    slug = factory.Sequence(lambda n: f"innovation-park-{n}")
    city = "Changzhou"
    province = "Jiangsu"
    is_published = True


class PlatformFactory(DjangoModelFactory):
    class Meta:
        model = CooperationPlatform

    name = factory.Sequence(lambda n: f"Research Institute {n}")
    slug = factory.Sequence(lambda n: f"research-institute-{n}")
    kind = CooperationPlatform.Kind.RESEARCH_INSTITUTE
    park = factory.SubFactory(ParkFactory)
    is_published = True


class KeyFigureFactory(DjangoModelFactory):
    class Meta:
        model = KeyFigure

    park = factory.SubFactory(ParkFactory)
    metric = "enterprises"
    label = "Enterprises"
    value = 10
    unit = "enterprises"
    status = KeyFigure.Status.CONFIRMED
