"""Walks every URL pattern of the project: sign-in required, and foreign records refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from panj.accounts.models import Membership
from panj.cases.services import schedule_follow_up
from panj.cases.tests.conftest import new_case
from panj.core.extensions import app_modules
from panj.directory.models import Application, Country
from panj.directory.services import create_organisation
from panj.linkage.services import ask_for_check, create_exchange
from panj.urls import PUBLIC_URL_NAMES

# Patterns whose object is shared with the whole network by design: the directory exists so
# that members find each other. Everything else that names an object is its owner's alone.
NETWORK_WIDE = {
    "directory:organisation": "profiles are the network's directory",
    "directory:service": "services are listed for referrals",
    "public:organisation": "public profiles, by the organisation's choice",
    "knowledge:news_post": "network news is written for every member",
}

# The JSON API answers an anonymous request with 401 and a reason in JSON (its own session
# check), not with the sign-in redirect of the web pages; GET-only addresses may answer 405.
API_NAMESPACE = "api:"

# Patterns the network coordinator may use on any member's object by role.
COORDINATOR_WIDE = {
    "knowledge:news_edit": "coordinators look after the network's news",
    "knowledge:news_delete": "coordinators look after the network's news",
}


def walk(patterns: list | None = None, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"every URL pattern needs a name: {entry.pattern}"
            yield f"{namespace}{entry.name}", entry


def url_kwargs(pattern: URLPattern) -> list[str]:
    return list(pattern.pattern.converters)


# Apps whose URLs take ids of their own add samples in `panj/<app>/tests/url_samples.py`:
# `url_samples(request, base)` gets pytest's request (for personas) and the samples below,
# and returns more, each an object owned by the Afghan NGO (alice's).
def app_samples(request: pytest.FixtureRequest, base: dict) -> dict:
    extra: dict = {}
    for module in app_modules("tests.url_samples"):
        extra.update(module.url_samples(request, base))
    return extra


@pytest.fixture
def samples(request, ngo_af, alice, hamid):
    """One object of the Afghan NGO for every kind of id a URL can take."""
    application = Application.objects.create(
        organisation_name="Applicant",
        kind="ngo",
        country=Country.objects.get(iso2="AF"),
        work_description="x",
        contact_name="x",
        contact_email="applicant@example.org",
    )
    case = new_case(ngo_af, alice)
    follow_up = schedule_follow_up(case=case, by=alice, due_on=case.opened_on)
    base = {
        "slug": ngo_af.slug,
        "office_id": ngo_af.offices.get().id,
        "focal_point_id": ngo_af.focal_points.get().id,
        "service_id": ngo_af.services.get().id,
        "membership_id": Membership.objects.get(user=alice).id,
        "application_id": application.id,
        "case_id": case.id,
        "consent_id": case.consents.get().id,
        "follow_up_id": follow_up.id,
        "exchange_id": create_exchange(
            organisation=ngo_af, by=hamid, label="Partner", organisations=[ngo_af]
        ).id,
        # asked of a fourth organisation, so that none of the strangers below is a party
        "check_id": ask_for_check(
            organisation=ngo_af,
            other=create_organisation(
                slug="ngo-af-neighbour",
                name="Afghan Neighbour NGO",
                kind="ngo",
                country=Country.objects.get(iso2="AF"),
            ),
            by=hamid,
        ).id,
        "uidb64": "MQ",
        "token": "set-password",
    }
    return base | app_samples(request, base)


def test_it_knows_how_to_fill_every_url(samples):
    for name, pattern in walk():
        missing = set(url_kwargs(pattern)) - set(samples)
        assert not missing, f"{name}: add a sample object for {missing} to this test"


def test_it_refuses_anonymous_users_everywhere_but_the_allow_list(client, samples):
    names = set()
    for name, pattern in walk():
        names.add(name)
        url = reverse(name, kwargs={k: samples[k] for k in url_kwargs(pattern)})
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if name in PUBLIC_URL_NAMES:
                assert response.status_code not in (401, 403), (name, method)
                assert not response.get("Location", "").startswith("/accounts/login/"), name
            elif name.startswith(API_NAMESPACE):
                assert response.status_code in ((401,) if method == "get" else (401, 405)), (
                    name,
                    method,
                    response.status_code,
                )
                if response.status_code == 401:
                    assert response.json()["detail"], name
            else:
                assert response.status_code == 302, (name, method, response.status_code)
                assert response["Location"].startswith(reverse("accounts:login")), name
    assert names >= PUBLIC_URL_NAMES, "the allow-list names a page that does not exist"


def test_it_closes_every_public_page_when_the_network_switches_them_off(client, samples, settings):
    settings.PANJ_PUBLIC_PAGES = False
    checked = 0
    for name, pattern in walk():
        if name in PUBLIC_URL_NAMES and name.startswith(("public:", "open_data:")):
            url = reverse(name, kwargs={k: samples[k] for k in url_kwargs(pattern)})
            assert client.get(url).status_code == 404, name
            checked += 1
    assert checked >= 10


def test_it_lets_public_pages_live_only_under_public_or_the_named_few():
    for name, _pattern in walk():
        # Open data lives at /open-data/: published releases only, read-only.
        if name in PUBLIC_URL_NAMES and not name.startswith(("public:", "open_data:")):
            assert name in {
                "healthz",
                "set_language",
                "accounts:login",
                "accounts:password_reset",
                "accounts:password_reset_done",
                "accounts:password_reset_confirm",
                "accounts:password_reset_complete",
            }, name


@pytest.mark.parametrize("stranger", ["carol", "erin", "dave"])
def test_it_hides_another_organisations_objects(request, client_for, samples, stranger):
    """A member of another organisation, even its admin, gets 404 for every object URL."""
    user = request.getfixturevalue(stranger)
    client = client_for(user)
    checked = 0
    for name, pattern in walk():
        kwargs = url_kwargs(pattern)
        object_kwargs = [k for k in kwargs if k not in ("uidb64", "token")]
        if not object_kwargs or name in NETWORK_WIDE or name in PUBLIC_URL_NAMES:
            continue
        if stranger == "dave" and (name.startswith("directory:") or name in COORDINATOR_WIDE):
            # The network coordinator manages members' profiles and applications by role.
            continue
        url = reverse(name, kwargs={k: samples[k] for k in kwargs})
        for method in ("get", "post"):
            status = getattr(client, method)(url).status_code
            assert status in (404, 405), (stranger, name, method, status)
            if status == 405:
                continue
            checked += 1
    assert checked >= (1 if stranger == "dave" else 8)


def test_it_shows_network_wide_objects_to_every_member(client_for, samples, carol):
    client = client_for(carol)
    for name, pattern in walk():
        if name in NETWORK_WIDE and not name.startswith("public:"):
            url = reverse(name, kwargs={k: samples[k] for k in url_kwargs(pattern)})
            assert client.get(url).status_code == 200, name
