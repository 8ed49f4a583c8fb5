"""De-identified records in the shape of CTDC's Global Synthetic Data, made k-anonymous.

Each consenting case becomes one record with CTDC's published variables, built from the
case's HTCDS values. Every column except the means of control is treated as something an
attacker might know about a person; the means of control are the sensitive column whose
variety (l-diversity) each group must show.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import CharField
from django.db.models.functions import Cast

from panj.cases.models import CaseQuerySet, TraffickingEvent
from panj.directory.models import Country
from panj.stats.disclosure import Generalisation, anonymise
from panj.stats.disclosure.kanonymity import AnonymisedData
from panj.stats.figures import year_of_registration

MEANS = {
    "meansDebtBondageEarnings": {"DebtBondage", "TakesEarnings"},
    "meansThreats": {"PhysicalThreats", "ThreatsLawEnforcement", "ThreatensChildrenFamily"},
    "meansAbusePsyPhySex": {"PhysicalAbuse", "SexualAbuse", "PsychologicalAbuse"},
    "meansFalsePromises": {"FalsePromises"},
    "meansDrugsAlcohol": {"PsychoactiveSubstance"},
    "meansDenyBasicNeeds": {
        "RestrictsFinancialAccess",
        "RestrictsMedicalCare",
        "WithholdsNecessities",
    },
    "meansExcessiveWorkHours": {"ExcessiveWorkingHours"},
    "meansWithholdDocs": {"WithholdsDocuments"},
}
LABOUR = {"ForcedLabour", "ChildLabour", "ForcedBegging", "Servitude"}
SEXUAL = {"SexualExploitation"}
INDUSTRIES = {
    "typeOfLabourAgriculture": "A_AgricultureForestryAndFishing",
    "typeOfLabourConstruction": "F_Construction",
    "typeOfLabourDomesticWork": "T_ActivitiesOfHouseholdsAsEmployers",
    "typeOfLabourHospitality": "I_AccommodationAndFoodServiceActivities",
}
SEX_TYPES = {"typeOfSexProstitution": "Prostitution", "typeOfSexPornography": "Pornography"}
RELATIONS = {
    "recruiterRelationIntimatePartner": None,  # HTCDS does not tell a partner from family
    "recruiterRelationFriend": "Acquainted",
    "recruiterRelationFamily": "Familial",
    "recruiterRelationOther": "Unaquainted",
}
GENDERS = {
    "Feminine": "Woman",
    "Masculine": "Man",
    "TransgenderFeminine": "Trans/Transgender/NonConforming",
    "TransgenderMasculine": "Trans/Transgender/NonConforming",
    "NonConforming": "Trans/Transgender/NonConforming",
}
COLUMNS = [
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "citizenship",
    "CountryOfExploitation",
    "traffickMonths",
    *MEANS,
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
    *INDUSTRIES,
    *SEX_TYPES,
    *RELATIONS,
]
SENSITIVE = "meansOfControl"  # a working column: the means columns joined, dropped on output
QUASI = [c for c in COLUMNS if c not in MEANS]


def _flag(present: bool) -> str:
    return "1" if present else ""


def _codes(stored: str | list[str] | None) -> set[str]:
    if isinstance(stored, str):
        return {c for c in stored.split(",") if c}
    return {str(c) for c in stored or []}


_CODE_LISTS = (
    "citizenship",
    "control_methods",
    "exploitation_types",
    "labour_industries",
    "sexual_exploitation_types",
)


def records(cases: CaseQuerySet) -> Iterator[tuple[str, ...]]:
    """One CTDC-shaped record per case, streamed from the database."""
    iso3 = dict(Country.objects.values_list("iso2", "iso3"))
    # The first country of exploitation of each case, read once for all, not per record.
    exploited_in: dict[object, str] = {}
    steps = (
        TraffickingEvent.objects.filter(
            case__in=cases.values("id"), type="Exploitation", country__isnull=False
        )
        .order_by("-happened_on", "-created_at")
        .annotate(raw_case=Cast("case_id", CharField()))
        .values_list("raw_case", "country__iso3")
    )
    for case_id, country in steps.iterator(chunk_size=5000):
        exploited_in[case_id] = country  # the earliest comes last and wins
    rows = (
        cases.order_by()
        # Raw text, not Python values: 100 000 records skip the field converters.
        .annotate(
            year=year_of_registration(),
            raw_id=Cast("id", CharField()),
            **{f"raw_{name}": Cast(name, CharField()) for name in _CODE_LISTS},
        )
        .values_list(
            "year",
            "gender",
            "age_broad",
            "raw_citizenship",
            "raw_id",
            "raw_control_methods",
            "raw_exploitation_types",
            "raw_labour_industries",
            "raw_sexual_exploitation_types",
            "relationship_to_trafficker",
        )
    )
    for (
        year,
        gender,
        age,
        citizenship,
        case_id,
        control,
        kinds,
        industries,
        sex,
        relation,
    ) in rows.iterator(chunk_size=5000):
        country = exploited_in.get(case_id, "")
        control_codes = _codes(control)
        kind_codes = _codes(kinds)
        industry_codes = _codes(industries)
        sex_codes = _codes(sex)
        nationalities = sorted(_codes(citizenship))
        means = [_flag(bool(control_codes & codes)) for codes in MEANS.values()]
        yield (
            str(year),
            GENDERS.get(gender, ""),
            age or "",
            iso3.get(nationalities[0], nationalities[0]) if nationalities else "",
            country or "",
            "",
            *means,
            _flag(bool(kind_codes & LABOUR)),
            _flag(bool(kind_codes & SEXUAL)),
            _flag(bool(kind_codes - LABOUR - SEXUAL)),
            *[_flag(code in industry_codes) for code in INDUSTRIES.values()],
            *[_flag(code in sex_codes) for code in SEX_TYPES.values()],
            *[_flag(code is not None and relation == code) for code in RELATIONS.values()],
            "".join(flag or "0" for flag in means),
        )


def _majority(age: str) -> str:
    if not age:
        return ""
    return "0--17" if age in {"0--8", "9--17", "0--17"} else "18+"


def _year_band(year: str) -> str:
    if not year or "-" in year:
        return year
    start = int(year) // 3 * 3
    return f"{start}-{start + 2}"


def _region(code: str) -> str:
    return code if code in {"", "AFG", "TJK"} else "Other"


def _blank(_value: str) -> str:
    return ""


STEPS = [
    Generalisation("ageBroad", _majority, "age group to adult or minor"),
    *[Generalisation(c, _blank, f"{c} withheld") for c in [*RELATIONS, *SEX_TYPES, *INDUSTRIES]],
    Generalisation("yearOfRegistration", _year_band, "year to three-year period"),
    Generalisation("citizenship", _region, "citizenship to Afghan, Tajik or other"),
    Generalisation(
        "CountryOfExploitation", _region, "country of exploitation to AFG, TJK or other"
    ),
    Generalisation("isOtherExploit", _blank, "isOtherExploit withheld"),
    Generalisation("yearOfRegistration", _blank, "year withheld"),
    Generalisation("ageBroad", _blank, "age withheld"),
]


def anonymised(cases: CaseQuerySet, *, k: int, diversity: int) -> AnonymisedData:
    """The records of `cases`, generalised and suppressed until k-anonymous and l-diverse."""
    result = anonymise(
        [*COLUMNS, SENSITIVE],
        list(records(cases)),
        quasi=QUASI,
        k=k,
        steps=STEPS,
        sensitive=SENSITIVE,
        diversity=diversity,
        max_suppressed_share=0.2,
    )
    # The joined means column served the check only: drop it from what is published.
    result.rows = [row[:-1] for row in result.rows]
    result.columns = list(COLUMNS)
    return result
