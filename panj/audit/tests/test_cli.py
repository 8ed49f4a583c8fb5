"""`panj audit verify`: exit status 0 for an intact log, 1 naming the first broken entry."""

from __future__ import annotations

from panj import cli
from panj.audit.models import AuditEntry


def test_it_says_ok_for_an_intact_log(entries, capsys):
    assert cli.main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"ok: {AuditEntry.objects.count()} entries")


def test_it_names_an_edited_entry(entries, attacker, capsys):
    attacker()
    AuditEntry.objects.filter(pk=entries[3].pk).update(fields=["identity"])
    assert cli.main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"entry {entries[3].sequence} ({entries[3].pk})" in err
    assert "edited" in err


def test_it_names_a_deleted_entry(entries, attacker, capsys):
    attacker()
    AuditEntry.objects.filter(pk=entries[1].pk).delete()
    assert cli.main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"entry {entries[1].sequence}:" in err and "missing" in err


def test_it_names_a_deleted_last_entry(entries, attacker, capsys):
    attacker()
    AuditEntry.objects.filter(pk=entries[-1].pk).delete()
    assert cli.main(["audit", "verify"]) == 1
    assert f"entry {entries[-1].sequence}:" in capsys.readouterr().err
