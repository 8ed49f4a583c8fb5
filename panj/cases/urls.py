"""Addresses of cases: only UUIDs, never a name or a case number."""

from django.urls import path

from panj.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_create, name="new"),
    path("follow-ups/", views.follow_ups, name="follow_ups"),
    path("import/", views.case_import, name="import"),
    path("export/", views.case_export, name="export"),
    path("<uuid:case_id>/", views.case_detail, name="case"),
    path("<uuid:case_id>/print/", views.case_print, name="print"),
    path("<uuid:case_id>/identity/", views.edit_identity, name="edit_identity"),
    path("<uuid:case_id>/photo/", views.photo, name="photo"),
    path("<uuid:case_id>/photo/edit/", views.edit_photo, name="edit_photo"),
    path("<uuid:case_id>/trafficking/", views.edit_trafficking, name="edit_trafficking"),
    path("<uuid:case_id>/management/", views.edit_management, name="edit_management"),
    path("<uuid:case_id>/needs/", views.edit_needs, name="edit_needs"),
    path("<uuid:case_id>/plan/new/", views.add_plan_item, name="add_plan_item"),
    path("<uuid:case_id>/services/new/", views.add_service, name="add_service"),
    path("<uuid:case_id>/notes/new/", views.add_note, name="add_note"),
    path("<uuid:case_id>/follow-ups/new/", views.add_follow_up, name="add_follow_up"),
    path("<uuid:case_id>/events/new/", views.add_event, name="add_event"),
    path("<uuid:case_id>/consents/new/", views.add_consent, name="add_consent"),
    path(
        "<uuid:case_id>/consents/<uuid:consent_id>/withdraw/",
        views.withdraw_consent,
        name="withdraw_consent",
    ),
    path(
        "<uuid:case_id>/follow-ups/<uuid:follow_up_id>/done/",
        views.complete_follow_up,
        name="complete_follow_up",
    ),
    path("<uuid:case_id>/review/", views.review_case, name="review"),
]
