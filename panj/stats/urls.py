"""Addresses of the statistics pages (signed in)."""

from django.urls import URLPattern, path

from panj.stats import views

app_name = "stats"

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("organisation/", views.organisation_dashboard, name="organisation"),
    path("network/", views.network_dashboard, name="network"),
    path("releases/", views.releases, name="releases"),
    path("releases/<uuid:release_id>/", views.release_detail, name="release"),
    path("releases/<uuid:release_id>/publish/", views.publish, name="publish"),
    path("releases/<uuid:release_id>/files/<str:name>", views.release_download, name="file"),
    path("references/", views.references, name="references"),
]
