"""The command line partners without Panj use: keygen, encode, match, and its errors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from panj.cli import main
from panj.linkage.engine.generate import cross_script_set
from panj.linkage.engine.records import COLUMNS

HEADER = ",".join(COLUMNS)


def write_people(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def key(tmp_path: Path) -> Path:
    assert main(["linkage", "keygen", "--out", str(tmp_path / "key")]) == 0
    return tmp_path / "key"


def test_it_links_two_files_end_to_end(tmp_path: Path, key: Path) -> None:
    data = cross_script_set(300, 100, 100, seed=7)
    for name, people in (("a", data.a), ("b", data.b)):
        rows = [
            ",".join(
                [p.id, p.given_name, p.father_name, p.family_name, p.sex, p.birth_date,
                 str(p.birth_year or ""), p.place]
            )
            for p in people
        ]  # fmt: skip
        write_people(tmp_path / f"{name}.csv", rows)
        code = main(
            ["linkage", "encode", "--secret-file", str(key), "--in", str(tmp_path / f"{name}.csv"),
             "--out", str(tmp_path / f"{name}.enc")]
        )  # fmt: skip
        assert code == 0
    out = tmp_path / "matches.csv"
    assert (
        main(
            [
                "linkage",
                "match",
                str(tmp_path / "a.enc"),
                str(tmp_path / "b.enc"),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and list(rows[0]) == ["a_id", "b_id", "score"]
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert len({r["a_id"] for r in rows}) == len(rows) == len({r["b_id"] for r in rows})
    found = {(r["a_id"], r["b_id"]) for r in rows}
    precision = len(found & data.links) / len(found)
    recall = len(found & data.links) / len(data.links)
    assert precision > 0.8 and recall > 0.7


def test_it_writes_ids_and_encodings_only(tmp_path: Path, key: Path) -> None:
    people = write_people(tmp_path / "p.csv", ["case-17,Farzana,Karim,,F,,1990,Takhar"])
    assert (
        main(
            [
                "linkage",
                "encode",
                "--secret-file",
                str(key),
                "--in",
                str(people),
                "--out",
                str(tmp_path / "p.enc"),
            ]
        )
        == 0
    )
    blob = (tmp_path / "p.enc").read_bytes()
    assert b"case-17" in blob
    for word in (b"Farzana", b"farzana", b"Karim", b"karim", b"Takhar", b"1990"):
        assert word not in blob
    assert key.read_text().strip().split(":")[1].encode() not in blob


def test_it_refuses_to_overwrite_a_secret(key: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = key.read_text()
    assert main(["linkage", "keygen", "--out", str(key)]) == 1
    assert "never overwritten" in capsys.readouterr().err
    assert key.read_text() == before


def test_it_says_which_line_is_bad_and_why(
    tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = {
        "1,Ali,,,Q,,,": "line 2: sex must be M, F, X or empty",
        "1,Ali,,,M,1990-13-01,,": "line 2: birth_date must be YYYY-MM-DD",
        "1,Ali,,,M,,19x0,": "line 2: birth_year must be a four-digit year",
        ",Ali,,,M,,,": "line 2: the id is empty",
    }
    for row, message in cases.items():
        people = write_people(
            tmp_path / "p.csv", ["0,Zahra,,,F,,,", row] if row.startswith(",") else [row]
        )
        code = main(
            [
                "linkage",
                "encode",
                "--secret-file",
                str(key),
                "--in",
                str(people),
                "--out",
                str(tmp_path / "p.enc"),
            ]
        )
        assert code == 1
        err = capsys.readouterr().err
        expected = message.replace("line 2", "line 3") if row.startswith(",") else message
        assert expected in err


def test_it_names_a_duplicate_id_and_an_unknown_column(
    tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write_people(tmp_path / "p.csv", ["7,Ali,,,M,,,", "7,Ali,,,M,,,"])
    assert (
        main(
            [
                "linkage",
                "encode",
                "--secret-file",
                str(key),
                "--in",
                str(people),
                "--out",
                str(tmp_path / "p.enc"),
            ]
        )
        == 1
    )
    assert "line 3: the id '7' appears twice" in capsys.readouterr().err
    (tmp_path / "q.csv").write_text("id,given_name,phone\n1,Ali,0700\n", encoding="utf-8")
    assert (
        main(
            [
                "linkage",
                "encode",
                "--secret-file",
                str(key),
                "--in",
                str(tmp_path / "q.csv"),
                "--out",
                str(tmp_path / "q.enc"),
            ]
        )
        == 1
    )
    assert "unknown column(s): phone" in capsys.readouterr().err


def test_it_rejects_a_wrong_or_damaged_key(
    tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write_people(tmp_path / "p.csv", ["1,Ali,,,M,,,"])
    (tmp_path / "bad").write_text("not a key\n")
    assert (
        main(
            [
                "linkage",
                "encode",
                "--secret-file",
                str(tmp_path / "bad"),
                "--in",
                str(people),
                "--out",
                str(tmp_path / "p.enc"),
            ]
        )
        == 1
    )
    assert "not a Panj linkage secret" in capsys.readouterr().err
    assert (
        main(
            [
                "linkage",
                "encode",
                "--secret-file",
                str(tmp_path / "none"),
                "--in",
                str(people),
                "--out",
                str(tmp_path / "p.enc"),
            ]
        )
        == 1
    )
    assert "no secret file" in capsys.readouterr().err


def test_it_refuses_to_match_files_encoded_with_different_keys(
    tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write_people(tmp_path / "p.csv", ["1,Ali,,,M,,,"])
    other = tmp_path / "other"
    assert main(["linkage", "keygen", "--out", str(other)]) == 0
    for k, name in ((key, "a.enc"), (other, "b.enc")):
        assert (
            main(
                [
                    "linkage",
                    "encode",
                    "--secret-file",
                    str(k),
                    "--in",
                    str(people),
                    "--out",
                    str(tmp_path / name),
                ]
            )
            == 0
        )
    code = main(
        [
            "linkage",
            "match",
            str(tmp_path / "a.enc"),
            str(tmp_path / "b.enc"),
            "--out",
            str(tmp_path / "m.csv"),
        ]
    )
    assert code == 1
    assert "different secrets" in capsys.readouterr().err
    assert not (tmp_path / "m.csv").exists()


def test_it_refuses_to_match_files_with_different_parameters(
    tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from panj.linkage.engine import Params, Person, Secret, encode_people

    secret = Secret.read(key)
    people = [Person("1", "Ali")]
    encode_people(people, secret).save(tmp_path / "a.enc")
    encode_people(people, secret, Params(place=128)).save(tmp_path / "b.enc")
    code = main(
        [
            "linkage",
            "match",
            str(tmp_path / "a.enc"),
            str(tmp_path / "b.enc"),
            "--out",
            str(tmp_path / "m.csv"),
        ]
    )
    assert code == 1
    assert "different parameters (place: 64 vs 128" in capsys.readouterr().err


def test_it_says_which_rows_it_read_as_solar_hijri(
    tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = write_people(
        tmp_path / "p.csv",
        ["1,فرزانه,کریم,,F,1370-05-12,,", "2,Farzana,Karim,,F,1991-08-03,,", "3,مریم,,,F,,۱۳۷۲,"],
    )
    code = main(
        ["linkage", "encode", "--secret-file", str(key), "--in", str(people),
         "--out", str(tmp_path / "p.enc")]
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "encoded 3 people" in out
    assert "2 people as Solar Hijri" in out
    assert "(lines 2, 4)" in out
