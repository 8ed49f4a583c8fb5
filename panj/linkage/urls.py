from django.urls import path

from panj.linkage import views

app_name = "linkage"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("run/", views.run, name="run"),
    path("matches/", views.matches, name="matches"),
    path("checks/", views.checks, name="checks"),
    path("checks/<uuid:check_id>/answer/", views.check_answer, name="check_answer"),
    path("checks/<uuid:check_id>/withdraw/", views.check_withdraw, name="check_withdraw"),
    path("exchanges/new/", views.exchange_create, name="exchange_create"),
    path("exchanges/<uuid:exchange_id>/secret/", views.exchange_secret, name="exchange_secret"),
    path("exchanges/<uuid:exchange_id>/upload/", views.exchange_upload, name="exchange_upload"),
]
