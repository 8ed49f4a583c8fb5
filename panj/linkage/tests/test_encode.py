"""Encodings: keyed, balanced, and carrying ids and encodings only."""

from __future__ import annotations

import base64
from pathlib import Path

import numpy as np
import pytest

from panj.linkage.engine import (
    EncodedSet,
    Encoder,
    EncodingError,
    Params,
    Person,
    Secret,
    encode_people,
)
from panj.linkage.engine.block import BLOCK_COLUMNS
from panj.linkage.engine.compare import similarity
from panj.linkage.engine.encode import FORMAT_VERSION, check_comparable
from panj.linkage.engine.keys import KeyError_, hkdf

PEOPLE = [
    Person("p1", "Farzana", "Karim", "", "F", "", 1990, "Takhar"),
    Person("p2", "Фарзона", "", "Каримова", "F", "1990-05-01", None, "Тахор"),
    Person("p3", "Rustam", "Sharif", "Sharifov", "M", "1975-01-02", None, "Kulob"),
    Person("p4", "", "", "", "", "", None, ""),
]


def test_it_never_writes_the_secret_into_an_encodings_file(tmp_path: Path) -> None:
    secret = Secret.generate()
    path = tmp_path / "people.enc"
    encode_people(PEOPLE, secret).save(path)
    blob = path.read_bytes()
    for form in (secret.value, secret.value.hex().encode(), secret.dumps().strip().encode()):
        assert form not in blob
    assert base64.urlsafe_b64encode(secret.value) not in blob
    labels = ("name", "year", "date", "sex", "place")
    purposes = [f"tokens:{x}" for x in labels] + [f"permutation:{x}" for x in labels]
    for purpose in [*purposes, "blocking"]:
        assert secret.derive(purpose) not in blob
        assert secret.derive(purpose, 16) not in blob


def test_it_gives_every_encoding_the_same_weight() -> None:
    enc = encode_people(PEOPLE, Secret.generate())
    fields = enc.filters[:, : enc.params.presence_word]
    weights = np.bitwise_count(fields).sum(axis=1)
    assert set(weights.tolist()) == {Params().length}
    for _field, first, count in enc.params.segments():
        per_field = np.bitwise_count(enc.filters[:, first : first + count]).sum(axis=1)
        assert set(per_field.tolist()) == {32 * count}


def test_it_finds_the_same_woman_across_scripts_and_not_a_stranger() -> None:
    enc = encode_people(PEOPLE, Secret.generate())
    same = similarity(enc.filters[0], enc.filters[1])
    stranger = similarity(enc.filters[0], enc.filters[2])
    assert same > 0.75 > stranger


def test_it_cannot_be_compared_without_the_same_secret() -> None:
    a = encode_people(PEOPLE, Secret.generate())
    b = encode_people(PEOPLE, Secret.generate())
    assert not np.array_equal(a.filters, b.filters)
    with pytest.raises(EncodingError, match="different secrets"):
        check_comparable(a, b)


def test_it_refuses_encodings_made_with_other_parameters() -> None:
    secret = Secret.generate()
    a = encode_people(PEOPLE, secret)
    b = encode_people(PEOPLE, secret, Params(place=128))
    with pytest.raises(EncodingError, match=r"different parameters.*place"):
        check_comparable(a, b)


def test_it_round_trips_an_encodings_file(tmp_path: Path) -> None:
    enc = encode_people(PEOPLE, Secret.generate())
    enc.save(tmp_path / "x.enc")
    back = EncodedSet.load(tmp_path / "x.enc")
    assert back.ids == enc.ids
    assert np.array_equal(back.filters, enc.filters)
    assert np.array_equal(back.blocks, enc.blocks)
    assert back.params == enc.params and back.key_check == enc.key_check


def test_it_rejects_a_file_that_is_not_an_encodings_file(tmp_path: Path) -> None:
    (tmp_path / "x.enc").write_text("id,given_name\n1,Ali\n")
    with pytest.raises(EncodingError, match="not a Panj encodings file"):
        EncodedSet.load(tmp_path / "x.enc")


