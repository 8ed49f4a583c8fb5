"""Differentially private counts with OpenDP, spent from a per-release privacy budget.

Counts are integers, so the noise is OpenDP's discrete Laplace (geometric) mechanism on a
vector of counts under the L1 distance. `sensitivity` is how far the whole vector can move
when one person is added or removed: 1 when each person is in exactly one category, the
number of categories when a person may be in several.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# A tolerance for the sum of float epsilons, so that splitting a budget in equal parts fits.
_SLACK = 1e-9


class BudgetExceeded(Exception):
    """The query would spend more privacy-loss budget than the release has left."""


@dataclass
class Budget:
    """A release's privacy-loss budget (pure epsilon-DP, sequential composition)."""

    epsilon: float
    spent: float = 0.0
    charges: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not (self.epsilon > 0 and math.isfinite(self.epsilon)):
            raise ValueError("a privacy budget is a positive, finite epsilon")

    @property
    def remaining(self) -> float:
        return max(0.0, self.epsilon - self.spent)

    def charge(self, epsilon: float, *, label: str = "") -> None:
        """Record spending `epsilon`; refuse, spending nothing, if it would pass the budget."""
        if not (epsilon > 0 and math.isfinite(epsilon)):
            raise ValueError("a query spends a positive, finite epsilon")
        if self.spent + epsilon > self.epsilon + _SLACK:
            raise BudgetExceeded(
                f"{label or 'query'} needs epsilon {epsilon:g}; {self.remaining:g} is left"
            )
        self.spent += epsilon
        self.charges.append((label, epsilon))


def _measurement(scale: float) -> Any:
    import opendp.prelude as dp

    dp.enable_features("contrib")
    space = dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int)
    return space >> dp.m.then_laplace(scale=scale)


def noisy_counts(
    counts: Sequence[int],
    *,
    budget: Budget,
    epsilon: float,
    sensitivity: int = 1,
    label: str = "",
) -> list[int]:
    """The counts with discrete Laplace noise for `epsilon`, charged to `budget` first.

    Negative results are raised to 0 (post-processing costs no privacy).
    """
    if sensitivity < 1:
        raise ValueError("sensitivity is at least 1")
    budget.charge(epsilon, label=label)
    if not counts:
        return []
    scale = sensitivity / epsilon
    measurement = _measurement(scale)
    # OpenDP's own accounting must agree with ours: the privacy map of this measurement.
    spent = float(measurement.map(sensitivity))
    assert spent <= epsilon * (1 + 1e-6), (spent, epsilon)
    released: list[int] = measurement([int(v) for v in counts])
    return [max(0, int(v)) for v in released]
