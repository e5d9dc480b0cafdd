"""Spellings the sources do not list, derived by rule from the names they do (build time only).

A name reaches English text through a romanisation, and the system and the era decide the
spelling: Azerbaijan's own Latin alphabet writes Qəbələ where English news writes Gabala;
the Russian and the Ukrainian forms of one town romanise to Lugansk and Luhansk; an Arabic
name carries its article as Al-, El-, Ar- or not at all. GeoNames lists many such spellings,
never all. Each rule here turns the names a place has into the spellings its country's
language gives in English text, and names its source (:data:`RULES`, written into
``data/ATTRIBUTION.md``):

* ``azerbaijani``: the Azerbaijani Latin alphabet of 1991 in English transcription
  (q g, x kh, c j, ç ch, ş sh, ğ gh or g, ə a or e, ı y or i, j zh), for places in Azerbaijan.
* ``russian``: BGN/PCGN romanisation of Russian (1947), for the Cyrillic names of places in
  the former Soviet Union, whose Russian forms were English usage until the 1990s
  (Lugansk, Nikolayev, Lenkoran).
* ``ukrainian``: Ukraine's national romanisation (Cabinet of Ministers resolution 55, 2010),
  for the Ukrainian (Cyrillic) names of places in Ukraine (Luhansk, Mykolaiv).
* ``georgian``: Georgia's national romanisation (2002), for Georgian-script names in Georgia.
* ``armenian``: BGN/PCGN romanisation of Armenian (1981), for Armenian-script names in Armenia.
* ``arabic``: the article of an Arabic name as English text writes it (Al, El, the
  sun-letter forms Ar, As, Ash, At, Ad, Az, An, or none: Al Ḩasakah, Hasakah), the
  feminine ending -ah as -a or -eh (Raqqah, Raqqa), and q as k, for places in Arab League
  countries.
* ``cldr``: the countries' names in their official languages (endonyms: Deutschland,
  España, Azərbaycan; Sakartvelo from CLDR's Georgian by the ``georgian`` rule), from
  Unicode CLDR as the Babel package ships it.

A derived spelling is kept only when it is a usable name (:func:`geo.data.build.latin_name`),
is not already a name of the place, is not a common English word, and is not the main name of
another place: a variant never outranks a place whose main name it is, because it never
shares a key with one. CLDR's endonyms written in Latin are names a source lists, kept as
every listed name is (España is Spain, though a Philippine town is named España).

>>> azerbaijani("Qəbələ")[:4]
['Gabala', 'Gabale', 'Gabela', 'Gabele']
>>> russian("Николаев"), ukrainian("Миколаїв"), ukrainian("Луганськ")
('Nikolayev', 'Mykolaiv', 'Luhansk')
>>> georgian("საქართველო"), armenian("Հայաստան")
('Sakartvelo', 'Hayastan')
>>> arabic("Ar Raqqah")
['Al Raqqah', 'El Raqqah', 'Raqqah', 'Ar Raqqa', 'Ar Raqqeh', 'Raqqa', 'Raqqeh', 'Ar Rakkah', 'Rakkah']
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable

__all__ = [
    "RULES",
    "FORMER_SOVIET",
    "ARAB_LEAGUE",
    "azerbaijani",
    "russian",
    "ukrainian",
    "georgian",
    "armenian",
    "cyrillic",
    "arabic",
    "cldr_endonyms",
    "romanised_endonym",
    "derived_names",
    "COMMON_WORD_ZIPF",
]

#: Each rule's name and its source, as ``data/ATTRIBUTION.md`` lists them.
RULES = {
    "azerbaijani": "the Azerbaijani Latin alphabet (1991) read in English transcription",
    "russian": "BGN/PCGN romanization of Russian (1947)",
    "ukrainian": "Ukrainian national romanization (Cabinet of Ministers of Ukraine resolution No. 55, 2010)",
    "georgian": "Georgian national romanization (2002)",
    "armenian": "BGN/PCGN romanization of Armenian (1981)",
    "arabic": "English renderings of the Arabic article (al-, el-, sun-letter assimilation, none), of the ending -ah and of q",
    "cldr": "Unicode CLDR territory names in each country's official languages (via Babel)",
}

#: Countries whose places' Russian forms were English usage (the former Soviet Union).
FORMER_SOVIET = frozenset("AM AZ BY EE GE KG KZ LT LV MD RU TJ TM UA UZ".split())
#: Members of the Arab League (and Western Sahara), whose place names are Arabic.
ARAB_LEAGUE = frozenset("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
#: A derived spelling that is this common an English word (wordfreq Zipf, every word of it)
#: is not kept: it would be read as a place wherever the word occurs.
COMMON_WORD_ZIPF = 3.5

# --------------------------------------------------------------------------- letters


def _spell(name: str, table: Callable[[str, str, str], str]) -> str:
    """``name`` letter by letter through ``table(letter, previous, next)`` (lower case in,
    Latin out), each output capitalised where its source letter was a capital."""
    out = []
    lower = name.lower()
    for i, ch in enumerate(name):
        prev = lower[i - 1] if i else ""
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        latin = table(lower[i], prev, nxt)
        if ch != lower[i] and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def _word_start(prev: str) -> bool:
    return not prev or not prev.isalpha()


# Azerbaijani: letters whose English transcription differs; ə, ı and ğ have two usual ones.
_AZ_FIXED = {"q": "g", "x": "kh", "c": "j", "ç": "ch", "ş": "sh", "j": "zh", "ü": "u", "ö": "o", "i̇": "i"}
# ə, ı and ğ have two usual English renderings each, and English spellings mix them within
# a name (Kəlbəcər: Kelbajar; Yardımlı: Yardymli): every mix for up to _AZ_MIXED such letters,
# else each rendering throughout.
_AZ_TWO = {"ə": ("a", "e"), "ı": ("y", "i"), "ğ": ("gh", "g")}
_AZ_MIXED = 3
# Already English: a name with these digraphs is not Azerbaijani spelling ("Shusha", "Khojaly").
_ENGLISH_DIGRAPHS = re.compile(r"kh|sh|ch|zh|gh", re.IGNORECASE)
# Letters only Azerbaijani spelling has (an English "Jalilabad" or "Calut" has none: its c and
# j may already be English).
_AZ_LETTERS = re.compile(r"[əƏǝƎıİşŞçÇğĞqQxX]")


def azerbaijani(name: str) -> list[str]:
    """English transcriptions of an Azerbaijani Latin name, the usual first ([] when the name
    has no letter to transcribe or is already in English spelling).

    >>> azerbaijani("Xankəndi"), azerbaijani("Ağdam"), "Kelbajar" in azerbaijani("Kəlbəcər")
    (['Khankandi', 'Khankendi'], ['Aghdam', 'Agdam'], True)
    >>> azerbaijani("Shusha"), azerbaijani("Baku")
    ([], [])
    """
    if not _AZ_LETTERS.search(name) or _ENGLISH_DIGRAPHS.search(name):
        return []
    name = unicodedata.normalize("NFC", name).replace("İ", "I").replace("ǝ", "ə").replace("Ǝ", "Ə")
    lower = name.lower()
    open_letters = [i for i, ch in enumerate(lower) if ch in _AZ_TWO]
    if len(open_letters) <= _AZ_MIXED:
        picks = itertools.product((0, 1), repeat=len(open_letters))
    else:
        picks = ((k,) * len(open_letters) for k in (0, 1))
    out = []
    for pick in picks:
        chosen = dict(zip(open_letters, pick))
        letters = []
        for i, ch in enumerate(name):
            latin = _AZ_TWO[lower[i]][chosen[i]] if i in chosen else _AZ_FIXED.get(lower[i], lower[i])
            letters.append(latin[0].upper() + latin[1:] if ch != lower[i] and latin else latin)
        spelled = "".join(letters)
        if spelled != name and spelled not in out:
            out.append(spelled)
    return out


# Russian, BGN/PCGN 1947 (the diacritics of ë and the apostrophes of ъ, ь dropped, as English text does).
_RU = dict(zip("абвгдзийклмнопрстуфхцчшщъыьэюя",
               "a b v g d z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split()))
_RU_VOWELS = set("аеёиоуыэюяй") | {"ъ", "ь"}


def _russian_letter(ch: str, prev: str, nxt: str) -> str:
    if ch in "её":
        after = _word_start(prev) or prev in _RU_VOWELS
        if ch == "е":
            return "ye" if after else "e"
        return "o" if prev in "жчшщ" else "yo"
    latin = _RU.get(ch)
    if latin is None:
        return ch
    return "" if latin == "_" else latin


def russian(name: str) -> str:
    """A Russian Cyrillic name in BGN/PCGN romanisation.

    >>> russian("Луганск"), russian("Ростов-на-Дону"), russian("Ленкорань"), russian("Орёл")
    ('Lugansk', 'Rostov-na-Donu', 'Lenkoran', 'Oryol')
    """
    return _spell(name, _russian_letter)


# Ukrainian, national system of 2010: є ї й ю я have their initial forms only at a word's start.
_UK = dict(zip("абвгґдежзиіклмнопрстуфхцчшщьʼ'’",
               "a b v h g d e zh z y i k l m n o p r s t u f kh ts ch sh shch _ _ _ _".split()))
_UK_INITIAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}


def _ukrainian_letter(ch: str, prev: str, nxt: str) -> str:
    pair = _UK_INITIAL.get(ch)
    if pair is not None:
        return pair[0] if _word_start(prev) else pair[1]
    if ch == "г" and prev == "з":
        return "gh"  # зг is zgh, not zh
    latin = _UK.get(ch)
    if latin is None:
        return ch
    return "" if latin == "_" else latin


def ukrainian(name: str) -> str:
    """A Ukrainian Cyrillic name in Ukraine's national romanisation.

    >>> ukrainian("Запоріжжя"), ukrainian("Київ"), ukrainian("Згурівка")
    ('Zaporizhzhia', 'Kyiv', 'Zghurivka')
    """
    return _spell(name, _ukrainian_letter)


_RUSSIAN_ONLY = set("ыэъё")
_UKRAINIAN_ONLY = set("іїєґ")
# The soft sign before к of Ukrainian adjectives (Луганськ; Russian writes Луганск): with no
# letter of one language only, the name is read as Russian unless it has this.
_UKRAINIAN_SUFFIX = re.compile(r"[сцз]ьк")
_EAST_SLAVIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ'’ʼ- ")


def cyrillic(name: str, country: str) -> list[tuple[str, str]]:
    """(rule, spelling) pairs of a Cyrillic name of a place in ``country``: Ukrainian spelling
    by the Ukrainian system, Russian by BGN/PCGN, a Ukrainian -ськ name in Ukraine by both; [] for other
    languages (Belarusian ў, Kazakh қ, Serbian ј, ...) and places outside the former Soviet Union.

    >>> cyrillic("Луганськ", "UA"), cyrillic("Николаев", "UA"), cyrillic("Миколаїв", "UA")
    ([('ukrainian', 'Luhansk'), ('russian', 'Lugansk')], [('russian', 'Nikolayev')], [('ukrainian', 'Mykolaiv')])
    """
    lower = name.lower()
    if country not in FORMER_SOVIET or not set(lower) <= _EAST_SLAVIC or not any("а" <= c <= "я" for c in lower):
        return []
    letters = set(lower)
    if letters & _UKRAINIAN_ONLY:
        return [] if letters & _RUSSIAN_ONLY or country != "UA" else [("ukrainian", ukrainian(name))]
    if country == "UA" and _UKRAINIAN_SUFFIX.search(lower) and not letters & _RUSSIAN_ONLY:
        return [("ukrainian", ukrainian(name)), ("russian", russian(name))]
    return [("russian", russian(name))]


# Georgian, national system of 2002 (the apostrophes of the ejectives dropped, as English text does).
_KA = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
               "a b g d e v z t i k l m n o p zh r s t u p k gh q sh ch ts dz ts ch kh j h".split()))


def georgian(name: str) -> str:
    """A Georgian-script name in Georgia's national romanisation, capitalised.

    >>> georgian("თბილისი"), georgian("ქუთაისი")
    ('Tbilisi', 'Kutaisi')
    """
    spelled = "".join(_KA.get(ch, ch) for ch in name)
    return " ".join(w[:1].upper() + w[1:] for w in spelled.split(" "))


# Armenian, BGN/PCGN 1981: ե is ye at a word's start, ո is vo there, ու is u, և is yev.
_HY = dict(zip("աբգդզէըթժիլխծկհձղճմյնշչպջռսվտրցփքօֆ",
               "a b g d z e y t zh i l kh ts k h dz gh ch m y n sh ch p j r s v t r ts p k o f".split()))


def _armenian_letter(ch: str, prev: str, nxt: str) -> str:
    start = _word_start(prev)
    if ch == "ե":
        return "ye" if start else "e"
    if ch == "ո":
        return "u" if nxt == "ւ" else ("vo" if start else "o")
    if ch == "ւ":
        return "" if prev == "ո" else "v"
    if ch == "և":
        return "yev" if start else "ev"
    return _HY.get(ch, ch)


def armenian(name: str) -> str:
    """An Armenian-script name in BGN/PCGN romanisation.

    >>> armenian("Երևան"), armenian("Գյումրի"), armenian("Ստեփանակերտ")
    ('Yerevan', 'Gyumri', 'Stepanakert')
    """
    return _spell(name, _armenian_letter)


# Arabic: the article's forms. A sun letter takes the article's l over: ar-Raqqah, ash-Sham.
_ARTICLES = {"al", "el", "ar", "as", "ash", "at", "ath", "ad", "adh", "az", "an", "aş", "aḑ", "aţ", "aẓ", "az̧", "aḑ", "at̨"}
_SUN_ONSETS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n", "l")
_ARTICLE = re.compile(r"^([A-Za-zşŞḑḐţŢẓẒ̧̨]{2,3})[ \-‐]+(?=\S)")


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def arabic(name: str) -> list[str]:
    """Spellings of an Arabic place name (in BGN/PCGN form, as GeoNames gives it) that English
    text also uses: its article as Al, El, the sun-letter form or none; a final -ah as -a and
    -eh; and q as k. The name itself is not among them.

    >>> arabic("Al Qāmishlī")
    ['El Qāmishlī', 'Qāmishlī', 'Al Kāmishlī', 'Kāmishlī']
    >>> arabic("Baghdad")
    []
    """
    m = _ARTICLE.match(name)
    if m and _folded(m.group(1)).lower() in {_folded(a) for a in _ARTICLES}:
        rest = name[m.end():]
        onset = _folded(rest).lower()
        sun = next((s for s in _SUN_ONSETS if onset.startswith(s)), None)
        heads = [f"A{sun} {rest}" if sun and sun != "l" else f"Al {rest}", f"Al {rest}", f"El {rest}"]
        # The bare name only when it is long enough to be one ("Al Ain" is not "Ain").
        bare = [rest] if len([c for c in rest if c.isalpha()]) >= 5 else []
        forms = list(dict.fromkeys([name, *heads, *bare]))
        bases = [name, *bare]
    else:
        forms = bases = [name]
    # The ending and q vary on the name as written and on the bare name only, so a name
    # gets a handful of spellings, not every combination.
    out = list(forms)
    for form in bases:
        if form.endswith("ah") and not form.endswith("llah") and len(form) > 5:  # not Allah
            out += [form[:-1], form[:-2] + "eh"]
    if re.search("q(?!u)", _folded(name).lower()):
        out += [_swap_q(form) for form in bases]
    return [f for f in dict.fromkeys(out) if f != name]


def _swap_q(text: str) -> str:
    """q as k, but not the qu of French spelling (Mosquée)."""
    folded = _folded(text).lower()
    if len(folded) != len(text):
        return text
    return "".join(("K" if c.isupper() else "k") if folded[i] == "q" and folded[i + 1 : i + 2] != "u" else c
                   for i, c in enumerate(text))


# --------------------------------------------------------------------------- CLDR


def cldr_endonyms(codes: Iterable[str]) -> list[tuple[str, str, str]]:
    """(ISO code, language, name) per country and official language: the country's name in
    Unicode CLDR's locale of that language (Babel's data). Languages CLDR has no locale for
    are left out; names in other scripts are given as CLDR writes them.
    """
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    out = []
    for code in sorted(codes):
        for lang in get_official_languages(code, de_facto=True):
            try:
                name = Locale.parse(lang).territories.get(code)
            except (UnknownLocaleError, ValueError):
                continue
            if name:
                out.append((code, lang, name))
    return out


def romanised_endonym(lang: str, name: str) -> tuple[str, str] | None:
    """(rule, Latin spelling) of a CLDR name in a script the rules read, else None.

    >>> romanised_endonym("ka", "საქართველო"), romanised_endonym("ru", "Россия"), romanised_endonym("zh", "中国")
    (('georgian', 'Sakartvelo'), ('russian', 'Rossiya'), None)
    """
    base = lang.split("_")[0]
    if base == "ka":
        return ("georgian", georgian(name))
    if base == "hy":
        return ("armenian", armenian(name))
    if base == "uk":
        return ("ukrainian", ukrainian(name))
    if base == "ru" and set(name.lower()) <= _EAST_SLAVIC:
        return ("russian", russian(name))
    return None


# --------------------------------------------------------------------------- the build's step


_DERIVED_KINDS = frozenset({"city", "adm1", "adm2"})
# More words than a place name has: a source's field holding several names at once.
_MAX_WORDS = 5


def _script(name: str) -> str:
    for ch in name:
        if "\u10d0" <= ch <= "\u10ff":
            return "georgian"
        if "\u0531" <= ch <= "\u058f":
            return "armenian"
        if "\u0400" <= ch <= "\u04ff":
            return "cyrillic"
    return ""


def _proposals(places, names_of, cities, country_ids, endonyms):
    """(place id, rule, spelling) of every rule's output, before any check."""
    for pid, place in places.items():
        if place.kind not in _DERIVED_KINDS:
            continue
        if place.country_code == "AZ":
            for name in (place.name, *names_of.get(pid, ())):
                for spelled in azerbaijani(name):
                    yield pid, "azerbaijani", spelled
        elif place.country_code in ARAB_LEAGUE:
            for spelled in arabic(place.name):
                yield pid, "arabic", spelled
    for city in cities:
        pid, cc = str(city["geonameid"]), city["countrycode"]
        if cc not in FORMER_SOVIET or pid not in places:
            continue
        for name in city.get("alternatenames") or ():
            script = _script(name)
            if script == "cyrillic":
                for rule, spelled in cyrillic(name, cc):
                    yield pid, rule, spelled
            elif script == "georgian" and cc == "GE":
                yield pid, "georgian", georgian(name)
            elif script == "armenian" and cc == "AM":
                yield pid, "armenian", armenian(name)
    for code, lang, name in endonyms:
        pid = country_ids.get(code)
        if pid is None:
            continue
        romanised = romanised_endonym(lang, name)
        if romanised is not None:
            yield pid, romanised[0], romanised[1]


