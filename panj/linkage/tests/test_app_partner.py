"""A partner outside Panj: its secret shown once, its `.enc` file checked, linked, not kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panj.cases.tests.conftest import new_case
from panj.linkage import services
from panj.linkage.engine import Encoder, Params, Person, Secret, encode_people
from panj.linkage.engine.encode import FORMAT_VERSION
from panj.linkage.models import LinkageRun, PartnerExchange, ProbableMatch, RunPair
from panj.linkage.tests.app_helpers import DARI, LINKAGE
from panj.linkage.tests.enc_files import of_version

pytestmark = pytest.mark.django_db

PARTNER_PEOPLE = [
    Person(
        id="p-1",
        given_name="Zahra",
        father_name="Mohammad",
        family_name="Ahmadi",
        sex="F",
        birth_year=2004,
    ),
    Person(id="p-2", given_name="Farzana", family_name="Karimova", sex="F", birth_year=1999),
]


@pytest.fixture
def exchange(ngo_af, ngo_tj, iom_kabul, dave) -> PartnerExchange:
    return services.create_exchange(
        organisation=iom_kabul, by=dave, label="Shelter in Khorugh", organisations=[ngo_af, ngo_tj]
    )


def _secret(client, exchange) -> Secret:
    response = client.post(reverse("linkage:exchange_secret", args=[exchange.id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return Secret.loads(response.content.decode())


def _enc(
    tmp_path: Path, people, secret: Secret, params: Params | None = None
) -> SimpleUploadedFile:
    path = tmp_path / "people.enc"
    Encoder(secret, params).encode(people).save(path)
    return SimpleUploadedFile("people.enc", path.read_bytes())


def _of_version(file: SimpleUploadedFile, version: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("people.enc", of_version(file.read(), version))


def _upload(client, exchange, file):
    return client.post(reverse("linkage:exchange_upload", args=[exchange.id]), {"file": file})


def test_it_creates_an_exchange_from_the_form(client_for, ngo_af, ngo_tj, dave):
    response = client_for(dave).post(
        reverse("linkage:exchange_create"),
        {"label": "Shelter in Khorugh", "organisations": [ngo_af.id, ngo_tj.id]},
    )
    assert response.status_code == 302
    exchange = PartnerExchange.objects.get()
    assert exchange.status == PartnerExchange.Status.NEW
    assert set(exchange.organisations.all()) == {ngo_af, ngo_tj}


def test_it_links_a_partner_file_and_tells_only_the_matching_side(
    tmp_path, client_for, ngo_af, alice, ngo_tj, carol, dave, exchange
):
    case_af = new_case(ngo_af, alice, consents=LINKAGE, **DARI)
    new_case(ngo_tj, carol, consents=LINKAGE, given="Нигина", family="Саидова")
    client = client_for(dave)
    secret = _secret(client, exchange)
    response = _upload(client, exchange, _enc(tmp_path, PARTNER_PEOPLE, secret))
    assert response.status_code == 302
    match = ProbableMatch.objects.get()
    assert (match.case_id, match.partner_label) == (case_af.id, "Shelter in Khorugh")
    exchange.refresh_from_db()
    assert exchange.status == PartnerExchange.Status.DONE
    assert bytes(exchange.wrapped_secret) == b""
    page = client_for(alice).get(reverse("linkage:matches")).content.decode()
    assert "partner Shelter in Khorugh" in page and case_af.number in page
    assert "p-1" not in page
    overview = client.get(reverse("linkage:overview")).content.decode()
    assert case_af.number not in overview and "p-1" not in overview
    assert {p.matches for p in RunPair.objects.all()} == {0, 1}


def test_it_shows_the_secret_only_once(client_for, dave, exchange):
    client = client_for(dave)
    _secret(client, exchange)
    again = client.post(reverse("linkage:exchange_secret", args=[exchange.id]), follow=True)
    assert "already downloaded" in again.content.decode()
    assert "panj-linkage-secret" not in again.content.decode()


@pytest.mark.parametrize(
    "kind, message",
    [
        ("other_key", "another secret than this exchange"),
        ("other_params", "other settings than Panj"),
        (
            "other_version",
            "another version of “panj linkage encode” "
            f"(format {FORMAT_VERSION - 1}; Panj reads format {FORMAT_VERSION})",
        ),
        ("garbage", "not a Panj encodings file"),
    ],
)
def test_it_rejects_a_wrong_file_clearly_and_stores_nothing(
    tmp_path, client_for, ngo_af, alice, dave, exchange, kind, message
):
    new_case(ngo_af, alice, consents=LINKAGE, **DARI)
    client = client_for(dave)
    secret = _secret(client, exchange)
    if kind == "other_key":
        file = _enc(tmp_path, PARTNER_PEOPLE, Secret.generate())
    elif kind == "other_params":
        file = _enc(tmp_path, PARTNER_PEOPLE, secret, Params(place=128))
    elif kind == "other_version":
        file = _of_version(_enc(tmp_path, PARTNER_PEOPLE, secret), FORMAT_VERSION - 1)
    else:
        file = SimpleUploadedFile("people.enc", b"id,given_name\n1,Zahra\n")
    response = _upload(client, exchange, file)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProbableMatch.objects.exists()
    assert not LinkageRun.objects.exists()
    exchange.refresh_from_db()
    assert exchange.status == PartnerExchange.Status.WAITING
    # the right file still goes through afterwards
    assert _upload(client, exchange, _enc(tmp_path, PARTNER_PEOPLE, secret)).status_code == 302


def test_it_refuses_an_upload_before_the_secret_was_taken(tmp_path, client_for, dave, exchange):
    file = _enc(tmp_path, PARTNER_PEOPLE, Secret.generate())
    response = _upload(client_for(dave), exchange, file)
    assert response.status_code == 400
    assert "does not wait for a file" in response.content.decode()


def test_it_hides_the_exchange_from_everyone_but_its_organisations_coordinators(
    client_for, alice, carol, exchange
):
    for user in (alice, carol):
        client = client_for(user)
        assert (
            client.post(reverse("linkage:exchange_secret", args=[exchange.id])).status_code == 404
        )
        assert client.get(reverse("linkage:exchange_upload", args=[exchange.id])).status_code == 404
    assert client_for(alice).post(reverse("linkage:exchange_create"), {}).status_code == 403


def test_it_reads_files_made_with_the_command_line(tmp_path, exchange):
    """The same reader as `panj linkage match`: what the CLI writes, the upload reads."""
    secret = services._exchange_secret(exchange)
    path = tmp_path / "cli.enc"
    encode_people(PARTNER_PEOPLE, secret).save(path)
    read = services.read_partner_file(path.read_bytes(), key_check=exchange.key_check)
    assert read.ids == ["p-1", "p-2"]


@pytest.mark.parametrize("language, words", [("prs", "قالب 5"), ("ru", "формат 5")])
def test_it_names_the_format_version_of_a_file_in_the_users_language(tmp_path, language, words):
    from django.utils import translation

    secret = Secret.generate()
    old = _of_version(_enc(tmp_path, PARTNER_PEOPLE, secret), 5)
    with translation.override(language), pytest.raises(services.UploadRejected) as rejected:
        services.read_partner_file(old.read(), key_check=secret.check_value())
    assert words in str(rejected.value)
