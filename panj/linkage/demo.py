"""Demo check request: Nur (Khorugh) asks KFPO (Kunduz) for a duplicate check of the two, which
KFPO's admin finds waiting on the home page."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from panj.accounts.models import User
from panj.directory.models import Organisation
from panj.linkage import services
from panj.linkage.models import CheckRequest


@transaction.atomic
def load_demo() -> str | None:
    if settings.PRODUCTION or CheckRequest.objects.exists():
        return None
    kfpo = Organisation.objects.filter(slug="kfpo").first()
    nur = Organisation.objects.filter(slug="nur-khorog").first()
    erin = User.objects.filter(email="erin@demo.panj.org").first()
    if kfpo is None or nur is None or erin is None:
        return None
    services.ask_for_check(organisation=nur, other=kfpo, by=erin)
    return "A duplicate check request from Nur waits for KFPO's admin."
