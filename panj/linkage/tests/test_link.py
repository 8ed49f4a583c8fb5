"""Blocking, comparison and the one-to-one solver on synthetic files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import numpy as np
import pytest

from panj.linkage.engine import (
    DEFAULT_THRESHOLD,
    EncodedSet,
    Person,
    Secret,
    encode_people,
    link,
)
from panj.linkage.engine.block import shared_blocks
from panj.linkage.engine.compare import Candidates, Comparison, candidates, similarity
from panj.linkage.engine.generate import cross_script_set
from panj.linkage.engine.score import overlap_shift, rarity, size_shift
from panj.linkage.engine.solve import (
    AMBIGUITY_FLOOR,
    complete,
    estimate_overlap,
    greedy_one_to_one,
    shifted,
    solve,
    solve_run,
)


def test_it_keeps_almost_every_true_pair_in_some_block() -> None:
    data = cross_script_set(1500, 500, 500, seed=11)
    secret = Secret.generate()
    a, b = encode_people(data.a, secret), encode_people(data.b, secret)
    found = candidates(a, b, 0.0, top_k=10**6)
    pairs = {(a.ids[i], b.ids[j]) for i, j in zip(found.a.tolist(), found.b.tolist(), strict=True)}
    recall = len(pairs & data.links) / len(data.links)
    assert recall >= 0.99
    assert found.comparisons < len(a) * len(b) / 5


def test_it_scores_every_pair_as_the_brute_force_does() -> None:
    data = cross_script_set(300, 100, 100, seed=12)
    secret = Secret.generate()
    a, b = encode_people(data.a, secret), encode_people(data.b, secret)
    found = candidates(a, b, 0.6, top_k=10**6)
    assert len(found) > 0
    rare_a, rare_b = rarity(a.filters, a.params), rarity(b.filters, b.params)
    brute = similarity(
        a.filters[found.a],
        b.filters[found.b],
        shift=found.shift,
        rare_x=rare_a[:, found.a],
        rare_y=rare_b[:, found.b],
    )
    assert np.allclose(found.score, brute)
    assert (found.score >= 0.6).all()


def test_the_first_reading_leaves_out_no_pair_that_the_full_reading_takes() -> None:
    data = cross_script_set(600, 300, 300, seed=13)
    secret = Secret.generate()
    a, b = encode_people(data.a, secret), encode_people(data.b, secret)
    comparisons, blocks = shared_blocks(a.blocks, b.blocks)
    every = np.unique(
        np.concatenate([np.repeat(k.a, len(k.b)) * len(b) + np.tile(k.b, len(k.a)) for k in blocks])
    )
    pa, pb = np.divmod(every, len(b))
    rare_a, rare_b = rarity(a.filters, a.params), rarity(b.filters, b.params)
    full = similarity(
        a.filters[pa],
        b.filters[pb],
        shift=size_shift(min(len(a), len(b)), comparisons),
        rare_x=rare_a[:, pa],
        rare_y=rare_b[:, pb],
    )
    comparison = Comparison(a, b)
    for threshold, may_miss in ((DEFAULT_THRESHOLD, 0.0), (AMBIGUITY_FLOOR, 0.002)):
        taken = every[full >= threshold]
        found = comparison.scored(threshold)
        got = found.a * len(b) + found.b
        assert np.isin(got, taken).all()
        missed = np.setdiff1d(taken, got)
        assert len(missed) <= may_miss * len(taken), (threshold, len(missed), len(taken))


def test_it_matches_each_record_at_most_once_best_first() -> None:
    c = Candidates(
        a=np.array([0, 0, 1, 1, 2]),
        b=np.array([0, 1, 0, 1, 1]),
        score=np.array([0.9, 0.8, 0.95, 0.7, 0.85]),
    )
    best = greedy_one_to_one(c)
    assert list(zip(best.a.tolist(), best.b.tolist(), strict=True)) == [(1, 0), (2, 1)]


def test_it_links_the_cross_script_set_with_the_default_threshold() -> None:
    data = cross_script_set(1000, 500, 500, seed=13)
    secret = Secret.generate()
    matches = link(encode_people(data.a, secret), encode_people(data.b, secret), DEFAULT_THRESHOLD)
    found = {(m.a_id, m.b_id) for m in matches}
    tp = len(found & data.links)
    f1 = 2 * tp / (len(found) + len(data.links))
    assert f1 >= 0.85


def test_records_that_give_only_a_family_name_meet_through_their_place() -> None:
    from panj.linkage.engine.block import BlockKeyer

    keyer = BlockKeyer(bytes(32))
    # the name mistyped in its third letter, the birth date in one record only
    a = Person("a", family_name="Della-Verde", birth_date="1901-02-17", place="Figtree")
    b = Person("b", family_name="Delxa-Veede", place="Figtree")
    elsewhere = Person("c", family_name="Delxa-Veede", place="Kogarah")
    assert set(keyer.keys(a)) & set(keyer.keys(b))
    assert not set(keyer.keys(a)) & set(keyer.keys(elsewhere))


def test_it_keeps_every_blocking_key_of_a_record_that_gives_everything_but_its_sex() -> None:
    from panj.linkage.engine.block import BLOCK_COLUMNS, BlockKeyer

    keyer = BlockKeyer(bytes(32))
    person = Person("1", "Abdul Rahman", "Karim", "Sharifzoda", "", "1990-05-01", None, "Kulob")
    keys = keyer.keys(person)
    assert len(keys) == len(set(keys)) <= BLOCK_COLUMNS
    # the date keys come last: none was cut off
    assert keys[-4:] == keyer._date_keys("1990-05-01")


def test_it_lowers_a_pair_that_has_a_close_rival_below_one_that_stands_alone() -> None:
    from panj.linkage.engine.solve import discount_ambiguity

    c = Candidates(
        a=np.array([0, 1, 2]),
        b=np.array([0, 1, 1]),
        score=np.array([0.9, 0.9, 0.88]),
    )
    found = discount_ambiguity(c)
    alone, contested, rival = found.score.tolist()
    assert np.isclose(alone, 0.9)
    assert contested < alone
    assert rival < contested
    assert found.a.tolist() == [0, 1, 2]


def test_a_rival_that_has_a_better_partner_of_its_own_costs_a_pair_little() -> None:
    from panj.linkage.engine.solve import discount_ambiguity

    def contested(rival_has_partner: bool) -> float:
        # a0–b0 is contested by a1–b0; a1 may have a far better partner, b1
        pairs = [(0, 0, 0.9), (1, 0, 0.9)] + ([(1, 1, 0.999)] if rival_has_partner else [])
        a, b, score = (np.array(column) for column in zip(*pairs, strict=True))
        return float(discount_ambiguity(Candidates(a, b, score)).score[0])

    explained_away, open_rival = contested(True), contested(False)
    assert open_rival < 0.7
    assert explained_away > 0.85
    # the odds of a pair never rise above what the pair says on its own
    assert explained_away < 0.9


def test_a_pair_counts_for_less_when_the_files_hold_more_people_it_could_be() -> None:
    secret = Secret.generate()

    def run(shared: int) -> Candidates:
        data = cross_script_set(shared, shared // 2, shared // 2, seed=5)
        return candidates(encode_people(data.a, secret), encode_people(data.b, secret), 0.5)

    small, large = run(300), run(3000)
    # more pairs compared per person who could be in both files: each pair is less likely
    assert large.comparisons / 4500 > small.comparisons / 450
    assert large.shift < small.shift
    # files of the calibration sets' size are the reference: nothing is added
    assert abs(size_shift(3000, round(3000 * np.exp(4.9)))) < 1e-5


def test_it_estimates_how_many_people_the_files_share_and_trusts_pairs_accordingly() -> None:
    secret = Secret.generate()

    def run(shared: int, alone: int) -> tuple[float, float, float]:
        data = cross_script_set(shared, alone, alone, seed=8)
        a, b = encode_people(data.a, secret), encode_people(data.b, secret)
        found = candidates(a, b, AMBIGUITY_FLOOR)
        share = estimate_overlap(found, min(len(a), len(b)))

        def precision(log_odds: float) -> float:
            pairs = solve(shifted(found, log_odds), DEFAULT_THRESHOLD)
            rows = zip(pairs.a.tolist(), pairs.b.tolist(), strict=True)
            taken = {(a.ids[i], b.ids[j]) for i, j in rows}
            return len(taken & data.links) / max(1, len(taken))

        return share, precision(overlap_shift(share)), precision(0.0)

    few, precision_few, precision_as_if_many = run(150, 1350)  # one person in ten
    assert 0.05 <= few <= 0.2
    # namesakes of people in one file only are what a low overlap makes likely
    assert precision_few > precision_as_if_many + 0.1
    many, _precision, _ = run(1400, 100)  # nearly everyone
    assert many >= 0.8


def test_the_overlap_estimate_corrects_the_expected_numbers_lean_towards_a_half(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from panj.linkage.engine import solve as solve_module

    secret = Secret.generate()
    for shared, alone in ((150, 1350), (1400, 100)):
        data = cross_script_set(shared, alone, alone, seed=9)
        a, b = encode_people(data.a, secret), encode_people(data.b, secret)
        found = candidates(a, b, AMBIGUITY_FLOOR)
        truth = shared / (shared + alone)
        estimate = estimate_overlap(found, min(len(a), len(b)))
        with monkeypatch.context() as m:
            m.setattr(solve_module, "OVERLAP_SLOPE", 1.0)
            m.setattr(solve_module, "OVERLAP_OFFSET", 0.0)
            expected = estimate_overlap(found, min(len(a), len(b)))
        # namesakes lift the expected share of files that share few people, and people whom no
        # pair shows lower that of files that share nearly everyone
        assert (expected > truth) if truth < 0.5 else (expected < truth)
        assert abs(estimate - truth) < abs(expected - truth)


_SYLLABLES = ("ka", "ro", "mi", "sa", "de", "lu", "fa", "no", "ti", "be", "zo", "ha", "qu", "ve")


def _shared_with_retyped(n: int, retyped: int, seed: int) -> tuple[list[Person], list[Person]]:
    """Two files of the same n people, whose names are made of syllables so that few share one.
    In file B, `retyped` records were typed with another person's given name and a birth date
    17 years off: what is left of each is its father's and family names and its place."""
    r = random.Random(seed)

    def name() -> str:
        return "".join(r.choice(_SYLLABLES) for _ in range(3)).capitalize()

    places = [name() for _ in range(40)]
    people = []
    for i in range(n):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=r.randrange(40 * 365))
        people.append(
            Person(
                str(i),
                name(),
                name(),
                name() + "ov",
                r.choice("MF"),
                born.isoformat(),
                None,
                r.choice(places),
            )
        )
    a = [dataclasses.replace(p, id=f"a{p.id}") for p in people]
    b = [dataclasses.replace(p, id=f"b{p.id}") for p in people]
    for i in r.sample(range(n), retyped):
        p = b[i]
        born = dt.date.fromisoformat(p.birth_date)
        b[i] = dataclasses.replace(
            p,
            given_name=r.choice(people).given_name,
            birth_date=born.replace(year=born.year - 17, day=min(born.day, 28)).isoformat(),
        )
    return a, b


