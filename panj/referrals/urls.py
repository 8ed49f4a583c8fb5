"""Addresses of referrals and agreements: only UUIDs, never a name or a case number."""

from django.urls import path

from panj.referrals import views

app_name = "referrals"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("pathways/", views.pathways, name="pathways"),
    path("new/<uuid:case_id>/", views.new_referral, name="new"),
    path("<uuid:referral_id>/", views.referral_detail, name="referral"),
    path("<uuid:referral_id>/send/", views.send, name="send"),
    path("<uuid:referral_id>/approve/", views.approve, name="approve"),
    path("<uuid:referral_id>/return/", views.return_to_draft, name="return"),
    path("<uuid:referral_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<uuid:referral_id>/accept/", views.accept, name="accept"),
    path("<uuid:referral_id>/decline/", views.decline, name="decline"),
    path("<uuid:referral_id>/deliver/", views.deliver, name="deliver"),
    path("<uuid:referral_id>/complete/", views.complete, name="complete"),
    path("agreements/", views.agreement_list, name="agreements"),
    path("agreements/new/", views.agreement_create, name="agreement_new"),
    path("agreements/<uuid:agreement_id>/", views.agreement_detail, name="agreement"),
    path("agreements/<uuid:agreement_id>/edit/", views.agreement_edit, name="agreement_edit"),
    path(
        "agreements/<uuid:agreement_id>/document/",
        views.agreement_document,
        name="agreement_document",
    ),
]
