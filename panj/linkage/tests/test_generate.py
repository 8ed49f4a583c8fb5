"""The seeded cross-script generator: same people in two NGOs' scripts and habits."""

from __future__ import annotations

import re

from panj.linkage.engine.generate import cross_script_set
from panj.linkage.engine.normalise import name_key


def test_it_is_reproducible_from_its_seed() -> None:
    assert cross_script_set(50, 20, 20, seed=3) == cross_script_set(50, 20, 20, seed=3)
    assert cross_script_set(50, 20, 20, seed=3) != cross_script_set(50, 20, 20, seed=4)


def test_it_links_exactly_the_shared_people() -> None:
    data = cross_script_set(200, 80, 50, seed=1)
    assert len(data.a) == 280 and len(data.b) == 250
    assert len(data.links) == 200
    assert len({a for a, _ in data.links}) == 200 == len({b for _, b in data.links})


def test_it_writes_each_side_in_its_own_scripts_and_habits() -> None:
    data = cross_script_set(400, 0, 0, seed=2)
    arabic = re.compile("[\u0600-\u06ff]")
    cyrillic = re.compile("[\u0400-\u04ff]")
    a_names = [p.given_name for p in data.a]
    b_names = [p.given_name for p in data.b]
    assert sum(bool(arabic.search(n)) for n in a_names) > 150
    assert not any(cyrillic.search(n) for n in a_names)
    assert sum(bool(cyrillic.search(n)) for n in b_names) > 200
    assert not any(arabic.search(n) for n in b_names)
    # Afghan records: mostly estimated years and no family name; Tajik: dates and surnames
    assert sum(p.birth_year is not None for p in data.a) > 250
    assert sum(not p.family_name for p in data.a) > 200
    assert sum(bool(p.birth_date) for p in data.b) > 300
    assert any(re.search("(зода|ов|ова|zoda|ov|ova)$", p.family_name) for p in data.b)
    assert any(p.father_name.endswith(("вич", "вна")) for p in data.b)


def test_it_makes_namesakes_common() -> None:
    data = cross_script_set(500, 500, 500, seed=5)
    names = [name_key(p.given_name).skeletons for p in data.b]
    assert len(set(names)) < len(names) / 3
