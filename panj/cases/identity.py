"""The identifying data of a case, as a value: sealed into one column, never stored plain."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, fields
from typing import Any

from panj.cases import crypto


@dataclass(frozen=True)
class Identity:
    given_name: str = ""
    father_name: str = ""
    family_name: str = ""
    other_names: str = ""
    birth_date: datetime.date | None = None
    birth_year: int | None = None
    estimated_age: int | None = None
    phone: str = ""
    id_document: str = ""
    address: str = ""

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["birth_date"] = self.birth_date.isoformat() if self.birth_date else None
        return {key: value for key, value in data.items() if value not in ("", None)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Identity:
        known = {key: data[key] for key in cls.field_names() if key in data}
        if known.get("birth_date"):
            known["birth_date"] = datetime.date.fromisoformat(known["birth_date"])
        return cls(**known)

    def name_words(self) -> list[str]:
        """The words search finds this person by: given, father's, family and other names."""
        return crypto.name_words(
            self.given_name, self.father_name, self.family_name, self.other_names
        )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def short_name(self) -> str:
        """Given name and the initial of the family name: what lists show."""
        initial = f"{self.family_name[:1]}." if self.family_name else ""
        return " ".join(part for part in (self.given_name, initial) if part)

    def age_on(self, day: datetime.date) -> int | None:
        if self.birth_date:
            before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
            return day.year - self.birth_date.year - before_birthday
        if self.birth_year:
            return day.year - self.birth_year
        return self.estimated_age

    def changed_fields(self, other: Identity) -> list[str]:
        return [name for name in self.field_names() if getattr(self, name) != getattr(other, name)]
