"""Open-data releases: built by one person, published by another, files frozen."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import load_workbook

from panj.accounts.roles import Role
from panj.accounts.services import add_member
from panj.stats import services
from panj.stats.disclosure import check_k_anonymity
from panj.stats.microdata import COLUMNS, QUASI
from panj.stats.models import Release
from panj.stats.tests.conftest import OPTIONS, many_cases

FORM = {
    "title": "Network figures",
    "first_year": 2024,
    "last_year": 2025,
    "threshold": 11,
    "k": 11,
    "l_diversity": 2,
    "epsilon": 1.0,
    "include_microdata": "on",
}


@pytest.fixture
def release(frank, iom_kabul, network_cases) -> Release:
    return services.build_release(organisation=iom_kabul, by=frank, options=OPTIONS)


@pytest.fixture
def published(release, dave) -> Release:
    return services.publish_release(release=release, by=dave)


def test_it_builds_a_release_from_the_form(client_for, frank, network_cases):
    response = client_for(frank).post(reverse("stats:releases"), FORM)
    release = Release.objects.get()
    assert response["Location"] == reverse("stats:release", args=[release.id])
    assert release.status == Release.Status.DRAFT
    assert release.cases_counted == 47
    assert 0 < release.epsilon_spent <= release.epsilon + 1e-9
    names = set(release.files.values_list("name", flat=True))
    assert {"method-note.txt", "tables.xlsx", "microdata.csv", "gender.csv"} <= names


def test_it_refuses_a_threshold_under_11(client_for, frank, network_cases):
    response = client_for(frank).post(reverse("stats:releases"), FORM | {"threshold": 5})
    assert response.status_code == 200 and not Release.objects.exists()
    with pytest.raises(services.ReleaseRefused):
        services.build_release(
            organisation=frank.memberships.get().organisation,
            by=frank,
            options=services.ReleaseOptions(
                title="x", first_year=2025, last_year=2025, threshold=3
            ),
        )


def test_it_lets_a_coordinator_who_did_not_build_it_publish(client_for, dave, release):
    client = client_for(dave)
    assert (
        b"Publish this release" in client.get(reverse("stats:release", args=[release.id])).content
    )
    response = client.post(reverse("stats:publish", args=[release.id]))
    assert response["Location"] == reverse("open_data:release", args=[release.id])
    release.refresh_from_db()
    assert release.is_published and release.published_by == dave


def test_it_never_lets_the_builder_publish_their_own_release(
    client_for, dave, iom_kabul, network_cases
):
    own = services.build_release(organisation=iom_kabul, by=dave, options=OPTIONS)
    client = client_for(dave)
    assert (
        b"Publish this release" not in client.get(reverse("stats:release", args=[own.id])).content
    )
    assert client.post(reverse("stats:publish", args=[own.id])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.publish_release(release=own, by=dave)
    own.refresh_from_db()
    assert not own.is_published


def test_it_lets_an_analyst_prepare_but_not_publish(client_for, frank, iom_kabul, network_cases):
    other = add_member(
        organisation=iom_kabul, email="gul@test.panj.org", full_name="Gul", role=Role.ANALYST
    ).user
    release = services.build_release(organisation=iom_kabul, by=other, options=OPTIONS)
    assert client_for(frank).post(reverse("stats:publish", args=[release.id])).status_code == 403


def test_it_hides_releases_from_member_organisations(client_for, alice, carol, release):
    for user in (alice, carol):
        client = client_for(user)
        assert client.get(reverse("stats:release", args=[release.id])).status_code == 404
        assert client.post(reverse("stats:publish", args=[release.id])).status_code == 404
        assert client.get(reverse("stats:file", args=[release.id, "gender.csv"])).status_code == 404
        assert client.get(reverse("stats:releases")).status_code == 403


def test_it_refuses_the_wrong_methods(client_for, dave, release):
    client = client_for(dave)
    assert client.get(reverse("stats:publish", args=[release.id])).status_code == 405
    assert client.post(reverse("stats:release", args=[release.id])).status_code == 405
    assert client.delete(reverse("stats:releases")).status_code == 405


def test_it_lists_releases_in_few_queries(client_for, dave, release, django_assert_max_num_queries):
    client = client_for(dave)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("stats:releases"))
    assert release.title in response.content.decode()


def test_it_publishes_the_files_frozen_when_built(client, client_for, published, ngo_af):
    before = {f.name: bytes(f.content) for f in published.files.all()}
    many_cases(ngo_af, 40, gender="Masculine")  # the data changes after publication
    for name, content in before.items():
        response = client.get(reverse("open_data:file", args=[published.id, name]))
        assert response.status_code == 200
        assert response.content == content


def _numbers_of_csv(content: bytes) -> list[int]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[1][0].startswith("#"), "the second row holds HXL hashtags"
    return [int(value) for row in rows[2:] for value in row[2:] if value.isdigit()]


def test_it_publishes_no_count_under_the_threshold_in_any_download(client, published):
    page = client.get(reverse("open_data:release", args=[published.id]))
    assert page.status_code == 200
    checked = 0
    for file in published.files.all():
        response = client.get(reverse("open_data:file", args=[published.id, file.name]))
        if file.name.endswith(".csv") and file.name != "microdata.csv":
            numbers = _numbers_of_csv(response.content)
        elif file.name.endswith(".xlsx"):
            book = load_workbook(io.BytesIO(response.content))
            numbers = [
                cell
                for sheet in book.worksheets[1:]
                for row in sheet.iter_rows(min_row=3, values_only=True)
                for cell in row[2:]
                if isinstance(cell, int)
            ]
        else:
            continue
        small = [n for n in numbers if 0 < n < published.threshold]
        assert not small, (file.name, small)
        checked += 1
    assert checked >= 10


def test_it_publishes_microdata_that_is_k_anonymous(client, frank, iom_kabul, ngo_af, dave):
    # Enough alike people for some records to survive: 60 women, 60 men, two means each.
    for gender in ("Feminine", "Masculine"):
        for means in (["DebtBondage"], ["FalsePromises"]):
            many_cases(
                ngo_af,
                30,
                gender=gender,
                exploitation_types=["ForcedLabour"],
                control_methods=means,
            )
    many_cases(ngo_af, 4, gender="NonConforming", exploitation_types=["ForcedBegging"])
    release = services.build_release(organisation=iom_kabul, by=frank, options=OPTIONS)
    services.publish_release(release=release, by=dave)
    response = client.get(reverse("open_data:file", args=[release.id, "microdata.csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    records = [tuple(row) for row in rows[1:]]
    assert len(records) == release.microdata_records > 0
    assert release.microdata_suppressed >= 4
    report = check_k_anonymity(COLUMNS, records, quasi=QUASI, k=11)
    assert report.passes and report.smallest_class >= 11


def test_it_writes_hxl_hashtags_in_every_table(published):
    gender = published.files.get(name="gender.csv")
    rows = list(csv.reader(io.StringIO(bytes(gender.content).decode("utf-8-sig"))))
    assert rows[1] == ["#indicator+sex+code", "#indicator+sex+name", "#affected+ind"]
    year_sex = published.files.get(name="year_sex.csv")
    tags = list(csv.reader(io.StringIO(bytes(year_sex.content).decode("utf-8-sig"))))[1]
    assert tags[0] == "#date+year" and "#affected+f" in tags and "#affected+m" in tags
    province = published.files.get(name="province.csv")
    assert "#adm1+code" in bytes(province.content).decode()


def test_it_states_the_method(published):
    note = published.method_note
    assert "threshold 11" in note and "epsilon = 1" in note and "11-anonymous" in note
