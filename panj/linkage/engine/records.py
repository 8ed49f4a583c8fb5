"""People files: the CSV columns that partners exchange, read and checked row by row."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["COLUMNS", "Person", "RecordError", "parse_people", "read_people"]

COLUMNS = (
    "id",
    "given_name",
    "father_name",
    "family_name",
    "sex",
    "birth_date",
    "birth_year",
    "place",
)


class RecordError(ValueError):
    """A people file that cannot be read, with the line and the reason."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    given_name: str = ""
    father_name: str = ""
    family_name: str = ""
    sex: str = ""
    birth_date: str = ""
    birth_year: int | None = None
    place: str = ""

    @property
    def year(self) -> int | None:
        if self.birth_date:
            return int(self.birth_date[:4])
        return self.birth_year


_SEX = {"m": "M", "f": "F", "x": "X", "": ""}


def _person(row: dict[str, str], line: int) -> Person:
    pid = (row.get("id") or "").strip()
    if not pid:
        raise RecordError("the id is empty", line)
    if "\n" in pid or "\r" in pid:
        raise RecordError("the id holds a line break", line)
    sex_raw = (row.get("sex") or "").strip().lower()
    if sex_raw not in _SEX:
        raise RecordError(f"sex must be M, F, X or empty, not {sex_raw.upper()!r}", line)
    birth_date = (row.get("birth_date") or "").strip()
    if birth_date:
        try:
            date = dt.date.fromisoformat(birth_date)
        except ValueError as exc:
            raise RecordError(f"birth_date must be YYYY-MM-DD, not {birth_date!r}", line) from exc
        if len(birth_date) != 10:
            raise RecordError(f"birth_date must be YYYY-MM-DD, not {birth_date!r}", line)
        birth_date = date.isoformat()
    year_raw = (row.get("birth_year") or "").strip()
    birth_year: int | None = None
    if year_raw:
        if not (year_raw.isdigit() and len(year_raw) == 4):
            raise RecordError(f"birth_year must be a four-digit year, not {year_raw!r}", line)
        birth_year = int(year_raw)
    return Person(
        id=pid,
        given_name=(row.get("given_name") or "").strip(),
        father_name=(row.get("father_name") or "").strip(),
        family_name=(row.get("family_name") or "").strip(),
        sex=_SEX[sex_raw],
        birth_date=birth_date,
        birth_year=birth_year,
        place=(row.get("place") or "").strip(),
    )


def parse_people(lines: Iterable[str]) -> Iterator[Person]:
    """People from CSV text lines; raises RecordError naming the first bad line."""
    reader = csv.DictReader(lines)
    header = reader.fieldnames or []
    if "id" not in header:
        raise RecordError("the header must name the columns " + ",".join(COLUMNS), 1)
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise RecordError("unknown column(s): " + ", ".join(unknown), 1)
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        if None in row:
            raise RecordError("more fields than the header names", line)
        person = _person(row, line)
        if person.id in seen:
            raise RecordError(f"the id {person.id!r} appears twice", line)
        seen.add(person.id)
        yield person


def read_people(path: str | Path) -> list[Person]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RecordError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RecordError("the file is not UTF-8", line) from exc
    return list(parse_people(io.StringIO(text, newline="")))
