from django.views.generic import DetailView, ListView

from news.selectors import latest_news_about
from parks.figures import figure_series
from parks.models import CooperationPlatform, Park
from parks.selectors import park_detail, park_overview, platform_detail, platform_list
from portal.former_slugs import FollowsFormerSlugMixin
from portal.freshness import ConditionalPageMixin

PARK_NEWS = 8
PLATFORM_NEWS = 20


class ParkListView(ConditionalPageMixin, ListView):
    template_name = "parks/park_list.html"
    context_object_name = "park_list"

    def get_queryset(self):
        return park_overview()


class ParkDetailView(ConditionalPageMixin, FollowsFormerSlugMixin, DetailView):
    model = Park

    def get_object(self, queryset=None):
        return park_detail(slug=self.kwargs["slug"], news=PARK_NEWS)

    def get_context_data(self, **kwargs):
        series = figure_series(self.object.key_figures.all())
        news = self.object.latest_news
        return super().get_context_data(series=series, news=news, **kwargs)


class PlatformListView(ConditionalPageMixin, ListView):
    def get_queryset(self):
        return platform_list()


class PlatformDetailView(ConditionalPageMixin, FollowsFormerSlugMixin, DetailView):
    model = CooperationPlatform

    def get_object(self, queryset=None):
        return platform_detail(slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        news = latest_news_about(self.object, limit=PLATFORM_NEWS)
        return super().get_context_data(news=news, **kwargs)
