"""Aggregates of cases, services, referrals and joint work, computed in the database.

`case_statistics(cases)` works on any queryset of cases: an organisation's own (exact, for
its staff) or the network's consenting cases (then protected before anyone sees them).
Every figure is a GROUP BY; multi-choice variables are grouped by their stored combination
and split here, so that no query returns one row per person.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, Count, Exists, OuterRef, Q
from django.db.models.functions import Cast, Left
from django.utils.translation import gettext_lazy as _

from panj.cases import htcds
from panj.cases.models import (
    Case,
    CaseQuerySet,
    Consent,
    ServiceDelivery,
    StatisticsConsent,
    TraffickingEvent,
)
from panj.directory.models import Area, BorderCrossing, Country, ServiceCategory
from panj.stats.tables import CrossTable, Series, Statistic

UNKNOWN = ""


# Up to this many cases whose consent has dates are named in the query by their key.
DATED_BY_KEY = 1000


def network_cases() -> CaseQuerySet:
    """Every member's cases whose person agreed to be counted: the only ones the network sees
    (`with_consent(Consent.Purpose.STATISTICS)`, read from the mark the consents keep).

    The few cases whose consent has an end or a start to come are checked against its dates
    first, so that each figure filters by the mark and their keys alone: a condition the
    database answers from its statistics indexes, with no look-up of consents per case."""
    dated = list(
        Case.objects.filter(statistics_consent=StatisticsConsent.DATED)
        .with_consent(Consent.Purpose.STATISTICS)
        .order_by()
        .values_list("id", flat=True)[: DATED_BY_KEY + 1]
    )
    if len(dated) > DATED_BY_KEY:
        return Case.objects.counted_in_statistics()
    return Case.objects.filter(Q(statistics_consent=StatisticsConsent.OPEN) | Q(id__in=dated))


def _of_cases(cases: CaseQuerySet) -> Exists:
    """Rows of a case's related table (events, services) that belong to one of `cases`: one
    look-up of the case by its key per row, not a list of every case."""
    return Exists(cases.order_by().filter(pk=OuterRef("case_id")))


def _label(choices: Iterable[tuple[str, Any]], code: str) -> str:
    return str(dict(choices).get(code, code)) if code else str(_("Unknown"))


def _series(
    key: str,
    title: Any,
    counts: Counter[str],
    choices: list[tuple[str, Any]],
    *,
    additive: bool = True,
    hxl: str = "#indicator+code",
    keep_unknown: bool = True,
    **extra: Any,
) -> Series:
    codes = [code for code, _label in choices if code]
    codes += sorted(c for c in counts if c not in codes and c != UNKNOWN)
    if keep_unknown and counts.get(UNKNOWN):
        codes.append(UNKNOWN)
    return Series(
        key=key,
        title=str(title),
        codes=codes,
        labels=[_label(choices, code) for code in codes],
        values=[counts.get(code, 0) for code in codes],
        additive=additive,
        hxl=hxl,
        **extra,
    )


def year_of_registration() -> Left:
    """The year of registration as text, computed by the database itself on both engines
    (SQLite's year extraction would call back into Python for every row)."""
    return Left(Cast("opened_on", CharField()), 4)


@dataclass(frozen=True)
class Profile:
    """Counts by every variable of the case itself, from three GROUP BYs, each read from an
    index of the cases (`case_stats_opened`, `case_stats_place`, `case_stats_codes`)."""

    opened: list[tuple[str, str, int]]  # year, gender, count
    place: list[tuple[str, str, int]]  # age group, area id, count
    multi: list[tuple[str, str, str, str, int]]  # the four multi-choice fields, count

    @property
    def total(self) -> int:
        return sum(row[-1] for row in self.opened)

    def counts(self, position: int) -> Counter[str]:
        """By year (0), gender (1), age group (2) or area (3)."""
        rows = self.opened if position < 2 else self.place
        found: Counter[str] = Counter()
        for row in rows:
            found[str(row[position % 2] or UNKNOWN)] += int(row[-1])
        return found

    def multi_counts(self, position: int) -> Counter[str]:
        found: Counter[str] = Counter()
        for row in self.multi:
            codes = [c for c in str(row[position] or "").split(",") if c]
            for code in codes or [UNKNOWN]:
                found[code] += row[-1]
        return found


def profile(cases: CaseQuerySet) -> Profile:
    # Grouped in the order of an index (organisation first), so that the database reads the
    # index in order and counts as it goes, without sorting the cases; by day, summed by year
    # here (a few thousand groups at most), since neither engine sorts a year by its date.
    by_day: Counter[tuple[str, str]] = Counter()
    for _organisation, opened_on, gender, n in (
        cases.order_by()
        .values_list("organisation_id", "opened_on", "gender")
        .annotate(n=Count("*"))
    ):
        by_day[(str(opened_on.year), gender)] += n
    places: Counter[tuple[str, str]] = Counter()
    for _organisation, age, area, n in (
        cases.order_by()
        .values_list("organisation_id", "age_broad", "area_id")
        .annotate(n=Count("*"))
    ):
        places[(age, str(area or ""))] += n
    # Multi-choice fields grouped by their stored text: a few combinations, not a row each.
    multi: Counter[tuple[str, str, str, str]] = Counter()
    for _organisation, c, e, m, r, n in (
        cases.order_by()
        .values_list(
            "organisation_id",
            "citizenship",
            "exploitation_types",
            "control_methods",
            "recruitment_methods",
        )
        .annotate(n=Count("*"))
    ):
        multi[(",".join(c), ",".join(e), ",".join(m), ",".join(r))] += n
    return Profile(
        opened=[(year, gender, n) for (year, gender), n in by_day.items()],
        place=[(age, area, n) for (age, area), n in places.items()],
        multi=[(*codes, n) for codes, n in multi.items()],
    )


def by_year(data: Profile) -> Series:
    counts = data.counts(0)
    counts.pop(UNKNOWN, None)
    if counts:
        first, last = min(map(int, counts)), max(map(int, counts))
        years = [str(y) for y in range(first, last + 1)]
    else:
        years = []
    return Series(
        key="year",
        title=str(_("Cases by year registered")),
        codes=years,
        labels=years,
        values=[counts.get(y, 0) for y in years],
        chart="line",
        hxl="#date+year",
    )


def year_by_sex(data: Profile) -> CrossTable:
    counts: Counter[tuple[str, str]] = Counter()
    for year, gender, n in data.opened:
        counts[(year, gender)] += n
    years = sorted({year for year, _g in counts})
    genders = list(htcds.Gender.values)
    return CrossTable(
        key="year_sex",
        title=str(_("Cases by year and gender")),
        row_title=str(_("Year")),
        column_title=str(_("Gender")),
        row_codes=years,
        row_labels=years,
        column_codes=genders,
        column_labels=[str(label) for label in htcds.Gender.labels],
        cells=[[counts.get((year, g), 0) for g in genders] for year in years],
        row_hxl="#date+year",
        column_hxl=[
            "#affected+f",
            "#affected+m",
            "#affected+transgender+f",
            "#affected+transgender+m",
            "#affected+nonconforming",
            "#affected+unknown",
        ],
    )


def by_province(data: Profile) -> Series:
    """Cases by the province (or Tajik region) where the person is assisted."""
    per_area = data.counts(3)
    areas = {
        str(a.id): a
        for a in Area.objects.filter(id__in=[k for k in per_area if k]).only(
            "id", "parent_id", "key"
        )
    }
    counts: Counter[str] = Counter()
    provinces = list(
        Area.objects.provinces().select_related("country").order_by("country__iso2", "name_en")
    )
    # HXL's #adm1+code is the OCHA P-code; Tajik regions without a certain one keep our key.
    key_of = {str(p.id): p.pcode or p.key for p in provinces}
    for area_id, n in per_area.items():
        area = areas.get(str(area_id))
        if area is None:
            counts[UNKNOWN] += n
        else:
            counts[key_of.get(str(area.parent_id or area.id), UNKNOWN)] += n
    choices = [(p.pcode or p.key, p.name) for p in provinces]
    return _series(
        "province",
        _("Cases by province where assisted"),
        counts,
        choices,
        hxl="#adm1+code",
        chart="map",
    )


def _route_table(
    key: str,
    title: Any,
    counts: Counter[tuple[str, str]],
    names: dict[str, str],
    hxl: str,
) -> CrossTable:
    def order(codes: set[str]) -> list[str]:
        return sorted(c for c in codes if c) + ([UNKNOWN] if UNKNOWN in codes else [])

    origins = order({o for o, _d in counts})
    destinations = order({d for _o, d in counts})
    unknown = str(_("Unknown"))
    return CrossTable(
        key=key,
        title=str(title),
        row_title=str(_("Recruited in")),
        column_title=str(_("Exploited in")),
        row_codes=origins,
        row_labels=[str(names.get(c, c)) if c else unknown for c in origins],
        column_codes=destinations,
        column_labels=[str(names.get(c, c)) if c else unknown for c in destinations],
        cells=[[counts.get((o, d), 0) for d in destinations] for o in origins],
        row_hxl=f"{hxl}+origin",
        column_hxl=[f"#affected+ind+to_{(c or 'unknown').lower()}" for c in destinations],
    )


def by_route(cases: CaseQuerySet, total: int) -> list[CrossTable]:
    """Where people were recruited against where they were exploited, one pair per case: by
    country, and by province where the steps are located that precisely."""
    # Each case keeps its route (first recruitment and exploitation step) from its events.
    rows = (
        cases.order_by()
        .values_list(
            "organisation_id",
            "route_from_country_id",
            "route_to_country_id",
            "route_from_area_id",
            "route_to_area_id",
        )
        .annotate(n=Count("*"))
    )
    areas = {str(a.id): a for a in Area.objects.all()}
    provinces = {str(a.id): a for a in areas.values() if a.level == Area.Level.PROVINCE}
    all_countries = list(Country.objects.all())
    iso3 = {str(c.id): c.iso3 for c in all_countries}

    def key(value: object) -> str:
        return str(value) if value else ""

    def province(area_id: object) -> str:
        area = areas.get(key(area_id))
        if area is None:
            return UNKNOWN
        found = provinces.get(str(area.parent_id or area.id))
        return (found.pcode or found.key) if found else UNKNOWN

    by_country: Counter[tuple[str, str]] = Counter()
    by_province: Counter[tuple[str, str]] = Counter()
    for _organisation, origin, destination, origin_area, destination_area, n in rows:
        by_country[(iso3.get(key(origin), UNKNOWN), iso3.get(key(destination), UNKNOWN))] += n
        by_province[(province(origin_area), province(destination_area))] += n
    for counts in (by_country, by_province):
        if total > sum(counts.values()):
            counts[(UNKNOWN, UNKNOWN)] += total - sum(counts.values())
    return [
        _route_table(
            "route",
            _("Routes: country of recruitment to country of exploitation"),
            by_country,
            {c.iso3: c.name for c in all_countries},
            "#country+code",
        ),
        _route_table(
            "route_province",
            _("Routes: province of recruitment to province of exploitation"),
            by_province,
            {(p.pcode or p.key): p.name for p in provinces.values()},
            "#adm1+code",
        ),
    ]


def by_crossing(cases: CaseQuerySet) -> Series:
    rows = (
        TraffickingEvent.objects.filter(_of_cases(cases), border_crossing__isnull=False)
        .order_by()
        .values_list("border_crossing_id")
        .annotate(n=Count("case_id", distinct=True))
    )
    crossings = list(BorderCrossing.objects.all())
    keys = {c.id: c.key for c in crossings}
    counts = Counter({keys[crossing_id]: n for crossing_id, n in rows})
    choices = [(c.key, c.name) for c in crossings]
    return _series(
        "crossing",
        _("Cases by border crossing used"),
        counts,
        choices,
        additive=False,
        hxl="#loc+code+crossing",
    )


def by_service(cases: CaseQuerySet) -> Series:
    rows = (
        ServiceDelivery.objects.filter(_of_cases(cases))
        .order_by()
        .values_list("category")
        .annotate(n=Count("case_id", distinct=True))
    )
    return _series(
        "service",
        _("People who received each service"),
        Counter(dict(rows)),
        list(ServiceCategory.choices),
        additive=False,
        hxl="#activity+code",
        count_hxl="#reached+ind",
    )


def case_statistics(cases: CaseQuerySet) -> list[Statistic]:
    """Every case figure of the dashboards and releases, exact."""
    data = profile(cases)
    countries = list(Country.objects.all())
    iso3 = {c.iso2: c.iso3 for c in countries}
    names = {c.iso2: c.name for c in countries}
    nationality = data.multi_counts(0)
    citizenship_choices = [
        (iso3.get(code, code), names.get(code, code)) for code in sorted(nationality) if code
    ]
    citizenship = Counter({iso3.get(k, k): v for k, v in nationality.items()})
    return [
        by_year(data),
        year_by_sex(data),
        _series(
            "gender",
            _("Cases by gender"),
            data.counts(1),
            list(htcds.Gender.choices),
            hxl="#indicator+sex+code",
        ),
        _series(
            "age",
            _("Cases by age group"),
            data.counts(2),
            list(htcds.AgeBroad.choices),
            hxl="#indicator+age+code",
        ),
        _series(
            "citizenship",
            _("Cases by citizenship"),
            citizenship,
            citizenship_choices,
            additive=False,
            hxl="#country+code",
        ),
        _series(
            "exploitation",
            _("Types of exploitation"),
            data.multi_counts(1),
            list(htcds.ExploitationType.choices),
            additive=False,
            hxl="#indicator+exploitation+code",
        ),
        _series(
            "control",
            _("Means of control"),
            data.multi_counts(2),
            list(htcds.ControlMethod.choices),
            additive=False,
            hxl="#indicator+control+code",
        ),
        _series(
            "recruitment",
            _("Methods of recruitment"),
            data.multi_counts(3),
            list(htcds.RecruitmentMethod.choices),
            additive=False,
            hxl="#indicator+recruitment+code",
        ),
        by_province(data),
        *by_route(cases, data.total),
        by_crossing(cases),
        by_service(cases),
    ]


@dataclass(frozen=True)
class ReferralFigures:
    table: CrossTable
    median_hours: dict[str, float | None]


def referral_statistics(organisation_ids: Collection[uuid.UUID] | None) -> ReferralFigures | None:
    """Referrals within a country and across the border; None until referrals exist in Panj."""
    try:
        from panj.referrals.figures import median_hours_to_accept, referral_flows
    except ModuleNotFoundError as error:
        if error.name not in ("panj.referrals.figures", "panj.referrals"):
            raise
        return None
    flows = referral_flows(organisation_ids=organisation_ids)
    groups = {
        "within": [f for f in flows if not f.cross_border],
        "across": [f for f in flows if f.cross_border],
    }
    cells: list[list[int | None]] = []
    medians: dict[str, float | None] = {}
    for key, group in groups.items():
        accepted = sum(f.accepted for f in group)
        declined = sum(f.declined for f in group)
        sent = sum(f.sent for f in group)
        cells.append([accepted, declined, sent - accepted - declined])
        # Over the referrals themselves: a pair of organisations that refer often weighs more.
        medians[key] = median_hours_to_accept(
            organisation_ids=organisation_ids, cross_border=key == "across"
        )
    table = CrossTable(
        key="referrals",
        title=str(_("Referrals sent, by answer")),
        row_title=str(_("Referrals")),
        column_title=str(_("Answer")),
        row_codes=["within", "across"],
        row_labels=[str(_("Within a country")), str(_("Across the border"))],
        column_codes=["accepted", "declined", "waiting"],
        column_labels=[str(_("Accepted")), str(_("Declined")), str(_("Not answered yet"))],
        cells=cells,
        row_hxl="#indicator+referral+code",
        column_hxl=["#output+accepted", "#output+declined", "#output+waiting"],
    )
    return ReferralFigures(table=table, median_hours=medians)


@dataclass(frozen=True)
class JointWork:
    events: Series
    trainings: int
    people_trained: Series
    campaigns: list[tuple[str, int]]


def joint_work(organisation_ids: Collection[uuid.UUID] | None) -> JointWork | None:
    """Events, trainings and campaign reach; None until the knowledge app provides them."""
    try:
        from panj.knowledge import figures
    except ModuleNotFoundError as error:
        if error.name not in ("panj.knowledge.figures", "panj.knowledge"):
            raise
        return None
    from panj.knowledge.models.events import Event

    totals = figures.event_totals(organisation_ids=organisation_ids)
    reach = figures.campaign_reach(organisation_ids=organisation_ids)
    events = _series(
        "events",
        _("Events held, by kind"),
        Counter(totals.events_by_kind),
        list(Event.Kind.choices),
        hxl="#activity+code",
        count_hxl="#output+events",
    )
    trained = totals.people_trained
    people = Series(
        key="trained",
        title=str(_("People trained, by sex")),
        codes=["f", "m", "other"],
        labels=[str(_("Women")), str(_("Men")), str(_("Other or not stated"))],
        values=[trained.women, trained.men, trained.other],
        hxl="#indicator+sex+code",
        count_hxl="#reached+ind",
    )
    return JointWork(
        events=events,
        trainings=totals.trainings,
        people_trained=people,
        campaigns=[(c.title, c.total) for c in reach],
    )
