"""The Russian edition computed by the package: language choice, Russian dates, cards, charts, checks."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import redrev
from redrev import cards, i18n

T = pd.Timestamp


@pytest.fixture(scope="module")
def data():
    return redrev.dataset()


@pytest.fixture(autouse=True)
def fresh_language(monkeypatch):
    """Every test starts with no language chosen and no REDREV_LANG."""
    monkeypatch.delenv("REDREV_LANG", raising=False)
    monkeypatch.setattr(i18n, "_chosen", None)


# --- choosing the language ---------------------------------------------------------------------

def test_english_by_default_and_set_language_switches():
    assert redrev.get_language() == "en"
    redrev.set_language("ru")
    assert redrev.get_language() == "ru"
    redrev.set_language("EN")
    assert redrev.get_language() == "en"


def test_environment_chooses_russian_until_set_language_overrides(monkeypatch):
    monkeypatch.setenv("REDREV_LANG", "ru")
    assert i18n.get_language() == "ru"
    i18n.set_language("en")
    assert i18n.get_language() == "en"


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown language 'fr'; choose one of en, ru"):
        redrev.set_language("fr")
    assert i18n.get_language() == "en"


def test_language_block_restores_the_choice():
    i18n.set_language("en")
    with i18n.language("ru"):
        assert i18n.tr("undated") == "без даты"
    assert i18n.tr("undated") == "undated"


# --- dates -------------------------------------------------------------------------------------

def test_russian_dates_use_the_genitive_and_the_year_mark():
    with i18n.language("ru"):
        assert i18n.day(T("1920-04-28")) == "28 апреля 1920 г."
        assert i18n.day_month(T("1920-03-17")) == "17 марта"
        assert i18n.month_year(T("1920-05-01")) == "май 1920 г."
        assert i18n.month_year(T("1920-05-01"), case="prep") == "мае 1920 г."
        assert i18n.month_year(T("1921-02-01"), case="gen") == "февраля 1921 г."


def test_english_dates_are_the_book_s_forms():
    with i18n.language("en"):
        assert i18n.day(T("1920-04-28")) == "28 April 1920"
        assert i18n.day_month(T("1920-04-05")) == "5 April"
        assert i18n.month_year(T("1920-11-01")) == "November 1920"


@pytest.mark.parametrize("start,end,en,ru", [
    ("1920-04-27", "1920-04-28", "27–28 April 1920", "27–28 апреля 1920 г."),
    ("1920-04-30", "1920-05-02", "30 April – 2 May 1920", "30 апреля – 2 мая 1920 г."),
    ("1920-12-31", "1921-01-01", "31 December 1920 – 1 January 1921", "31 декабря 1920 г. – 1 января 1921 г."),
])
def test_day_ranges(start, end, en, ru):
    assert i18n.day_range(T(start), T(end)) == en
    with i18n.language("ru"):
        assert i18n.day_range(T(start), T(end)) == ru


def test_month_ranges_and_nights():
    nov, dec = T("1920-11-01"), T("1920-12-01")
    assert i18n.month_range(nov, dec) == "November–December 1920"
    assert i18n.night(T("1921-02-11"), T("1921-02-12")) == "the night of 11–12 February 1921"
    with i18n.language("ru"):
        assert i18n.month_range(nov, dec) == "ноябрь–декабрь 1920 г."
        assert i18n.month_range(nov, dec, case="prep") == "ноябре–декабре 1920 г."
        assert i18n.night(T("1921-02-11"), T("1921-02-12")) == "ночь с 11 на 12 февраля 1921 г."
        assert i18n.night(T("1920-04-30"), T("1920-05-01")) == "ночь с 30 апреля на 1 мая 1920 г."


def test_partial_dates_and_lists():
    with i18n.language("ru"):
        assert i18n.partial_date(T("1920-05-01"), "month", mark=True) == "май 1920 г. (известен только месяц)"
        assert i18n.partial_date(pd.NaT, "day") == "без даты"
        assert i18n.join_and(["Баку", "Тифлис", "Эривань"]) == "Баку, Тифлис и Эривань"
        assert [i18n.plural(n, "документ", "документа", "документов") for n in (1, 3, 11, 22, 25)] == [
            "документ", "документа", "документов", "документа", "документов"]


# --- the message table -------------------------------------------------------------------------

def test_every_translated_field_survives():
    """Each Russian value keeps exactly the {fields} of its English key."""
    for en, ru in i18n.RU.items():
        assert sorted(re.findall(r"\{(\w*)", en)) == sorted(re.findall(r"\{(\w*)", ru)), en


# --- cards -------------------------------------------------------------------------------------

def test_russian_card_has_russian_labels_quote_and_summary_only(data):
    row = data.documents.set_index("id", drop=False).loc["D007"]
    with i18n.language("ru"):
        out = cards.card_html(row, data.people)
    assert row["quote_ru"] in out.replace("&quot;", '"') and 'lang="en"' not in out
    assert row["summary_en"] not in out and "телеграмма" in out and "17 марта 1920 г." in out
    assert "Орджоникидзе, Г. К." in out and "Ленин" in out
    assert "Квашонкин 2016, примеч. " in out and "год по контексту" in out
    assert not re.search(r"\b(From|to|note|telegram|Source problems)\b", re.sub(r"<[^>]+>", " ", out))


def test_english_card_unchanged_in_english(data):
    row = data.documents.set_index("id", drop=False).loc["D007"]
    out = cards.card_html(row, data.people)
    assert 'lang="en"' in out and "17 March 1920" in out and "<strong>From</strong>" in out
