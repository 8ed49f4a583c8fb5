"""k-anonymity and l-diversity of microdata: generalise, then suppress what stays rare."""

from __future__ import annotations

import random

from panj.stats.disclosure import Generalisation, anonymise, check_k_anonymity

COLUMNS = ["year", "sex", "age", "means"]


def people(n: int, seed: int = 1) -> list[tuple[str, ...]]:
    rng = random.Random(seed)
    return [
        (
            str(rng.choice([2021, 2022, 2023, 2024])),
            rng.choice(["Woman", "Man"]),
            rng.choice(["9--17", "18--20", "21--23", "30--38", "48+"]),
            rng.choice(["DebtBondage", "Threats", "FalsePromises"]),
        )
        for _ in range(n)
    ]


STEPS = [
    Generalisation("age", lambda v: "0--17" if v in {"0--8", "9--17"} else "18+" if v else ""),
    Generalisation("year", lambda v: f"{int(v) // 2 * 2}-{int(v) // 2 * 2 + 1}" if v else ""),
    Generalisation("sex", lambda v: ""),
]


def test_it_reports_how_far_data_is_from_k_anonymity():
    rows = [("2024", "Woman", "9--17", "x")] * 3 + [("2024", "Man", "48+", "y")] * 12
    report = check_k_anonymity(COLUMNS, rows, quasi=["year", "sex", "age"], k=11)
    assert report.smallest_class == 3
    assert report.violating_records == 3
    assert not report.passes


def test_it_makes_every_class_at_least_k_strong():
    result = anonymise(COLUMNS, people(400), quasi=["year", "sex", "age"], k=11, steps=STEPS)
    report = check_k_anonymity(COLUMNS, result.rows, quasi=["year", "sex", "age"], k=11)
    assert report.passes and report.smallest_class >= 11
    assert len(result.rows) + result.suppressed == 400


def test_it_generalises_before_it_suppresses():
    result = anonymise(
        COLUMNS,
        people(150),
        quasi=["year", "sex", "age"],
        k=11,
        steps=STEPS,
        max_suppressed_share=0.05,
    )
    assert result.steps_applied, "a coarser age or year kept more records"
    assert {row[2] for row in result.rows} <= {"0--17", "18+"}


def test_it_suppresses_classes_that_are_not_l_diverse():
    rows = [("2024", "Woman", "18+", "DebtBondage")] * 15 + [
        ("2023", "Man", "18+", v) for v in ["Threats", "DebtBondage"] * 8
    ]
    result = anonymise(
        COLUMNS,
        rows,
        quasi=["year", "sex", "age"],
        k=11,
        sensitive="means",
        diversity=2,
        max_suppressed_share=1.0,
    )
    assert {row[1] for row in result.rows} == {"Man"}
    assert result.suppressed == 15
    assert result.report is not None and result.report.least_diverse_class >= 2


def test_it_may_have_to_withhold_everything():
    result = anonymise(COLUMNS, people(5), quasi=["year"], k=11, steps=STEPS)
    assert result.rows == [] and result.suppressed == 5
