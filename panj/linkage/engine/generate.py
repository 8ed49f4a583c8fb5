"""Seeded synthetic people files: one person as an Afghan NGO and as a Tajik NGO records them.

File A is an Afghan NGO's: names in Dari script or in Afghan English spellings, estimated birth
years, often no family name, Arabic-keyboard letters. File B is a Tajik NGO's: Tajik Cyrillic,
Russian Cyrillic or passport Latin, surnames made from the father's or grandfather's name
(-ov/-ova, -ev/-eva, -zoda), Russian patronymics, mostly exact birth dates. Both have typos,
joined and split compound names and missing fields. People who appear in only one file are drawn
from the same names, so that namesakes are common.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .records import Person

__all__ = ["CrossScriptSet", "cross_script_set"]

# (Dari script, Afghan English spellings, Tajik Cyrillic); compound names written as their
# communities write them, with "|" separating alternative spellings.
MALE: list[tuple[str, str, str]] = [
    ("محمد", "Mohammad|Muhammad|Mohammed", "Муҳаммад"),
    ("احمد", "Ahmad|Ahmed", "Аҳмад"),
    ("محمود", "Mahmood|Mahmud", "Маҳмуд"),
    ("علی", "Ali", "Алӣ"),
    ("حسین", "Hussain|Hussein|Husain", "Ҳусейн"),
    ("حسن", "Hassan|Hasan", "Ҳасан"),
    ("کریم", "Karim|Kareem", "Карим"),
    ("رحیم", "Rahim|Raheem", "Раҳим"),
    ("رحمان", "Rahman|Rehman", "Раҳмон"),
    ("عبدالرحمن", "Abdul Rahman|Abdulrahman|Abdurrahman", "Абдураҳмон"),
    ("عبدالله", "Abdullah|Abdulla", "Абдулло"),
    ("عبدالکریم", "Abdul Karim|Abdulkarim", "Абдукарим"),
    ("حبیب‌الله", "Habibullah|Habib Ullah", "Ҳабибулло"),
    ("نجیب‌الله", "Najibullah|Najeebullah", "Наҷибулло"),
    ("یوسف", "Yousuf|Yusuf", "Юсуф"),
    ("ابراهیم", "Ibrahim|Ebrahim", "Иброҳим"),
    ("اسماعیل", "Ismail|Esmail", "Исмоил"),
    ("نور", "Noor|Nur", "Нур"),
    ("جمشید", "Jamshid|Jamsheed", "Ҷамшед"),
    ("فرید", "Farid|Fareed", "Фарид"),
    ("رستم", "Rustam", "Рустам"),
    ("سهراب", "Sohrab|Suhrab", "Суҳроб"),
    ("ظاهر", "Zahir|Zaher", "Зоҳир"),
    ("نادر", "Nadir|Nader", "Нодир"),
    ("شریف", "Sharif|Shareef", "Шариф"),
    ("صدیق", "Siddiq|Sediq", "Сиддиқ"),
    ("عزیز", "Aziz", "Азиз"),
    ("قادر", "Qadir|Qader", "Қодир"),
    ("غلام", "Ghulam|Gholam", "Ғулом"),
    ("امید", "Omid|Umid", "Умед"),
    ("فیروز", "Firoz|Feroz", "Фирӯз"),
    ("بهرام", "Bahram", "Баҳром"),
    ("داوود", "Dawood|Dawud", "Довуд"),
    ("سلیمان", "Sulaiman|Suleman", "Сулаймон"),
    ("شمس‌الدین", "Shamsuddin|Shams Uddin", "Шамсиддин"),
    ("نصرالدین", "Nasruddin|Nasiruddin", "Насриддин"),
    ("خسرو", "Khusraw|Khosrow", "Хусрав"),
    ("مراد", "Murad|Morad", "Мурод"),
    ("گل احمد", "Gul Ahmad|Gulahmad", "Гулаҳмад"),
    ("سعید", "Saeed|Said", "Саид"),
    ("نوید", "Nawid|Naveed", "Навид"),
    ("وحید", "Wahid|Waheed", "Воҳид"),
    ("منصور", "Mansoor|Mansur", "Мансур"),
    ("شاه محمود", "Shah Mahmood|Shahmahmud", "Шоҳмаҳмуд"),
    ("اکبر", "Akbar", "Акбар"),
    ("اصغر", "Asghar", "Асғар"),
    ("انور", "Anwar|Anvar", "Анвар"),
    ("بشیر", "Bashir|Basheer", "Башир"),
    ("بهادر", "Bahadur|Bahader", "Баҳодур"),
    ("جاوید", "Jawid|Javed", "Ҷовид"),
    ("جلیل", "Jalil|Jaleel", "Ҷалил"),
    ("حامد", "Hamid|Hamed", "Ҳомид"),
    ("حکیم", "Hakim|Hakeem", "Ҳаким"),
    ("خالد", "Khalid|Khaled", "Холид"),
    ("دلاور", "Dilawar|Delawar", "Диловар"),
    ("رشید", "Rashid|Rasheed", "Рашид"),
    ("رفیع", "Rafi|Rafee", "Рафеъ"),
    ("زبیر", "Zubair|Zubayr", "Зубайр"),
    ("سبحان", "Subhan|Sobhan", "Субҳон"),
    ("سرور", "Sarwar|Sarvar", "Сарвар"),
    ("سیاوش", "Siawash|Siavash", "Сиёвуш"),
    ("شفیق", "Shafiq|Shafeeq", "Шафиқ"),
    ("شهاب", "Shahab|Shehab", "Шаҳоб"),
    ("صابر", "Sabir|Saber", "Собир"),
    ("طاهر", "Tahir|Taher", "Тоҳир"),
    ("عارف", "Arif|Aref", "Ориф"),
    ("عثمان", "Usman|Osman", "Усмон"),
    ("عمر", "Umar|Omar", "Умар"),
    ("فاروق", "Farooq|Faruq", "Форуқ"),
    ("فرهاد", "Farhad", "Фарҳод"),
    ("قاسم", "Qasim|Qasem", "Қосим"),
    ("کبیر", "Kabir|Kabeer", "Кабир"),
    ("لطف الله", "Lutfullah|Lotfullah", "Лутфулло"),
    ("مجیب", "Mujib|Mujeeb", "Муҷиб"),
    ("مسعود", "Masood|Masud", "Масъуд"),
    ("ناصر", "Nasir|Naser", "Носир"),
    ("نعمت", "Naimat|Nemat", "Неъмат"),
    ("هارون", "Haroon|Harun", "Ҳорун"),
    ("هدایت", "Hidayat|Hedayat", "Ҳидоят"),
    ("یحیی", "Yahya|Yahia", "Яҳё"),
    ("یعقوب", "Yaqub|Yaqoob", "Яъқуб"),
    ("ضیا", "Zia|Ziya", "Зиё"),
    ("شیر", "Sher|Shir", "Шер"),
    ("دوست محمد", "Dost Mohammad|Dostmohammad", "Дӯстмуҳаммад"),
    ("فضل", "Fazal|Fazl", "Фазл"),
    ("اسد", "Asad", "Асад"),
    ("تیمور", "Timur|Taimoor", "Темур"),
    ("پرویز", "Parwiz|Parviz", "Парвиз"),
    ("بابر", "Babur|Babar", "Бобур"),
    ("اعظم", "Azam|Aazam", "Аъзам"),
]
# Compound male names are made as clerks meet them: Abdul + an attribute of God, a word + ullah,
# a word + uddin.
ABD_ATTRIBUTES: list[tuple[str, str, str]] = [
    ("رحمن", "Rahman", "раҳмон"),
    ("کریم", "Karim", "карим"),
    ("رحیم", "Rahim", "раҳим"),
    ("قادر", "Qadir", "қодир"),
    ("ستار", "Sattar", "саттор"),
    ("غفار", "Ghafar", "ғаффор"),
    ("جبار", "Jabbar", "ҷаббор"),
    ("حکیم", "Hakim", "ҳаким"),
    ("لطیف", "Latif", "латиф"),
    ("مجید", "Majid", "маҷид"),
    ("حمید", "Hamid", "ҳамид"),
    ("بصیر", "Basir", "басир"),
    ("سلام", "Salam", "салом"),
    ("مالک", "Malik", "малик"),
    ("خالق", "Khaliq", "холиқ"),
    ("رزاق", "Razaq", "раззоқ"),
    ("وهاب", "Wahab", "ваҳҳоб"),
    ("هادی", "Hadi", "ҳодӣ"),
]
ULLAH_WORDS: list[tuple[str, str, str]] = [
    ("حبیب", "Habib", "Ҳабиб"),
    ("نجیب", "Najib", "Наҷиб"),
    ("امین", "Amin", "Амин"),
    ("حیات", "Hayat", "Ҳаёт"),
    ("رحمت", "Rahmat", "Раҳмат"),
    ("نصر", "Nasr", "Наср"),
    ("امان", "Aman", "Аман"),
    ("سمیع", "Sami", "Сами"),
    ("ذبیح", "Zabih", "Забех"),
    ("خلیل", "Khalil", "Халил"),
    ("احسان", "Ehsan", "Эҳсон"),
    ("حکمت", "Hekmat", "Ҳикмат"),
    ("عنایت", "Inayat", "Иноят"),
    ("سیف", "Saif", "Саиф"),
    ("ثناء", "Sana", "Сано"),
]
UDDIN_WORDS: list[tuple[str, str, str]] = [
    ("شمس", "Shams", "Шамс"),
    ("نصیر", "Nasir", "Наср"),
    ("نور", "Noor", "Нур"),
    ("جلال", "Jalal", "Ҷалол"),
    ("کمال", "Kamal", "Камол"),
    ("علاء", "Ala", "Ало"),
    ("سراج", "Siraj", "Сироҷ"),
    ("زین", "Zain", "Зайн"),
    ("فخر", "Fakhr", "Фахр"),
    ("نجم", "Najm", "Наҷм"),
    ("نظام", "Nizam", "Низом"),
    ("بهاء", "Baha", "Баҳо"),
]


def _compounds() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for d, latin, t in ABD_ATTRIBUTES:
        sun = latin[0].lower() in "rstzdn" and not latin.startswith("Sh")
        spellings = [f"Abdul {latin}", f"Abdul{latin.lower()}"]
        if sun:
            spellings.append(f"Abd{'u' + latin[0].lower()}{latin.lower()}")
        out.append(("عبدال" + d, "|".join(spellings), "Абду" + t))
    for d, latin, t in ULLAH_WORDS:
        out.append((d + "‌الله", f"{latin}ullah|{latin} Ullah|{latin}ulla", t + "улло"))
    for d, latin, t in UDDIN_WORDS:
        out.append((d + "الدین", f"{latin}uddin|{latin} Uddin|{latin}addin", t + "иддин"))
    return out


MALE += _compounds()

FEMALE: list[tuple[str, str, str]] = [
    ("فرزانه", "Farzana|Farzane", "Фарзона"),
    ("مریم", "Maryam|Mariam", "Марям"),
    ("فاطمه", "Fatima|Fatema", "Фотима"),
    ("زینب", "Zainab|Zaynab", "Зайнаб"),
    ("شکیلا", "Shakila|Shakeela", "Шакила"),
    ("نسرین", "Nasrin|Nasreen", "Насрин"),
    ("گلنار", "Gulnar|Golnar", "Гулнор"),
    ("نرگس", "Nargis|Narges", "Наргис"),
    ("پروین", "Parwin|Parveen", "Парвин"),
    ("شیرین", "Shirin|Shireen", "Ширин"),
    ("ملالی", "Malalai", "Малалай"),
    ("زهرا", "Zahra|Zohra", "Зуҳро"),
    ("سیما", "Sima|Seema", "Сима"),
    ("لیلا", "Laila|Leila", "Лайло"),
    ("مینا", "Mina|Meena", "Мина"),
    ("نازنین", "Nazanin", "Назанин"),
    ("تهمینه", "Tahmina|Tahmeena", "Таҳмина"),
    ("رخسار", "Rukhsar|Rukhsara", "Рухсора"),
    ("فرخنده", "Farkhunda|Farkhonda", "Фархунда"),
    ("عایشه", "Aisha|Ayesha", "Оиша"),
    ("خدیجه", "Khadija|Khadeeja", "Хадича"),
    ("ماه‌گل", "Mahgul|Mah Gul", "Моҳгул"),
    ("سمیره", "Samira|Sameera", "Самира"),
    ("دلبر", "Dilbar|Delbar", "Дилбар"),
    ("نیلوفر", "Nilufar|Nilofar", "Нилуфар"),
    ("گلچهره", "Gulchehra|Gul Chehra", "Гулчеҳра"),
    ("صنوبر", "Sanobar|Sanubar", "Санавбар"),
    ("منیژه", "Manizha|Manija", "Манижа"),
    ("ثریا", "Suraya|Soraya", "Сурайё"),
    ("ستاره", "Setara|Sitara", "Ситора"),
    ("گلبدن", "Gulbadan|Gul Badan", "Гулбадан"),
    ("مهرالنسا", "Mehrunnisa|Mehrulnisa", "Меҳринисо"),
    ("گلرخ", "Gulrukh|Gul Rukh", "Гулрух"),
    ("گلثوم", "Gulsum|Kulsum", "Гулсум"),
    ("گلجهان", "Guljahan|Gul Jahan", "Гулҷаҳон"),
    ("گلبهار", "Gulbahar|Gul Bahar", "Гулбаҳор"),
    ("مهتاب", "Mahtab|Mehtab", "Моҳтоб"),
    ("ملیکا", "Malika|Maleeka", "Малика"),
    ("رعنا", "Rana|Raana", "Раъно"),
    ("شبنم", "Shabnam", "Шабнам"),
    ("نیگینه", "Nigina|Nagina", "Нигина"),
    ("دلنوز", "Dilnoza|Delnoza", "Дилноза"),
    ("مدینه", "Madina|Madeena", "Мадина"),
    ("حلیمه", "Halima|Haleema", "Ҳалима"),
    ("رابعه", "Rabia|Rabea", "Робия"),
    ("صفیه", "Safia|Safiya", "Сафия"),
    ("جمیله", "Jamila|Jameela", "Ҷамила"),
    ("کریمه", "Karima|Kareema", "Карима"),
    ("نفیسه", "Nafisa|Nafeesa", "Нафиса"),
    ("زرینه", "Zarina|Zareena", "Зарина"),
    ("فریده", "Farida|Fareeda", "Фарида"),
    ("سعیده", "Saida|Saeeda", "Саида"),
    ("بهار", "Bahar|Bahor", "Баҳор"),
    ("پری", "Pari|Peri", "Парӣ"),
    ("هما", "Homa|Huma", "Ҳумо"),
    ("مستوره", "Mastura|Mastoora", "Мастура"),
    ("منوره", "Munawara|Munavara", "Мунаввара"),
    ("سوسن", "Sausan|Sosan", "Савсан"),
    ("نوریه", "Nuria|Nooria", "Нурия"),
    ("فیروزه", "Firoza|Feroza", "Фирӯза"),
    ("آمنه", "Amina|Amena", "Омина"),
    ("انیسه", "Anisa|Aneesa", "Аниса"),
    ("بی بی گل", "Bibi Gul|Bibigul", "Бибигул"),
    ("پروانه", "Parwana|Parvana", "Парвона"),
    ("تمنا", "Tamana|Tamanna", "Таманно"),
    ("حمیده", "Hamida|Hameeda", "Ҳамида"),
    ("رحیمه", "Rahima|Raheema", "Раҳима"),
    ("رقیه", "Ruqia|Roqia", "Руқия"),
    ("زرغونه", "Zarghuna|Zarghona", "Зарғуна"),
    ("سحر", "Sahar|Sahr", "Саҳар"),
    ("سلیمه", "Salima|Saleema", "Салима"),
    ("شریفه", "Sharifa|Shareefa", "Шарифа"),
    ("شهلا", "Shahla|Shehla", "Шаҳло"),
    ("صدف", "Sadaf", "Садаф"),
    ("عزیزه", "Aziza|Azeeza", "Азиза"),
    ("فوزیه", "Fawzia|Fauzia", "Фавзия"),
    ("لطیفه", "Latifa|Lateefa", "Латифа"),
    ("محبوبه", "Mahbuba|Mahboba", "Маҳбуба"),
    ("مژگان", "Mozhgan|Muzhgan", "Мужгона"),
    ("نجیبه", "Najiba|Najeeba", "Наҷиба"),
    ("نسیمه", "Nasima|Naseema", "Насима"),
    ("وحیده", "Wahida|Waheeda", "Воҳида"),
    ("هاجره", "Hajira|Hajera", "Ҳоҷира"),
    ("یاسمین", "Yasmin|Yasmeen", "Ёсуман"),
    ("گلالی", "Gulalai|Gulalay", "Гулалай"),
]
PLACES: list[tuple[str, str, str]] = [
    ("تخار", "Takhar", "Тахор"),
    ("بدخشان", "Badakhshan", "Бадахшон"),
    ("کندز", "Kunduz|Kondoz", "Кундуз"),
    ("کابل", "Kabul", "Кобул"),
    ("بلخ", "Balkh", "Балх"),
    ("کولاب", "Kulob|Kulyab", "Кӯлоб"),
    ("خاروغ", "Khorog|Khorugh", "Хоруғ"),
    ("دوشنبه", "Dushanbe", "Душанбе"),
    ("فیض‌آباد", "Faizabad|Feyzabad", "Файзобод"),
    ("هرات", "Herat", "Ҳирот"),
]
AFGHAN_FAMILY = ["Ahmadzai|احمدزی", "Sultani|سلطانی", "Hashimi|هاشمی", "Popal|پوپل", "Safi|صافی"]

_RUSSIAN = str.maketrans(
    {"ҳ": "х", "Ҳ": "Х", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ӣ": "и", "ӯ": "у", "Ӯ": "У"}
)
_PASSPORT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "gh", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "ӣ": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ӯ": "u", "ф": "f", "х": "kh",
    "ҳ": "h", "ч": "ch", "ҷ": "j", "ш": "sh", "ъ": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_DARI_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_CYRILLIC_LETTERS = "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _passport(cyrillic: str) -> str:
    out = "".join(_PASSPORT.get(c, c) for c in cyrillic.lower())
    return " ".join(w.capitalize() for w in out.split())


def _russian(cyrillic: str) -> str:
    return cyrillic.translate(_RUSSIAN).replace("ҷ", "дж").replace("Ҷ", "Дж")


@dataclass(frozen=True, slots=True)
class _Name:
    dari: str
    afghan: tuple[str, ...]
    tajik: str


@dataclass(frozen=True, slots=True)
class _Truth:
    sex: str
    given: _Name
    father: _Name
    grandfather: _Name
    family: str  # an Afghan family name, "Latin|Dari", or "" for none
    birth: dt.date
    place: _Name


@dataclass(frozen=True, slots=True)
class CrossScriptSet:
    a: list[Person]
    b: list[Person]
    links: frozenset[tuple[str, str]]


def _names(table: list[tuple[str, str, str]]) -> list[_Name]:
    return [_Name(d, tuple(a.split("|")), t) for d, a, t in table]


class _Maker:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)  # noqa: S311 - synthetic data, seeded on purpose
        self.male = _names(MALE)
        self.female = _names(FEMALE)
        self.places = _names(PLACES)
        # a few names are far more common, as in real registers
        self.male_w = [4.0 if i < 4 else 1.0 for i in range(len(self.male))]
        self.female_w = [2.0 if i < 4 else 1.0 for i in range(len(self.female))]

    def person(self) -> _Truth:
        r = self.r
        sex = r.choice("MF")
        pool, weights = (self.male, self.male_w) if sex == "M" else (self.female, self.female_w)
        family = r.choice(AFGHAN_FAMILY) if r.random() < 0.2 else ""
        start = dt.date(1960, 1, 1).toordinal()
        birth = dt.date.fromordinal(start + int(r.triangular(0, 52 * 365, 30 * 365)))
        return _Truth(
            sex=sex,
            given=r.choices(pool, weights)[0],
            father=r.choices(self.male, self.male_w)[0],
            grandfather=r.choices(self.male, self.male_w)[0],
            family=family,
            birth=birth,
            place=r.choice(self.places),
        )

    # --- noise -------------------------------------------------------------------------------

    def typo(self, s: str, p: float) -> str:
        r = self.r
        if not s or r.random() >= p:
            return s
        letters = (
            _DARI_LETTERS
            if any("\u0600" <= c <= "\u06ff" for c in s)
            else (
                _CYRILLIC_LETTERS if any("\u0400" <= c <= "\u04ff" for c in s) else _LATIN_LETTERS
            )
        )
        i = r.randrange(len(s))
        op = r.random()
        if op < 0.3 and len(s) > 3:
            return s[:i] + s[i + 1 :]
        if op < 0.5:
            return s[:i] + s[i] + s[i:]
        if op < 0.75 and i < len(s) - 1:
            return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
        return s[:i] + r.choice(letters) + s[i + 1 :]

    def arabic_keyboard(self, s: str) -> str:
        if self.r.random() < 0.35:
            s = s.replace("ی", "ي").replace("ک", "ك")
            if s.endswith("ه") and self.r.random() < 0.5:
                s = s[:-1] + "ة"
        return s

    def compound(self, s: str) -> str:
        """Join or split a compound name the way clerks do."""
        r = self.r
        if " " in s and r.random() < 0.3:
            return s.replace(" ", "")
        if "\u200c" in s:
            return s.replace("\u200c", "" if r.random() < 0.5 else " ")
        return s

    # --- the Afghan NGO's record --------------------------------------------------------------

    def afghan_name(self, n: _Name, dari: bool) -> str:
        s = self.arabic_keyboard(n.dari) if dari else self.r.choice(n.afghan)
        return self.typo(self.compound(s), 0.12)

    def afghan(self, t: _Truth, pid: str) -> Person:
        r = self.r
        dari = r.random() < 0.6
        year: int | None = None
        date = ""
        u = r.random()
        if u < 0.12:
            date = t.birth.isoformat()
        elif u < 0.92:
            # estimated from apparent age, often rounded
            est = t.birth.year + round(r.gauss(0, 1.2))
            year = est if r.random() < 0.8 else 5 * round(est / 5)
        family = ""
        if t.family:
            latin, script = t.family.split("|")
            family = script if dari else latin
        elif r.random() < 0.15:
            # an Afghan surname made from the grandfather's name: Karimi
            family = (self.afghan_name(t.grandfather, dari) + ("ی" if dari else "i")).replace(
                " ", ""
            )
        given = self.afghan_name(t.given, dari)
        if t.sex == "M" and r.random() < 0.08:
            given = ("محمد " if dari else "Mohammad ") + given
        return Person(
            id=pid,
            given_name=given,
            father_name=self.afghan_name(t.father, dari) if r.random() < 0.93 else "",
            family_name=family,
            sex=t.sex if r.random() < 0.95 else "",
            birth_date=date,
            birth_year=year,
            place=(t.place.dari if dari else r.choice(t.place.afghan)) if r.random() < 0.7 else "",
        )

    # --- the Tajik NGO's record ---------------------------------------------------------------

    def tajik(self, t: _Truth, pid: str) -> Person:
        r = self.r
        u = r.random()
        script = "tajik" if u < 0.5 else ("russian" if u < 0.75 else "latin")

        def render(cyr: str) -> str:
            if script == "russian":
                cyr = _russian(cyr)
            elif script == "latin":
                cyr = _passport(cyr)
            return self.typo(cyr, 0.1)

        given = t.given.tajik
        if r.random() < 0.1:
            given += "ҷон"
        elif t.sex == "M" and r.random() < 0.08:
            given = "Муҳаммад" + given.lower()
        base = (t.father if r.random() < 0.75 else t.grandfather).tajik.replace(" ", "")
        female = t.sex == "F"
        v = r.random()
        if v < 0.5:
            suffix = ("ев" if base[-1] in "оаӣуӯ" else "ов") + ("а" if female else "")
        elif v < 0.9:
            suffix = "зода"
        else:
            suffix = "ӣ" if base[-1] not in "оаӣуӯ" else ""
        family = base + suffix if r.random() < 0.9 else ""
        father = ""
        if r.random() < 0.8:
            father = t.father.tajik
            if script == "russian" and r.random() < 0.5:
                f = t.father.tajik.replace(" ", "")
                father = f + ("е" if f[-1] in "оаӣуӯ" else "о") + ("вна" if female else "вич")
        date = ""
        year: int | None = None
        w = r.random()
        if w < 0.85:
            b = t.birth
            if r.random() < 0.03 and b.day <= 12:
                b = dt.date(b.year, b.day, b.month)
            date = b.isoformat()
        elif w < 0.95:
            year = t.birth.year
        return Person(
            id=pid,
            given_name=render(given),
            father_name=render(father) if father else "",
            family_name=render(family) if family else "",
            sex=t.sex if r.random() < 0.98 else "",
            birth_date=date,
            birth_year=year,
            place=render(t.place.tajik) if r.random() < 0.5 else "",
        )


def cross_script_set(shared: int, only_a: int, only_b: int, seed: int = 0) -> CrossScriptSet:
    """Two people files with `shared` people in common; ids are shuffled and meaningless."""
    mk = _Maker(seed)
    truths = [mk.person() for _ in range(shared + only_a + only_b)]
    a_idx = list(range(shared)) + list(range(shared, shared + only_a))
    b_idx = list(range(shared)) + list(range(shared + only_a, shared + only_a + only_b))
    mk.r.shuffle(a_idx)
    mk.r.shuffle(b_idx)
    a = [mk.afghan(truths[t], f"a{i}") for i, t in enumerate(a_idx)]
    b = [mk.tajik(truths[t], f"b{i}") for i, t in enumerate(b_idx)]
    a_of = {t: f"a{i}" for i, t in enumerate(a_idx) if t < shared}
    links = frozenset((a_of[t], f"b{i}") for i, t in enumerate(b_idx) if t < shared)
    return CrossScriptSet(a, b, links)
