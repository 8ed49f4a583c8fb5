"""The field-by-field score: missing fields, names in any field, relatives and namesakes."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from panj.linkage.engine import DEFAULT_THRESHOLD, Person, Secret, encode_people
from panj.linkage.engine.compare import similarity
from panj.linkage.engine.score import RARITY, pair_log_odds, rarity

SECRET = Secret(bytes(range(32)))

FARZANA = Person("a", "فرزانه", "کریم", "", "F", "", 1990, "تخار")


def _score(x: Person, y: Person) -> float:
    enc = encode_people([x, y], SECRET)
    return float(similarity(enc.filters[0], enc.filters[1]))


def _log_odds(x: Person, y: Person) -> float:
    enc = encode_people([x, y], SECRET)
    return float(pair_log_odds(enc.filters[:1], enc.filters[1:], enc.params)[0])


def test_it_finds_karimova_the_daughter_of_karim_across_scripts() -> None:
    tajik = Person("b", "Фарзона", "", "Каримова", "F", "1990-05-01", None, "Тахор")
    assert _score(FARZANA, tajik) >= DEFAULT_THRESHOLD


def test_it_counts_a_missing_field_neither_for_nor_against_a_pair() -> None:
    tajik = Person("b", "Фарзона", "Карим", "", "F", "", 1990, "Тахор")
    without_place = replace(tajik, place="")
    elsewhere = replace(tajik, place="Хоруғ")
    full, missing, other = (
        _log_odds(FARZANA, tajik),
        _log_odds(FARZANA, without_place),
        _log_odds(FARZANA, elsewhere),
    )
    assert full > missing > other
    # a field missing on both sides changes nothing
    assert np.isclose(
        _log_odds(replace(FARZANA, place=""), without_place),
        _log_odds(replace(FARZANA, place=""), replace(without_place, id="c")),
    )


def test_it_reads_given_and_family_names_in_either_field() -> None:
    a = Person("a", "Jack", "", "Colquhoun", "", "1966-08-16", None, "")
    b = Person("b", "Colquhoun", "", "Jack", "", "1966-08-16", None, "")
    assert _score(a, b) >= DEFAULT_THRESHOLD


def test_it_does_not_take_a_sister_for_the_same_woman() -> None:
    sister = Person("b", "Марям", "Карим", "Каримова", "F", "", 1993, "Тахор")
    assert _score(FARZANA, sister) < DEFAULT_THRESHOLD


def test_it_does_not_take_a_namesake_with_another_father_for_the_same_woman() -> None:
    namesake = Person("b", "Фарзона", "Наҷиб", "Наҷибова", "F", "1990-03-02", None, "")
    assert _score(FARZANA, namesake) < DEFAULT_THRESHOLD


def test_it_scores_identical_records_near_one_and_strangers_near_zero() -> None:
    stranger = Person("b", "Rustam", "Sharif", "Sharifov", "M", "1975-01-02", None, "Kulob")
    assert _score(FARZANA, replace(FARZANA, id="b")) > 0.99
    assert _score(FARZANA, stranger) < 0.01


def test_a_sex_that_disagrees_counts_against_the_pair_without_vetoing_it() -> None:
    same = Person("b", "Фарзона", "Карим", "Каримова", "F", "", 1990, "Тахор")
    other_sex = replace(same, sex="M")
    # a clerk's slip: everything else agrees, so it is still the same woman, with less belief
    assert _log_odds(FARZANA, other_sex) < _log_odds(FARZANA, same) - 2.0
    assert _score(FARZANA, other_sex) >= DEFAULT_THRESHOLD
    thin = Person("b", "Фарзона", "", "", "F", "", 1990, "")
    assert _log_odds(FARZANA, replace(thin, sex="M")) < _log_odds(FARZANA, thin) - 2.0


def test_a_given_name_and_a_fathers_name_count_for_more_together_than_apart() -> None:
    both = Person("b", "Фарзона", "Карим", "", "F", "", None, "")
    given_only = replace(both, father_name="")
    father_only = replace(both, given_name="Шабнам")
    neither = replace(given_only, given_name="Шабнам")
    base = replace(FARZANA, birth_year=None, place="")
    together = _log_odds(base, both) - _log_odds(base, neither)
    apart = (_log_odds(base, given_only) - _log_odds(base, neither)) + (
        _log_odds(base, father_only) - _log_odds(base, neither)
    )
    assert together > apart


def _rarity(people: list[Person]) -> dict[str, np.ndarray]:
    enc = encode_people(people, SECRET)
    return dict(zip((f for f, _w in RARITY), rarity(enc.filters, enc.params), strict=True))


def test_a_value_held_by_many_records_of_a_file_is_less_rare_than_one_held_by_one() -> None:
    common = [
        Person(f"c{i}", "Mohammad", "", "", "M", "", 1980 + i % 20, "Kabul") for i in range(300)
    ]
    people = [*common, Person("r", "Zarghuna", "Shafiq", "", "F", "", 1990, "Ishkashim")]
    rare = _rarity(people)
    assert rare["given"][-1] > rare["given"][0] + 2.0
    assert rare["place"][-1] > rare["place"][0] + 2.0
    # a field the record does not give has no rarity; the lineage of the rare record is its
    # father's name
    assert rare["lineage"][0] == 0.0
    assert rare["lineage"][-1] > 0.0


def test_a_small_file_says_little_about_how_rare_a_value_is() -> None:
    few = [Person(f"p{i}", f"Name{chr(97 + i)}x", "", "", "", "", None, "") for i in range(5)]
    many = [Person(f"p{i}", f"N{i:05d}", "", "", "", "", None, "") for i in range(3000)]
    # held by one record each, in a file of five (unshrunk, one in five would count as a very
    # common name: −3) and in a file of three thousand
    assert abs(_rarity(few)["given"][0]) < 1.0
    assert _rarity(many)["given"][0] > 2.0


def _rare_log_odds(x: Person, y: Person, crowd: list[Person]) -> float:
    enc = encode_people([x, y, *crowd], SECRET)
    rare = rarity(enc.filters, enc.params)
    return float(
        pair_log_odds(
            enc.filters[:1], enc.filters[1:2], enc.params, 0.0, rare[:, :1], rare[:, 1:2]
        )[0]
    )


def test_the_same_place_says_more_when_few_records_give_it() -> None:
    x = Person("x", "Zali", "", "Shepherd", "", "", None, "Valla")
    y = Person("y", "Sarah", "", "Shepherd", "", "", None, "Valla")
    others = [Person(f"o{i}", "", "", "", "", "", None, f"Place {i:04d}") for i in range(2000)]
    crowd = [replace(o, place="Valla") for o in others[:400]] + others[400:]
    assert _rare_log_odds(x, y, others) > _rare_log_odds(x, y, crowd) + 2.0


def test_a_name_nobody_else_holds_is_read_as_a_misspelling_when_it_agrees_in_part() -> None:
    # Rusvam is Rustam mistyped: alone in its file it says so; held by hundreds, it is a name
    x = Person("x", "Rusvam", "", "", "M", "", 1990, "")
    y = Person("y", "Rustam", "", "", "M", "", 1990, "")
    others = [Person(f"o{i}", f"Name {i:04d}", "", "", "", "", None, "") for i in range(2000)]
    crowd = (
        [replace(o, given_name="Rusvam") for o in others[:400]]
        + [replace(o, given_name="Rustam") for o in others[400:800]]
        + others[800:]
    )
    assert _rare_log_odds(x, y, others) > _rare_log_odds(x, y, crowd) + 2.0
    # two different names agree too little for either to be the other mistyped
    z = replace(y, given_name="Farida")
    crowd = [replace(o, given_name="Farida") for o in others[:400]] + crowd[400:]
    assert np.isclose(_rare_log_odds(x, z, others), _rare_log_odds(x, z, crowd))


def test_the_first_reading_reads_a_sample_of_each_name_and_agrees_where_the_sample_does() -> None:
    from panj.linkage.engine import Params
    from panj.linkage.engine.score import log_odds_words, preview_layout

    for params in (
        Params(),
        Params(given=512, father=512, family=512, year=64, sex=64, balanced=False),
    ):
        first, rows = preview_layout(params)
        assert len(rows) == first.words < params.words
        assert len(set(rows.tolist())) == len(rows) and rows.max() == params.presence_word
        tajik = Person("b", "Фарзона", "Каримовна", "Каримова", "F", "1990-05-01", None, "Тахор")
        enc = encode_people([FARZANA, tajik, FARZANA], SECRET, params)
        words = enc.filters.T
        # the same record: every word agrees, in the sample as in the whole
        same = log_odds_words(words[:, :1], words[:, 2:], params)
        assert log_odds_words(words[rows, :1], words[rows, 2:], first, preview=True) == same
        # Farzana across scripts: the sample reads her close to what the whole says
        full = log_odds_words(words[:, :1], words[:, 1:2], params)
        sample = log_odds_words(words[rows, :1], words[rows, 1:2], first, preview=True)
        assert abs(float(sample[0]) - float(full[0])) < 4