def test_it_reads_back_a_written_secret_and_rejects_a_damaged_one() -> None:
    secret = Secret.generate()
    assert Secret.loads(secret.dumps()) == secret
    with pytest.raises(KeyError_):
        Secret.loads(secret.dumps()[:-10])
    assert "hidden" in repr(secret)


def test_it_derives_keys_as_rfc_5869_says() -> None:
    # RFC 5869, test case 1
    okm = hkdf(
        bytes.fromhex("0b" * 22),
        bytes.fromhex("f0f1f2f3f4f5f6f7f8f9"),
        42,
        salt=bytes.fromhex("000102030405060708090a0b0c"),
    )
    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_it_names_the_format_versions_when_a_file_is_of_another_version(tmp_path: Path) -> None:
    from panj.linkage.tests.enc_files import of_version

    enc = encode_people(PEOPLE, Secret.generate())
    enc.save(tmp_path / "new.enc")
    (tmp_path / "old.enc").write_bytes(of_version((tmp_path / "new.enc").read_bytes(), 1))
    with pytest.raises(
        EncodingError, match=rf"version 1, this Panj reads version {FORMAT_VERSION}.*encode"
    ):
        EncodedSet.load(tmp_path / "old.enc")


def test_it_encodes_a_person_alike_alone_or_among_others_and_in_any_chunk_size() -> None:
    secret = Secret(bytes(range(32)))
    people = [
        *PEOPLE,
        Person("p5", "Farzana", "", "Karimi", "X", "", 1991, "Takhar"),
        Person("p6", "Karim", "Karim", "Karimov", "M", "1990-05-01", None, "Kulob"),
        Person("p7", "", "", "", "", "", 1990, ""),
    ]
    params = Params(given=96, father=96, family=96, year=32, date=32, sex=32, place=96)
    for prm in (Params(), params, Params(sex=64, balanced=False)):
        together = Encoder(secret, prm).encode(people, chunk=2)
        assert together.filters.shape == (len(people), prm.words)
        for i, person in enumerate(people):
            alone = encode_people([person], secret, prm)
            assert alone.filters.tobytes() == together.filters[i].tobytes()
            assert alone.blocks.tobytes() == together.blocks[i].tobytes()
    empty = encode_people([], secret)
    assert empty.filters.shape == (0, Params().words)
    assert empty.blocks.shape == (0, BLOCK_COLUMNS)


def test_it_spreads_a_names_positions_alike_one_form_at_a_time_or_all_at_once() -> None:
    from panj.linkage.engine.generate import cross_script_set
    from panj.linkage.engine.normalise import name_key, place_key

    secret = Secret(bytes(range(32)))
    data = cross_script_set(150, 50, 50, seed=3)
    names = [p.given_name for p in data.a + data.b] + ["Mohammad", "Ne'mat", "Zoë", "x"]
    places = [p.place for p in data.a + data.b if p.place] + names  # enough forms for arrays
    for label, key, values in (("name", name_key, names), ("place", place_key, places)):
        items = [(f, 51 / len(key(v).forms)) for v in values for f in key(v).forms]
        one_by_one, at_once = Encoder(secret), Encoder(secret)
        at_once._name_positions_of(label, items)
        assert len(at_once._forms) == len(set(items)) > 20
        for form, share in items:
            assert sorted(at_once._forms[label, form, share]) == sorted(
                one_by_one._name_positions(label, form, share)
            )


def test_it_reads_a_first_of_january_as_a_year_alone() -> None:
    placeholder = Person("a", "Farzana", "Karim", "", "F", "1990-01-01", None, "Takhar")
    year_only = Person("b", "Farzana", "Karim", "", "F", "", 1990, "Takhar")
    birthday = Person("c", "Фарзона", "Карим", "", "F", "1990-06-12", None, "Тахор")
    enc = encode_people([placeholder, year_only, birthday], Secret.generate())
    assert (enc.filters[0] == enc.filters[1]).all()
    assert (enc.blocks[0] == enc.blocks[1]).all()
    # a real date elsewhere in January is a date
    other = encode_people(
        [Person("a", "Farzana", "Karim", "", "F", "1990-01-02", None, "Takhar"), year_only],
        Secret.generate(),
    )
    assert not (other.filters[0] == other.filters[1]).all()
    assert similarity(enc.filters[0], enc.filters[2]) > 0.9
