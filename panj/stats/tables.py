"""The shape of a statistic (a distribution or a cross table) and its disclosure control.

A `Series` is a 1-D distribution over codes; a `CrossTable` is 2-D. Both carry HXL hashtags
for their export and are turned into published form by `protect`: optional differentially
private noise first, then small-cell and secondary suppression of what comes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from panj.stats.disclosure import (
    Budget,
    SuppressedTable,
    noisy_counts,
    suppress_counts,
    suppress_table,
)

COUNT_HXL = "#affected+ind"


@dataclass
class Series:
    """Counts by category. `additive`: each person in one category, so a total is shown."""

    key: str
    title: str
    codes: list[str]
    labels: list[str]
    values: list[int | None]
    total: int | None = None
    additive: bool = True
    chart: str = "bar"  # bar, line or map
    hxl: str = "#indicator+code"
    count_hxl: str = COUNT_HXL
    suppressed: int = 0

    def __post_init__(self) -> None:
        if self.total is None and self.additive and all(v is not None for v in self.values):
            self.total = sum(v for v in self.values if v is not None)

    @property
    def rows(self) -> list[tuple[str, str, int | None]]:
        return list(zip(self.codes, self.labels, self.values, strict=True))

    @property
    def largest(self) -> int:
        return max((v for v in self.values if v is not None), default=0)

    def as_json(self) -> dict[str, Any]:
        return {"kind": "series", **self.__dict__}


@dataclass
class CrossTable:
    key: str
    title: str
    row_title: str
    column_title: str
    row_codes: list[str]
    row_labels: list[str]
    column_codes: list[str]
    column_labels: list[str]
    cells: list[list[int | None]]
    row_totals: list[int | None] = field(default_factory=list)
    column_totals: list[int | None] = field(default_factory=list)
    total: int | None = None
    row_hxl: str = "#indicator+code"
    column_hxl: list[str] = field(default_factory=list)
    suppressed: int = 0

    def __post_init__(self) -> None:
        exact = all(v is not None for row in self.cells for v in row)
        if not self.row_totals and exact:
            self.row_totals = [sum(v or 0 for v in row) for row in self.cells]
            self.column_totals = [
                sum(row[j] or 0 for row in self.cells) for j in range(len(self.column_codes))
            ]
            self.total = sum(v or 0 for v in self.row_totals)

    @property
    def rows(self) -> list[tuple[str, str, list[int | None], int | None]]:
        return list(zip(self.row_codes, self.row_labels, self.cells, self.row_totals, strict=True))

    def as_json(self) -> dict[str, Any]:
        return {"kind": "cross", **self.__dict__}


Statistic = Series | CrossTable


def from_json(data: dict[str, Any]) -> Statistic:
    data = dict(data)
    kind = data.pop("kind")
    return Series(**data) if kind == "series" else CrossTable(**data)


def published_values(statistic: Statistic) -> list[int]:
    """Every number a reader sees of a statistic."""
    if isinstance(statistic, Series):
        values = [v for v in statistic.values if v is not None]
    else:
        values = [v for row in statistic.cells for v in row if v is not None]
        values += [v for v in statistic.row_totals + statistic.column_totals if v is not None]
    if statistic.total is not None:
        values.append(statistic.total)
    return values


def _apply(series: Series, table: SuppressedTable) -> Series:
    return replace(
        series,
        values=table.cells[0],
        total=table.total if series.additive else None,
        suppressed=table.suppressed,
    )


def protect(
    statistic: Statistic,
    *,
    threshold: int,
    budget: Budget | None = None,
    epsilon: float = 0.0,
) -> Statistic:
    """The statistic as it may leave: noised under `budget` if given, then suppressed."""
    if isinstance(statistic, Series):
        values = [v or 0 for v in statistic.values]
        if budget is not None:
            values = noisy_counts(
                values,
                budget=budget,
                epsilon=epsilon,
                # One person moves one count of a distribution, up to all of a multi-choice one.
                sensitivity=1 if statistic.additive else max(1, len(values)),
                label=statistic.key,
            )
        return _apply(
            statistic,
            suppress_counts(values, threshold=threshold, additive=statistic.additive),
        )
    cells = [[v or 0 for v in row] for row in statistic.cells]
    if budget is not None and cells and cells[0]:
        width = len(cells[0])
        flat = noisy_counts(
            [v for row in cells for v in row], budget=budget, epsilon=epsilon, label=statistic.key
        )
        cells = [flat[i : i + width] for i in range(0, len(flat), width)]
    table = suppress_table(cells, threshold=threshold) if cells and cells[0] else None
    if table is None:
        return statistic
    return replace(
        statistic,
        cells=table.cells,
        row_totals=table.row_totals,
        column_totals=table.column_totals,
        total=table.total,
        suppressed=table.suppressed,
    )
