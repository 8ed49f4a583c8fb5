"""The service finder: by country, area, category, language and who is served."""

import pytest
from django.urls import reverse

from panj.directory.models import Area, Language, Service


@pytest.fixture
def shelter_tj(ngo_tj):
    office = ngo_tj.offices.get()
    service = Service.objects.create(
        organisation=ngo_tj,
        category="shelter",
        name="Shelter for women",
        office=office,
        for_men=False,
    )
    service.areas.set([office.area])
    service.languages.set([Language.objects.get(code="tg")])
    return service


def find(client, **query):
    return client.get(reverse("directory:services"), query).content.decode()


def test_it_finds_a_service_by_category_and_province(client_for, carol, ngo_af, ngo_tj):
    province = ngo_af.offices.get().area.parent
    page = find(client_for(carol), category="legal", area=province.id)
    assert "Legal aid of Afghan Test NGO" in page
    assert "Legal aid of Tajik Test NGO" not in page


def test_it_finds_province_wide_services_from_a_district(client_for, carol, ngo_af):
    district = ngo_af.offices.get().area
    other = Area.objects.filter(parent=district.parent).exclude(id=district.id).first()
    page = find(client_for(carol), area=(other or district).id)
    assert "Legal aid of Afghan Test NGO" in page


def test_it_filters_by_who_is_served_and_language(client_for, carol, shelter_tj):
    client = client_for(carol)
    assert "Shelter for women" in find(client, served="women", language="tg")
    assert "Shelter for women" not in find(client, served="men")
    assert "Shelter for women" not in find(client, language="prs")


def test_it_filters_by_country(client_for, carol, ngo_af, ngo_tj):
    page = find(client_for(carol), country=ngo_tj.country_id)
    assert "Legal aid of Tajik Test NGO" in page and "Afghan Test NGO" not in page


def test_it_ignores_offers_no_longer_made_or_of_suspended_members(client_for, carol, ngo_af):
    ngo_af.services.update(is_active=False)
    assert "Legal aid of Afghan Test NGO" not in find(client_for(carol))


def test_it_explains_a_bad_filter_instead_of_failing(client_for, carol, ngo_af):
    response = client_for(carol).get(reverse("directory:services"), {"area": "not-an-id"})
    assert response.status_code == 200
    assert "area" in response.context["form"].errors
    assert "is not a valid UUID" in response.content.decode()


def test_it_serves_the_fragment_to_htmx(client_for, carol, ngo_af):
    response = client_for(carol).get(
        reverse("directory:services"), {"category": "legal"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in response.content.decode()
    assert "Legal aid of Afghan Test NGO" in response.content.decode()


def test_it_keeps_the_finder_at_a_fixed_number_of_queries(
    client_for, carol, ngo_af, shelter_tj, django_assert_max_num_queries
):
    client = client_for(carol)
    client.get(reverse("directory:services"))
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("directory:services"))
    office = ngo_af.offices.get()
    for n in range(15):
        service = Service.objects.create(
            organisation=ngo_af, category="medical", name=f"Clinic {n}", office=office
        )
        service.areas.set([office.area, office.area.parent])
        service.languages.set(Language.objects.filter(code__in=["prs", "ps"]))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("directory:services"))


def test_it_shows_a_service_to_any_member(client_for, carol, ngo_af):
    service = ngo_af.services.get()
    response = client_for(carol).get(reverse("directory:service", args=[service.id]))
    assert response.status_code == 200
    assert "Legal aid of Afghan Test NGO" in response.content.decode()


def test_it_refuses_to_post_to_the_finder(client_for, carol):
    assert client_for(carol).post(reverse("directory:services")).status_code == 405
