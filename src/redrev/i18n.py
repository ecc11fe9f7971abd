"""The language of everything the package shows a reader: English (default) or Russian.

``redrev.set_language("ru")`` switches a notebook to Russian; without it, the environment variable
``REDREV_LANG=ru`` does (the Russian build sets it for the kernels). Strings are written in English
in the code and looked up in one table, ``redrev.messages_ru.RU`` (:func:`tr`); dates are formatted here, in the
Russian form where the language is Russian ("28 апреля 1920 г.").
"""
from __future__ import annotations

import os
from contextlib import contextmanager

import pandas as pd

from .messages_ru import RU

LANGUAGES = ("en", "ru")
_chosen: str | None = None

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
# Russian month names by case: nominative ("апрель 1920 г."), genitive ("28 апреля"),
# prepositional ("в апреле 1920 г.").
MONTHS_RU = {
    "nom": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
            "ноябрь", "декабрь"],
    "gen": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
            "ноября", "декабря"],
    "prep": ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
             "ноябре", "декабре"],
}
MONTHS_RU_SHORT = ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."]


def set_language(lang: str) -> None:
    """Show charts, cards, checks and glued text in ``"ru"`` (Russian) or ``"en"`` (English)."""
    global _chosen
    code = str(lang).strip().lower()
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _chosen = code


def get_language() -> str:
    """``"ru"`` after ``set_language("ru")`` or with ``REDREV_LANG=ru`` in the environment, else ``"en"``."""
    if _chosen is not None:
        return _chosen
    return "ru" if os.environ.get("REDREV_LANG", "").strip().lower().startswith("ru") else "en"


@contextmanager
def language(lang: str):
    """Within a ``with`` block, use ``lang``; the choice made before comes back afterwards."""
    global _chosen
    before = _chosen
    set_language(lang)
    try:
        yield
    finally:
        _chosen = before


def is_ru() -> bool:
    return get_language() == "ru"


def tr(text: str, /, **values) -> str:
    """``text`` (English) in the current language, with ``{name}`` fields filled from ``values``."""
    if is_ru():
        text = RU.get(text, text)
    return text.format(**values) if values else text


def pick(en, ru):
    """``en`` or ``ru``, whichever is the current language (for values that are not strings)."""
    return ru if is_ru() else en


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    """``frame[name + "_ru"]`` in Russian (where filled; else the English), ``frame[name + "_en"]`` in English."""
    en = frame[f"{name}_en"]
    if not is_ru() or f"{name}_ru" not in frame:
        return en
    ru = frame[f"{name}_ru"]
    return ru.where(ru.notna() & (ru.astype(str) != ""), en)


def value(row, name: str):
    """One row's ``name_ru`` in Russian (where filled), else its ``name_en``."""
    if is_ru():
        ru = row.get(f"{name}_ru")
        if ru is not None and not (isinstance(ru, float) and pd.isna(ru)) and str(ru) != "":
            return ru
    return row.get(f"{name}_en")


# --- dates ---

def day(ts) -> str:
    """A day: '28 April 1920' / '28 апреля 1920 г.'."""
    if is_ru():
        return f"{ts.day} {MONTHS_RU['gen'][ts.month - 1]} {ts.year} г."
    return f"{ts.day} {MONTHS_EN[ts.month - 1]} {ts.year}"


def short_day(ts) -> str:
    """A day with the month abbreviated: '23 Apr 1920' / '23 апр. 1920 г.'."""
    if is_ru():
        return f"{ts.day} {MONTHS_RU_SHORT[ts.month - 1]} {ts.year} г."
    return f"{ts.day} {MONTHS_EN[ts.month - 1][:3]} {ts.year}"


def day_month(ts) -> str:
    """A day without the year: '28 April' / '28 апреля'."""
    return f"{ts.day} {MONTHS_RU['gen'][ts.month - 1]}" if is_ru() else f"{ts.day} {MONTHS_EN[ts.month - 1]}"


def month(ts, case: str = "nom") -> str:
    """A month name alone: 'April' / 'апрель' (``case``: 'nom', 'gen' or 'prep' in Russian)."""
    return MONTHS_RU[case][ts.month - 1] if is_ru() else MONTHS_EN[ts.month - 1]


def month_year(ts, case: str = "nom") -> str:
    """A month: 'April 1920' / 'апрель 1920 г.' (``case="prep"``: 'апреле 1920 г.', after «в»)."""
    return f"{month(ts, case)} {ts.year}" + (" г." if is_ru() else "")


def year(ts) -> str:
    return f"{ts.year} г." if is_ru() else str(ts.year)


def day_range(start, end) -> str:
    """Consecutive days: '27–28 April 1920', '30 April – 2 May 1920' (Russian: '27–28 апреля 1920 г.')."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end)}"
    if start.year == end.year:
        return f"{day_month(start)} – {day(end)}"
    return f"{day(start)} – {day(end)}"


def month_range(start, end, case: str = "nom") -> str:
    """The months from ``start`` to ``end``: 'May 1920', 'November–December 1920', 'ноябрь–декабрь 1920 г.'."""
    if (start.year, start.month) == (end.year, end.month):
        return month_year(start, case)
    if start.year == end.year:
        return f"{month(start, case)}–{month_year(end, case)}"
    return f"{month_year(start, case)}–{month_year(end, case)}"


def night(start, end) -> str:
    """A night between two days: 'the night of 11–12 February 1921' / 'ночь с 11 на 12 февраля 1921 г.'."""
    if is_ru():
        first = str(start.day) if start.month == end.month else day_month(start)
        return f"ночь с {first} на {day(end)}"
    return f"the night of {start.day}–{day(end)}" if start.month == end.month else f"the night of {day_range(start, end)}"


def partial_date(ts, precision: str, mark: bool = False) -> str:
    """A date known to the day, month or year; ``mark`` adds '(month only)' / '(year only)'."""
    if ts is None or pd.isna(ts):
        return tr("undated")
    if precision == "day":
        return day(ts)
    text = month_year(ts) if precision == "month" else year(ts)
    return f"{text} ({tr(precision + ' only')})" if mark else text


def join_and(items) -> str:
    """'A, B and C' / 'A, B и C'."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" и " if is_ru() else " and ") + items[-1]


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form for ``n``: 1 документ, 2 документа, 5 документов."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def label(code) -> str:
    """A vocabulary value of the data ('direct_wire') as a reader sees it: 'direct wire' / 'прямой провод'."""
    head, sep, rest = str(code).partition(":")
    return tr(head.replace("_", " ")) + sep + rest

