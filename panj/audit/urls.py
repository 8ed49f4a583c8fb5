"""Addresses of the audit log."""

from django.urls import path

from panj.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.log, name="log"),
]
