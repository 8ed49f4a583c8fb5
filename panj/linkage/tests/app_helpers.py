"""The same person at the Afghan NGO (Dari script) and the Tajik NGO (Cyrillic), and a run."""

from __future__ import annotations

from typing import Any

from panj.cases.models import Case
from panj.cases.tests.conftest import new_case
from panj.linkage import services
from panj.linkage.models import LinkageRun

DARI = {"given": "زهرا", "father": "محمد", "family": "احمدی"}
CYRILLIC = {"given": "Зухро", "father": "Муҳаммад", "family": "Ахмадова"}
LINKAGE = ("assistance", "linkage")


def shared_person(
    ngo_af: Any, alice: Any, ngo_tj: Any, carol: Any, *, consent: bool = True
) -> tuple[Case, Case]:
    consents = LINKAGE if consent else ("assistance",)
    case_af = new_case(ngo_af, alice, consents=consents, **DARI)
    case_tj = new_case(ngo_tj, carol, consents=consents, **CYRILLIC)
    # someone else at each side, who must not match anyone
    new_case(ngo_af, alice, consents=LINKAGE, given="فرید", family="رحیمی", gender="Masculine")
    new_case(ngo_tj, carol, consents=LINKAGE, given="Нигина", family="Саидова")
    return case_af, case_tj


def run(dave: Any, *organisations: Any) -> LinkageRun:
    return services.run_linkage(by=dave, organisations=list(organisations))


def secrets_of(case: Case) -> list[str]:
    """What of a case must never appear on the other side's pages."""
    return [case.number, str(case.id)]
