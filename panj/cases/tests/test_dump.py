"""A dump of the whole database holds no name, phone or document of any case in plaintext."""

from __future__ import annotations

import datetime
import shutil
import subprocess

import pytest
from django.db import connection

from panj.cases import services
from panj.cases.identity import Identity

CANARIES = {
    "given_name": ["گلبدینکناری", "Канареечка", "Canarywyn"],
    "family_name": ["زرتشتیانکناری", "Птичкина", "Featherstonecanary"],
    "father_name": ["کبوترکناری", "Воробьёв", "Sparrowhawkcanary"],
    "other_names": ["نامدیگرکناری", "Синичкина", "Aliascanary"],
}
PHONE = "+93 70 999 4242"
DOCUMENT = "tazkira 4242-canary-9999"
NOTE = "note about the canary family"


def _dump_text() -> str:
    """Every byte the database would give someone who copied it."""
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    settings = connection.settings_dict
    pg_dump = shutil.which("pg_dump")
    if pg_dump:
        result = subprocess.run(  # noqa: S603 - fixed arguments from the test settings
            [
                pg_dump,
                "--data-only",
                "-h",
                settings["HOST"] or "127.0.0.1",
                "-p",
                str(settings["PORT"] or 5432),
                "-U",
                settings["USER"],
                settings["NAME"],
            ],
            capture_output=True,
            env={"PGPASSWORD": settings["PASSWORD"] or ""},
            check=True,
        )
        return result.stdout.decode("utf-8", "replace")
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the catalogue
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


@pytest.mark.django_db(transaction=True)
def test_it_leaves_no_identifier_in_plaintext_in_a_database_dump(ngo_af, alice):
    for i in range(3):
        case = services.register_case(
            organisation=ngo_af,
            by=alice,
            item=services.NewCase(
                identity=Identity(
                    **{field: names[i] for field, names in CANARIES.items()},
                    birth_date=datetime.date(2001, 2, 3),
                    phone=PHONE,
                    id_document=DOCUMENT,
                    address="Canary street 42",
                ),
                opened_on=datetime.date(2025, 11, 1),
                consents={"assistance": services.ConsentInput()},
            ),
        )
        services.add_note(case=case, by=alice, text=NOTE, written_on=datetime.date(2025, 11, 2))
        services.update_case(case=case, by=alice, values={}, texts={"risk_assessment": NOTE})
    dump = _dump_text()
    assert ngo_af.name in dump and "casenametoken" in dump.lower()  # the dump is complete
    secrets = [name for names in CANARIES.values() for name in names]
    secrets += [PHONE, DOCUMENT, "Canary street", NOTE, "2001-02-03"]
    found = [secret for secret in secrets if secret.lower() in dump.lower()]
    assert not found, f"plaintext in the dump: {found}"
    # Nor in the normalised form the blind index is computed from.
    from panj.cases.crypto import name_words

    words = name_words(*secrets[:12])
    assert not [word for word in words if word in dump.lower()]
