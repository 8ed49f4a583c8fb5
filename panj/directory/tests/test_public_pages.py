"""The network's public pages and the application to join."""

from django.urls import reverse

from panj.accounts.models import Membership
from panj.accounts.roles import Role
from panj.directory.models import Application, Country, Organisation


def test_it_lists_only_members_who_chose_a_public_profile(client, ngo_af, ngo_tj):
    ngo_tj.is_public = False
    ngo_tj.save(update_fields=["is_public"])
    body = client.get(reverse("public:network")).content.decode()
    assert "Afghan Test NGO" in body
    assert "Tajik Test NGO" not in body
    assert client.get(reverse("public:organisation", args=[ngo_tj.slug])).status_code == 404


def test_it_never_shows_focal_points_publicly(client, ngo_af):
    body = client.get(reverse("public:organisation", args=[ngo_af.slug])).content.decode()
    assert "Legal aid of Afghan Test NGO" in body
    assert "Focal point of" not in body


def test_it_can_be_switched_off_by_the_operator(client, ngo_af, settings):
    settings.PANJ_PUBLIC_PAGES = False
    assert client.get(reverse("public:network")).status_code == 404


def application_data(**changes):
    data = {
        "organisation_name": "Rasht Valley Aid",
        "kind": "ngo",
        "country": Country.objects.get(iso2="TJ").id,
        "work_description": "Shelter in Rasht.",
        "contact_name": "Dilnoza",
        "contact_email": "dilnoza@rasht.example",
    }
    data.update(changes)
    return data


def test_it_takes_an_application_to_join(client, db):
    response = client.post(reverse("public:join"), application_data())
    assert response.status_code == 302
    assert Application.objects.get().status == Application.Status.PENDING


def test_it_shows_what_is_wrong_with_an_application(client, db):
    response = client.post(reverse("public:join"), application_data(contact_email="nope"))
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not Application.objects.exists()


def test_it_lets_the_coordinator_accept_an_application(client, client_for, dave):
    client.post(reverse("public:join"), application_data())
    application = Application.objects.get()
    response = client_for(dave).post(
        reverse("directory:application", args=[application.id]), {"decision": "accept"}
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Rasht Valley Aid")
    assert not organisation.is_public
    admin = Membership.objects.get(organisation=organisation)
    assert admin.role == Role.ORGANISATION_ADMIN
    assert admin.user.email == "dilnoza@rasht.example"


def test_it_asks_why_when_declining(client, client_for, dave):
    client.post(reverse("public:join"), application_data())
    application = Application.objects.get()
    url = reverse("directory:application", args=[application.id])
    assert client_for(dave).post(url, {"decision": "decline"}).status_code == 200
    assert (
        client_for(dave).post(url, {"decision": "decline", "note": "Out of area"}).status_code
        == 302
    )
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    assert not Organisation.objects.filter(name="Rasht Valley Aid").exists()


def test_it_refuses_applications_to_everyone_but_coordinators(client, client_for, hamid, erin):
    client.post(reverse("public:join"), application_data())
    application = Application.objects.get()
    for user in (hamid, erin):
        client = client_for(user)
        assert client.get(reverse("directory:applications")).status_code == 403
        url = reverse("directory:application", args=[application.id])
        assert client.post(url, {"decision": "accept"}).status_code == 404
    assert Application.objects.get().status == Application.Status.PENDING


def test_it_keeps_a_public_profile_at_a_fixed_number_of_queries(
    client, ngo_af, django_assert_max_num_queries
):
    from panj.directory.models import Service

    url = reverse("public:organisation", args=[ngo_af.slug])
    with django_assert_max_num_queries(4):
        client.get(url)
    office = ngo_af.offices.get()
    for n in range(8):
        service = Service.objects.create(
            organisation=ngo_af, category="medical", name=f"Clinic {n}", office=office
        )
        service.areas.set([office.area, office.area.parent])
    with django_assert_max_num_queries(4):
        assert "Clinic 7" in client.get(url).content.decode()
