"""What the API answers: typed shapes, published in the OpenAPI schema.

Codes travel with their labels in the reader's language. Nothing of a case appears here
except, for the receiving organisation, the fields that travelled with a referral.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Literal

from ninja import Field, Schema

from panj.referrals.models import Referral

Direction = Literal["incoming", "outgoing"]


class Problem(Schema):
    detail: str = Field(description="Why the request was refused, in the reader's language.")


class ParameterError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class InvalidParameters(Problem):
    errors: list[ParameterError]


class Organisation(Schema):
    slug: str
    name: str


class Coded(Schema):
    code: str
    label: str


class ServiceAsked(Schema):
    id: uuid.UUID
    name: str
    category: Coded


class ReferralFilters(Schema):
    direction: Direction | None = Field(
        None, description="incoming: referrals sent to the organisation; outgoing: sent by it."
    )
    status: Referral.Status | None = None
    page: int = Field(1, ge=1, le=10_000)


class ReferralSummary(Schema):
    id: uuid.UUID
    direction: Direction
    status: Coded
    sender: Organisation
    receiver: Organisation
    cross_border: bool
    categories: list[Coded] = Field(description="The kinds of service asked for.")
    services_asked: list[ServiceAsked]
    urgency: Coded
    created_at: datetime.datetime
    sent_at: datetime.datetime | None
    answered_at: datetime.datetime | None


class ReferralPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[ReferralSummary]


class Agreement(Schema):
    id: uuid.UUID
    title: str


class TravelledField(Schema):
    name: str
    label: str
    value: str | None = Field(
        description="Shown to the receiving organisation only; the sender sees the names."
    )


class Step(Schema):
    step: Coded
    at: datetime.datetime
    detail: Coded | None
    organisation: str | None = Field(description="The acting organisation's short name.")


class ReferralDetail(ReferralSummary):
    reason: Coded
    agreement: Agreement
    due_at: datetime.datetime | None
    decline_reason: Coded | None
    outcome: Coded | None
    travelled: list[TravelledField]
    timeline: list[Step]
