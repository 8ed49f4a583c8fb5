"""Geometry of the programme page's progress chart: one bar per indicator, in SVG units."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from panj.knowledge.models.programmes import Indicator

WIDTH = 400  # the bar track's length in SVG units
ROW = 50  # height of one indicator's row: label above, bar below


@dataclass(frozen=True)
class Bar:
    indicator: Indicator
    latest: Decimal | None
    measured_on: object
    percent: int
    label_y: int
    bar_y: int
    width: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int


def progress_chart(indicators: list[Indicator]) -> Chart:
    """Bars of progress from baseline (0 %) to target (100 %), by each latest value.

    The indicators' `values` must be prefetched, oldest first."""
    bars = []
    for row, indicator in enumerate(indicators):
        values = list(indicator.values.all())
        latest = values[-1] if values else None
        percent = indicator.share_of_target(latest.value if latest else None)
        top = row * ROW
        bars.append(
            Bar(
                indicator=indicator,
                latest=latest.value if latest else None,
                measured_on=latest.measured_on if latest else None,
                percent=percent,
                label_y=top + 17,
                bar_y=top + 24,
                width=WIDTH * percent // 100,
            )
        )
    return Chart(bars=bars, width=WIDTH + 60, height=max(ROW, ROW * len(bars)))
