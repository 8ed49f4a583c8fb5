"""Writes to network news: posts, and members' secret feed addresses."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction

from panj.accounts.models import User
from panj.directory.models import Organisation
from panj.knowledge.models import NewsFeedToken, NewsPost


@dataclass(frozen=True)
class PostDetails:
    title: str
    lead: str
    body: str = ""
    place: str = ""
    contact: str = ""
    audience: str = NewsPost.Audience.MEMBERS


def _apply(post: NewsPost, details: PostDetails) -> None:
    post.title = details.title.strip()
    post.lead = details.lead.strip()
    post.body = details.body.strip()
    post.place = details.place.strip()
    post.contact = details.contact.strip()
    post.audience = details.audience


@transaction.atomic
def post_news(*, organisation: Organisation, by: User | None, details: PostDetails) -> NewsPost:
    post = NewsPost(organisation=organisation, created_by=by)
    _apply(post, details)
    post.full_clean(exclude=["organisation", "created_by"])
    post.save()
    return post


@transaction.atomic
def update_news(*, post: NewsPost, details: PostDetails) -> NewsPost:
    _apply(post, details)
    post.full_clean(exclude=["organisation", "created_by"])
    post.save()
    return post


@transaction.atomic
def delete_news(*, post: NewsPost) -> None:
    post.delete()


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def renew_feed_token(*, user: User) -> str:
    """A new secret for `user`'s members' news feed; the previous address stops working."""
    token = secrets.token_urlsafe(32)
    NewsFeedToken.objects.update_or_create(user=user, defaults={"digest": token_digest(token)})
    return token


def feed_reader(token: str) -> User | None:
    """The active member whose feed address holds `token`, if any."""
    found = (
        NewsFeedToken.objects.filter(digest=token_digest(token), user__is_active=True)
        .select_related("user")
        .first()
    )
    return found.user if found else None
