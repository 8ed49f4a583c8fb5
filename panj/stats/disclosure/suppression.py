"""Small-cell suppression, with secondary suppression so that margins give no cell away.

A count from 1 to `threshold - 1` is suppressed (primary). Because totals are published, a
lone suppressed cell in a row or column could be recomputed by subtraction; so are cells
that a chain of subtractions across rows and columns pins down. Secondary suppression hides
more cells, the smallest first, until no suppressed value follows from the published ones.

A 2-D table with its margins is read as a grid of (R + 1) x (C + 1) cells in which every row
and every column is one linear relation (the cells add up to the margin). Think of each
suppressed cell as an edge between its row and its column: the published cells fix the sum
around every row and column node, so a suppressed cell's value is determined exactly when
its edge is a bridge of that graph (no cycle passes through it). The algorithm adds the
smallest complementary cells until every line holds 0 or at least 2 suppressed cells and no
suppressed cell is a bridge. Zeros are never suppressed for their own sake: a zero tells no
one's story, and showing it keeps tables useful; they are used as complements only when a
line has nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

DEFAULT_THRESHOLD = 11  # as the Counter Trafficking Data Collaborative's k = 11

Cell = tuple[int, int]
T = TypeVar("T", int, Cell)


@dataclass(frozen=True)
class SuppressedTable:
    """A table ready to publish: `None` where a value is hidden."""

    cells: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]
    total: int | None
    primary: int
    secondary: int

    @property
    def suppressed(self) -> int:
        return self.primary + self.secondary

    def published_values(self) -> list[int]:
        """Every number that leaves: cells, margins and the grand total."""
        values = [v for row in self.cells for v in row if v is not None]
        values += [v for v in self.row_totals if v is not None]
        values += [v for v in self.column_totals if v is not None]
        if self.total is not None:
            values.append(self.total)
        return values


def is_small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def _validate(counts: Sequence[Sequence[int]], threshold: int) -> None:
    if threshold < 2:
        raise ValueError("a suppression threshold is at least 2")
    widths = {len(row) for row in counts}
    if len(widths) > 1:
        raise ValueError("every row of a table has the same number of columns")
    for row in counts:
        for value in row:
            if value < 0:
                raise ValueError("counts are never negative")


def suppress_table(
    counts: Sequence[Sequence[int]], *, threshold: int = DEFAULT_THRESHOLD
) -> SuppressedTable:
    """Suppress a 2-D table of counts published with its row, column and grand totals."""
    _validate(counts, threshold)
    rows = len(counts)
    columns = len(counts[0]) if rows else 0
    grid = [[*list(row), sum(row)] for row in counts]
    grid.append([sum(counts[i][j] for i in range(rows)) for j in range(columns)])
    grid[rows].append(sum(grid[rows]))
    hidden = _protect(grid, threshold)
    primary = sum(1 for cell in hidden if is_small(grid[cell[0]][cell[1]], threshold))

    def shown(i: int, j: int) -> int | None:
        return None if (i, j) in hidden else grid[i][j]

    return SuppressedTable(
        cells=[[shown(i, j) for j in range(columns)] for i in range(rows)],
        row_totals=[shown(i, columns) for i in range(rows)],
        column_totals=[shown(rows, j) for j in range(columns)],
        total=shown(rows, columns),
        primary=primary,
        secondary=len(hidden) - primary,
    )


def suppress_counts(
    counts: Sequence[int], *, threshold: int = DEFAULT_THRESHOLD, additive: bool = True
) -> SuppressedTable:
    """Suppress a 1-D distribution, as a one-row table.

    `additive` distributions (each person in exactly one category) are published with their
    total, and protected against subtraction from it. Multi-choice counts (a person can be
    in several categories) have no total that they add up to: primary suppression only.
    """
    _validate([counts], threshold)
    values = list(counts)
    if not additive:
        cells: list[int | None] = [None if is_small(v, threshold) else v for v in values]
        primary = sum(1 for v in cells if v is None)
        return SuppressedTable([cells], [None], list(cells), None, primary, 0)
    line = [*values, sum(values)]
    hidden = {k for k, v in enumerate(line) if is_small(v, threshold)}
    primary = len(hidden)
    if len(hidden) == 1:
        complement = _cheapest(
            [k for k in range(len(line)) if k not in hidden],
            value=lambda k: line[k],
            is_total=lambda k: k == len(values),
        )
        if complement is not None:
            hidden.add(complement)
    shown: list[int | None] = [None if k in hidden else v for k, v in enumerate(line)]
    cells = shown[:-1]
    return SuppressedTable(
        cells=[cells],
        row_totals=[shown[-1]],
        column_totals=list(cells),
        total=shown[-1],
        primary=primary,
        secondary=len(hidden) - primary,
    )


def _cheapest(
    candidates: list[T], *, value: Callable[[T], int], is_total: Callable[[T], bool]
) -> T | None:
    """The complement that costs least: non-zero before zero, cells before totals, smallest."""
    if not candidates:
        return None
    return min(candidates, key=lambda c: (value(c) == 0, is_total(c), value(c), c))


def _protect(grid: list[list[int]], threshold: int) -> set[Cell]:
    """The cells of the extended grid to hide: primary ones, then complements to a fixed point."""
    height, width = len(grid), len(grid[0])
    hidden: set[Cell] = {
        (i, j) for i in range(height) for j in range(width) if is_small(grid[i][j], threshold)
    }
    lines: list[list[Cell]] = [[(i, j) for j in range(width)] for i in range(height)]
    lines += [[(i, j) for i in range(height)] for j in range(width)]

    def value(cell: Cell) -> int:
        return grid[cell[0]][cell[1]]

    def is_total(cell: Cell) -> bool:
        return cell[0] == height - 1 or cell[1] == width - 1

    while True:
        changed = False
        for line in lines:
            if sum(1 for cell in line if cell in hidden) == 1:
                chosen = _cheapest(
                    [c for c in line if c not in hidden], value=value, is_total=is_total
                )
                if chosen is not None:
                    hidden.add(chosen)
                    changed = True
        if changed:
            continue
        bridge = _find_bridge(hidden, height, width)
        if bridge is None:
            return hidden
        side_a, side_b = _sides(hidden, bridge)
        candidates = [
            (i, j)
            for i in range(height)
            for j in range(width)
            if (i, j) not in hidden
            and (
                ((("r", i) in side_a) and (("c", j) in side_b))
                or ((("r", i) in side_b) and (("c", j) in side_a))
            )
        ]
        chosen = _cheapest(candidates, value=value, is_total=is_total)
        if chosen is None:  # cannot happen once every line holds 0 or 2+ hidden cells
            raise RuntimeError("no complementary cell breaks the bridge")
        hidden.add(chosen)


Node = tuple[str, int]


def _adjacency(hidden: set[Cell], skip: Cell | None = None) -> dict[Node, list[Node]]:
    graph: dict[Node, list[Node]] = {}
    for cell in hidden:
        if cell == skip:
            continue
        row, column = ("r", cell[0]), ("c", cell[1])
        graph.setdefault(row, []).append(column)
        graph.setdefault(column, []).append(row)
    return graph


def _reach(graph: dict[Node, list[Node]], start: Node) -> set[Node]:
    seen = {start}
    stack = [start]
    while stack:
        for nxt in graph.get(stack.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _sides(hidden: set[Cell], bridge: Cell) -> tuple[set[Node], set[Node]]:
    graph = _adjacency(hidden, skip=bridge)
    return _reach(graph, ("r", bridge[0])), _reach(graph, ("c", bridge[1]))


def _find_bridge(hidden: set[Cell], height: int, width: int) -> Cell | None:
    """A hidden cell whose value the others determine (Tarjan's bridges, iteratively)."""
    graph = _adjacency(hidden)
    order: dict[Node, int] = {}
    low: dict[Node, int] = {}
    counter = 0
    for root in sorted(graph):
        if root in order:
            continue
        order[root] = low[root] = counter
        counter += 1
        # Stack of (node, parent edge index used to enter, iterator position).
        stack: list[tuple[Node, Node | None, int]] = [(root, None, 0)]
        while stack:
            node, parent, position = stack[-1]
            neighbours = graph[node]
            if position < len(neighbours):
                stack[-1] = (node, parent, position + 1)
                nxt = neighbours[position]
                if nxt == parent:
                    # A table has at most one cell per (row, column): one edge, skip it once.
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append((nxt, node, 0))
            else:
                stack.pop()
                if parent is not None:
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        row, column = (node, parent) if node[0] == "r" else (parent, node)
                        return row[1], column[1]
    return None
