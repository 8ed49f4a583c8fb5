"""A duplicate check that two organisations agree to run, without the network coordinator."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from panj.linkage.models import CaseEncoding, CheckRequest, LinkageKey, ProbableMatch
from panj.linkage.tests.app_helpers import CYRILLIC, DARI, secrets_of, shared_person

pytestmark = pytest.mark.django_db


def ask(client, other) -> None:
    response = client.post(reverse("linkage:checks"), {"other_organisation": other.id})
    assert response.status_code == 302


def answer(client, check: CheckRequest, value: str):
    return client.post(reverse("linkage:check_answer", args=[check.id]), {"answer": value})


def test_it_runs_the_check_when_the_other_organisation_accepts(
    client_for, ngo_af, alice, hamid, ngo_tj, carol, erin
):
    case_af, case_tj = shared_person(ngo_af, alice, ngo_tj, carol)
    ask(client_for(hamid), ngo_tj)
    check = CheckRequest.objects.get()
    assert check.status == CheckRequest.Status.PENDING
    assert check.requested_by == hamid
    # nothing runs on a request alone
    assert not LinkageKey.objects.exists() and not CaseEncoding.objects.exists()
    erin_page = client_for(erin).get(reverse("linkage:checks")).content.decode()
    assert "Afghan Test NGO" in erin_page and "Accept and run the check" in erin_page

    assert answer(client_for(erin), check, "accept").status_code == 302
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.ACCEPTED
    assert check.answered_by == erin and check.run is not None
    assert set(check.run.organisations.all()) == {ngo_af, ngo_tj}
    assert ProbableMatch.objects.filter(case=case_af, other_organisation=ngo_tj).exists()
    assert ProbableMatch.objects.filter(case=case_tj, other_organisation=ngo_af).exists()
    # each admin sees how many, never which or whose
    for admin in (hamid, erin):
        page = client_for(admin).get(reverse("linkage:checks")).content.decode()
        assert "Accepted and run" in page and "<td>1</td>" in page
        # an admin reads no cases: the page says who sees them
        assert "staff who read cases see which of its cases" in page
        for secret in [*secrets_of(case_af), *secrets_of(case_tj), *DARI.values()]:
            assert secret not in page
        for secret in CYRILLIC.values():
            assert secret not in page
    # and each side's staff see their own case on the matches page
    af_page = client_for(alice).get(reverse("linkage:matches")).content.decode()
    assert case_af.number in af_page and "Tajik Test NGO" in af_page


def test_it_runs_nothing_when_the_other_organisation_declines(
    client_for, ngo_af, alice, hamid, ngo_tj, carol, erin
):
    shared_person(ngo_af, alice, ngo_tj, carol)
    ask(client_for(hamid), ngo_tj)
    check = CheckRequest.objects.get()
    assert answer(client_for(erin), check, "decline").status_code == 302
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.DECLINED and check.run is None
    assert not LinkageKey.objects.exists() and not ProbableMatch.objects.exists()
    # a declined request cannot be accepted afterwards
    assert answer(client_for(erin), check, "accept").status_code == 302
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.DECLINED
    assert not LinkageKey.objects.exists()


def test_it_lets_the_asking_organisation_withdraw_before_an_answer(
    client_for, ngo_af, alice, hamid, ngo_tj, carol, erin
):
    shared_person(ngo_af, alice, ngo_tj, carol)
    ask(client_for(hamid), ngo_tj)
    check = CheckRequest.objects.get()
    url = reverse("linkage:check_withdraw", args=[check.id])
    # the asked side answers; it does not withdraw, and the asking side does not accept
    assert client_for(erin).post(url).status_code == 403
    assert answer(client_for(hamid), check, "accept").status_code == 403
    assert client_for(hamid).post(url).status_code == 302
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.WITHDRAWN
    assert answer(client_for(erin), check, "accept").status_code == 302
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.WITHDRAWN and check.run is None
    assert not LinkageKey.objects.exists()


def test_it_refuses_a_foreign_organisation(client_for, ngo_af, hamid, ngo_tj, dave, alice):
    ask(client_for(hamid), ngo_tj)
    check = CheckRequest.objects.get()
    # the coordinator's organisation may manage agreements, but this request is not its own
    client = client_for(dave)
    assert answer(client, check, "accept").status_code == 404
    assert client.post(reverse("linkage:check_withdraw", args=[check.id])).status_code == 404
    page = client.get(reverse("linkage:checks")).content.decode()
    assert str(check.id) not in page and "Waiting for an answer" not in page
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.PENDING
    # staff who do not manage their organisation's agreements neither see nor answer requests
    assert client_for(alice).get(reverse("linkage:checks")).status_code == 403
    assert answer(client_for(alice), check, "accept").status_code == 404
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.PENDING


def test_it_refuses_a_second_request_while_one_waits_in_the_users_language(
    client_for, ngo_af, hamid, ngo_tj, erin
):
    ask(client_for(hamid), ngo_tj)
    client = client_for(erin)
    client.cookies["django_language"] = "ru"
    response = client.post(reverse("linkage:checks"), {"other_organisation": ngo_af.id})
    assert response.status_code == 400
    with translation.override("ru"):
        expected = translation.gettext(
            "A request between your organisation and %(name)s is already waiting."
        ) % {"name": "Afghan Test NGO"}
    assert expected in response.content.decode()
    assert "already waiting" not in response.content.decode()
    assert CheckRequest.objects.count() == 1


def test_it_does_not_offer_the_own_organisation(client_for, ngo_af, hamid, ngo_tj):
    client = client_for(hamid)
    page = client.get(reverse("linkage:checks")).content.decode()
    assert f'value="{ngo_tj.id}"' in page and f'value="{ngo_af.id}"' not in page
    response = client.post(reverse("linkage:checks"), {"other_organisation": ngo_af.id})
    assert response.status_code == 400
    assert not CheckRequest.objects.exists()


def test_it_answers_a_bad_answer_with_400(client_for, hamid, ngo_tj, erin):
    ask(client_for(hamid), ngo_tj)
    check = CheckRequest.objects.get()
    response = answer(client_for(erin), check, "maybe")
    assert response.status_code == 400
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.PENDING


def test_it_shows_the_way_to_the_page_to_those_who_manage_agreements(client_for, hamid, alice):
    link = reverse("linkage:checks")
    assert link in client_for(hamid).get(reverse("home")).content.decode()
    assert link not in client_for(alice).get(reverse("home")).content.decode()


def test_it_answers_a_request_sent_twice_at_once_with_the_form_error(
    client_for, monkeypatch, hamid, ngo_tj
):
    ask(client_for(hamid), ngo_tj)
    # a colleague's request lands between the form's check and the save
    monkeypatch.setattr("panj.linkage.forms.check_waiting", lambda first, second: False)
    response = client_for(hamid).post(reverse("linkage:checks"), {"other_organisation": ngo_tj.id})
    assert response.status_code == 400
    assert "already waiting" in response.content.decode()
    assert CheckRequest.objects.count() == 1


def test_it_keeps_the_page_to_a_few_queries(
    client_for, django_assert_max_num_queries, ngo_af, alice, hamid, ngo_tj, carol, erin, iom_kabul
):
    shared_person(ngo_af, alice, ngo_tj, carol)
    ask(client_for(hamid), ngo_tj)
    answer(client_for(erin), CheckRequest.objects.get(), "accept")
    ask(client_for(hamid), ngo_tj)
    ask(client_for(hamid), iom_kabul)
    client = client_for(hamid)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("linkage:checks"))
    assert page.status_code == 200
    assert page.content.decode().count("Waiting for an answer") == 2


def test_it_tells_the_asked_organisations_admins_on_their_home_page(
    client_for, hamid, ngo_tj, erin, carol
):
    waiting = "1 request for a duplicate check waits for your answer"
    assert waiting not in client_for(erin).get(reverse("home")).content.decode()
    ask(client_for(hamid), ngo_tj)
    assert waiting in client_for(erin).get(reverse("home")).content.decode()
    # neither the asking side nor the asked organisation's caseworkers
    assert waiting not in client_for(hamid).get(reverse("home")).content.decode()
    assert waiting not in client_for(carol).get(reverse("home")).content.decode()


def test_both_audit_logs_show_who_asked_answered_and_withdrew(
    client_for, ngo_af, alice, hamid, ngo_tj, carol, erin
):
    from panj.audit.models import Action, AuditEntry

    case_af, case_tj = shared_person(ngo_af, alice, ngo_tj, carol)

    def entries(action: str) -> list[AuditEntry]:
        return list(AuditEntry.objects.filter(action=action).order_by("sequence"))

    ask(client_for(hamid), ngo_tj)
    first = CheckRequest.objects.get()
    asked = entries(Action.CHECK_ASK)
    assert {e.organisation_id for e in asked} == {ngo_af.id, ngo_tj.id}
    assert all(e.actor_id == hamid.id and e.object_id == str(first.id) for e in asked)
    client_for(hamid).post(reverse("linkage:check_withdraw", args=[first.id]))
    withdrawn = entries(Action.CHECK_WITHDRAW)
    assert {e.organisation_id for e in withdrawn} == {ngo_af.id, ngo_tj.id}
    # withdrawing twice writes nothing more
    client_for(hamid).post(reverse("linkage:check_withdraw", args=[first.id]))
    assert len(entries(Action.CHECK_WITHDRAW)) == 2

    ask(client_for(hamid), ngo_tj)
    second = CheckRequest.objects.get(status=CheckRequest.Status.PENDING)
    answer(client_for(erin), second, "decline")
    declined = entries(Action.CHECK_DECLINE)
    assert {e.organisation_id for e in declined} == {ngo_af.id, ngo_tj.id}
    assert all(e.actor_id == erin.id and e.object_id == str(second.id) for e in declined)

    ask(client_for(hamid), ngo_tj)
    third = CheckRequest.objects.get(status=CheckRequest.Status.PENDING)
    answer(client_for(erin), third, "accept")
    assert {e.organisation_id for e in entries(Action.CHECK_ACCEPT)} == {ngo_af.id, ngo_tj.id}
    assert {e.organisation_id for e in entries(Action.LINKAGE_RUN)} == {ngo_af.id, ngo_tj.id}
    # the entries name requests by id, never a case or a person
    for entry in AuditEntry.objects.filter(object_type="check_request"):
        text = " ".join(str(v) for v in vars(entry).values())
        for secret in [*secrets_of(case_af), *secrets_of(case_tj), *DARI.values()]:
            assert secret not in text
