"""Checked exercises: ``check(exercise_id, answer)``, ``exercise_ids()`` and ``progress()``.

How an answer is checked, in three steps, the same for every exercise:

1. **Normalise.** The answer becomes a canonical text for the exercise's *kind*: a date becomes
   ``1920-01-15``, a name becomes a person id from ``data/people.csv``, a set of documents becomes
   ``D013;D020`` (sorted), a sequence ``D020>D013`` (in the given order). The normalisers accept
   what a student would reasonably type or compute (case, spacing, English or Russian names and
   transliteration variants, common date formats, Timestamps, numpy numbers, lists, Series,
   DataFrames with extra columns) and say what they expected when they cannot read an answer.
2. **Compare hashes.** The canonical text, salted per exercise, is hashed (SHA-256) and compared
   with the accepted hashes. For a data question these are computed from the dataset at check time
   (:mod:`redrev.expected`, nothing stored); for the others they come from ``bank.json``, generated
   by ``tools/build_bank.py`` from the instructors' file. No answer is stored in plain text.
3. **Explain.** A wrong answer gets a hint: the hint of a known mistake (also stored as a hash),
   a generic one (one day out, the right documents in the wrong order, 2 of 3 right...), or the
   exercise's next hint.

``check`` never raises: whatever it is given, it returns a :class:`CheckResult` whose ``message``
says what it expected. Results are recorded for :func:`progress` (in this process, and in a small
JSON file: ``$REDREV_PROGRESS`` if set, ``off`` to disable, else ``~/.redrev/progress.json``).
"""
from __future__ import annotations

import datetime as _dt
import decimal
import hashlib
import html
import json
import math
import numbers
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .i18n import RU, is_ru, tr


def tr_ru(text: str) -> str:
    """The Russian of an English string (so that answers in Russian read in either language)."""
    return RU.get(text, text)

BANK_FILE = Path(__file__).with_name("bank.json")
MAX_CHARS = 10_000            # a longer answer is not read (written answers: MAX_WRITTEN_CHARS)
MAX_WRITTEN_CHARS = 50_000
MAX_ITEMS = 500
SKILLS = {
    "data": "data question (pandas)",
    "chronology": "chronology",
    "sourcing": "sourcing",
    "corroboration": "corroboration",
    "model": "testing the model",
    "written": "written answer (self-assessed)",
}
DIFFICULTIES = ("easy", "medium", "hard")

# --- Normalisation tables (also sent to the self-check's JavaScript, so both read answers alike) ---
TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
# Applied in order to a transliterated name, so that common spellings meet:
# Ordzhonikidze / Orjonikidze / Ordjonikidze / Орджоникидзе, Trotsky / Trotskii / Троцкий...
NAME_RULES = [
    ("shch", "sh"), ("tch", "ch"), ("sch", "sh"), ("dzh", "j"), ("dj", "j"), ("zh", "j"),
    ("kh", "h"), ("x", "ks"), ("ck", "k"), ("q", "k"), ("w", "v"), ("tz", "c"), ("ts", "c"),
    ("ph", "f"), ("y", "i"),
]
NAME_STOPWORDS = ["tov", "comrade", "товарищ", "тов", "the"]
_MONTH_FORMS = [
    ("january jan января январь янв", 1), ("february feb февраля февраль фев февр", 2),
    ("march mar марта март мар", 3), ("april apr апреля апрель апр", 4), ("may мая май", 5),
    ("june jun июня июнь июн", 6), ("july jul июля июль июл", 7),
    ("august aug августа август авг", 8), ("september sep sept сентября сентябрь сен сент", 9),
    ("october oct октября октябрь окт", 10), ("november nov ноября ноябрь ноя нояб", 11),
    ("december dec декабря декабрь дек", 12),
]
MONTHS = {form: number for forms, number in _MONTH_FORMS for form in forms.split()}
DATE_FILLERS = ["of", "the", "г", "года", "год", "st", "nd", "rd", "th"]


def js_rules() -> dict:
    """The tables above, as the self-check's JavaScript receives them."""
    return {"translit": TRANSLIT, "nameRules": NAME_RULES, "nameStop": NAME_STOPWORDS,
            "months": MONTHS, "dateFillers": DATE_FILLERS}


class AnswerError(ValueError):
    """An answer that cannot be read as the kind the exercise expects (the message says why)."""


# --- String normalisers (mirrored in selfcheck.js; tests compare the two) ---
def _fold(text: str) -> str:
    """Compatibility-decomposed, without combining accents (so й→и, ё→е), lower case."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not "\u0300" <= ch <= "\u036f").lower()


def text_key(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: 'Red_Army!' -> 'red army'."""
    return " ".join(re.sub(r"[^a-z0-9а-я]+", " ", _fold(text)).split())


def name_key(text: str) -> str:
    """A spelling-tolerant key for a name: 'Орджоникидзе', 'G. K. Orjonikidze' -> 'orjonikidze'."""
    tokens = [t for t in text_key(text).split() if len(t) > 1 and t not in NAME_STOPWORDS]
    latin = "".join(TRANSLIT.get(ch, ch) for ch in "".join(tokens))
    latin = re.sub(r"[^a-z0-9]", "", latin)
    for old, new in NAME_RULES:
        latin = latin.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", latin)


