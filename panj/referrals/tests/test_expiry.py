"""Referrals not answered in the agreement's response time expire, by service and command."""

from __future__ import annotations

import datetime

from django.core.management import call_command
from django.utils import timezone

from panj.referrals import services
from panj.referrals.models import Referral


def test_it_expires_referrals_not_answered_in_time(sent):
    assert services.expire_overdue_referrals(now=timezone.now()) == 0
    later = timezone.now() + datetime.timedelta(days=8)
    assert services.expire_overdue_referrals(now=later) == 1
    sent.refresh_from_db()
    assert sent.status == Referral.Status.EXPIRED and not sent.payload and sent.news_for_sender


def test_it_leaves_answered_referrals_alone(sent, carol):
    services.accept_referral(referral=sent, by=carol)
    assert services.expire_overdue_referrals(now=timezone.now() + datetime.timedelta(days=30)) == 0


def test_it_expires_from_the_command_line(sent, capsys):
    Referral.objects.filter(pk=sent.pk).update(due_at=timezone.now() - datetime.timedelta(hours=1))
    call_command("expire_referrals")
    sent.refresh_from_db()
    assert sent.status == Referral.Status.EXPIRED
    assert "1" in capsys.readouterr().out


def test_it_expires_when_the_inbox_loads(sent, client_for, alice):
    Referral.objects.filter(pk=sent.pk).update(due_at=timezone.now() - datetime.timedelta(hours=1))
    assert client_for(alice).get("/referrals/").status_code == 200
    sent.refresh_from_db()
    assert sent.status == Referral.Status.EXPIRED
