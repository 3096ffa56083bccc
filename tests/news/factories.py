import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from news.models import Channel, NewsItem, SourceDocument


class SourceDocumentFactory(DjangoModelFactory):
    class Meta:
        model = SourceDocument

    name = factory.Sequence(lambda n: f"document-{n}.txt")
    sha256 = "0" * 64
    size = 100
    raw_text = "Some text."
    format = SourceDocument.Format.PLAIN_ARTICLE
    kind = SourceDocument.Kind.NEWS


class ChannelFactory(DjangoModelFactory):
    class Meta:
        model = Channel

    name = factory.Sequence(lambda n: f"Channel {n}")
    slug = factory.Sequence(lambda n: f"channel-{n}")


class NewsItemFactory(DjangoModelFactory):
    class Meta:
        model = NewsItem

    title = factory.Sequence(lambda n: f"Park news {n}")
    slug = factory.Sequence(lambda n: f"park-news-{n}")
    body = "First paragraph.\n\nSecond paragraph."
    status = NewsItem.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
