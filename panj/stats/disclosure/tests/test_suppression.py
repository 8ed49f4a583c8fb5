"""Small-cell suppression: an attacker who solves the margins learns no hidden cell."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from panj.stats.disclosure import suppress_counts, suppress_table


def feasible_ranges(table) -> dict[tuple[int, int], tuple[int, int]]:
    """The honest attack: every non-negative integer filling of the hidden cells that agrees
    with everything published (cells, row, column and grand totals), and for each hidden
    cell the smallest and largest value it can take."""
    rows = len(table.cells)
    columns = len(table.cells[0])
    grid = [[*list(r), t] for r, t in zip(table.cells, table.row_totals, strict=True)]
    grid.append([*table.column_totals, table.total])
    hidden = [(i, j) for i in range(rows + 1) for j in range(columns + 1) if grid[i][j] is None]

    # No hidden cell exceeds a published total of its row or column (or the grand total).
    def bound(i: int, j: int) -> int:
        totals = [grid[i][columns], grid[rows][j], table.total]
        return (
            min(t for t in totals if t is not None)
            if any(t is not None for t in totals)
            else sum(v for row in grid for v in row if v is not None)
        )

    ranges: dict[tuple[int, int], tuple[int, int]] = {}

    def consistent(values: dict[tuple[int, int], int]) -> bool:
        full = [
            [values.get((i, j), grid[i][j]) for j in range(columns + 1)] for i in range(rows + 1)
        ]
        for i in range(rows + 1):
            if sum(full[i][:columns]) != full[i][columns]:
                return False
        for j in range(columns + 1):
            if sum(full[i][j] for i in range(rows)) != full[rows][j]:
                return False
        return True

    # Search with pruning: fill hidden cells in order, checking any line once it is complete.
    def search(k: int, values: dict[tuple[int, int], int]) -> None:
        if k == len(hidden):
            if consistent(values):
                for cell, v in values.items():
                    lo, hi = ranges.get(cell, (v, v))
                    ranges[cell] = (min(lo, v), max(hi, v))
            return
        cell = hidden[k]
        for v in range(bound(*cell) + 1):
            values[cell] = v
            if _partial_ok(grid, values, rows, columns, hidden[: k + 1]):
                search(k + 1, values)
        del values[cell]

    search(0, {})
    return ranges


def _partial_ok(grid, values, rows, columns, filled) -> bool:
    filled_set = set(filled)
    for i in range(rows + 1):
        line = [(i, j) for j in range(columns + 1)]
        if all(grid[c[0]][c[1]] is not None or c in filled_set for c in line):
            full = [values.get(c, grid[c[0]][c[1]]) for c in line]
            if sum(full[:columns]) != full[columns]:
                return False
    for j in range(columns + 1):
        line = [(i, j) for i in range(rows + 1)]
        if all(grid[c[0]][c[1]] is not None or c in filled_set for c in line):
            full = [values.get(c, grid[c[0]][c[1]]) for c in line]
            if sum(full[:rows]) != full[rows]:
                return False
    return True


def test_it_hides_counts_under_the_threshold():
    table = suppress_table([[20, 3, 30], [25, 40, 50], [15, 22, 35]], threshold=11)
    assert table.cells[0][1] is None
    assert all(v == 0 or v >= 11 for v in table.published_values())


def test_it_never_leaves_a_hidden_cell_alone_in_a_row_or_column():
    table = suppress_table([[20, 3, 30], [25, 40, 50], [15, 22, 35]])
    grid = [[*list(r), t] for r, t in zip(table.cells, table.row_totals, strict=True)]
    grid.append([*table.column_totals, table.total])
    for line in [*grid, *zip(*grid, strict=True)]:
        assert sum(1 for v in line if v is None) != 1


def test_it_chooses_the_smallest_complementary_cells():
    # 3 is hidden; the row's smallest other cell (20) and the column's (22) go with it.
    table = suppress_table([[20, 3, 30], [25, 40, 50], [15, 22, 35]])
    assert table.cells[0][0] is None
    assert table.cells[2][1] is None
    assert table.cells[1] == [25, 40, 50]


def determined_by_linear_algebra(table) -> list[tuple[int, int]]:
    """Hidden cells whose value the published margins fix (over the reals): a cell is fixed
    exactly when its unit vector lies in the row space of the constraints on hidden cells."""
    rows, columns = len(table.cells), len(table.cells[0])
    grid = [[*list(r), t] for r, t in zip(table.cells, table.row_totals, strict=True)]
    grid.append([*table.column_totals, table.total])
    hidden = [(i, j) for i in range(rows + 1) for j in range(columns + 1) if grid[i][j] is None]
    index = {cell: n for n, cell in enumerate(hidden)}
    equations = []
    for i in range(rows + 1):
        line = np.zeros(len(hidden))
        for j in range(columns + 1):
            if (i, j) in index:
                line[index[(i, j)]] = -1 if j == columns else 1
        equations.append(line)
    for j in range(columns + 1):
        line = np.zeros(len(hidden))
        for i in range(rows + 1):
            if (i, j) in index:
                line[index[(i, j)]] = -1 if i == rows else 1
        equations.append(line)
    matrix = np.array(equations)
    rank = np.linalg.matrix_rank(matrix)
    fixed = []
    for cell, n in index.items():
        unit = np.zeros(len(hidden))
        unit[n] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            fixed.append(cell)
    return fixed


@pytest.mark.parametrize(
    "counts",
    [
        [[20, 3, 30], [25, 40, 50], [15, 22, 35]],
        [[20, 3, 30], [25, 40, 5], [15, 22, 35]],
        [[1, 0, 30], [0, 40, 12], [15, 2, 35]],
        [[12, 13], [5, 30], [40, 2]],
        [[2, 30, 40, 50], [60, 3, 70, 80], [90, 100, 4, 110], [120, 130, 140, 5]],
    ],
)
def test_it_leaves_no_hidden_cell_fixed_by_the_margins(counts):
    table = suppress_table(counts, threshold=11)
    assert table.suppressed
    assert determined_by_linear_algebra(table) == []


def test_it_leaves_random_tables_safe_against_linear_algebra():
    rng = random.Random(8)
    for _ in range(200):
        shape = rng.randint(1, 6), rng.randint(1, 6)
        counts = [
            [rng.choice([0, 1, 4, 9, 12, 30, 80]) for _ in range(shape[1])] for _ in range(shape[0])
        ]
        assert determined_by_linear_algebra(suppress_table(counts)) == []


@pytest.mark.parametrize(
    "counts",
    [
        [[4, 12], [12, 13]],
        [[12, 3, 11], [0, 13, 2]],
        [[1, 12], [11, 0], [12, 12]],
    ],
)
def test_it_leaves_an_attacker_who_solves_the_margins_unsure_of_every_hidden_cell(counts):
    table = suppress_table(counts, threshold=11)
    ranges = feasible_ranges(table)
    assert ranges, "something was hidden"
    for cell, (lo, hi) in ranges.items():
        assert lo < hi, f"cell {cell} is recovered exactly"


def test_it_leaves_random_small_tables_safe_against_the_integer_attacker():
    rng = random.Random(3)
    checked = 0
    for _ in range(40):
        counts = [[rng.choice([0, 1, 3, 5, 6]) for _ in range(3)] for _ in range(2)]
        table = suppress_table(counts, threshold=5)
        if not table.suppressed or table.suppressed > 8:  # keep the search small
            continue
        for lo, hi in feasible_ranges(table).values():
            assert lo < hi
        checked += 1
    assert checked >= 10


def test_it_hides_a_small_total_and_the_cells_that_give_it_away():
    table = suppress_table([[3, 4], [2, 1]])
    assert table.total is None
    assert all(v is None for row in table.cells for v in row)


def test_it_publishes_a_table_without_small_cells_untouched():
    table = suppress_table([[20, 0], [30, 40]])
    assert table.suppressed == 0
    assert table.cells == [[20, 0], [30, 40]]
    assert table.total == 90


def test_it_protects_a_distribution_against_subtraction_from_its_total():
    table = suppress_counts([40, 3, 30, 12])
    assert table.cells[0] == [40, None, 30, None]
    assert table.total == 85
    # Hidden 3 and 12 add up to 15: either could be anything from 0 to 15.


def test_it_hides_only_small_counts_of_a_multiple_choice_question():
    table = suppress_counts([40, 3, 30, 12], additive=False)
    assert table.cells[0] == [40, None, 30, 12]
    assert table.total is None


def test_it_refuses_negative_counts_and_ragged_tables():
    with pytest.raises(ValueError):
        suppress_table([[1, -1]])
    with pytest.raises(ValueError):
        suppress_table([[1, 2], [3]])


def test_it_suppresses_every_shape_to_a_fixed_point():
    rng = random.Random(5)
    for rows, columns in itertools.product(range(1, 6), range(1, 6)):
        counts = [[rng.choice([0, 1, 5, 11, 30, 70]) for _ in range(columns)] for _ in range(rows)]
        table = suppress_table(counts)
        assert all(v == 0 or v >= 11 for v in table.published_values())
