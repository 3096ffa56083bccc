from django.urls import path

from parks import views
from portal import slug_urls  # noqa: F401  (registers the <text:…> converter)

app_name = "parks"

urlpatterns = [
    path("parks/", views.ParkListView.as_view(), name="park-list"),
    path("parks/<text:slug>/", views.ParkDetailView.as_view(), name="park-detail"),
    path("platforms/", views.PlatformListView.as_view(), name="platform-list"),
    path("platforms/<text:slug>/", views.PlatformDetailView.as_view(), name="platform-detail"),
]
