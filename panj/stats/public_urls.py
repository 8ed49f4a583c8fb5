"""Addresses of open data, public: /open-data/."""

from django.urls import URLPattern, path

from panj.stats import public_views

app_name = "open_data"

urlpatterns: list[URLPattern] = [
    path("", public_views.release_list, name="list"),
    path("<uuid:release_id>/", public_views.release_page, name="release"),
    path("<uuid:release_id>/files/<str:name>", public_views.release_file, name="file"),
]
