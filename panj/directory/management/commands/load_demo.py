"""Load the demo network and print its accounts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from panj.core.extensions import app_modules
from panj.directory.demo import DEMO_PASSWORD, ProductionRefused, load_demo_network


class Command(BaseCommand):
    help = "Create the demo network (idempotent) and print the demo accounts."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            accounts = load_demo_network()
            from panj.cases.demo import load_demo_cases

            cases = load_demo_cases()
            # Each app's `demo.load_demo()`: idempotent, a line to print or None.
            lines = [module.load_demo() for module in app_modules("demo")]
        except ProductionRefused as error:
            raise CommandError(str(error)) from error
        if cases:
            self.stdout.write(f"{cases} invented cases added.")
        for line in lines:
            if line:
                self.stdout.write(line)
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, role, organisation in accounts:
            self.stdout.write(f"  {email:<28} {role:<22} {organisation}")
