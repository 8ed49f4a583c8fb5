"""Expire referrals not answered within their agreement's response time."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from panj.referrals.services import expire_overdue_referrals


class Command(BaseCommand):
    help = "Expire referrals that were not answered in time (run it hourly, e.g. from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        while count := expire_overdue_referrals():
            total += count
        self.stdout.write(f"{total} referrals expired.")
