"""Search over organisations, services and places, in any script."""

from django.urls import reverse

from panj.directory.models import Area


def test_it_finds_organisations_services_and_places(client_for, carol, ngo_af):
    client = client_for(carol)
    assert (
        "Afghan Test NGO"
        in client.get(reverse("directory:search"), {"q": "afghan"}).content.decode()
    )
    assert (
        "Legal aid of Tajik"
        not in client.get(reverse("directory:search"), {"q": "afghan"}).content.decode()
    )


def test_it_finds_places_by_their_name_in_any_script(client_for, carol):
    area = Area.objects.exclude(name_prs="").exclude(name_tg="").first()
    client = client_for(carol)
    for name in (area.name_prs, area.name_tg, area.name_en):
        body = client.get(reverse("directory:search"), {"q": name}).content.decode()
        assert str(area.id) in body, name


def test_it_shows_nothing_for_an_empty_query(client_for, carol):
    response = client_for(carol).get(reverse("directory:search"))
    assert response.status_code == 200
    assert response.context["organisations"] == []
