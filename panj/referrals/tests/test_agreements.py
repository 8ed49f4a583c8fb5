"""Data-sharing agreements: recorded by admins and coordinators, seen by their parties."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from panj.directory.models import Country
from panj.referrals import services
from panj.referrals.documents import MAX_BYTES
from panj.referrals.models import Agreement
from panj.referrals.tests.conftest import make_agreement


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _form(**extra):
    return {
        "title": "Kunduz–Khorugh shelter referrals",
        "scope": "cross_border",
        "starts_on": "2025-01-01",
        "ends_on": "2030-12-31",
        "response_days": "5",
        "fields_allowed": ["given_name", "gender", "phone"],
        **extra,
    }


def test_it_lets_an_organisation_admin_record_an_agreement_with_a_partner(
    client_for, hamid, ngo_af, ngo_tj, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    document = SimpleUploadedFile("signed.pdf", _pdf(), content_type="application/pdf")
    response = client_for(hamid).post(
        reverse("referrals:agreement_new"),
        _form(organisations=[ngo_tj.id], document=document),
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    parties = {party.organisation for party in agreement.parties.all()}
    assert parties == {ngo_af, ngo_tj}
    assert agreement.fields == ["given_name", "phone", "gender"]
    assert agreement.document.name.startswith(f"organisations/{ngo_af.id}/agreements/")
    assert "signed" not in agreement.document.name


def test_it_lets_a_coordinator_record_a_country_group_agreement(client_for, dave, ngo_af):
    afghanistan = Country.objects.get(iso2="AF")
    response = client_for(dave).post(
        reverse("referrals:agreement_new"), _form(scope="in_country", countries=[afghanistan.id])
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.parties.get().country == afghanistan
    assert services.agreement_between(ngo_af, agreement.organisation) is not None


def test_it_refuses_a_file_that_is_not_a_pdf(client_for, hamid, ngo_tj):
    document = SimpleUploadedFile("x.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client_for(hamid).post(
        reverse("referrals:agreement_new"), _form(organisations=[ngo_tj.id], document=document)
    )
    assert response.status_code == 200 and not Agreement.objects.exists()
    assert response.context["form"].errors["document"]


def test_it_refuses_a_pdf_over_the_size_limit():
    from panj.referrals.documents import check_pdf

    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * MAX_BYTES)
    with pytest.raises(ValidationError):
        check_pdf(big)


def test_it_refuses_agreements_to_caseworkers_and_viewers(client_for, alice, vera):
    for user in (alice, vera):
        assert client_for(user).get(reverse("referrals:agreement_new")).status_code == 403


def test_it_serves_the_signed_document_to_the_parties_only(
    client_for, hamid, carol, dave, ngo_af, ngo_tj, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    agreement = make_agreement(hamid, [ngo_af, ngo_tj])
    services.attach_document(
        agreement=agreement, by=hamid, document=SimpleUploadedFile("s.pdf", _pdf())
    )
    url = reverse("referrals:agreement_document", kwargs={"agreement_id": agreement.id})
    response = client_for(carol).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client_for(dave).get(url).status_code == 404
    assert client_for(carol).post(url).status_code == 405


def test_it_lists_and_shows_agreements_to_their_parties(client_for, hamid, carol, dave, agreement):
    listed = client_for(carol).get(reverse("referrals:agreements"))
    assert list(listed.context["agreements"]) == [agreement]
    assert list(client_for(dave).get(reverse("referrals:agreements")).context["agreements"]) == []
    page = client_for(carol).get(
        reverse("referrals:agreement", kwargs={"agreement_id": agreement.id})
    )
    assert page.status_code == 200 and not page.context["may_edit"]


def test_it_lets_only_the_recording_organisation_edit(client_for, hamid, erin, agreement):
    url = reverse("referrals:agreement_edit", kwargs={"agreement_id": agreement.id})
    assert client_for(erin).get(url).status_code == 403
    response = client_for(hamid).post(url, _form(ends_on="2031-01-31", scope="both"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert str(agreement.ends_on) == "2031-01-31" and agreement.fields == [
        "given_name",
        "phone",
        "gender",
    ]


def test_it_refuses_an_agreement_with_one_organisation_alone(hamid, ngo_af):
    with pytest.raises(ValidationError):
        make_agreement(hamid, [ngo_af])


def test_it_stops_new_referrals_once_an_agreement_is_ended_early(
    client_for, hamid, agreement, ngo_af, ngo_tj
):
    url = reverse("referrals:agreement_edit", kwargs={"agreement_id": agreement.id})
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    client_for(hamid).post(url, _form(scope="both", revoked_on=today))
    agreement.refresh_from_db()
    assert str(agreement.revoked_on) == today
    assert services.agreement_between(ngo_af, ngo_tj) is None
