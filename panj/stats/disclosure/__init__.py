"""Disclosure control for every network or public figure: pure Python, no Django.

- `suppression`: small-cell suppression with secondary suppression against the margins;
- `privacy`: differentially private counts (OpenDP) under a per-release budget;
- `kanonymity`: generalisation and suppression of microdata until k-anonymous and l-diverse.
"""

from panj.stats.disclosure.kanonymity import (
    Generalisation,
    KAnonymityReport,
    anonymise,
    check_k_anonymity,
)
from panj.stats.disclosure.privacy import Budget, BudgetExceeded, noisy_counts
from panj.stats.disclosure.suppression import (
    DEFAULT_THRESHOLD,
    SuppressedTable,
    suppress_counts,
    suppress_table,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "Budget",
    "BudgetExceeded",
    "Generalisation",
    "KAnonymityReport",
    "SuppressedTable",
    "anonymise",
    "check_k_anonymity",
    "noisy_counts",
    "suppress_counts",
    "suppress_table",
]
