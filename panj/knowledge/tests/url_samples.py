"""Objects of the Afghan NGO for the URL walker: a library item only its members see."""

from __future__ import annotations

from typing import Any

import pytest

from panj.knowledge.models import LibraryFile, NewsPost
from panj.knowledge.services.library import ItemDetails, add_library_item
from panj.knowledge.services.news import PostDetails, post_news


def url_samples(request: pytest.FixtureRequest, base: dict[str, Any]) -> dict[str, Any]:
    alice = request.getfixturevalue("alice")
    ngo_af = request.getfixturevalue("ngo_af")
    item = add_library_item(
        organisation=ngo_af,
        by=alice,
        details=ItemDetails(
            kind="procedure",
            language="prs",
            titles={"en": "Our internal referral procedure"},
            visibility="organisation",
            link="https://example.org/sop",
        ),
    )
    # A row is enough: strangers are refused before any file is opened.
    stored = LibraryFile.objects.create(
        item=item,
        file="knowledge/library/sample",
        name="sop.pdf",
        content_type="application/pdf",
        size=1,
    )
    post: NewsPost = post_news(
        organisation=ngo_af, by=alice, details=PostDetails(title="Members' news", lead="Lead.")
    )
    return {
        "item_id": item.id,
        "file_id": stored.id,
        "post_id": post.id,
        **_joint_work_samples(ngo_af),
    }


def _joint_work_samples(ngo_af: Any) -> dict[str, Any]:
    """An event, programme and campaign only the organisations taking part see."""
    from panj.knowledge.models.events import Sharing
    from panj.knowledge.tests.joint_work import new_action, new_campaign, new_event, new_programme

    event = new_event(ngo_af, sharing=Sharing.INVITED)
    return {
        "event_id": event.id,
        "action_id": new_action(event, ngo_af).id,
        "programme_id": new_programme(ngo_af, sharing=Sharing.INVITED).id,
        "campaign_id": new_campaign(ngo_af, sharing=Sharing.INVITED).id,
    }
