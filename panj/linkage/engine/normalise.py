"""Name normalisation across Perso-Arabic, Cyrillic and Latin script, down to comparable tokens.

The same woman is فرزانه in a Kabul file, Фарзона in a Dushanbe file and Farzana or Farzona
in a passport. Every name goes through the same steps, whatever its script:

1. Unicode NFKC, lower case; Arabic-script letters unified to their Dari forms (ي/ى→ی, ك→ک,
   ة→ه, hamza seats→their base letter), tatweel, ZWNJ and diacritics removed.
2. Explicit transliteration tables, Perso-Arabic → Latin and Tajik/Russian Cyrillic → Latin
   (ICU's Any-Latin has no Tajik transform and leaves ҳ ҷ ғ қ ӣ ӯ), then `anyascii` for any
   other script.
3. Phonetic folding of the Latin spellings that the region's transcriptions disagree on:
   kh/h, q/k, gh/g, w/v, dzh/dj/j, ou/oo/u, ee/i, the Russian g of Ibragim; vowels to three
   classes (a o → a, e i y → i, u), since Tajik writes Persian ā as о (Farzona) where Afghan
   English writes a (Farzana); doubled letters collapsed.
4. Particles and affixes: Muhammad/Mohammad as a prefix, Abd-/Abdul-/Abdur-, -ullah/-ullo,
   -jon/-jan, Gul-/Gol-; for family and father names the surname and patronymic suffixes
   -ov(a) -ev(a) -zoda -zod -zade -pur -i -iy -iyon -ovich -ovna and the Uzbek o'g'li and
   qizi, so that Karimov can meet a father called Karim; a word-final p read as f, as Russian
   spelling made Yusuf's sons Yusupov and Sharif's Sharipov; the final -eh of Iranian
   spellings read as a (Farzaneh); honorifics before a name (Haji, Mullah, Mawlawi, Qari)
   dropped. Compound names are joined, so that "Abdul Rahman" meets "Abdurahmon"; an
   apostrophe inside a word is dropped (Ne'mat).
5. A consonant skeleton (vowels, and inner y/v which stand for vowels in Arabic script,
   dropped), because Arabic script writes no short vowels: فرزانه and Farzana share the
   skeleton frzn. The skeleton is only ever an extra token set: محمد and محمود share one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

__all__ = [
    "NameKey",
    "family_key",
    "father_key",
    "fold_latin",
    "lineage_key",
    "name_key",
    "place_key",
    "skeleton",
    "to_latin",
]

# --- Arabic script --------------------------------------------------------------------------

_ARABIC_UNIFY = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ې": "ی",
        "ۍ": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ھ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        # Pashto letters to their nearest Dari letter
        "ټ": "ت",
        "ډ": "د",
        "ړ": "ر",
        "ږ": "ژ",
        "ښ": "ش",
        "ګ": "گ",
        "ڼ": "ن",
        "ځ": "ز",
        "څ": "چ",
        # Arabic-Indic and Persian digits
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)

_ARABIC_DROP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200fء]"
)

_ARABIC_LATIN = {
    "ا": "a",
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ث": "s",
    "ج": "j",
    "چ": "ch",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "z",
    "ر": "r",
    "ز": "z",
    "ژ": "zh",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "z",
    "ط": "t",
    "ظ": "z",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ک": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
}

_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


_BEFORE_H = frozenset("sczkgdtp")


def _arabic_word_to_latin(word: str) -> str:
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        prev = word[i - 1] if i > 0 else ""
        if ch == "ع":
            out.append("a" if i == 0 else "")
        elif ch == "و":
            # a consonant at the start of a word or after a long a, a vowel elsewhere
            out.append("v" if i == 0 or (prev == "ا" and i < last) else "u")
        elif ch == "ی":
            out.append("y" if i == 0 else "i")
        elif ch == "ه":
            # word-final he is a vowel (Farzana) unless it follows a long vowel (Shah, Allah)
            out.append("a" if i == last and i > 0 and prev not in "او" else "h")
        else:
            out.append(_ARABIC_LATIN.get(ch, ch))
        if out[-1] == "h" and len(out) > 1 and out[-2][-1:] in _BEFORE_H:
            # س + ح is s-h, not sh: a break keeps the Latin folding from reading a digraph
            out[-1] = "'h"
    return "".join(out)


def _arabic_to_latin(text: str) -> str:
    text = _ARABIC_DROP.sub("", text.translate(_ARABIC_UNIFY))
    # the article inside a compound (عبدالوهاب, عبداللطیف): its word starts after it
    text = re.sub("(?<=[\u0600-\u06ff])ال(?!له)(?=[\u0600-\u06ff])", "ال ", text)
    return re.sub("[\u0600-\u06ff]+", lambda m: _arabic_word_to_latin(m.group(0)), text)


# --- Cyrillic (Tajik and Russian) -----------------------------------------------------------

_CYRILLIC_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "gh",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "ӣ": "i",
    "й": "y",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ӯ": "u",
    "ф": "f",
    "х": "kh",
    "ҳ": "h",
    "ч": "ch",
    "ҷ": "j",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "i",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ц": "ts",
    "ї": "i",
    "і": "i",
    "ў": "u",
    "ң": "n",
    "ү": "u",
    "ө": "o",
    "ә": "a",
}
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC_LATIN)
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['`\u02bb\u02bc\u2018\u2019](?=[^\W\d_])")
_NOT_LATIN = re.compile(r"[^a-z0-9]+")
#: names already written in ASCII letters and digits, which the steps below leave as they are
#: but for the case and the spaces
_PLAIN = re.compile(r"[A-Za-z0-9 ]+")


def to_latin(text: str) -> str:
    """Lower-case ASCII letters, digits and spaces for a name in any script."""
    if _PLAIN.fullmatch(text):
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text).lower()
    # an apostrophe marks a letter (ع, ъ) or a glottal stop inside a word: Ne'mat, o'g'li
    text = _APOSTROPHE.sub("", text)
    if _ARABIC_LETTER.search(text):
        text = _arabic_to_latin(text)
    if _CYRILLIC_LETTER.search(text):
        text = text.translate(_CYRILLIC_TABLE)
    text = anyascii(text).lower()
    return _NOT_LATIN.sub(" ", text).strip()


# --- Latin folding --------------------------------------------------------------------------

_DIGRAPHS = [
    ("dzh", "j"),
    # dj for j, as French and some Soviet-era passports write it (Djamshed, Khodjaev); not
    # after Abd-, whose d stays (Abdjalil), nor before the -jon of Rashidjon
    ("(?<!b)dj(?![ao]n)", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("sh", "S"),
    ("ch", "C"),
    ("zh", "Z"),
    ("ts", "T"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ey", "i"),
    ("ei", "i"),
    ("q", "k"),
    ("w", "v"),
    ("x", "ks"),
    ("c", "k"),
]
_DIGRAPH = re.compile("|".join(a for a, _ in _DIGRAPHS))
_DIGRAPH_OF = {re.sub(r"\(.*?\)", "", a): b for a, b in _DIGRAPHS}
_VOWELS = str.maketrans({"o": "a", "e": "i"})


def _digraph(m: re.Match[str]) -> str:
    return _DIGRAPH_OF[m.group(0)]


def fold_latin(word: str, collapse: bool = True) -> str:
    """Fold one lower-case ASCII word to the spelling that transcriptions agree on."""
    word = _DIGRAPH.sub(_digraph, word)
    word = word.translate(_VOWELS)
    if len(word) > 1:
        word = word[0] + word[1:].replace("y", "i")
    return _collapse(word) if collapse else word


_REPEAT = re.compile(r"(.)\1+")


def _first(m: re.Match[str]) -> str:
    return m.group(1)


def _collapse(word: str) -> str:
    """Doubled letters once."""
    return _REPEAT.sub(_first, word)


# --- particles and affixes ------------------------------------------------------------------

# Muhammad- as a prefix (Muhammadkarim; Муҳаммадиноятулло, Муҳаммад + Иноятулло), but not the
# name Muhammadi on its own
_MUHAMMAD = re.compile(r"^(?:m[au]?h?am+[ai]d|mhmd)(?=[^i].{2}|i[^aiu].{2}|i[aiu].)")
#: what a y reads as after the Muhammad prefix: Муҳаммадюсуф folds to muhamadiusuf, whose Yusuf
#: begins with the y that folding made an i
_Y_AFTER_PREFIX = re.compile(r"^i(?=[aiu])")
_MUHAMMAD_WORD = re.compile(r"^(?:m[au]?h?am+[ai]d|mhmd|m[au]?hd|md)$")
MUHAMMAD = "muhamad"
_ABD = re.compile(r"^abd(?:ul|al|u|a|i)?(?=[^aiu]..)")
_ULLAH = re.compile(r"(?<=..)(?:[au]l+ah?|ula)$")
_UDDIN = re.compile(r"(?<=..)(?:[aiu]l?)din$")
_JAN = re.compile(r"(?<=...)jan$")
# a final -eh for the he that ends Farzana, as Iranian spellings write it (Farzaneh, Fatemeh,
# Zohreh; folded: ih), read as Afghan and Tajik spellings write it; ذبیح and Zabih (ih) meet so
# too. Not the names that end in a consonant ح after a short vowel, written without the
# vowel in Arabic script (صالح, Saleh)
_FINAL_EH = re.compile(r"(?<=..)ih$")
_FINAL_HA = frozenset({"salih", "fatih", "muslih"})
# Russian spelling writes the h of Ibrahim as g (Ибрагим, Ибрагимов)
_RUSSIAN_G = re.compile(r"^ibragim")
_GUL = re.compile(r"^g[au]?l(?=..)")
_DROP_WORDS = frozenset(
    # honorifics (folded: Haji, Hajji, Alhaj, Mulla(h), Mawlawi, Maulvi, Qari), "son/daughter
    # of", and the Uzbek o'g'li and qizi after a father's name
    {"jan", "han", "bibi", "haji", "alhaj", "mula", "mulah", "mla", "kari"}
    | {"mavlavi", "mulavi", "maulvi", "mului"}
    | {"bin", "ibn", "ibni", "valad", "bint", "binti", "ugli", "agli", "kizi"}
)
_PATRONYMIC_SUFFIX = re.compile(r"(?<=..)(?:[ai]vi?C|[ai]vna|[ai]vn)$")
_SURNAME_SUFFIX = re.compile(
    r"(?<=..)(?:[ai]vi?C|[ai]vna|[ai]vn|zadih|zada|zadi|zad|pur|[ai]va|[ai]v|i+an)$|(?<=....)i+$"
)


def _word_forms(text: str, suffixes: re.Pattern[str] | None = None) -> list[str]:
    words = [fold_latin(w, collapse=False) for w in to_latin(text).split()]
    if suffixes is not None and words:
        # before doubled letters collapse, so that Aliev (Али + ев) keeps its i
        root = suffixes.sub("", words[-1])
        words[-1] = root if len(root) >= 3 else words[-1]
    # a word-final p is read as f: Russian spelling made Yusuf's sons Yusupov, and Юсуп is
    # Юсуф to a Russian-speaking clerk; hardly a name of the region ends in p otherwise
    return [
        _collapse(_RUSSIAN_G.sub("ibrahim", w[:-1] + "f" if w.endswith("p") else w))
        for w in words
        if w
    ]


def _particles(words: list[str]) -> list[str]:
    """Canonical forms of compound names' parts, joined where compounds are joined."""
    if len(words) > 1:
        words = [w for w in words if w not in _DROP_WORDS] or words[:1]
    if len(words) > 1 and _MUHAMMAD_WORD.match(words[0]):
        words = words[1:]
    joined = _JAN.sub("", "".join(words))
    if joined not in _FINAL_HA:
        joined = _FINAL_EH.sub("a", joined)
    if _MUHAMMAD_WORD.match(joined):
        return [MUHAMMAD]
    prefixed = _MUHAMMAD.sub("", joined)
    joined = joined if prefixed == joined else _Y_AFTER_PREFIX.sub("y", prefixed)
    joined = _ULLAH.sub("ula", joined)
    joined = _UDDIN.sub("udin", joined)
    joined = _ABD.sub("abd", joined)
    joined = _GUL.sub("gul", joined)
    return [joined] if joined else []


