"""Differentially private counts: noise from OpenDP, a budget the accountant enforces."""

from __future__ import annotations

import pytest

from panj.stats.disclosure import Budget, BudgetExceeded, noisy_counts


def test_it_refuses_the_query_past_the_budget():
    budget = Budget(1.0)
    noisy_counts([10, 20], budget=budget, epsilon=0.5, label="sex")
    noisy_counts([10, 20], budget=budget, epsilon=0.5, label="age")
    with pytest.raises(BudgetExceeded):
        noisy_counts([10, 20], budget=budget, epsilon=0.1, label="year")
    assert budget.spent == pytest.approx(1.0)
    assert [label for label, _ in budget.charges] == ["sex", "age"]


def test_it_charges_nothing_for_a_refused_query():
    budget = Budget(0.3)
    with pytest.raises(BudgetExceeded):
        budget.charge(0.5)
    assert budget.spent == 0
    budget.charge(0.3)
    assert budget.remaining == 0


def test_it_fits_a_budget_split_in_equal_parts():
    budget = Budget(1.0)
    for _ in range(7):
        budget.charge(1.0 / 7)
    assert budget.remaining == pytest.approx(0)


def test_it_adds_noise_of_the_expected_size():
    budget = Budget(100.0)
    true = [1000] * 200
    released = noisy_counts(true, budget=budget, epsilon=1.0)
    errors = [abs(a - b) for a, b in zip(released, true, strict=True)]
    assert any(errors), "noise was added"
    # Discrete Laplace with scale 1: mean absolute error about 1.
    assert sum(errors) / len(errors) < 3


def test_it_never_releases_a_negative_count():
    released = noisy_counts([0] * 100, budget=Budget(10), epsilon=0.5)
    assert min(released) >= 0


def test_it_scales_noise_with_the_sensitivity():
    budget = Budget(1000.0)
    low = noisy_counts([500] * 300, budget=budget, epsilon=1.0, sensitivity=1)
    high = noisy_counts([500] * 300, budget=budget, epsilon=1.0, sensitivity=20)
    spread = lambda values: sum(abs(v - 500) for v in values)  # noqa: E731
    assert spread(high) > 5 * spread(low)


def test_it_refuses_a_nonsense_budget():
    with pytest.raises(ValueError):
        Budget(0)
    with pytest.raises(ValueError):
        Budget(1).charge(-1)