def date_key(text: str) -> str:
    """'15 January 1920', '15.01.1920', '1920-01-15', '15 января 1920 г.' -> '1920-01-15' (the day is required)."""
    folded = _fold(text).strip()
    m = re.fullmatch(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[ t][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?", folded)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})", folded)
    if m:
        return _ymd(int(m[3]), int(m[2]), int(m[1]))
    if re.fullmatch(r"[0-9]{4}([-/.][0-9]{1,2})?", folded):
        raise AnswerError(tr("give the day as well as the month and the year, e.g. '1920-01-15'"))
    tokens = [t for t in re.findall(r"[a-zа-я]+|[0-9]+", folded) if t not in DATE_FILLERS]
    shape = "".join("M" if t in MONTHS else "n" if t.isdigit() else "?" for t in tokens)
    if shape == "nMn" and len(tokens[2]) == 4:
        return _ymd(int(tokens[2]), MONTHS[tokens[1]], int(tokens[0]))
    if shape == "Mnn" and len(tokens[2]) == 4:
        return _ymd(int(tokens[2]), MONTHS[tokens[0]], int(tokens[1]))
    if shape == "Mn" and len(tokens[1]) == 4:
        raise AnswerError(tr("give the day as well as the month and the year, e.g. '15 January 1920'"))
    if shape in ("nM", "Mn"):
        raise AnswerError(tr("add the year: the article often leaves it out, but the answer needs it (e.g. '15 January 1920')"))
    raise AnswerError(tr("that does not look like a date; write it like '1920-01-15', '15 January 1920' or '15.01.1920'"))


def _ymd(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        raise AnswerError(tr("there is no month {month}; write the date like '1920-01-15' or '15 January 1920'", month=month))
    last = _days_in(year, month)
    if not 1 <= day <= last:
        raise AnswerError(tr("that month has {last} days, so day {day} does not exist", last=last, day=day))
    return f"{year:04d}-{month:02d}-{day:02d}"


def _days_in(year: int, month: int) -> int:
    leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0
    return [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]


def number_key(text: str) -> str:
    """'12', ' 12.0 ', '12,5', '1,234' -> '12', '12', '12.5', '1234'."""
    s = re.sub(r"[\s_\u00a0\u202f]", "", text)
    if re.fullmatch(r"[+-]?[0-9]{1,3}(,[0-9]{3})+", s):
        s = s.replace(",", "")
    elif re.fullmatch(r"[+-]?[0-9]+,[0-9]+", s):
        s = s.replace(",", ".")
    if not re.fullmatch(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", s):
        raise AnswerError(tr("that is not a number; give digits only, e.g. 12 (not '12 documents')"))
    return _number_text(float(s))


def _number_text(x: float) -> str:
    if not math.isfinite(x):
        raise AnswerError(tr("that is not a finite number"))
    if abs(x) >= 1e15:
        return f"{x:.6e}"
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def doc_key(text: str) -> str:
    """'D21', 'd 021', '21' -> 'D021'."""
    m = re.fullmatch(r"d?0*([0-9]{1,3})", text_key(text).replace(" ", "").replace("д", "d"))
    if not m or int(m[1]) == 0:
        raise AnswerError(tr("{value} is not a document id; ids look like 'D001'", value=repr(_short(text))))
    return f"D{int(m[1]):03d}"


def time_key(text: str) -> str:
    """'2:10', '02.10', '0210', '14h35' -> '02:10', '14:35'."""
    s = _fold(text).strip()
    m = re.fullmatch(r"([0-9]{1,2})\s*[:.hч]\s*([0-9]{2})", s) or re.fullmatch(r"([0-9]{2})([0-9]{2})", s)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise AnswerError(tr("that is not a time of day; write it as 'HH:MM', e.g. '09:45'"))
    return f"{int(m[1]):02d}:{int(m[2]):02d}"


STRING_KEYS = {"text": text_key, "name": name_key, "date": date_key, "number": number_key,
               "doc": doc_key, "time": time_key}


def string_key(kind: str, text: str) -> str:
    """The canonical text of a typed answer (the self-check's kinds: text, name, date, number, doc, time)."""
    return STRING_KEYS[kind](text)


def digest(salt: str, text: str) -> str:
    """The salted hash stored for a canonical answer (the self-check's JavaScript computes the same)."""
    return hashlib.sha256(f"{salt}|{text}".encode("utf-8")).hexdigest()[:32]


# --- The dataset's names and ids, for reading answers ---
@cache
def _data():
    from .data import dataset
    return dataset()


def _alias_forms(name: str) -> set[str]:
    """'Ordzhonikidze, G. K. (Sergo)' -> the full form, 'Ordzhonikidze', 'Sergo', 'G. K. Ordzhonikidze'..."""
    forms = {name}
    inner = re.findall(r"\(([^)]*)\)", name)
    bare = re.sub(r"\([^)]*\)", " ", name).strip()
    forms.add(bare)
    for part in inner:
        forms.update(p.strip() for p in part.split(","))
    if "," in bare:
        surname, given = (p.strip() for p in bare.split(",", 1))
        forms.update({surname, f"{given} {surname}"})
        forms.update(f"{p.strip()} {surname}" for part in inner for p in part.split(","))
    return {f for f in forms if f}


@cache
def _people_index() -> dict[str, set[str]]:
    """name_key of every form of every name in people.csv -> person ids."""
    index: dict[str, set[str]] = {}
    for row in _data().people.itertuples():
        forms = {row.id, row.id.replace("_", " ")}
        forms |= _alias_forms(str(row.name_en)) | _alias_forms(str(row.name_ru))
        forms |= set(row.name_ru_variants or [])
        for form in forms:
            key = name_key(form)
            if key:
                index.setdefault(key, set()).add(row.id)
    return index


def person_aliases(person_id: str) -> set[str]:
    """Every name_key that reads as this person (the self-check hashes them all)."""
    return {key for key, ids in _people_index().items() if person_id in ids}


COUNTRY_WORDS = {
    "azerbaijan": ["azerbaijani", "azeri", "azerbaidzhan", "азербайджанская", "азербайджан"],
    "armenia": ["armenian", "армянская", "армения", "hayastan"],
    "georgia": ["georgian", "грузинская", "грузия", "sakartvelo"],
    "russia": ["russian", "rsfsr", "soviet russia", "россия", "рсфср"],
    "turkey": ["turkish", "турция"],
}


@cache
def _country_index() -> dict[str, str]:
    places = _data().places
    index = {}
    for row in places[places["kind"] == "country"].itertuples():
        for form in [row.id, row.name_en, row.name_modern, row.name_ru, *COUNTRY_WORDS.get(row.id, [])]:
            if isinstance(form, str) and name_key(form):
                index.setdefault(name_key(form), row.id)
    return index


# --- Reading Python values ---
def _short(value, limit: int = 40) -> str:
    try:
        text = str(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _typename(value) -> str:
    return type(value).__name__


def _is_missing(value) -> bool:
    try:
        import pandas as pd
        return value is None or value is Ellipsis or (not isinstance(value, (list, tuple, dict, set)) and bool(pd.isna(value)) is True)
    except (TypeError, ValueError):
        return False


def _as_text(value, limit: int = MAX_CHARS) -> str:
    if isinstance(value, bytes):
        raise AnswerError(tr("that is bytes, not text; give a str"))
    if not isinstance(value, str):
        raise AnswerError(tr("that is a {type}, not text", type=_typename(value)))
    if len(value) > limit:
        raise AnswerError(tr("that text is {n} characters long, too long to be this answer", n=f"{len(value):,}"))
    return value


def _unwrap(value):
    """A one-element list, tuple, Series, Index or array stands for its element."""
    import numpy as np
    import pandas as pd
    if isinstance(value, pd.DataFrame):
        if value.shape == (1, 1):
            return value.iat[0, 0]
        rows, cols = value.shape
        raise AnswerError(tr("that is a DataFrame of {rows} row{rs} and {cols} column{cs}; "
                             "this answer is a single value (pick the cell, e.g. df['col'].iloc[0])",
                             rows=rows, cols=cols, rs="s" * (rows != 1), cs="s" * (cols != 1)))
    if isinstance(value, (list, tuple, set, frozenset, pd.Series, pd.Index, np.ndarray)):
        items = list(value.ravel()) if isinstance(value, np.ndarray) else list(value)
        if len(items) == 1:
            return items[0]
        raise AnswerError(tr("you gave {n} values ({type}); this answer is a single value", n=len(items), type=_typename(value)))
    return value


def as_number(value) -> str:
    import numpy as np
    value = _unwrap(value)
    if isinstance(value, (bool, np.bool_)):
        raise AnswerError(tr("that is True/False, not a number (did you forget .sum() after a comparison?)"))
    if isinstance(value, decimal.Decimal):
        return _number_text(float(value))
    if isinstance(value, numbers.Real):
        return _number_text(float(value))
    if isinstance(value, str):
        return number_key(_as_text(value))
    raise AnswerError(tr("that is a {type}, not a number", type=_typename(value)))


def as_date(value) -> str:
    import numpy as np
    import pandas as pd
    value = _unwrap(value)
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if value is pd.NaT:
        raise AnswerError(tr("that is NaT, a missing date"))
    if isinstance(value, _dt.date):
        return _ymd(value.year, value.month, value.day)
    if isinstance(value, str):
        return date_key(_as_text(value))
    raise AnswerError(tr("that is a {type}, not a date", type=_typename(value)))


def as_time(value) -> str:
    value = _unwrap(value)
    if isinstance(value, (_dt.time, _dt.datetime)):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, str):
        return time_key(_as_text(value))
    raise AnswerError(tr("that is a {type}, not a time of day", type=_typename(value)))


def as_doc(value) -> str:
    value = _unwrap(value)
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        if not 1 <= int(value) <= 999:
            raise AnswerError(tr("{value} is not a document number", value=value))
        key = f"D{int(value):03d}"
    elif isinstance(value, str):
        key = doc_key(_as_text(value))
    else:
        raise AnswerError(tr("that is a {type}, not a document id", type=_typename(value)))
    known = set(_data().documents["id"])
    if key not in known:
        raise AnswerError(tr("{key} is not a document of data/documents.csv (D001 to {last})", key=key, last=max(known)))
    return key


def as_case(value) -> str:
    value = _unwrap(value)
    if not isinstance(value, str):
        raise AnswerError(tr("that is a {type}, not an episode id", type=_typename(value)))
    key = "-".join(text_key(_as_text(value)).split())
    known = list(_data().cases["id"])
    if key not in known:
        raise AnswerError(tr("{value} is not an episode id; the ids are {ids}", value=repr(_short(value)), ids=", ".join(known)))
    return key


# Key words of the stages in Russian, the first that occurs wins ('обращение ревкома' is stage 3, not 2).
STAGE_WORDS_RU = [(3, "обращени"), (2, "ревком"), (1, "переворот"), (4, "арми"), (5, "приветстви")]


def as_stage(value) -> str:
    from .model import STAGES
    value = _unwrap(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value) in STAGES:
        return str(int(value))
    if isinstance(value, str):
        key = text_key(_as_text(value))
        numbers_in = re.findall(r"\b[1-5]\b", key)
        roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
        named = [n for n, label in STAGES.items() if text_key(label) in key or text_key(tr_ru(label)) in key]
        # A stage named in Russian by its key word ('переворот', 'приветствие'), when no full name matched.
        named = named or [n for n, word in STAGE_WORDS_RU if word in key][:1]
        found = {int(n) for n in numbers_in} | {roman[w] for w in key.split() if w in roman} | set(named)
        if len(found) == 1:
            return str(found.pop())
    raise AnswerError(tr("{value} is not a stage of the model; give a number from 1 to 5", value=repr(_short(value))))


def as_person(value) -> list[str]:
    """Person ids the answer can name (usually one)."""
    value = _unwrap(value)
    if not isinstance(value, str):
        raise AnswerError(tr("that is a {type}, not a name", type=_typename(value)))
    text = _as_text(value)
    index = _people_index()
    if text.strip().lower() in set(_data().people["id"]):
        return [text.strip().lower()]
    ids = index.get(name_key(text))
    if not ids:
        words = [w for w in re.split(r"[\s,;]+", text) if len(name_key(w)) >= 3]
        found = set().union(*(index.get(name_key(w), set()) for w in words)) if words else set()
        if len(found) > 1:
            raise AnswerError(tr("{value} names more than one person ({ids}); give one", value=repr(_short(text)), ids=", ".join(sorted(found))))
        ids = found
    if not ids:
        raise AnswerError(tr("{value} is not a name in data/people.csv; "
                             "try the surname in English or Russian (e.g. 'Chicherin' or 'Чичерин')", value=repr(_short(text))))
    return sorted(ids)


def as_country(value) -> str:
    value = _unwrap(value)
    if not isinstance(value, str):
        raise AnswerError(tr("that is a {type}, not a country", type=_typename(value)))
    key = name_key(_as_text(value))
    if key in _country_index():
        return _country_index()[key]
    raise AnswerError(tr("{value} is not a country I know; try 'Azerbaijan', 'Armenia' or 'Georgia'", value=repr(_short(value))))


BASIS_WORDS = {
    "received": ["receiv", "receipt", "arriv", "получ", "прибы"],
    "sent": ["sent", "send", "dispatch", "отправ", "послан"],
    "implied": ["impli", "implie", "deduc", "infer", "context", "вывед", "контекст"],
}


def as_basis(value) -> str:
    value = _unwrap(value)
    if not isinstance(value, str):
        raise AnswerError(tr("that is a {type}, not one of 'sent', 'received', 'implied'", type=_typename(value)))
    key = text_key(_as_text(value))
    found = [basis for basis, stems in BASIS_WORDS.items() if any(s in key for s in stems)]
    if len(found) == 1:
        return found[0]
    if found:
        raise AnswerError(tr("that mentions several kinds of date ({kinds}); choose one", kinds=", ".join(found)))
    raise AnswerError(tr("give one of 'sent' (date of sending), 'received' (date of receipt) or 'implied' (deduced)"))


def as_choice(value, options: dict[str, str]) -> str:
    value = _unwrap(value)
    letters = ", ".join(f'"{k}"' for k in options)
    if not isinstance(value, str):
        raise AnswerError(tr("give the letter of your choice as a string: {letters}", letters=letters))
    text = _fold(_as_text(value)).strip()
    m = (re.fullmatch(r"(?:option|answer)?\s*\(?\s*([a-z])\s*[).:]?", text)
         or re.match(r"\(?([a-z])[).:]\s", text))
    if m and m[1] in options:
        return m[1]
    for letter, option in options.items():
        if text_key(text) == text_key(option):
            return letter
    raise AnswerError(tr("give one of the letters {letters}", letters=letters))


SCALARS = {"number": as_number, "date": as_date, "time": as_time, "doc": as_doc, "case": as_case,
           "stage": as_stage, "country": as_country, "basis": as_basis}
ELEMENT_COLUMNS = {"doc": ["id"], "case": ["case", "id"], "stage": ["stage"], "person": ["id"],
                   "country": ["country"], "basis": ["date_basis", "basis"]}


def _element(kind: str, value) -> str:
    if kind == "person":
        return as_person(value)[0]
    if kind == "text":
        return text_key(_as_text(value))
    return SCALARS[kind](value)


def _items(value, element: str, ordered: bool) -> list:
    """The elements of a collection answer, in the order given."""
    import numpy as np
    import pandas as pd
    if isinstance(value, str):
        text = _as_text(value)
        parts = [p.strip() for p in re.split(r"[,;\n]+|\s*(?:->|→|>)\s*|\s+(?:and|и|then|&)\s+", text) if p.strip()]
        items = []
        for part in parts:
            words = part.split()
            if element in ("doc", "stage", "case") and len(words) > 1 and all(_parses(element, w) for w in words):
                items.extend(words)
            else:
                items.append(part)
        return items
    if isinstance(value, (set, frozenset)):
        if ordered:
            raise AnswerError(tr("a set has no order; give a list, earliest first"))
        return sorted(value, key=str)
    if isinstance(value, dict):
        raise AnswerError(tr("that is a dict; give a list"))
    if isinstance(value, pd.DataFrame):
        for column in ELEMENT_COLUMNS.get(element, []):
            if column in value.columns:
                return value[column].tolist()
            if value.index.name == column:
                return value.index.tolist()
        if value.shape[1] == 1:
            return value.iloc[:, 0].tolist()
        wanted = " or ".join(repr(c) for c in ELEMENT_COLUMNS.get(element, ["id"]))
        raise AnswerError(tr("that DataFrame has no column {wanted} to read the answer from", wanted=wanted))
    if isinstance(value, pd.Series):
        if value.dtype == bool or str(value.dtype) == "boolean":
            return value.index[value.fillna(False).astype(bool)].tolist()
        return value.tolist()
    if isinstance(value, np.ndarray):
        if value.ndim > 1:
            raise AnswerError(tr("that array has more than one dimension; give a flat list"))
        return value.tolist()
    if isinstance(value, (list, tuple, pd.Index)):
        return list(value)
    if isinstance(value, (str, numbers.Number)):
        return [value]
    raise AnswerError(tr("that is a {type}; give a list", type=_typename(value)))


def _parses(element: str, text: str) -> bool:
    try:
        _element(element, text)
        return True
    except Exception:
        return False


def as_collection(value, element: str, ordered: bool) -> list[str]:
    items = _items(value, element, ordered)
    if len(items) > MAX_ITEMS:
        raise AnswerError(tr("that has {n} items, far more than this answer needs", n=len(items)))
    keys = []
    for item in items:
        try:
            keys.append(_element(element, item))
        except AnswerError as err:
            raise AnswerError(tr("item {item}: {err}", item=repr(_short(item)), err=err)) from None
    if ordered:
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            raise AnswerError(tr("{items} appears more than once in your sequence", items=", ".join(repeated)))
        return keys
    return sorted(set(keys), key=_sort_key)


def _sort_key(text: str):
    return (0, int(text)) if text.isdigit() else (1, text)


def as_counts(value, element: str) -> dict[str, str]:
    """A mapping key -> count from a dict, a Series or a two-column DataFrame."""
    import pandas as pd
    if isinstance(value, pd.DataFrame):
        value = _frame_to_series(value, element)
    if isinstance(value, pd.Series):
        if isinstance(value.index, pd.MultiIndex):
            raise AnswerError(tr("that Series has a MultiIndex; group by one column only"))
        pairs = list(value.items())
    elif isinstance(value, dict):
        pairs = list(value.items())
    elif isinstance(value, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
        pairs = [tuple(p) for p in value]
    else:
        raise AnswerError(tr("that is a {type}; give a Series, a dict or a two-column DataFrame", type=_typename(value)))
    if len(pairs) > MAX_ITEMS:
        raise AnswerError(tr("that has {n} rows, far more than this answer needs", n=len(pairs)))
    counts: dict[str, str] = {}
    for key, count in pairs:
        try:
            name = "(missing)" if _is_missing(key) else _element(element, key)
        except AnswerError:
            name = f"{text_key(_short(key, 60))} (unrecognised)"
        try:
            counts[name] = _number_text(float(as_number(count)) + float(counts.get(name, 0)))
        except AnswerError as err:
            raise AnswerError(tr("the count for {name}: {err}", name=name, err=err)) from None
    return counts


def _frame_to_series(frame, element: str):
    import pandas as pd
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]
    for column in ELEMENT_COLUMNS.get(element, []):
        if column in frame.columns:
            values = [c for c in numeric if c != column]
            if len(values) == 1:
                return frame.set_index(column)[values[0]]
    if len(numeric) == 1 and frame.shape[1] == 1:
        return frame.iloc[:, 0]
    raise AnswerError(tr("from a DataFrame I need one column of keys and one column of counts "
                         "(e.g. the result of df.groupby(...).size().reset_index())"))


def canonical(kind: str, value, ex: dict | None = None) -> list[str]:
    """The canonical text(s) of an answer for a kind (several when a name is ambiguous)."""
    if kind == "person":
        return as_person(value)
    if kind == "choice":
        return [as_choice(value, (ex or {}).get("options", {}))]
    if kind == "text":
        return [text_key(_as_text(_unwrap(value)))]
    if kind in SCALARS:
        return [SCALARS[kind](value)]
    if kind.startswith(("set:", "seq:")):
        mode, element = kind.split(":", 1)
        keys = as_collection(value, element, ordered=mode == "seq")
        return [(">" if mode == "seq" else ";").join(keys)]
    if kind.startswith("counts:"):
        counts = as_counts(value, kind.split(":", 1)[1])
        return [counts_text(counts)]
    raise AnswerError(tr("this exercise has an unknown kind {kind}", kind=repr(kind)))


def counts_text(counts: dict[str, str]) -> str:
    """'key=count' pairs, sorted; a zero count is the same as no row."""
    return ";".join(f"{k}={counts[k]}" for k in sorted(counts, key=_sort_key) if counts[k] != "0")


# --- Answer keys: hashed (bank.json) or computed from the data (redrev.expected) ---
@dataclass(frozen=True)
class Key:
    """What an answer is compared with: hashes only (plus, for data questions, the computed value)."""

    accept: frozenset
    items: frozenset = frozenset()
    positions: frozenset = frozenset()
    set_hash: str = ""
    size: int = 0
    value: object = None       # only for data questions whose kind is counts or frame


def key_from_canonical(kind: str, salt: str, texts: list[str]) -> Key:
    """The hashes for a list of accepted canonical texts (tools/build_bank.py stores the same)."""
    accept = frozenset(digest(salt, t) for t in texts)
    if not kind.startswith(("set:", "seq:")) or not texts:
        return Key(accept)
    sep = ">" if kind.startswith("seq:") else ";"
    items = [i for i in texts[0].split(sep) if i]
    return Key(accept, frozenset(digest(salt, "item:" + i) for i in items),
               frozenset(digest(salt, f"pos:{n}:{i}") for n, i in enumerate(items)),
               digest(salt, "set:" + ";".join(sorted(items, key=_sort_key))), len(items))


@cache
def bank() -> dict:
    """The exercise bank (hashes, hints, metadata), loaded once."""
    return json.loads(BANK_FILE.read_text(encoding="utf-8"))


def _exercises() -> dict:
    return bank()["exercises"]


def localised(entry: dict) -> dict:
    """An exercise or self-check question in the current language: in Russian, each field that has a
    ``<field>_ru`` sibling in the bank (title, prompt, hints, mistakes, options...) takes its value."""
    if not is_ru():
        return entry
    return {**entry, **{k[:-3]: v for k, v in entry.items() if k.endswith("_ru") and v}}


def exercise_ids(notebook: str | None = None) -> list[str]:
    """Every exercise id, in notebook order (or only those of one notebook, e.g. '04-azerbaijan')."""
    try:
        items = _exercises().items()
        return [i for i, ex in items if notebook is None or ex["notebook"] == notebook]
    except Exception:
        return []


def _key(exercise_id: str, ex: dict) -> Key:
    if ex["source"] == "hash":
        return Key(frozenset(ex["accept"]), frozenset(ex.get("items", [])), frozenset(ex.get("positions", [])),
                   ex.get("set_hash", ""), ex.get("size", 0))
    return _computed_key(exercise_id)


@cache
def _computed_key(exercise_id: str) -> Key:
    from .expected import expected
    ex = _exercises()[exercise_id]
    value = expected(exercise_id, _data())
    if ex["kind"] == "frame":
        return Key(frozenset(), value=value)
    texts = canonical(ex["kind"], value, ex)[:1]
    key = key_from_canonical(ex["kind"], ex["salt"], texts)
    if ex["kind"].startswith("counts:"):
        return Key(key.accept, value=as_counts(value, ex["kind"].split(":", 1)[1]))
    return key


# --- Results ---
ICONS = {"correct": "✔", "submitted": "✔", "wrong": "✘", "unanswered": "…", "invalid": "⚠", "unknown": "?"}
LABELS = {"correct": "Correct", "submitted": "Submitted", "wrong": "Not yet", "unanswered": "Not answered yet",
          "invalid": "Cannot read this answer", "unknown": "Unknown exercise"}
COLOURS = {"correct": "#0072B2", "submitted": "#0072B2", "wrong": "#D55E00", "unanswered": "#777777",
           "invalid": "#E69F00", "unknown": "#777777"}


@dataclass(frozen=True, repr=False)
class CheckResult:
    """The outcome of :func:`check`: ``passed``, ``message`` and a ``status`` word.

    ``status`` is one of correct, submitted (a written answer, now to self-assess), wrong,
    unanswered, invalid (the answer could not be read) and unknown (no such exercise).
    In Jupyter it shows as an HTML box with an icon and a label (not colour alone), ``role="status"``.
    """

    exercise_id: str
    passed: bool
    message: str
    status: str = "wrong"

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return f"{ICONS.get(self.status, '')} {tr(LABELS.get(self.status, self.status))} ({self.exercise_id}): {self.message}"

    def _repr_html_(self) -> str:
        colour = COLOURS.get(self.status, "#777777")
        lines = self.message.split("\n")
        body = f"<span>{html.escape(lines[0])}</span>"
        bullets = [line[2:] for line in lines[1:] if line.startswith("- ")]
        rest = [line for line in lines[1:] if line and not line.startswith("- ")]
        body += "".join(f"<p style=\"margin:0.3em 0 0 0\">{html.escape(line)}</p>" for line in rest)
        if bullets:
            body += "<ul style=\"margin:0.3em 0 0 1.2em;padding:0\">" + "".join(
                f"<li>{html.escape(b)}</li>" for b in bullets) + "</ul>"
        return (f'<div class="redrev-check redrev-check-{html.escape(self.status)}" role="status" '
                f'style="border:1px solid {colour};border-left:6px solid {colour};border-radius:4px;'
                f'padding:0.45em 0.8em;margin:0.4em 0">'
                f'<strong><span aria-hidden="true">{ICONS.get(self.status, "")}</span> '
                f'{html.escape(tr(LABELS.get(self.status, self.status)))}</strong> '
                f'<span style="opacity:0.8">({html.escape(self.exercise_id)})</span>: {body}</div>')


_MISSING = object()


def check(exercise_id, answer=_MISSING) -> CheckResult:
    """Check an answer to an exercise; never raises. Returns a :class:`CheckResult`."""
    try:
        result = _check(exercise_id, answer)
    except Exception as err:   # the last safety net: report, never raise
        result = CheckResult(_short(exercise_id), False,
                             tr("The checker could not read this answer ({error}). Expected {expected}.",
                                error=type(err).__name__, expected=_expects_safe(exercise_id)), "invalid")
    try:
        if result.status not in ("unknown", "unanswered"):
            _record(result)
    except Exception:
        pass
    return result


def _expects_safe(exercise_id) -> str:
    try:
        return expects(_exercises()[exercise_id])
    except Exception:
        return tr("an answer of the kind the exercise asks for")


def expects(ex: dict) -> str:
    """What an exercise's answer should look like, in words."""
    kind = ex["kind"]
    mode, _, element = kind.partition(":")
    things = {"doc": "document ids (e.g. 'D001')", "case": "episode ids (e.g. 'xx-1920-01')",
              "stage": "stage numbers 1-5", "person": "names", "country": "countries", "basis": "date bases"}
    if mode == "set":
        return tr("{things} in any order: a list, a Series, or a DataFrame with a {column} column",
                  things=tr(things[element]), column=repr(ELEMENT_COLUMNS[element][0]))
    if mode == "seq":
        return tr("{things} in order, as a list (first item first)", things=tr(things[element]))
    if mode == "counts":
        key = {"case": "episode", "stage": "stage", "country": "country", "basis": "date basis"}[element]
        return tr("a count per {key}: a Series (from value_counts() or groupby().size()), a dict, "
                  "or a DataFrame with one column of keys and one of counts", key=tr(key))
    return tr({
        "number": "a single number (int, float or numpy number, e.g. the result of len(...) or .sum())",
        "date": "a date with day, month and year: '1920-01-15', '15 January 1920', '15.01.1920', '15 января 1920' or a date/Timestamp",
        "time": "a time of day as 'HH:MM', e.g. '09:45'",
        "doc": "one document id, e.g. 'D001'",
        "case": "one episode id from cases.csv",
        "stage": "one stage number from 1 to 5",
        "person": "one name in English or Russian (e.g. 'Chicherin' or 'Чичерин') or an id from people.csv",
        "country": "one country, e.g. 'Armenia', 'Армения' or 'armenia'",
        "basis": "'sent', 'received' or 'implied'",
        "choice": "one letter: {letters}",
        "text": "a word or a short phrase",
        "frame": "a DataFrame with the columns {columns}",
        "written": "your written answer as a string (triple quotes \"\"\" \"\"\" let it run over several lines)",
    }.get(kind, "an answer"), letters=", ".join(f"'{k}'" for k in ex.get("options", {})),
        columns=", ".join(repr(c) for c in ex.get("columns", [])))


def _check(exercise_id, answer) -> CheckResult:
    if not isinstance(exercise_id, str) or not exercise_id.strip():
        return CheckResult(_short(exercise_id), False,
                           tr("{value} is not an exercise id: ids are strings such as 'az-01'; "
                              "redrev.exercise_ids() lists them.", value=repr(_short(exercise_id))), "unknown")
    try:
        exercises = _exercises()
    except Exception as err:
        return CheckResult(exercise_id, False, tr("The exercise bank could not be read ({error}); "
                           "is the redrev package installed completely?", error=type(err).__name__), "unknown")
    eid = exercise_id.strip().lower()
    if eid not in exercises:
        import difflib
        close = difflib.get_close_matches(eid, list(exercises), n=3)
        hint = tr(" Did you mean {ids}?", ids=tr(" or ").join(repr(c) for c in close)) if close else ""
        return CheckResult(_short(exercise_id), False,
                           tr("There is no exercise {value}.{hint} redrev.exercise_ids() lists them.",
                              value=repr(_short(exercise_id)), hint=hint), "unknown")
    ex = localised(exercises[eid])
    if answer is _MISSING or _is_missing(answer) or (isinstance(answer, str) and not answer.strip()):
        return CheckResult(eid, False, tr("Replace None with your answer: {expected}.\nHint: {hint}",
                                          expected=expects(ex), hint=ex["hints"][0]), "unanswered")
    if isinstance(answer, BaseException):
        return CheckResult(eid, False, tr("That is an exception object ({type}), not an answer. Expected {expected}.",
                                          type=_typename(answer), expected=expects(ex)), "invalid")
    if ex["kind"] == "written":
        return _check_written(eid, ex, answer)
    if ex["kind"] == "frame":
        return _check_frame(eid, ex, answer)
    try:
        texts = canonical(ex["kind"], answer, ex)
    except AnswerError as err:
        return CheckResult(eid, False, tr("I could not read this answer: {err}. Expected {expected}.",
                                          err=err, expected=expects(ex)), "invalid")
    try:
        key = _key(eid, ex)
    except Exception as err:
        return CheckResult(eid, False, tr("The expected answer could not be computed from the data ({error}: "
                                          "{detail}). Check that the data folder is complete.",
                                          error=type(err).__name__, detail=_short(err, 120)), "invalid")
    salt = ex["salt"]
    hashes = [digest(salt, t) for t in texts]
    if any(h in key.accept for h in hashes):
        return CheckResult(eid, True, tr("Well done.") + (" " + ex["success"] if ex.get("success") else ""), "correct")
    return CheckResult(eid, False, _wrong_message(eid, ex, key, texts, hashes), "wrong")


def _wrong_message(eid: str, ex: dict, key: Key, texts: list[str], hashes: list[str]) -> str:
    salt, kind = ex["salt"], ex["kind"]
    for h in hashes:
        if h in ex.get("mistakes", {}):
            return ex["mistakes"][h]
    text = texts[0]
    if kind in ("date", "number"):
        for step in (-1, 1):
            neighbour = _shift(kind, text, step)
            if neighbour and digest(salt, neighbour) in key.accept:
                return ex.get("off_by_one") or tr(
                    "Very close: you are one day out. Check whether the date is one of sending or of receipt, "
                    "and how the days are counted." if kind == "date" else
                    "Very close: you are off by one. Did you count both ends, or include/exclude one row too many?")
    if kind.startswith("counts:") and key.value is not None:
        given = dict(item.split("=", 1) for item in text.split(";") if item)
        wrong = [k for k, v in key.value.items() if given.get(k, "0") != v]
        missing = [k for k in wrong if k not in given]
        parts = []
        if missing:
            parts.append(tr("your table has no row for {keys}", keys=", ".join(missing)))
        off = [k for k in wrong if k in given]
        if off:
            parts.append(tr("the count is not right for {keys}", keys=", ".join(off)))
        extra = [k for k in given if k not in key.value and given[k] != "0"]
        if extra and not wrong:
            return tr("Your counts are right, but the table has rows the question leaves out: {keys}.",
                      keys=", ".join(extra))
        return tr("Not quite: {problems}. ", problems="; ".join(parts)) + _next_hint(eid, ex)
    if kind.startswith(("set:", "seq:")) and key.size:
        sep = ">" if kind.startswith("seq:") else ";"
        items = [i for i in text.split(sep) if i]
        right = sum(digest(salt, "item:" + i) in key.items for i in items)
        if kind.startswith("seq:"):
            if digest(salt, "set:" + ";".join(sorted(items, key=_sort_key))) == key.set_hash:
                placed = sum(digest(salt, f"pos:{n}:{i}") in key.positions for n, i in enumerate(items))
                return (tr("You have exactly the right items, but not in the right order ({placed} of {n} "
                           "{verb} in place). ", placed=placed, n=len(items), verb="is" if placed == 1 else "are")
                        + _next_hint(eid, ex))
            return (tr("{of} belong in the sequence, which has {size}. ", of=_of(right, len(items)), size=key.size)
                    + _next_hint(eid, ex))
        if right == key.size and len(items) > key.size:
            return (tr("All {size} right items are there, but also {extra} that do not belong. ",
                       size=key.size, extra=len(items) - right) + _next_hint(eid, ex))
        return tr("{of} right; the full answer has {size}. ", of=_of(right, len(items)), size=key.size) + _next_hint(eid, ex)
    return tr("Not quite. ") + _next_hint(eid, ex)


def _of(right: int, total: int) -> str:
    """'1 of your 3 items is', '2 of your 3 items are'."""
    if is_ru():
        return f"{right} из {total} ваших элементов"
    return f"{right} of your {total} item{'s' if total != 1 else ''} {'is' if right == 1 else 'are'}"


def _shift(kind: str, text: str, step: int) -> str | None:
    if kind == "number":
        return _number_text(float(text) + step)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return (_dt.date.fromisoformat(text) + _dt.timedelta(days=step)).isoformat()
    return None


def _next_hint(eid: str, ex: dict) -> str:
    tries = _RECORD.get(eid, {}).get("attempts", 0)
    hints = ex["hints"]
    return tr("Hint: ") + hints[min(tries, len(hints) - 1)]


def _check_written(eid: str, ex: dict, answer) -> CheckResult:
    if not isinstance(answer, str):
        return CheckResult(eid, False, tr("That is a {type}. Expected {expected}.", type=_typename(answer),
                                          expected=expects(ex)), "invalid")
    if len(answer) > MAX_WRITTEN_CHARS:
        return CheckResult(eid, False, tr("That is {n} characters; keep the answer under {most}.",
                                          n=f"{len(answer):,}", most=f"{MAX_WRITTEN_CHARS:,}"), "invalid")
    words = len(re.findall(r"\w+", answer))
    known = set(_data().documents["id"])
    cited = sorted({f"D{int(n):03d}" for n in re.findall(r"\bD\s?0*(\d{1,3})\b", answer)} & known)
    need_words, need_docs = ex.get("min_words", 80), ex.get("min_docs", 1)
    rubric = "\n".join(f"- {item}" for item in ex.get("rubric", []))
    if words < need_words:
        return CheckResult(eid, False, tr("Your answer has {words} words; write at least {need} "
                                          "(the question asks for an argument, not a verdict). Hint: {hint}",
                                          words=words, need=need_words, hint=ex["hints"][0]), "wrong")
    if len(cited) < need_docs:
        return CheckResult(eid, False, tr("Cite at least {need} documents by id (e.g. D001); you cite {n}. Hint: {hint}",
                                          need=need_docs, n=len(cited), hint=ex["hints"][-1]), "wrong")
    return CheckResult(eid, True, tr("Submitted ({words} words, citing {docs}). Now assess yourself against the rubric:\n",
                                     words=words, docs=", ".join(cited)) + rubric, "submitted")


def _check_frame(eid: str, ex: dict, answer) -> CheckResult:
    import pandas as pd
    if not isinstance(answer, pd.DataFrame):
        return CheckResult(eid, False, tr("That is a {type}. Expected {expected}.", type=_typename(answer),
                                          expected=expects(ex)), "invalid")
    columns = ex["columns"]
    frame = answer.reset_index() if answer.index.name in columns else answer
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        return CheckResult(eid, False, tr("Your DataFrame lacks the column(s) {columns}. Expected {expected} "
                                          "(extra columns are fine).", columns=", ".join(missing),
                                          expected=expects(ex)), "invalid")
    if len(frame) > MAX_ITEMS:
        return CheckResult(eid, False, tr("Your DataFrame has {n} rows, far more than the answer.", n=len(frame)),
                           "wrong")
    try:
        expected = _computed_key(eid).value
        kinds = ["date" if pd.api.types.is_datetime64_any_dtype(expected[c]) else "text" for c in columns]
        got = _frame_rows(frame, columns, kinds)
        want = _frame_rows(expected, columns, kinds)
    except AnswerError as err:
        return CheckResult(eid, False, tr("I could not read a cell: {err}.", err=err), "invalid")
    if got == want:
        return CheckResult(eid, True, tr("Well done: the right rows and values (row order and extra columns do not "
                                         "matter)."), "correct")
    key = columns[0]
    got_keys, want_keys = set(got), set(want)
    if got_keys != want_keys:
        return CheckResult(eid, False, tr("Your DataFrame has {right} of the {n} right rows and {extra} that do not "
                                          "belong (compared by {key}). ", right=len(got_keys & want_keys),
                                          n=len(want_keys), extra=len(got_keys - want_keys), key=repr(key))
                           + _next_hint(eid, ex), "wrong")
    bad = [c for n, c in enumerate(columns[1:], 1) if any(got[k][n - 1] != want[k][n - 1] for k in want)]
    return CheckResult(eid, False, tr("The rows are right, but the values differ in column(s) {columns}. ",
                                      columns=", ".join(bad)) + _next_hint(eid, ex), "wrong")


def _frame_rows(frame, columns: list[str], kinds: list[str]) -> dict[str, tuple]:
    """Rows keyed by the first column; cells compared as dates or as text_key."""
    rows = {}
    for record in zip(*(frame[c].tolist() for c in columns)):
        values = [_cell(v, kind) for v, kind in zip(record, kinds)]
        rows[values[0]] = tuple(values[1:])
    return rows


def _cell(value, kind: str) -> str:
    if _is_missing(value):
        return ""
    if kind == "date":
        return as_date(value)
    return text_key(_short(value, MAX_CHARS))


# --- Progress: what this student has passed (this process + ~/.redrev/progress.json) ---
_RECORD: dict[str, dict] = {}
_LOADED = False


def progress_file() -> Path | None:
    """Where progress is kept: $REDREV_PROGRESS ('off' to keep it in memory only), else ~/.redrev/progress.json."""
    value = os.environ.get("REDREV_PROGRESS")
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no", "false") else Path(value).expanduser()
    return Path.home() / ".redrev" / "progress.json"


def _load() -> None:
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    path = progress_file()
    try:
        if path and path.is_file():
            saved = json.loads(path.read_text(encoding="utf-8")).get("exercises", {})
            for eid, entry in saved.items():
                if isinstance(entry, dict) and eid in _exercises():
                    mine = _RECORD.setdefault(eid, {"passed": False, "attempts": 0})
                    mine["passed"] = mine["passed"] or bool(entry.get("passed"))
                    mine["attempts"] = max(mine["attempts"], int(entry.get("attempts", 0)))
    except Exception:
        pass


def _record(result: CheckResult) -> None:
    _load()
    entry = _RECORD.setdefault(result.exercise_id, {"passed": False, "attempts": 0})
    entry["attempts"] += 1
    entry["passed"] = entry["passed"] or result.passed
    path = progress_file()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8") as fh:
            json.dump({"version": 1, "exercises": _RECORD}, fh, indent=1, sort_keys=True)
        os.replace(fh.name, path)
    except Exception:
        pass


@dataclass(frozen=True, repr=False)
class Progress:
    """Which exercises of a notebook (or of all notebooks) this student has passed."""

    notebook: str
    rows: tuple        # (id, title, skill, difficulty, state, attempts); state: passed, tried, not tried

    @property
    def passed(self) -> list[str]:
        return [r[0] for r in self.rows if r[4] == "passed"]

    def summary(self) -> str:
        return tr("{notebook}: {n} of {total} exercises passed", notebook=self.notebook, n=len(self.passed),
                  total=len(self.rows))

    def __repr__(self) -> str:
        marks = {"passed": "✔ " + tr("passed"), "tried": "✘ " + tr("tried"), "not tried": "– " + tr("not tried")}
        lines = [self.summary()]
        lines += [f"  {marks[r[4]]:<13} {r[0]:<8} {r[1]} ({tr(r[2])}, {tr(r[3])})" for r in self.rows]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        marks = {"passed": "✔ " + tr("passed"), "tried": "✘ " + tr("tried"), "not tried": "– " + tr("not tried")}
        tries = lambda n: tr(" ({n} tries)", n=n) if n else ""
        body = "".join(
            f"<tr><td>{html.escape(marks[r[4]])}{tries(r[5])}</td><td>{html.escape(r[0])}</td>"
            f"<td>{html.escape(r[1])}</td><td>{html.escape(tr(r[2]))}</td><td>{html.escape(tr(r[3]))}</td></tr>"
            for r in self.rows)
        head = "".join(f'<th scope="col">{html.escape(tr(h))}</th>' for h in ("state", "id", "exercise", "skill", "difficulty"))
        return (f'<div class="redrev-progress" role="status"><table style="border-collapse:collapse">'
                f"<caption style=\"text-align:left;font-weight:bold\">{html.escape(self.summary())}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def progress(notebook: str | None = None) -> Progress:
    """Your progress in one exercise notebook (e.g. '04-azerbaijan'), or in all of them."""
    try:
        _load()
        exercises = _exercises()
        wanted = str(notebook) if notebook is not None else None
        if wanted is not None and wanted not in {ex["notebook"] for ex in exercises.values()}:
            names = sorted({ex["notebook"] for ex in exercises.values()})
            return Progress(tr("No notebook {value} (notebooks: {names})", value=repr(_short(wanted)),
                               names=", ".join(names)), ())
        rows = []
        for eid, ex in exercises.items():
            if wanted is None or ex["notebook"] == wanted:
                entry = _RECORD.get(eid, {})
                state = "passed" if entry.get("passed") else "tried" if entry.get("attempts") else "not tried"
                rows.append((eid, localised(ex)["title"], ex["skill"], ex["difficulty"], state, entry.get("attempts", 0)))
        return Progress(wanted or tr("all notebooks"), tuple(rows))
    except Exception as err:
        return Progress(tr("Progress is not available ({error})", error=type(err).__name__), ())
