"""People files: the CSV columns that partners exchange, read and checked row by row.

Afghan registers keep dates in the Solar Hijri calendar (a tazkira says 1370, not 1991), and
clerks type Persian digits. Both are read: digits of any script count, and a birth date or year
whose year lies in `SOLAR_HIJRI_YEARS` is a Solar Hijri one (no one alive was born in those
Gregorian years, and no Solar Hijri year has reached 1500), converted to the Gregorian calendar
so that it meets the same person's date from a Tajik register. A year alone becomes the
Gregorian year in which most of it falls (1370 → 1991: from Nowruz, 21 March, to the end of
December).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jdatetime

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

    @property
    def known_date(self) -> str:
        """The birth date, unless it is the 1 January that registers write when they know the
        year only (`YEAR_ONLY`): then none, and the year alone counts."""
        return "" if self.birth_date[4:] == YEAR_ONLY else self.birth_date


#: The month and day of a birth date that stands for its year alone. Registers that must fill
#: a date write 1 January when a person knows only a year, or an age (tazkiras, and many
#: registration systems): as a date it would disagree with the same person's real birthday in
#: another file. A person truly born on 1 January keeps the year.
YEAR_ONLY = "-01-01"


#: What a register writes for sex, as a Kabul, a Dushanbe or an English form writes it (a clerk
#: on a Cyrillic keyboard types a Cyrillic М, one on an Arabic keyboard an Arabic ك); read
#: case-insensitively.
_SEX_WORDS = {
    "M": ("m", "male", "м", "муж", "мужской", "мард", "مرد", "مذکر", "مذكر"),
    "F": ("f", "female", "ж", "жен", "женский", "зан", "زن", "مونث", "مؤنث"),
    "X": ("x",),
    "": ("",),
}
_SEX = {word: sex for sex, words in _SEX_WORDS.items() for word in words}
#: Years read as Solar Hijri, and what a Solar Hijri year adds to become the Gregorian year in
#: which most of it falls.
SOLAR_HIJRI_YEARS = range(1250, 1500)
SOLAR_HIJRI_OFFSET = 621


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: What spreadsheets and data-frame libraries write for a date or a year: a date followed by a
#: time (midnight, for a date alone), and a year with a zero fraction (a column of years with
#: gaps becomes one of decimals). Both are read as the date and the year they stand for.
_DATE_TIME = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?Z?"
)
_DECIMAL_YEAR = re.compile(r"([0-9]{4})\.0+")


def _ascii_digits(text: str) -> str:
    """Persian, Arabic-Indic and other digits as 0-9."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


def _birth_date(raw: str, line: int) -> tuple[str, bool]:
    """The date as an ISO Gregorian date, and whether it was read as Solar Hijri."""
    bad = RecordError(
        f"birth_date must be YYYY-MM-DD (Gregorian or Solar Hijri), not {raw!r}", line
    )
    text = _ascii_digits(raw)
    with_time = _DATE_TIME.fullmatch(text)
    if with_time:
        text = with_time.group(1)
    if not _ISO_DATE.fullmatch(text):
        raise bad
    try:
        date = dt.date.fromisoformat(text)
        solar_hijri = date.year in SOLAR_HIJRI_YEARS
        if solar_hijri and text[4:] == YEAR_ONLY:
            # 1 Hamal, the Solar Hijri 1 January: the year alone, as a year alone is read
            return f"{date.year + SOLAR_HIJRI_OFFSET}{YEAR_ONLY}", True
        if solar_hijri:
            date = jdatetime.date(date.year, date.month, date.day).togregorian()
    except ValueError as exc:
        raise bad from exc
    return date.isoformat(), solar_hijri


def _birth_year(raw: str, line: int) -> tuple[int, bool]:
    """The Gregorian year, and whether it was read as Solar Hijri."""
    text = _ascii_digits(raw)
    decimal = _DECIMAL_YEAR.fullmatch(text)
    if decimal:
        text = decimal.group(1)
    if not (text.isdigit() and len(text) == 4):
        raise RecordError(f"birth_year must be a four-digit year, not {raw!r}", line)
    year = int(text)
    if year in SOLAR_HIJRI_YEARS:
        return year + SOLAR_HIJRI_OFFSET, True
    return year, False


def _person(row: dict[str, str], line: int) -> tuple[Person, bool]:
    """The person of a row, and whether its birth date or year was read as Solar Hijri."""
    pid = (row.get("id") or "").strip()
    if not pid:
        raise RecordError("the id is empty", line)
    if "\n" in pid or "\r" in pid:
        raise RecordError("the id holds a line break", line)
    sex_raw = unicodedata.normalize("NFKC", (row.get("sex") or "").strip()).lower()
    if sex_raw not in _SEX:
        raise RecordError(
            f"sex must be M, F, X or empty (male and female, М and Ж, مرد and زن are read "
            f"too), not {sex_raw.upper()!r}",
            line,
        )
    birth_date, date_hijri = (row.get("birth_date") or "").strip(), False
    if birth_date:
        birth_date, date_hijri = _birth_date(birth_date, line)
    year_raw = (row.get("birth_year") or "").strip()
    birth_year, year_hijri = _birth_year(year_raw, line) if year_raw else (None, False)
    person = Person(
        id=pid,
        given_name=(row.get("given_name") or "").strip(),
        father_name=(row.get("father_name") or "").strip(),
        family_name=(row.get("family_name") or "").strip(),
        sex=_SEX[sex_raw],
        birth_date=birth_date,
        birth_year=birth_year,
        place=(row.get("place") or "").strip(),
    )
    return person, date_hijri or year_hijri


def parse_people(lines: Iterable[str], solar_hijri: list[int] | None = None) -> Iterator[Person]:
    """People from CSV text lines; raises RecordError naming the first bad line. The lines
    whose birth date or year was read as Solar Hijri are added to `solar_hijri`."""
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
        person, hijri = _person(row, line)
        if hijri and solar_hijri is not None:
            solar_hijri.append(line)
        if person.id in seen:
            raise RecordError(f"the id {person.id!r} appears twice", line)
        seen.add(person.id)
        yield person


def read_people(path: str | Path, solar_hijri: list[int] | None = None) -> list[Person]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RecordError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RecordError("the file is not UTF-8", line) from exc
    return list(parse_people(io.StringIO(text, newline=""), solar_hijri))