def _first_and_rest(
    a: EncodedSet, b: EncodedSet, threshold: float
) -> tuple[Candidates, Candidates]:
    c = Comparison(a, b)
    found = candidates(a, b, AMBIGUITY_FLOOR, comparison=c)
    first = solve_run(found, min(len(a), len(b)), threshold)
    return first, complete(c, first, threshold)


def test_in_files_that_share_everyone_it_finds_the_records_retyped_beyond_any_one_pair() -> None:
    people_a, people_b = _shared_with_retyped(800, 30, seed=31)
    links = {(p.id, q.id) for p, q in zip(people_a, people_b, strict=True)}
    retyped = {
        (p.id, q.id)
        for p, q in zip(people_a, people_b, strict=True)
        if p.birth_date != q.birth_date
    }
    secret = Secret(bytes(range(32)))  # fixed: how many are found moves a little with the key
    a, b = encode_people(people_a, secret), encode_people(people_b, secret)
    first, rest = _first_and_rest(a, b, DEFAULT_THRESHOLD)

    def pairs(c: Candidates) -> set[tuple[str, str]]:
        return {(a.ids[i], b.ids[j]) for i, j in zip(c.a.tolist(), c.b.tolist(), strict=True)}

    taken = pairs(rest)
    assert not {i for i, _ in taken} & {i for i, _ in pairs(first)}
    assert not {j for _, j in taken} & {j for _, j in pairs(first)}
    # no single pair of a retyped record looks like one person: the first pass leaves them
    assert len(retyped) == 30
    assert len(pairs(first) & retyped) <= 3
    # a third of them at least are found among what is left, and most of what is found is right
    assert len(taken & retyped) >= 10
    assert len(taken & links) >= 0.8 * len(taken)
    assert (rest.score >= DEFAULT_THRESHOLD).all()
    # link reports both passes, one-to-one, best first
    matches = link(a, b)
    assert {(m.a_id, m.b_id) for m in matches} == pairs(first) | taken
    assert len({m.a_id for m in matches}) == len({m.b_id for m in matches}) == len(matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    # a stricter threshold stands for a lower false discovery rate
    _first, strict = _first_and_rest(a, b, 0.999)
    assert (strict.score >= 0.999).all()
    assert len(strict) < len(rest)
    assert len(link(a, b, 0.999)) < len(matches)


def test_it_looks_for_no_more_pairs_in_files_that_share_few_people() -> None:
    data = cross_script_set(300, 700, 700, seed=32)
    secret = Secret.generate()
    a, b = encode_people(data.a, secret), encode_people(data.b, secret)
    first, rest = _first_and_rest(a, b, DEFAULT_THRESHOLD)
    assert len(first) > 0
    assert len(rest) == 0