_SKELETON_DROP = str.maketrans("", "", "aiuyv")


@lru_cache(maxsize=65536)
def skeleton(canonical: str) -> str:
    """Consonants only; inner y and v are dropped because Arabic script uses them as vowels."""
    if not canonical:
        return ""
    if canonical == MUHAMMAD:
        # محمد is recognised as a word before its skeleton would meet محمود's
        return "MHMD"
    head, tail = canonical[0], canonical[1:].translate(_SKELETON_DROP)
    head = "" if head in "aiu" else head
    # ج ч ж are one letter to many clerks (Khadija, Хадича; Manija, Манижа)
    return _collapse((head + tail).replace("C", "j").replace("Z", "j"))


@dataclass(frozen=True, slots=True)
class NameKey:
    """The canonical forms of a name, from which its tokens and blocking keys are made."""

    forms: tuple[str, ...]

    @property
    def skeletons(self) -> tuple[str, ...]:
        return tuple(s for s in (skeleton(f) for f in self.forms) if s)

    def tokens(self) -> tuple[list[str], list[str]]:
        """Padded bigrams and letters of the forms; and the skeletons, whole and as padded
        bigrams."""
        spelled: set[str] = set()
        consonants: set[str] = set()
        for form in self.forms:
            sp, cons = form_tokens(form)
            spelled.update(sp)
            consonants.update(cons)
        return sorted(spelled), sorted(consonants)


