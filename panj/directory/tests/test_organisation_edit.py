"""Organisation admins keep their profile, offices, focal points and services current."""

from django.urls import reverse

from panj.directory.models import FocalPoint, Office, Organisation, Service


def profile(organisation, **changes):
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "country": organisation.country_id,
        "status": organisation.status,
        "languages": [language.code for language in organisation.languages.all()],
    }
    data.update(changes)
    return data


def test_it_lets_an_admin_edit_their_profile(client_for, hamid, ngo_af):
    url = reverse("directory:organisation_edit", args=[ngo_af.slug])
    response = client_for(hamid).post(
        url, profile(ngo_af, description_prs="کمک به بازماندگان", is_public="")
    )
    assert response.status_code == 302
    ngo_af.refresh_from_db()
    assert ngo_af.description_prs == "کمک به بازماندگان"
    assert ngo_af.is_public is False


def test_it_keeps_an_admin_from_moving_the_organisation_to_another_country(
    client_for, hamid, ngo_af, ngo_tj
):
    url = reverse("directory:organisation_edit", args=[ngo_af.slug])
    client_for(hamid).post(url, profile(ngo_af, country=ngo_tj.country_id))
    ngo_af.refresh_from_db()
    assert ngo_af.country.iso2 == "AF"


def test_it_shows_errors_in_the_users_language(client_for, hamid, ngo_af):
    url = reverse("directory:organisation_edit", args=[ngo_af.slug])
    response = client_for(hamid).post(
        url, profile(ngo_af, name="", website="not a url"), HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Обязательное поле." in body
    assert 'lang="ru"' in body


def test_it_refuses_profile_edits_to_caseworkers_of_the_organisation(client_for, alice, ngo_af):
    url = reverse("directory:organisation_edit", args=[ngo_af.slug])
    assert client_for(alice).get(url).status_code == 404


def test_it_refuses_profile_edits_to_another_organisations_admin(client_for, erin, ngo_af):
    url = reverse("directory:organisation_edit", args=[ngo_af.slug])
    assert client_for(erin).get(url).status_code == 404
    assert client_for(erin).post(url, profile(ngo_af, name="Taken")).status_code == 404
    ngo_af.refresh_from_db()
    assert ngo_af.name == "Afghan Test NGO"


def test_it_lets_the_coordinator_edit_any_member(client_for, dave, ngo_tj):
    url = reverse("directory:organisation_edit", args=[ngo_tj.slug])
    response = client_for(dave).post(url, profile(ngo_tj, acronym="TTN"))
    assert response.status_code == 302
    assert Organisation.objects.get(id=ngo_tj.id).acronym == "TTN"


def test_it_lets_the_coordinator_suspend_a_member_and_its_staff_lose_access(
    client_for, dave, carol, ngo_tj
):
    url = reverse("directory:organisation_edit", args=[ngo_tj.slug])
    response = client_for(dave).post(url, profile(ngo_tj, status="suspended"))
    assert response.status_code == 302
    assert "not part of any active organisation" in client_for(carol).get("/").content.decode()


def test_it_keeps_admins_from_suspending_their_own_organisation(client_for, hamid, ngo_af):
    url = reverse("directory:organisation_edit", args=[ngo_af.slug])
    client_for(hamid).post(url, profile(ngo_af, status="suspended"))
    ngo_af.refresh_from_db()
    assert ngo_af.status == "active"


def test_it_lets_the_coordinator_add_an_organisation(client_for, dave, ngo_tj):
    response = client_for(dave).post(
        reverse("directory:organisation_create"),
        {"name": "Khatlon Aid", "kind": "ngo", "country": ngo_tj.country_id},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Khatlon Aid").slug == "khatlon-aid"


def test_it_refuses_adding_organisations_to_others(client_for, hamid):
    assert client_for(hamid).get(reverse("directory:organisation_create")).status_code == 403


def test_it_adds_edits_and_removes_an_office(client_for, hamid, ngo_af):
    client = client_for(hamid)
    area = ngo_af.offices.get().area
    response = client.post(
        reverse("directory:office_create", args=[ngo_af.slug]),
        {"name": "Imam Sahib office", "area": area.id, "phone": "+93 70 000 0000"},
    )
    assert response.status_code == 302
    office = Office.objects.get(name="Imam Sahib office")
    assert office.organisation == ngo_af
    client.post(
        reverse("directory:office_edit", args=[office.id]), {"name": "Renamed", "area": area.id}
    )
    office.refresh_from_db()
    assert office.name == "Renamed"
    assert client.post(reverse("directory:office_delete", args=[office.id])).status_code == 302
    assert not Office.objects.filter(id=office.id).exists()


def test_it_removes_only_by_post(client_for, hamid, ngo_af):
    office = ngo_af.offices.get()
    assert (
        client_for(hamid).get(reverse("directory:office_delete", args=[office.id])).status_code
        == 405
    )


def test_it_adds_a_focal_point(client_for, hamid, ngo_af):
    response = client_for(hamid).post(
        reverse("directory:focal_point_create", args=[ngo_af.slug]),
        {"name": "Sahar", "function": "Case manager", "languages": ["prs", "ps"]},
    )
    assert response.status_code == 302
    person = FocalPoint.objects.get(name="Sahar")
    assert {language.code for language in person.languages.all()} == {"prs", "ps"}


def test_it_adds_a_service_with_the_areas_it_covers(client_for, hamid, ngo_af):
    office = ngo_af.offices.get()
    response = client_for(hamid).post(
        reverse("directory:service_create", args=[ngo_af.slug]),
        {
            "category": "shelter",
            "name": "Safe house",
            "office": office.id,
            "areas": [office.area.id],
            "for_women": "on",
            "for_children": "on",
            "for_adults": "on",
            "languages": ["prs"],
            "cost": "free",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    service = Service.objects.get(name="Safe house")
    assert not service.for_men and service.for_women
    assert list(service.areas.all()) == [office.area]


def test_it_says_who_a_service_must_serve(client_for, hamid, ngo_af):
    response = client_for(hamid).post(
        reverse("directory:service_create", args=[ngo_af.slug]),
        {"category": "shelter", "name": "Nobody", "cost": "free", "for_adults": "on"},
    )
    assert response.status_code == 200
    assert "Tick who the service is for" in response.content.decode()
    assert not Service.objects.filter(name="Nobody").exists()


def test_it_does_not_offer_another_organisations_office_for_a_service(
    client_for, hamid, ngo_af, ngo_tj
):
    foreign_office = ngo_tj.offices.get()
    response = client_for(hamid).post(
        reverse("directory:service_create", args=[ngo_af.slug]),
        {
            "category": "legal",
            "name": "Borrowed",
            "office": foreign_office.id,
            "for_women": "on",
            "for_adults": "on",
            "cost": "free",
        },
    )
    assert response.status_code == 200
    assert not Service.objects.filter(name="Borrowed").exists()


def test_it_refuses_service_edits_to_a_viewer_of_the_organisation(client_for, vera, ngo_af):
    service = ngo_af.services.get()
    assert (
        client_for(vera).get(reverse("directory:service_edit", args=[service.id])).status_code
        == 404
    )
