"""`panj audit verify`: check that no entry of the audit log was edited or removed."""

from __future__ import annotations

import argparse
import sys


def _setup() -> None:
    from panj.cli import _setup_django

    _setup_django()


def cmd_verify(args: argparse.Namespace) -> int:
    _setup()
    from django.utils.translation import gettext as _

    from panj.audit.verify import Problem, verify_chain

    result = verify_chain()
    if result.broken is None:
        print(
            _("ok: %(count)d entries, last hash %(hash)s")
            % {
                "count": result.count,
                "hash": result.last_hash or "-",
            }
        )
        return 0
    reasons = {
        Problem.MISSING: _("missing (deleted or renumbered)"),
        Problem.EDITED: _("edited (its content does not match its hash)"),
        Problem.UNCHAINED: _("out of chain (it does not follow the entry before it)"),
        Problem.TAIL_MISSING: _("missing (the log ends before its recorded head)"),
        Problem.HEAD: _("the head of the log does not match its entries"),
    }
    broken = result.broken
    print(
        _("broken at entry %(sequence)d%(id)s: %(reason)s (%(count)d entries verified before it)")
        % {
            "sequence": broken.sequence,
            "id": f" ({broken.entry_id})" if broken.entry_id else "",
            "reason": reasons[broken.problem],
            "count": result.count,
        },
        file=sys.stderr,
    )
    return 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="the audit log")
    commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = commands.add_parser(
        "verify", help="check the hash chain; exit status 1 names the first broken entry"
    )
    verify.set_defaults(func=cmd_verify)
