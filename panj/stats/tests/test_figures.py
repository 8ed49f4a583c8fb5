"""Figures of cases: counted in the database, consent respected at network level."""

from __future__ import annotations

from panj.cases.models import Case
from panj.stats import figures
from panj.stats.tables import protect, published_values


def series(statistics, key):
    return next(s for s in statistics if s.key == key)


def test_it_never_counts_unconsented_cases_at_network_level(network_cases):
    stats = figures.case_statistics(figures.network_cases())
    gender = series(stats, "gender")
    assert dict(zip(gender.codes, gender.values, strict=True))["Masculine"] == 17
    exploitation = series(stats, "exploitation")
    assert dict(zip(exploitation.codes, exploitation.values, strict=True))["OrganRemoval"] == 0
    assert gender.total == 47


def test_it_counts_every_case_of_an_organisation_for_its_own_staff(network_cases, ngo_tj):
    stats = figures.case_statistics(Case.objects.filter(organisation=ngo_tj))
    gender = series(stats, "gender")
    assert gender.total == 19
    exploitation = dict(
        zip(
            *[series(stats, "exploitation").codes, series(stats, "exploitation").values],
            strict=True,
        )
    )
    assert exploitation["ForcedLabour"] == 14 and exploitation["Servitude"] == 14


def test_it_splits_multiple_choices_into_counts_per_code(network_cases):
    control = series(figures.case_statistics(figures.network_cases()), "control")
    counts = dict(zip(control.codes, control.values, strict=True))
    assert counts["DebtBondage"] == 30 and counts["FalsePromises"] == 14
    assert not control.additive and control.total is None


def test_it_counts_cases_by_year_and_gender_in_one_table(network_cases):
    table = series(figures.case_statistics(figures.network_cases()), "year_sex")
    assert table.row_codes == ["2025"]
    assert table.cells[0][:2] == [30, 17]
    assert table.total == 47


def test_it_protects_every_network_figure_before_it_is_shown(network_cases):
    for statistic in figures.case_statistics(figures.network_cases()):
        shown = protect(statistic, threshold=11)
        assert all(v == 0 or v >= 11 for v in published_values(shown)), statistic.key


def test_it_aggregates_in_the_database_with_a_fixed_number_of_queries(
    network_cases, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        figures.case_statistics(figures.network_cases())


def test_it_counts_routes_by_country_and_by_province(ngo_af):
    from panj.cases.services import add_event
    from panj.directory.models import Area, Country
    from panj.stats.tests.conftest import many_cases

    khorugh, kunduz = Area.objects.get(key="tj-gbao-khorugh"), Area.objects.get(key="af-kunduz")
    tajikistan, afghanistan = Country.objects.get(iso2="TJ"), Country.objects.get(iso2="AF")
    for case in many_cases(ngo_af, 3):
        add_event(
            case=case, by=None, type="Recruitment", country_id=afghanistan.id, area_id=kunduz.id
        )
        add_event(
            case=case, by=None, type="Exploitation", country_id=tajikistan.id, area_id=khorugh.id
        )
    many_cases(ngo_af, 2)  # no step located
    stats = figures.case_statistics(figures.network_cases())
    route = series(stats, "route")
    assert route.row_codes == ["AFG", ""] and route.column_codes == ["TJK", ""]
    assert route.cells == [[3, 0], [0, 2]]
    by_province = series(stats, "route_province")
    assert by_province.row_codes == ["AF17", ""] and by_province.column_codes == ["tj-gbao", ""]
    assert by_province.cells == [[3, 0], [0, 2]]
