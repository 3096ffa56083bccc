from django.views.generic import DetailView
from django_filters.views import FilterView

from news.filters import PublishedNewsFilter
from news.models import NewsItem
from news.selectors import neighbours, news_item_detail, news_item_list, related_news
from news.view_counts import record_view
from portal.former_slugs import FollowsFormerSlugMixin
from portal.freshness import ConditionalPageMixin
from portal.pagination import LenientPaginationMixin


class NewsItemListView(ConditionalPageMixin, LenientPaginationMixin, FilterView):
    filterset_class = PublishedNewsFilter
    paginate_by = 20
    template_name = "news/newsitem_list.html"

    def get_queryset(self):
        return news_item_list()


class NewsItemDetailView(ConditionalPageMixin, FollowsFormerSlugMixin, DetailView):
    model = NewsItem

    def get_object(self, queryset=None):
        item = news_item_detail(slug=self.kwargs["slug"])
        record_view(item.pk)
        item.view_count += 1
        self.request.viewed_news_item = item.pk  # so a cached copy of this page counts too
        return item

    def get_context_data(self, **kwargs):
        previous, following = neighbours(self.object)
        related = related_news(self.object)
        return super().get_context_data(
            previous=previous, next=following, related=related, **kwargs
        )
