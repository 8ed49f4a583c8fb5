"""Referral flows between organisations, for the pathway page and the statistics."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from panj.referrals import services
from panj.referrals.figures import ReferralFlow, referral_flows
from panj.referrals.models import Referral


def test_it_counts_sent_accepted_declined_and_the_median_time_to_accept(
    sent, carol, ngo_af, ngo_tj
):
    Referral.objects.filter(pk=sent.pk).update(
        sent_at=timezone.now() - datetime.timedelta(hours=10)
    )
    services.accept_referral(referral=sent, by=carol)
    flows = referral_flows()
    assert len(flows) == 1
    flow = flows[0]
    assert isinstance(flow, ReferralFlow)
    assert (flow.from_organisation_id, flow.to_organisation_id) == (ngo_af.id, ngo_tj.id)
    assert flow.cross_border and (flow.sent, flow.accepted, flow.declined) == (1, 1, 0)
    assert 9.9 <= flow.median_hours_to_accept <= 10.1


def test_it_leaves_out_drafts_and_filters_by_organisation_and_date(sent, draft, iom_kabul):
    assert referral_flows(organisation_ids=[iom_kabul.id]) == []
    today = timezone.localdate()
    assert referral_flows(since=today + datetime.timedelta(days=1)) == []
    assert referral_flows(until=today)[0].sent == 1


def test_it_counts_declines_without_a_time_to_accept(sent, carol):
    services.decline_referral(referral=sent, by=carol, reason="no_capacity")
    flow = referral_flows()[0]
    assert (flow.accepted, flow.declined, flow.median_hours_to_accept) == (0, 1, None)


def test_it_shows_the_network_pathways_to_the_coordinator(sent, client_for, dave, carol):
    page = client_for(dave).get(reverse("referrals:pathways"))
    assert page.status_code == 200 and page.context["network"]
    assert page.context["totals"] == {"sent": 1, "accepted": 0, "declined": 0, "cross_border": 1}
    own = client_for(carol).get(reverse("referrals:pathways"))
    assert not own.context["network"] and own.context["totals"]["sent"] == 1


def test_it_refuses_pathways_to_roles_without_cases_or_statistics(client_for, hamid):
    assert client_for(hamid).get(reverse("referrals:pathways")).status_code == 403
    assert client_for(hamid).post(reverse("referrals:pathways")).status_code == 405