@lru_cache(maxsize=65536)
def form_tokens(form: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Padded bigrams and the letters of one canonical form; and its skeleton, whole and as
    padded bigrams. The letters keep a short name close to itself with two letters swapped or
    one mistyped (صفد for صدف shares one bigram of four, but all its letters)."""
    padded = f"^{form}$"
    spelled = sorted(
        {"b" + padded[i : i + 2] for i in range(len(padded) - 1)} | {"u" + ch for ch in form}
    )
    sk = skeleton(form)
    if not sk:
        return tuple(spelled), ()
    padded_sk = f"^{sk}$"
    consonants = {"S" + sk} | {"s" + padded_sk[i : i + 2] for i in range(len(padded_sk) - 1)}
    return tuple(spelled), tuple(sorted(consonants))


@lru_cache(maxsize=65536)
def name_key(text: str) -> NameKey:
    """A given name: particles handled, compound parts joined."""
    return NameKey(tuple(_particles(_word_forms(text))))


@lru_cache(maxsize=65536)
def _father_forms(text: str) -> tuple[str, ...]:
    return tuple(_particles(_word_forms(text, _PATRONYMIC_SUFFIX)))


@lru_cache(maxsize=65536)
def _family_forms(text: str) -> tuple[str, ...]:
    return tuple(_particles(_word_forms(text, _SURNAME_SUFFIX)))


@lru_cache(maxsize=65536)
def father_key(text: str) -> NameKey:
    """A father's name, a Russian patronymic reduced to it (Karimovich → Karim)."""
    return NameKey(_father_forms(text))


@lru_cache(maxsize=65536)
def family_key(text: str) -> NameKey:
    """A family name as its root (Karimov, Karimzoda, Karimi → Karim)."""
    return NameKey(_family_forms(text))


@lru_cache(maxsize=65536)
def lineage_key(father_name: str, family_name: str) -> NameKey:
    """Father's and family name as roots, so that Karimov, Karimzoda and Karimovich meet Karim."""
    forms = dict.fromkeys((*_father_forms(father_name), *_family_forms(family_name)))
    return NameKey(tuple(forms))


@lru_cache(maxsize=65536)
def place_key(text: str) -> NameKey:
    return NameKey(tuple(_particles(_word_forms(text))))
