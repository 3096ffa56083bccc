from django.urls import path

from news import views
from portal import slug_urls  # noqa: F401  (registers the <text:…> converter)

app_name = "news"

urlpatterns = [
    path("news/", views.NewsItemListView.as_view(), name="item-list"),
    path("news/<text:slug>/", views.NewsItemDetailView.as_view(), name="item-detail"),
]
