"""Demo agreements and referrals: KFPO (Kunduz) and Nur (Khorugh) across the border, and
in-country agreements for every member in each country, convened by IOM."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from panj.accounts.models import User
from panj.cases import services as case_services
from panj.cases.models import Case, Consent
from panj.directory.models import Country, Organisation, Service
from panj.referrals import services, travel
from panj.referrals.models import Agreement

CROSS_BORDER_TITLE = "KFPO – Nur: shelter and legal referrals across the Panj"
# What the two organisations agreed may travel: never the address or the identity document.
CROSS_BORDER_FIELDS = [n for n in travel.NAMES if n not in ("address", "id_document")]


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


@transaction.atomic
def load_demo() -> str | None:
    if settings.PRODUCTION or Agreement.objects.filter(title=CROSS_BORDER_TITLE).exists():
        return None
    kfpo = Organisation.objects.filter(slug="kfpo").first()
    nur = Organisation.objects.filter(slug="nur-khorog").first()
    iom = Organisation.objects.filter(slug="iom-kabul").first()
    alice, bob = _user("alice@demo.panj.org"), _user("bob@demo.panj.org")
    carol, hamid = _user("carol@demo.panj.org"), _user("kfpo-admin@demo.panj.org")
    dave = _user("dave@demo.panj.org")
    if None in (kfpo, nur, iom, alice, bob, carol, hamid, dave):
        return None
    assert kfpo and nur and iom and alice and bob and carol and hamid and dave
    today = timezone.localdate()
    services.create_agreement(
        organisation=kfpo,
        by=hamid,
        title=CROSS_BORDER_TITLE,
        scope=Agreement.Scope.BOTH,
        fields=CROSS_BORDER_FIELDS,
        starts_on=today - datetime.timedelta(days=90),
        ends_on=today + datetime.timedelta(days=640),
        parties=[kfpo, nur],
        response_days=5,
    )
    for iso2 in ("AF", "TJ"):
        country = Country.objects.get(iso2=iso2)
        services.create_agreement(
            organisation=iom,
            by=dave,
            title=f"In-country referrals among members in {country.name_en}",
            scope=Agreement.Scope.IN_COUNTRY,
            fields=["given_name", "gender", "age_broad", "phone", "needs", "languages", "note"],
            starts_on=today - datetime.timedelta(days=180),
            ends_on=today + datetime.timedelta(days=550),
            parties=[country],
            response_days=7,
        )
    shelter = Service.objects.filter(organisation=nur, category="shelter").first()
    legal = Service.objects.filter(organisation=nur, category="legal").first()
    cases = list(
        Case.objects.filter(organisation=kfpo, status="Active", gender="Feminine").order_by(
            "number"
        )[:3]
    )
    made = 0
    for n, case in enumerate(cases):
        if shelter is None or legal is None or not case.has_consent(Consent.Purpose.ASSISTANCE):
            continue
        case_services.give_consent(
            case=case,
            by=alice,
            purpose=Consent.Purpose.REFERRAL,
            given_by=Consent.GivenBy.PERSON,
            method=Consent.Method.WRITTEN,
            given_on=today,
            recipient=nur,
        )
        referral = services.draft_referral(
            case=case,
            by=alice,
            receiver=nur,
            services=[shelter] if n != 1 else [legal],
            urgency="urgent" if n == 0 else "routine",
            reason="safety" if n == 0 else "specialised",
        )
        referral = services.send_referral(
            referral=referral,
            by=alice,
            fields=services.may_travel(referral),
            languages=["prs"],
            note="Invented demo note for the receiver.",
        )
        made += 1
        if n == 2:
            continue  # left waiting for Bob's approval
        referral = services.approve_referral(referral=referral, by=bob)
        if n == 0:
            referral = services.accept_referral(referral=referral, by=carol)
            services.record_delivery(
                referral=referral, by=carol, category="shelter", outcome="delivered"
            )
        else:
            services.decline_referral(referral=referral, by=carol, reason="no_capacity")
    return f"3 data-sharing agreements and {made} referrals added."
