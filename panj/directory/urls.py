"""Addresses of the directory (members) and of the network's public pages."""

from django.urls import path

from panj.directory import public_views, views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_list, name="organisations"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/offices/new/", views.office_create, name="office_create"),
    path(
        "organisations/<slug:slug>/focal-points/new/",
        views.focal_point_create,
        name="focal_point_create",
    ),
    path("organisations/<slug:slug>/services/new/", views.service_create, name="service_create"),
    path("offices/<uuid:office_id>/edit/", views.office_edit, name="office_edit"),
    path("offices/<uuid:office_id>/delete/", views.office_delete, name="office_delete"),
    path(
        "focal-points/<uuid:focal_point_id>/edit/", views.focal_point_edit, name="focal_point_edit"
    ),
    path(
        "focal-points/<uuid:focal_point_id>/delete/",
        views.focal_point_delete,
        name="focal_point_delete",
    ),
    path("services/", views.service_finder, name="services"),
    path("services/<uuid:service_id>/", views.service_detail, name="service"),
    path("services/<uuid:service_id>/edit/", views.service_edit, name="service_edit"),
    path("services/<uuid:service_id>/delete/", views.service_delete, name="service_delete"),
    path("who-works-where/", views.who_works_where, name="who_works_where"),
    path("search/", views.search, name="search"),
    path("applications/", views.application_list, name="applications"),
    path(
        "applications/<uuid:application_id>/",
        views.application_review,
        name="application",
    ),
]

public_patterns = (
    [
        path("", public_views.network, name="network"),
        path("organisations/<slug:slug>/", public_views.organisation, name="organisation"),
        path("join/", public_views.join, name="join"),
        path("join/thanks/", public_views.join_thanks, name="join_thanks"),
    ],
    "public",
)
