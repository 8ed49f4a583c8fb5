"""Panj's addresses. Everything requires sign-in except the allow-list in `PUBLIC_URL_NAMES`."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from panj.core import views as core_views
from panj.directory.urls import public_patterns
from panj.knowledge.urls import public_patterns as knowledge_public_patterns

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("panj.accounts.urls")),
    path("directory/", include("panj.directory.urls")),
    path("cases/", include("panj.cases.urls")),
    path("audit/", include("panj.audit.urls")),
    path("linkage/", include("panj.linkage.urls")),
    path("referrals/", include("panj.referrals.urls")),
    path("knowledge/", include("panj.knowledge.urls")),
    path("stats/", include("panj.stats.urls")),
    path("api/", include("panj.api.urls")),
    path("public/", include((public_patterns[0] + knowledge_public_patterns, "public"))),
    path("open-data/", include(("panj.stats.public_urls", "open_data"))),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
]

# The named pages that anyone may open without signing in, checked by the URL walker test.
PUBLIC_URL_NAMES = frozenset(
    {
        "healthz",
        "set_language",
        "accounts:login",
        "accounts:password_reset",
        "accounts:password_reset_done",
        "accounts:password_reset_confirm",
        "accounts:password_reset_complete",
        "public:network",
        "public:organisation",
        "public:join",
        "public:join_thanks",
        "public:library",
        "public:library_item",
        "public:library_file",
        "public:news",
        "public:news_post",
        "public:news_feed",
        "public:news_members_feed",
        "public:events_feed",
        "open_data:list",
        "open_data:release",
        "open_data:file",
    }
)