def derived_names(places, names, cities, country_ids, endonyms, *, usable, zipf):
    """What the rules add: ``(listed, derived)``, lists of (place id, rule, name).

    ``listed``: CLDR's endonyms written in Latin (names a source lists, kept as listed names
    are). ``derived``: every rule's spellings that pass the checks of the module docstring.
    ``places``: place id -> Place; ``names``: (place id, match, name) of the names already
    collected; ``cities``: GeoNames' rows with all their alternate names (every script);
    ``endonyms``: :func:`cldr_endonyms`' rows; ``usable``: whether a string may be a name
    (:func:`geo.data.build.latin_name`); ``zipf``: a lower-case word's English Zipf frequency.
    """
    from geo.names import name_key

    names_of: dict[str, list[str]] = {}
    own: dict[str, set[str]] = {}
    main: dict[str, set[str]] = {}
    for pid, place in places.items():
        key = name_key(place.name)
        own.setdefault(pid, set()).add(key)
        main.setdefault(key, set()).add(pid)
    for pid, match, name in sorted(names):
        own.setdefault(pid, set()).add(name_key(name))
        if match == "alternate":
            names_of.setdefault(pid, []).append(name)
    listed = []
    for code, lang, name in endonyms:
        pid = country_ids.get(code)
        if pid is not None and usable(name) and "," not in name and name_key(name) not in own[pid]:
            own[pid].add(name_key(name))
            listed.append((pid, "cldr", name))
    derived = []
    common: dict[str, bool] = {}
    for pid, rule, spelled in _proposals(places, names_of, cities, country_ids, endonyms):
        spelled = " ".join(spelled.split())
        if not usable(spelled) or len(spelled.split()) > _MAX_WORDS:
            continue
        key = name_key(spelled)
        if not key or key in own[pid] or main.get(key, set()) - {pid}:
            continue
        words = key.split()
        for word in words:
            if word not in common:
                common[word] = (zipf(word) or 0.0) >= COMMON_WORD_ZIPF
        if all(common[w] for w in words):
            continue
        own[pid].add(key)
        derived.append((pid, rule, spelled))
    return listed, derived
