"""The route kept on a case: where its first recruitment and first exploitation took place."""

from __future__ import annotations

import datetime

from panj.cases import services
from panj.cases.models import Case
from panj.cases.tests.conftest import new_case
from panj.directory.models import Area, Country


def test_it_keeps_the_first_located_recruitment_and_exploitation(ngo_af, alice):
    case = new_case(ngo_af, alice)
    afghanistan, tajikistan = Country.objects.get(iso2="AF"), Country.objects.get(iso2="TJ")
    kunduz = Area.objects.get(key="af-kunduz")

    def add(type_, day, **where):
        services.add_event(
            case=case, by=alice, type=type_, happened_on=datetime.date(2024, 1, day), **where
        )

    add("Recruitment", 20, country_id=tajikistan.id)
    add("Recruitment", 10, country_id=afghanistan.id)  # recorded later, happened earlier
    add("Exploitation", 15, area_id=kunduz.id)  # an area without a country
    add("Exploitation", 25, country_id=tajikistan.id)
    case.refresh_from_db()
    assert case.route_from_country_id == afghanistan.id
    assert case.route_to_country_id == tajikistan.id
    assert case.route_from_area_id is None
    assert case.route_to_area_id == kunduz.id


def test_it_recomputes_every_route_from_the_events(ngo_af, alice):
    case = new_case(ngo_af, alice)
    services.add_event(
        case=case, by=alice, type="Exploitation", country_id=Country.objects.get(iso2="TJ").id
    )
    Case.objects.update(route_to_country=None)
    assert services.refresh_route() == 1
    case.refresh_from_db()
    assert case.route_to_country is not None and case.route_to_country.iso2 == "TJ"


def test_it_puts_an_undated_step_after_the_dated_ones_on_every_database(ngo_af, alice):
    case = new_case(ngo_af, alice)
    afghanistan, tajikistan = Country.objects.get(iso2="AF"), Country.objects.get(iso2="TJ")
    services.add_event(case=case, by=alice, type="Recruitment", country_id=tajikistan.id)
    services.add_event(
        case=case,
        by=alice,
        type="Recruitment",
        happened_on=datetime.date(2024, 1, 5),
        country_id=afghanistan.id,
    )
    case.refresh_from_db()
    assert case.route_from_country_id == afghanistan.id
