"""Five languages: complete catalogues, right to left in Dari, the language switcher."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[3] / "locale"


def entries(code):
    """(msgid, msgstr-or-forms, fuzzy) of a catalogue, read with the standard library."""
    import re

    text = (LOCALE / code / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        fuzzy = "#, fuzzy" in block or ", fuzzy" in block
        strings = re.findall(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) ((?:".*"\n?)+)', block, re.M)
        parsed = {}
        for key, value in strings:
            parsed[key] = "".join(re.findall(r'"(.*)"', value))
        if parsed.get("msgid"):
            forms = [v for k, v in parsed.items() if k.startswith("msgstr")]
            yield parsed["msgid"], forms, fuzzy


@pytest.mark.parametrize("code", ["fr", "ru", "tg", "prs"])
def test_it_translates_every_string(code):
    missing = [msgid for msgid, forms, fuzzy in entries(code) if fuzzy or not all(forms)]
    assert missing == []


@pytest.mark.parametrize(
    ("code", "expected_not"),
    [("fr", "Sign in"), ("ru", "Sign in"), ("tg", "Sign in"), ("prs", "Sign in")],
)
def test_it_speaks_each_language_at_sign_in(client, db, code, expected_not):
    client.cookies["django_language"] = code
    body = client.get(reverse("accounts:login")).content.decode()
    with translation.override(code):
        assert translation.gettext("Sign in") != expected_not
        assert translation.gettext("Sign in") in body
    assert f'lang="{code}"' in body


def test_it_lays_dari_pages_out_right_to_left(client, db):
    client.cookies["django_language"] = "prs"
    body = client.get(reverse("accounts:login")).content.decode()
    assert 'dir="rtl"' in body and 'lang="prs"' in body


@pytest.mark.parametrize("code", ["en", "fr", "ru", "tg"])
def test_it_lays_other_pages_out_left_to_right(client, db, code):
    client.cookies["django_language"] = code
    assert 'dir="ltr"' in client.get(reverse("accounts:login")).content.decode()


def test_it_shows_djangos_own_messages_in_dari(client, db):
    client.cookies["django_language"] = "prs"
    body = client.post(reverse("accounts:login"), {"username": "", "password": ""}).content.decode()
    assert "This field is required." not in body
    with translation.override("prs"):
        assert translation.gettext("This field is required.") in body


def test_it_switches_language_without_signing_in(client, db):
    response = client.post(reverse("set_language"), {"language": "tg", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "tg"


def test_it_names_languages_in_their_own_script(client, db):
    body = client.get(reverse("accounts:login")).content.decode()
    for name in ("English", "français", "Русский", "тоҷикӣ", "دری"):
        assert name in body
