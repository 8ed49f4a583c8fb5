"""`panj cases ...`: import a spreadsheet of cases, rotate encryption keys."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _setup() -> None:
    from panj.cli import _setup_django

    _setup_django()


def cmd_import(args: argparse.Namespace) -> int:
    _setup()
    from django.utils import translation

    from panj.cases import imports
    from panj.directory.models import Organisation

    translation.activate(args.language)
    organisation = Organisation.objects.filter(slug=args.organisation).first()
    if organisation is None:
        print(f"No organisation with the short name {args.organisation!r}.", file=sys.stderr)
        return 2
    path = Path(args.file)
    try:
        rows = imports.read_rows(path.read_bytes(), path.name)
    except (OSError, imports.UnreadableFile) as error:
        print(f"{path.name}: {error}", file=sys.stderr)
        return 2
    result = imports.import_rows(organisation=organisation, by=None, rows=rows)
    for problem in result.errors:
        print(
            f"{path.name}: row {problem.row}, {problem.column or '-'}: {problem.message}",
            file=sys.stderr,
        )
    if result.errors:
        print(f"Nothing imported: {len(result.errors)} problem(s).", file=sys.stderr)
        return 1
    print(f"{len(result.cases)} cases imported into {organisation.slug}.")
    return 0


def cmd_rotate_keys(args: argparse.Namespace) -> int:
    _setup()
    from panj.cases import keys, services
    from panj.directory.models import Organisation

    rewrapped = keys.rewrap_all()
    print(f"{rewrapped} data key(s) re-wrapped with the current master key.")
    if args.rewrap_only:
        return 0
    organisations = Organisation.objects.all()
    if args.organisation:
        organisations = organisations.filter(slug=args.organisation)
        if not organisations.exists():
            print(f"No organisation with the short name {args.organisation!r}.", file=sys.stderr)
            return 2
    for organisation in organisations.order_by("slug"):
        count = services.rotate_keys(organisation=organisation)
        print(f"{organisation.slug}: new data key, {count} case(s) re-encrypted.")
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cases = sub.add_parser("cases", help="survivor cases: import, key rotation")
    cases_sub = cases.add_subparsers(dest="cases_command", required=True)

    importer = cases_sub.add_parser(
        "import", help="import a CSV or XLSX file in HTCDS columns; all rows or none"
    )
    importer.add_argument("--organisation", required=True, help="short name (slug)")
    importer.add_argument("--language", default="en", help="language of the error messages")
    importer.add_argument("file")
    importer.set_defaults(func=cmd_import)

    rotate = cases_sub.add_parser(
        "rotate-keys",
        help="re-wrap data keys with the current master key, then give each organisation a "
        "new data key and re-encrypt its cases with it",
    )
    rotate.add_argument("--organisation", help="only this organisation (slug)")
    rotate.add_argument(
        "--rewrap-only",
        action="store_true",
        help="only re-wrap data keys (after changing PANJ_MASTER_KEY)",
    )
    rotate.set_defaults(func=cmd_rotate_keys)
