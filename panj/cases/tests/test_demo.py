"""The demo network's invented cases: every page has something to show."""

from __future__ import annotations

from panj.cases import services
from panj.cases.demo import load_demo_cases
from panj.cases.models import Case, Consent, FollowUp
from panj.directory.demo import load_demo_network


def test_it_adds_about_sixty_cases_in_three_scripts_once(db):
    load_demo_network()
    added = load_demo_cases()
    assert 55 <= added <= 70
    assert load_demo_cases() == 0
    assert Case.objects.filter(organisation__slug="kfpo").count() >= 10
    assert Case.objects.filter(organisation__slug="nur-khorog").count() >= 10
    names = " ".join(services.identity_of(case).given_name for case in Case.objects.all())
    assert any("\u0600" <= ch <= "\u06ff" for ch in names)
    assert any("\u0400" <= ch <= "\u04ff" for ch in names)
    assert any("a" <= ch <= "z" for ch in names)
    assert Consent.objects.filter(purpose="statistics").exists()
    assert FollowUp.objects.filter(done_on__isnull=True).exists()
    assert Case.objects.filter(status="Closed").exists()
