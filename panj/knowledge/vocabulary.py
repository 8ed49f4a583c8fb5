"""Words both halves of the knowledge app share: topics, visibility, languages, search text."""

from __future__ import annotations

import re
import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    PREVENTION = "prevention", _("Prevention")
    IDENTIFICATION = "identification", _("Identification of survivors")
    PROTECTION = "protection", _("Protection and assistance")
    REFERRAL = "referral", _("Referral")
    CROSS_BORDER = "cross_border", _("Cross-border cooperation")
    REINTEGRATION = "reintegration", _("Reintegration")
    CHILDREN = "children", _("Children")
    GENDER = "gender", _("Gender")
    LABOUR_MIGRATION = "labour_migration", _("Labour migration")
    LEGISLATION = "legislation", _("Legislation and prosecution")
    DATA = "data", _("Data and research")
    AWARENESS = "awareness", _("Awareness-raising")
    TRAINING = "training", _("Training")
    COORDINATION = "coordination", _("Coordination")


class Visibility(models.TextChoices):
    ORGANISATION = "organisation", _("Our organisation only")
    NETWORK = "network", _("Members of the network")
    PUBLIC = "public", _("Public")


class DocumentLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    TAJIK = "tg", _("Tajik")
    DARI = "prs", _("Dari")
    PASHTO = "ps", _("Pashto")
    OTHER = "other", _("Other")


# The five languages that titles and summaries are written in (the interface languages).
TEXT_LANGUAGES = ("en", "fr", "ru", "tg", "prs")

# Letters an Arabic keyboard types where Dari spelling uses Persian ones, and marks that
# change nothing for a search (short vowels, tatweel).
_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA -> HEH
        "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE -> ALEF
        "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW -> ALEF
        "\u0622": "\u0627",  # ALEF WITH MADDA -> ALEF
        "\u0451": "\u0435",  # CYRILLIC YO -> IE
        "\u0640": None,  # TATWEEL
        "\u200c": None,  # ZERO WIDTH NON-JOINER: Dari words are typed with and without it
        "\u200d": None,
    }
)
_MARKS = re.compile("[\u064b-\u065f\u0670]")
_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    """The words of `text` as search compares them: case-folded, one spelling per letter."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    return _WORD.findall(_MARKS.sub("", folded))


def search_text(*texts: str) -> str:
    """One space-separated line of the normalised words of `texts`."""
    return " ".join(word for text in texts for word in search_words(text))
