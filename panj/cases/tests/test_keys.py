"""Data keys per organisation, wrapped by the master key; rotation keeps every case readable."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

from panj.cases import crypto, keys, services
from panj.cases.models import Case, CaseNameToken, OrganisationKey
from panj.cases.tests.conftest import new_case


def test_it_gives_each_organisation_its_own_key(case_af, case_tj):
    af = OrganisationKey.objects.get(organisation_id=case_af.organisation_id)
    tj = OrganisationKey.objects.get(organisation_id=case_tj.organisation_id)
    assert keys.key_for(af.organisation_id, 1) != keys.key_for(tj.organisation_id, 1)
    assert len(bytes(af.wrapped)) > 32


def test_it_refuses_a_sealed_identity_moved_to_another_case(ngo_af, alice):
    first, second = new_case(ngo_af, alice), new_case(ngo_af, alice, given="Other")
    second.identity = first.identity
    with pytest.raises(crypto.DecryptionFailed):
        services.identity_of(second)


def test_it_rotates_to_a_new_key_and_still_reads_every_case(ngo_af, alice, case_af):
    services.add_note(case=case_af, by=alice, text="before rotation", written_on=case_af.opened_on)
    old_identity = bytes(Case.objects.get(id=case_af.id).identity)
    assert services.rotate_keys(organisation=ngo_af) == 1
    keys.forget_cached_keys()
    case = Case.objects.get(id=case_af.id)
    assert case.key_version == 2 and bytes(case.identity) != old_identity
    assert services.identity_of(case).given_name == "Zahra"
    note = case.notes.get()
    assert services.texts_of(case, note)["text"] == "before rotation"
    tokens = services.search_tokens(ngo_af.id, "Zahra")
    assert CaseNameToken.objects.filter(case=case, token__in=tokens).exists()


def test_it_rewraps_data_keys_when_the_master_key_changes(settings, case_af):
    old = settings.PANJ_MASTER_KEY
    settings.PANJ_MASTER_KEY = base64.b64encode(os.urandom(32)).decode()
    settings.PANJ_PREVIOUS_MASTER_KEYS = [old]
    keys.forget_cached_keys()
    assert services.identity_of(Case.objects.get(id=case_af.id)).given_name == "Zahra"
    assert keys.rewrap_all() == 1
    settings.PANJ_PREVIOUS_MASTER_KEYS = []
    keys.forget_cached_keys()
    assert services.identity_of(Case.objects.get(id=case_af.id)).given_name == "Zahra"


def test_it_cannot_read_cases_without_the_master_key_that_wrapped_them(settings, case_af):
    settings.PANJ_MASTER_KEY = base64.b64encode(os.urandom(32)).decode()
    keys.forget_cached_keys()
    with pytest.raises(crypto.DecryptionFailed):
        services.identity_of(Case.objects.get(id=case_af.id))
    keys.forget_cached_keys()


def test_it_refuses_to_start_in_production_without_a_master_key():
    env = {k: v for k, v in os.environ.items() if k != "PANJ_MASTER_KEY"}
    env.update(PANJ_SECRET_KEY="x" * 50, DJANGO_SETTINGS_MODULE="panj.settings")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
        check=False,
    )
    assert result.returncode != 0 and "PANJ_MASTER_KEY" in result.stderr


def test_it_rotates_keys_from_the_command_line(ngo_af, case_af, capsys):
    from panj.cli import main

    assert main(["cases", "rotate-keys", "--organisation", ngo_af.slug]) == 0
    assert "1 case(s) re-encrypted" in capsys.readouterr().out
    keys.forget_cached_keys()
    assert services.identity_of(Case.objects.get(id=case_af.id)).given_name == "Zahra"
