"""What the dashboards show: the figures of an organisation or the network, ready to render."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from panj.cases import htcds
from panj.cases.models import Case
from panj.stats import charts, figures
from panj.stats.disclosure import DEFAULT_THRESHOLD
from panj.stats.models import ReferenceCount, ReferenceDataset
from panj.stats.tables import CrossTable, Series, Statistic, protect

T = TypeVar("T")


@dataclass(frozen=True)
class Figure:
    statistic: Statistic
    svg: SafeString | None
    reference: Series | None = None
    reference_svg: SafeString | None = None

    @property
    def is_cross(self) -> bool:
        return isinstance(self.statistic, CrossTable)

    @property
    def reference_rows(self) -> list[tuple[str, int | None, float | None]]:
        """The reference's counts with their share of its records, to compare proportions."""
        if self.reference is None:
            return []
        records = self.reference.total or 0
        return [
            (label, value, 100 * value / records if records and value is not None else None)
            for _code, label, value in self.reference.rows
        ]


def _figure(statistic: Statistic, reference: Series | None = None) -> Figure:
    svg = charts.chart(statistic) if isinstance(statistic, Series) else None
    return Figure(
        statistic,
        svg,
        reference,
        charts.chart(reference) if reference is not None else None,
    )


REFERENCE_DIMENSIONS = {
    "year": ("year", []),
    "gender": ("gender", list(htcds.Gender.choices)),
    "age": ("age", []),
    "exploitation": (
        "exploitation",
        [
            ("ForcedLabour", htcds.ExploitationType.FORCED_LABOUR.label),
            ("SexualExploitation", htcds.ExploitationType.SEXUAL.label),
            ("Other", _("Other exploitation")),
        ],
    ),
}


def reference_series(dataset: ReferenceDataset) -> dict[str, Series]:
    """The reference's counts by the dashboard's variables; totals are its number of records."""
    counts: dict[str, dict[str, int]] = {}
    for dimension, value, count in ReferenceCount.objects.filter(dataset=dataset).values_list(
        "dimension", "value", "count"
    ):
        counts.setdefault(dimension, {})[value] = count
    found = {}
    for key, (dimension, choices) in REFERENCE_DIMENSIONS.items():
        values = counts.get(dimension, {})
        labels = dict(choices)
        codes = [c for c, _l in choices if c in values] or sorted(v for v in values if v)
        codes += [c for c in sorted(values) if c and c not in codes]
        if "" in values:
            codes.append("")
        found[key] = Series(
            key=f"ref-{key}",
            title=f"{dataset.name}",
            codes=codes,
            labels=[str(labels.get(c, c)) if c else str(_("Unknown")) for c in codes],
            values=[values[c] for c in codes],
            additive=key != "exploitation",
            total=dataset.records,
            chart="bar",
        )
    return found


# Figures are aggregates over every case, each read from an index: fast enough to compute on
# every request, they are still kept a minute per organisation, for the network and per
# language, so that a busy page does not repeat them (the page says as of when).
CACHE_SECONDS = 60


def _cached(key: str, compute: Callable[[], T]) -> tuple[T, datetime.datetime]:
    cache_key = f"stats:{key}:{get_language() or 'en'}"
    found = cache.get(cache_key)
    if found is None:
        found = (compute(), timezone.now())
        cache.set(cache_key, found, CACHE_SECONDS)
    return cast(tuple[T, datetime.datetime], found)


def forget_cached_figures() -> None:
    """Drop every cached figure (after an import, in tests)."""
    cache.clear()


def organisation_figures(organisation_id: uuid.UUID) -> dict[str, Any]:
    """An organisation's own figures, exact: its staff know these people already."""
    cases = Case.objects.filter(organisation_id=organisation_id)
    statistics, as_of = _cached(
        f"organisation:{organisation_id}", lambda: figures.case_statistics(cases)
    )
    referrals = figures.referral_statistics([organisation_id])
    work = figures.joint_work([organisation_id])
    return {
        "as_of": as_of,
        "figures": [_figure(s) for s in statistics],
        "referrals": referrals.table if referrals else None,
        "referral_medians": referrals.median_hours if referrals else None,
        "work": work,
        "work_figures": [_figure(work.events), _figure(work.people_trained)] if work else [],
    }


def network_figures(reference: ReferenceDataset | None = None) -> dict[str, Any]:
    """The network's consenting cases, every count protected by small-cell suppression."""
    threshold = DEFAULT_THRESHOLD
    references = reference_series(reference) if reference is not None else {}
    protected, as_of = _cached(
        "network",
        lambda: [
            protect(s, threshold=threshold)
            for s in figures.case_statistics(figures.network_cases())
        ],
    )
    referrals = figures.referral_statistics(None)
    medians: dict[str, float | None] | None = None
    table: Statistic | None = None
    if referrals is not None:
        table = protect(referrals.table, threshold=threshold)
        # A median of a few answers tells how fast someone was helped: shown from the threshold.
        accepted = dict(
            zip(
                referrals.table.row_codes,
                (row[0] or 0 for row in referrals.table.cells),
                strict=True,
            )
        )
        medians = {
            key: value if accepted.get(key, 0) >= threshold else None
            for key, value in referrals.median_hours.items()
        }
    work = figures.joint_work(None)
    return {
        "as_of": as_of,
        "figures": [_figure(s, references.get(s.key)) for s in protected],
        "referrals": table,
        "referral_medians": medians,
        "work": work,
        "work_figures": [_figure(work.events), _figure(work.people_trained)] if work else [],
        "threshold": threshold,
        "cases_total": next((s.total for s in protected if s.key == "gender"), None),
    }


def organisation_headline(organisation_id: uuid.UUID) -> dict[str, int]:
    rows = (
        Case.objects.filter(organisation_id=organisation_id)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    by_status = dict(rows)
    return {
        "cases": sum(by_status.values()),
        "open": by_status.get("Active", 0) + by_status.get("FollowUp", 0),
    }
