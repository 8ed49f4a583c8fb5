"""Cases in bulk for the statistics tests, registered through the cases services."""

from __future__ import annotations

import datetime

import pytest

from panj.cases import services
from panj.cases.identity import Identity
from panj.cases.models import Case
from panj.stats.services import ReleaseOptions


def many_cases(
    organisation,
    count: int,
    *,
    statistics: bool = True,
    opened_on: datetime.date = datetime.date(2025, 3, 1),
    gender: str = "Feminine",
    **values,
) -> list[Case]:
    consents = {"assistance": services.ConsentInput()}
    if statistics:
        consents["statistics"] = services.ConsentInput()
    return services.bulk_register_cases(
        organisation=organisation,
        by=None,
        items=[
            services.NewCase(
                identity=Identity(given_name="Person", family_name=f"N{n}", birth_year=1990),
                opened_on=opened_on,
                gender=gender,
                consents=consents,
                values=dict(values),
            )
            for n in range(count)
        ],
        action="",
    )


@pytest.fixture
def network_cases(ngo_af, ngo_tj):
    """A small network: 30 + 14 consenting women and men, 5 who did not consent."""
    many_cases(ngo_af, 30, exploitation_types=["ForcedLabour"], control_methods=["DebtBondage"])
    many_cases(ngo_af, 3, gender="Masculine", exploitation_types=["SexualExploitation"])
    many_cases(
        ngo_tj,
        14,
        gender="Masculine",
        exploitation_types=["ForcedLabour", "Servitude"],
        control_methods=["FalsePromises"],
    )
    many_cases(ngo_tj, 5, statistics=False, gender="Masculine", exploitation_types=["OrganRemoval"])


OPTIONS = ReleaseOptions(title="Network figures 2025", first_year=2024, last_year=2025)


@pytest.fixture(autouse=True)
def fresh_figures():
    """Dashboards cache their figures; every test starts from the database."""
    from panj.stats.dashboards import forget_cached_figures

    forget_cached_figures()
    yield
    forget_cached_figures()
