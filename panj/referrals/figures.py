"""Referral flows between organisations, for the pathway page and the statistics."""

from __future__ import annotations

import datetime
import statistics
import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Count, Q

from panj.referrals.models import Referral


@dataclass(frozen=True)
class ReferralFlow:
    from_organisation_id: uuid.UUID
    to_organisation_id: uuid.UUID
    cross_border: bool
    sent: int
    accepted: int
    declined: int
    median_hours_to_accept: float | None


def referral_flows(
    *,
    organisation_ids: Collection[uuid.UUID] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> list[ReferralFlow]:
    """Referrals sent between each pair of organisations, how many were accepted or declined
    and the median time to accept. None is the whole network; otherwise the flows where the
    sender or the receiver is in `organisation_ids`. Dates bound the day a referral was sent."""
    sent = Referral.objects.filter(sent_at__isnull=False)
    if organisation_ids is not None:
        ids = list(organisation_ids)
        sent = sent.filter(Q(sender_id__in=ids) | Q(receiver_id__in=ids))
    if since is not None:
        sent = sent.filter(sent_at__date__gte=since)
    if until is not None:
        sent = sent.filter(sent_at__date__lte=until)
    accepted_q = Q(answered_at__isnull=False, decline_reason="")
    rows = (
        sent.values("sender_id", "receiver_id", "cross_border")
        .annotate(
            sent=Count("id"),
            accepted=Count("id", filter=accepted_q),
            declined=Count("id", filter=Q(answered_at__isnull=False) & ~Q(decline_reason="")),
        )
        .order_by()
    )
    hours: dict[tuple[uuid.UUID, uuid.UUID], list[float]] = defaultdict(list)
    for sender_id, receiver_id, sent_at, answered_at in sent.filter(accepted_q).values_list(
        "sender_id", "receiver_id", "sent_at", "answered_at"
    ):
        if answered_at is not None and sent_at is not None:
            hours[(sender_id, receiver_id)].append((answered_at - sent_at).total_seconds() / 3600)
    flows = [
        ReferralFlow(
            from_organisation_id=row["sender_id"],
            to_organisation_id=row["receiver_id"],
            cross_border=row["cross_border"],
            sent=row["sent"],
            accepted=row["accepted"],
            declined=row["declined"],
            median_hours_to_accept=(
                round(statistics.median(times), 1)
                if (times := hours.get((row["sender_id"], row["receiver_id"])))
                else None
            ),
        )
        for row in rows
    ]
    return sorted(flows, key=lambda flow: (-flow.sent, str(flow.from_organisation_id)))


def median_hours_to_accept(
    *,
    organisation_ids: Collection[uuid.UUID] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    cross_border: bool | None = None,
) -> float | None:
    """The median time, in hours, from sending a referral to its acceptance, over the accepted
    referrals themselves (not over pairs of organisations). Same scope and dates as
    `referral_flows`; `cross_border` keeps only referrals across (True) or within (False) a
    country. None when no referral was accepted."""
    accepted = Referral.objects.filter(
        sent_at__isnull=False, answered_at__isnull=False, decline_reason=""
    )
    if organisation_ids is not None:
        ids = list(organisation_ids)
        accepted = accepted.filter(Q(sender_id__in=ids) | Q(receiver_id__in=ids))
    if since is not None:
        accepted = accepted.filter(sent_at__date__gte=since)
    if until is not None:
        accepted = accepted.filter(sent_at__date__lte=until)
    if cross_border is not None:
        accepted = accepted.filter(cross_border=cross_border)
    hours = [
        (answered_at - sent_at).total_seconds() / 3600
        for sent_at, answered_at in accepted.order_by().values_list("sent_at", "answered_at")
        if sent_at is not None and answered_at is not None
    ]
    return round(statistics.median(hours), 1) if hours else None
