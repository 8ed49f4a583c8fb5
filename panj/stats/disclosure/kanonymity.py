"""k-anonymity and distinct l-diversity of microdata, by generalisation then suppression.

Records are tuples of strings; `quasi` names the columns an attacker could know about a
person (year, sex, age, citizenship, places...). Generalisations are applied in steps, in
the order given, until few enough records would have to go; the records that still sit in
an equivalence class smaller than k, or whose class has fewer than l distinct values of
the sensitive column, are then removed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Row = tuple[str, ...]


@dataclass(frozen=True)
class Generalisation:
    """One step: a coarser value for one column (e.g. age group -> adult or minor)."""

    column: str
    coarsen: Callable[[str], str]
    label: str = ""


@dataclass(frozen=True)
class KAnonymityReport:
    k: int
    diversity: int
    smallest_class: int
    least_diverse_class: int
    classes: int
    violating_records: int

    @property
    def passes(self) -> bool:
        return self.violating_records == 0


@dataclass
class AnonymisedData:
    columns: list[str]
    rows: list[Row]
    steps_applied: list[str] = field(default_factory=list)
    suppressed: int = 0
    report: KAnonymityReport | None = None


def _key(row: Row, positions: Sequence[int]) -> Row:
    return tuple(row[p] for p in positions)


def _classes(
    rows: Counter[Row], positions: Sequence[int], sensitive: int | None
) -> tuple[Counter[Row], dict[Row, set[str]]]:
    """Sizes of the equivalence classes (and their sensitive values) of counted records."""
    sizes: Counter[Row] = Counter()
    values: dict[Row, set[str]] = defaultdict(set)
    for row, n in rows.items():
        key = _key(row, positions)
        sizes[key] += n
        if sensitive is not None:
            values[key].add(row[sensitive])
    return sizes, values


def _bad_keys(
    sizes: Counter[Row], values: dict[Row, set[str]], k: int, diversity: int, sensitive: int | None
) -> set[Row]:
    return {
        key
        for key, size in sizes.items()
        if size < k or (sensitive is not None and len(values[key]) < diversity)
    }


def check_k_anonymity(
    columns: Sequence[str],
    rows: Sequence[Row],
    *,
    quasi: Sequence[str],
    k: int,
    sensitive: str | None = None,
    diversity: int = 1,
) -> KAnonymityReport:
    """How far `rows` are from k-anonymity (and distinct l-diversity of `sensitive`)."""
    positions = [columns.index(name) for name in quasi]
    sensitive_at = columns.index(sensitive) if sensitive else None
    sizes, values = _classes(Counter(rows), positions, sensitive_at)
    bad = _bad_keys(sizes, values, k, diversity, sensitive_at)
    return KAnonymityReport(
        k=k,
        diversity=diversity,
        smallest_class=min(sizes.values(), default=0),
        least_diverse_class=min((len(v) for v in values.values()), default=0),
        classes=len(sizes),
        violating_records=sum(sizes[key] for key in bad),
    )


def anonymise(
    columns: Sequence[str],
    rows: Sequence[Row],
    *,
    quasi: Sequence[str],
    k: int,
    steps: Sequence[Generalisation] = (),
    sensitive: str | None = None,
    diversity: int = 1,
    max_suppressed_share: float = 0.1,
) -> AnonymisedData:
    """Generalise step by step while too many records would go, then suppress the rest."""
    if k < 2:
        raise ValueError("k is at least 2")
    columns = list(columns)
    positions = [columns.index(name) for name in quasi]
    sensitive_at = columns.index(sensitive) if sensitive else None
    # Identical records are worked on once, with their count: a few thousand, not 100 000.
    current: Counter[Row] = Counter(rows)
    applied: list[str] = []
    pending = list(steps)
    total = len(rows)
    while True:
        sizes, values = _classes(current, positions, sensitive_at)
        bad = _bad_keys(sizes, values, k, diversity, sensitive_at)
        lost = sum(sizes[key] for key in bad)
        if not pending or lost <= max_suppressed_share * total:
            break
        step = pending.pop(0)
        at = columns.index(step.column)
        coarser: Counter[Row] = Counter()
        for row, n in current.items():
            coarser[(*row[:at], step.coarsen(row[at]), *row[at + 1 :])] += n
        current = coarser
        applied.append(step.label or step.column)
    # Records come out sorted, so their order tells nothing about when they were registered.
    kept = [
        row
        for row in sorted(current)
        if _key(row, positions) not in bad
        for _ in range(current[row])
    ]
    result = AnonymisedData(columns, kept, applied, suppressed=total - len(kept))
    result.report = check_k_anonymity(
        columns, kept, quasi=quasi, k=k, sensitive=sensitive, diversity=diversity
    )
    assert result.report.passes
    return result
