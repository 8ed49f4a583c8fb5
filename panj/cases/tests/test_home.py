"""The home page tells a caseworker how many cases they hold and what is due this week."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from panj.cases import services


def test_it_shows_my_cases_and_follow_ups_due(client_for, alice, case_af):
    services.schedule_follow_up(case=case_af, by=alice, due_on=timezone.localdate())
    content = client_for(alice).get(reverse("home")).content.decode()
    assert "1 open case" in content and "1 follow-up due this week" in content


def test_it_shows_no_case_block_to_roles_without_cases(client_for, hamid, case_af):
    assert "open case" not in client_for(hamid).get(reverse("home")).content.decode()
