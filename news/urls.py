from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("news/", views.NewsItemListView.as_view(), name="item-list"),
    path("news/<str:slug>/", views.NewsItemDetailView.as_view(), name="item-detail"),
]
