from django.urls import path

from parks import views

app_name = "parks"

urlpatterns = [
    path("parks/", views.ParkListView.as_view(), name="park-list"),
    path("parks/<str:slug>/", views.ParkDetailView.as_view(), name="park-detail"),
    path("platforms/", views.PlatformListView.as_view(), name="platform-list"),
    path("platforms/<str:slug>/", views.PlatformDetailView.as_view(), name="platform-detail"),
]
