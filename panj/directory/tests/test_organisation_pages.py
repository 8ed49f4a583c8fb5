"""Members find each other: the organisation list and profiles."""

from django.urls import reverse


def test_it_lists_active_members_to_any_member(client_for, carol, ngo_af, ngo_tj):
    page = client_for(carol).get(reverse("directory:organisations")).content.decode()
    assert "Afghan Test NGO" in page and "Tajik Test NGO" in page


def test_it_filters_the_list_by_country_and_name(client_for, carol, ngo_af, ngo_tj):
    client = client_for(carol)

    def names(**query):
        response = client.get(reverse("directory:organisations"), query)
        return [organisation.name for organisation in response.context["page"]]

    assert names(country=ngo_tj.country_id) == ["Tajik Test NGO"]
    assert names(q="afghan") == ["Afghan Test NGO"]
    assert names(kind="iom") == []


def test_it_answers_htmx_with_only_the_results(client_for, carol, ngo_af):
    response = client_for(carol).get(reverse("directory:organisations"), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'id="results"' in body
    assert "<html" not in body
    assert response["Vary"].count("HX-Request") == 1


def test_it_hides_suspended_organisations(client_for, carol, ngo_af):
    ngo_af.status = "suspended"
    ngo_af.save(update_fields=["status"])
    client = client_for(carol)
    assert "Afghan Test NGO" not in client.get(reverse("directory:organisations")).content.decode()
    assert client.get(reverse("directory:organisation", args=[ngo_af.slug])).status_code == 404


def test_it_shows_a_profile_with_offices_services_and_focal_points(client_for, carol, ngo_af):
    page = client_for(carol).get(reverse("directory:organisation", args=[ngo_af.slug]))
    body = page.content.decode()
    assert "Legal aid of Afghan Test NGO" in body
    assert "Afghan Test NGO office" in body
    assert "Focal point of Afghan Test NGO" in body
    assert reverse("directory:organisation_edit", args=[ngo_af.slug]) not in body


def test_it_keeps_the_list_at_a_fixed_number_of_queries(
    client_for, carol, ngo_af, django_assert_max_num_queries
):
    from conftest import _organisation

    client = client_for(carol)
    client.get(reverse("directory:organisations"))  # warm the session
    with django_assert_max_num_queries(8):
        client.get(reverse("directory:organisations"))
    for n in range(12):
        _organisation(f"extra-{n}", f"Extra {n}", "AF", "af-kunduz-kunduz")
    with django_assert_max_num_queries(8):
        client.get(reverse("directory:organisations"))


def test_it_keeps_a_profile_at_a_fixed_number_of_queries(
    client_for, carol, ngo_af, django_assert_max_num_queries
):
    from panj.directory.models import Service, ServiceCategory

    client = client_for(carol)
    url = reverse("directory:organisation", args=[ngo_af.slug])
    client.get(url)
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    office = ngo_af.offices.get()
    for n in range(10):
        service = Service.objects.create(
            organisation=ngo_af, category=ServiceCategory.SHELTER, name=f"S{n}", office=office
        )
        service.areas.set([office.area])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_it_refuses_writes_to_the_list(client_for, carol):
    assert client_for(carol).post(reverse("directory:organisations")).status_code == 405
