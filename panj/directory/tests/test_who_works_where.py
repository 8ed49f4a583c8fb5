"""The table of services by province for the border areas, and the crossings."""

from django.urls import reverse

from panj.directory.models import BorderCrossing


def test_it_counts_services_by_province_and_category(client_for, carol, ngo_af):
    response = client_for(carol).get(reverse("directory:who_works_where"))
    table = response.context["table"]
    province = ngo_af.offices.get().area.parent
    row = next(row for row in table if row["area"] == province)
    assert dict(row["cells"])["legal"] == 1
    assert dict(row["cells"])["shelter"] == 0


def test_it_lists_the_border_crossings(client_for, carol):
    body = client_for(carol).get(reverse("directory:who_works_where")).content.decode()
    for crossing in BorderCrossing.objects.all():
        assert crossing.name_en in body


def test_it_keeps_the_table_at_a_fixed_number_of_queries(
    client_for, carol, ngo_af, ngo_tj, django_assert_max_num_queries
):
    client = client_for(carol)
    client.get(reverse("directory:who_works_where"))
    with django_assert_max_num_queries(8):
        client.get(reverse("directory:who_works_where"))
