"""Load a CTDC dataset CSV as a reference dataset: `manage.py import_ctdc FILE --name NAME`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from panj.stats.services import import_reference


class Command(BaseCommand):
    help = "Load a CTDC dataset (CSV) as counts to compare the network's figures with."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--name", default="")
        parser.add_argument("--source", default="Counter Trafficking Data Collaborative (CTDC)")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            dataset = import_reference(
                name=options["name"] or path.stem,
                file_name=path.name,
                content=path.read_bytes(),
                by=None,
                source=options["source"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"loaded {dataset.records} records as {dataset.name!r}")
