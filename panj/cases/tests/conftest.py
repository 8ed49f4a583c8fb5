"""Cases of the shared personas' organisations, registered through the same services."""

from __future__ import annotations

import datetime

import pytest

from panj.cases import htcds, services
from panj.cases.identity import Identity
from panj.cases.models import Case, Consent


def new_case(
    organisation,
    by,
    *,
    given: str = "Zahra",
    family: str = "Ahmadi",
    father: str = "",
    opened_on: datetime.date | None = None,
    consents: tuple[str, ...] = ("assistance",),
    **values,
) -> Case:
    opened_on = opened_on or datetime.date(2025, 11, 1)
    return services.register_case(
        organisation=organisation,
        by=by,
        item=services.NewCase(
            identity=Identity(
                given_name=given, family_name=family, father_name=father, birth_year=2004
            ),
            opened_on=opened_on,
            gender=values.pop("gender", htcds.Gender.FEMININE),
            caseworker_id=by.pk if by else None,
            consents={purpose: services.ConsentInput() for purpose in consents},
            values=values,
        ),
    )


@pytest.fixture
def case_af(ngo_af, alice) -> Case:
    return new_case(ngo_af, alice)


@pytest.fixture
def case_tj(ngo_tj, carol) -> Case:
    return new_case(ngo_tj, carol, given="Нигина", family="Саидова")


@pytest.fixture
def audit_calls(monkeypatch):
    """Every call to the audit log, in order, as the keyword arguments it was given."""
    import panj.audit.services as audit_services
    from panj.cases import access, exports
    from panj.cases import services as case_services

    calls: list[dict] = []
    real = audit_services.record

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    for module in (access, exports, case_services):
        monkeypatch.setattr(module, "record", spy)
    return calls


__all__ = ["Consent", "new_case"]
