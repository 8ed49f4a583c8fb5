"""Pages of network news: the list, a post, writing and editing, and the Atom feeds."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panj.accounts.access import acting_user, current_membership, may, require
from panj.accounts.models import Membership
from panj.accounts.roles import Perm
from panj.core.public import public_pages_on
from panj.knowledge import access
from panj.knowledge.forms.news import NewsPostForm
from panj.knowledge.models import NewsPost
from panj.knowledge.services import news as services

PAGE_SIZE = 20
FEED_SIZE = 30


@require_GET
def news(request: HttpRequest) -> HttpResponse:
    posts = access.news_for(request).select_related("organisation")
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/news/list.html",
        {"page": page, "may_contribute": may(request, Perm.CONTRIBUTE_KNOWLEDGE)},
    )


@require_GET
def post_detail(request: HttpRequest, post_id: uuid.UUID) -> HttpResponse:
    post = access.access_news_post(request, post_id)
    may_edit = access.may_edit_post(current_membership(request), post)
    return render(request, "knowledge/news/post.html", {"post": post, "may_edit": may_edit})


@require_http_methods(["GET", "POST"])
def post_new(request: HttpRequest) -> HttpResponse:
    membership = require(request, Perm.CONTRIBUTE_KNOWLEDGE)
    form = NewsPostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        post = services.post_news(
            organisation=membership.organisation, by=acting_user(request), details=form.details()
        )
        messages.success(request, _("The news is posted."))
        return redirect("knowledge:news_post", post_id=post.id)
    return render(request, "knowledge/news/form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, post_id: uuid.UUID) -> HttpResponse:
    post = access.access_news_post_for_edit(request, post_id)
    form = NewsPostForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        services.update_news(post=post, details=form.details())
        messages.success(request, _("The news is saved."))
        return redirect("knowledge:news_post", post_id=post.id)
    return render(request, "knowledge/news/form.html", {"form": form, "post": post})


@require_POST
def post_delete(request: HttpRequest, post_id: uuid.UUID) -> HttpResponse:
    post = access.access_news_post_for_edit(request, post_id)
    services.delete_news(post=post)
    messages.success(request, _("The news is removed."))
    return redirect("knowledge:news")


@never_cache
@require_http_methods(["GET", "POST"])
def feed_address(request: HttpRequest) -> HttpResponse:
    """A secret address of the members' feed for a feed reader, shown once when made."""
    address = ""
    if request.method == "POST":
        token = services.renew_feed_token(user=acting_user(request))
        address = request.build_absolute_uri(reverse("public:news_members_feed", args=[token]))
    return render(request, "knowledge/news/feed_address.html", {"address": address})


# --- Feeds -------------------------------------------------------------------------------


class _NewsFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    post_url = "knowledge:news_post"

    def item_title(self, item: NewsPost) -> str:
        return item.title

    def item_description(self, item: NewsPost) -> str:
        return item.lead

    def item_link(self, item: NewsPost) -> str:
        return reverse(self.post_url, args=[item.id])

    def item_pubdate(self, item: NewsPost) -> Any:
        return item.published_at

    def item_updateddate(self, item: NewsPost) -> Any:
        return item.updated_at

    def item_author_name(self, item: NewsPost) -> str:
        return item.organisation.name


class PublicNewsFeed(_NewsFeed):
    title = gettext_lazy("News of the network")
    subtitle = gettext_lazy(
        "Public news of the counter-trafficking network of Afghanistan and Tajikistan."
    )
    post_url = "public:news_post"

    def link(self) -> str:
        return reverse("public:news")

    def items(self) -> list[NewsPost]:
        return list(NewsPost.objects.public().select_related("organisation")[:FEED_SIZE])


class MembersNewsFeed(_NewsFeed):
    title = gettext_lazy("News for members of the network")

    def link(self) -> str:
        return reverse("knowledge:news")

    def items(self) -> list[NewsPost]:
        return list(NewsPost.objects.select_related("organisation")[:FEED_SIZE])


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def members_feed(request: HttpRequest) -> HttpResponse:
    if current_membership(request) is None:
        raise Http404
    return _private(MembersNewsFeed()(request))


@login_not_required
@require_GET
def members_feed_by_address(request: HttpRequest, token: str) -> HttpResponse:
    """The members' feed for a feed reader that cannot sign in: the address is the secret."""
    reader = services.feed_reader(token)
    if reader is None or not Membership.objects.active().filter(user=reader).exists():
        raise Http404
    return _private(MembersNewsFeed()(request))


# --- Public pages ------------------------------------------------------------------------


@login_not_required
@require_GET
def public_news(request: HttpRequest) -> HttpResponse:
    public_pages_on()
    posts = NewsPost.objects.public().select_related("organisation")
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "knowledge/news/public_list.html", {"page": page})


@login_not_required
@require_GET
def public_post(request: HttpRequest, post_id: uuid.UUID) -> HttpResponse:
    public_pages_on()
    post = access.public_news_post(post_id)
    return render(request, "knowledge/news/public_post.html", {"post": post})


@login_not_required
@require_GET
def public_feed(request: HttpRequest) -> HttpResponse:
    public_pages_on()
    return PublicNewsFeed()(request)
