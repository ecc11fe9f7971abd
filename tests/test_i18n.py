"""The Russian edition computed by the package: language choice, Russian dates, cards, charts, checks."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import redrev
from redrev import cards, i18n

ROOT = Path(__file__).resolve().parents[1]
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
    """Each Russian value uses only {fields} its English key has (an English plural 's' may go)."""
    for en, ru in i18n.RU.items():
        assert set(re.findall(r"\{(\w*)", ru)) <= set(re.findall(r"\{(\w*)", en)), en


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


# --- charts ------------------------------------------------------------------------------------

def all_charts(data):
    """Every chart of the book, built as the chapters build it."""
    from redrev import charts, compare, geo, model, registers
    from redrev import correspondence as co

    return {
        "documents_timeline": lambda: charts.documents_timeline(data.documents),
        "stage_overview": lambda: charts.stage_overview(data.stages),
        "episode_timeline": lambda: charts.episode_timeline(data, "am-1920-11"),
        "aligned_stages": lambda: charts.aligned_stages(compare.stage_spans(data.stages), data.cases),
        "moscow_decisions": lambda: charts.moscow_decisions_chart(compare.moscow_decisions(data.documents),
                                                                  data.cases, data.people),
        "departures": lambda: charts.departures_chart(model.departures(data.stages, data.cases), list(data.cases["id"])),
        "sender_groups": lambda: charts.sender_groups_chart(compare.sender_groups(data.documents)),
        "network": lambda: charts.correspondence_network(co.nodes(data.documents, data.people),
                                                         co.undirected(co.edges(data.documents, by="country"))),
        "volume": lambda: charts.monthly_volume(co.monthly_counts(data.documents)),
        "channels": lambda: charts.channels_over_time(data.documents),
        "reports": lambda: charts.reports_to_moscow_chart(co.reports_to_moscow(data.documents)),
        "stages_timeline": lambda: charts.stages_timeline(data, ["ge-1920-05", "ge-1921-02"]),
        "stages_timeline_one": lambda: charts.stages_timeline(data, ["az-1920-04"]),
        "source_problems": lambda: charts.source_problems(data.documents, data.events, data.cases),
        "correspondents": lambda: charts.correspondents_chart(registers.people_table(data), minimum=3),
        "places_map": lambda: charts.places_map(geo.load_boundaries(), geo.places_table(data),
                                                geo.episode_labels(data.cases)),
        "documents_per_month": lambda: charts.documents_per_month(data.documents),
        "stage_sequence": lambda: charts.stage_sequence(data.stages, data.cases),
    }


def reader_texts(node, found=None):
    """Titles, descriptions, axis, legend and tooltip titles, drop-down names and labels of a spec."""
    found = [] if found is None else found
    if isinstance(node, dict):
        for key, val in node.items():
            if key in ("datasets", "data", "values", "params") and key != "params":
                continue
            if key in ("title", "description", "subtitle", "text", "labels") and isinstance(val, (str, list)):
                found += [v for v in (val if isinstance(val, list) else [val]) if isinstance(v, str)]
            elif key == "bind" and isinstance(val, dict):
                found += [val.get("name", "")] + [v for v in val.get("labels", []) if isinstance(v, str)]
            else:
                reader_texts(val, found)
    elif isinstance(node, list):
        for item in node:
            reader_texts(item, found)
    return found


IDS = re.compile(r"\b(D\d{3}|E\d{3}|[a-z]{2}-\d{4}-\d{2}|id)\b")


@pytest.mark.parametrize("name", list(all_charts(None)))
def test_russian_chart_has_no_english_left(data, name):
    with i18n.language("ru"):
        spec = all_charts(data)[name]().to_dict()
    texts = reader_texts(spec)
    assert texts and spec["description"] and re.search("[а-я]{4}", spec["description"])
    english = [t for t in texts if re.search(r"[A-Za-z]{3,}", IDS.sub("", t))]
    assert not english, english


def test_russian_chart_keeps_the_ids_and_names_the_values(data):
    from redrev import charts

    with i18n.language("ru"):
        spec = charts.documents_timeline(data.documents).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert {r["country"] for r in rows} >= {"azerbaijan", "armenia", "georgia"}  # filters compare ids
    case_filter = next(p for p in spec["params"] if p["name"] == "case_filter")
    assert case_filter["bind"]["options"][0] is None and case_filter["bind"]["labels"][0] == "Все"
    assert spec["encoding"]["x"]["title"] == "Дата" and "Азербайджан" in spec["encoding"]["color"]["legend"]["labelExpr"]
    tips = {t["title"] for t in spec["encoding"]["tooltip"]}
    assert tips == {"id", "дата", "тип", "отправители", "содержание"}
    assert any(t["field"] == "type__ru" for t in spec["encoding"]["tooltip"])
    assert any("телеграмма" in t.get("calculate", "") for t in spec["transform"])
    assert all(re.search("[а-я]", r["summary"]) for r in rows)


def test_russian_chart_draws_the_same_data_as_the_english(data):
    from redrev import charts

    english = charts.stage_overview(data.stages).to_dict()
    with i18n.language("ru"):
        russian = charts.stage_overview(data.stages).to_dict()
    assert [r["case"] for r in next(iter(russian["datasets"].values()))] == [
        r["case"] for r in next(iter(english["datasets"].values()))]
    assert english["title"].startswith("Which stages") and russian["title"].startswith("Какие этапы")


def test_russian_data_table_and_chart_html(data):
    from redrev import charts, renderer

    with i18n.language("ru"):
        out = renderer.chart_html(charts.documents_per_month(data.documents).to_dict())
    assert "Данные графика (таблица)" in out and "<th scope=\"col\">месяц</th>" in out
    assert "<td>Армения</td>" in out and "<td>armenia</td>" not in out
    assert "Data behind this chart" not in out and "Loading the chart" not in out


# --- redrev.check, the self-checks and the Russian exercise notebooks ---------------------------

@pytest.fixture
def russian(monkeypatch, tmp_path):
    monkeypatch.setenv("REDREV_PROGRESS", str(tmp_path / "progress.json"))
    from redrev import checks

    monkeypatch.setattr(checks, "_RECORD", {})
    with i18n.language("ru"):
        yield


def test_check_speaks_russian(russian):
    right = redrev.check("mo-01", 3)
    assert right.passed and repr(right).startswith("✔ Верно (mo-01): Отлично.")
    wrong = redrev.check("mo-01", 5)
    assert not wrong.passed and wrong.message.startswith("Это число всех эпизодов")
    unreadable = redrev.check("mo-01", "три")
    assert unreadable.status == "invalid" and "это не число" in unreadable.message and "Ожидается: одно число" in unreadable.message
    empty = redrev.check("mo-01")
    assert "Замените None своим ответом" in empty.message and "Подсказка: Сравните столбец" in empty.message
    assert "Неизвестное упражнение" in repr(redrev.check("xx-99", 1))
    short = redrev.check("am-09", "Подготовлено.")
    assert "нужно не меньше 120" in short.message and 'role="status"' in short._repr_html_()


def test_check_accepts_answers_written_in_russian(russian):
    assert redrev.check("az-02", "Тухачевский").passed
    assert redrev.check("tel-04", "невозможная дата").passed
    assert redrev.check("ge-03", "получено").passed
    order = ["Вступление Красной армии", "переворот", "ревком", "обращение ревкома", "приветствие"]
    assert redrev.check("mo-04", order).passed
    assert not redrev.check("mo-04", ["переворот", "ревком", "обращение", "армия", "приветствие"]).passed


def test_english_stays_english_with_russian_fields_in_the_bank(monkeypatch, tmp_path):
    monkeypatch.setenv("REDREV_PROGRESS", "off")
    assert redrev.check("mo-01", 5).message.startswith("That is the number of all episodes")
    assert redrev.selfcheck("02-context").title == "Check your understanding: the context"


def test_progress_in_russian(russian):
    redrev.check("mo-01", 3)
    text = repr(redrev.progress("03-model"))
    assert text.startswith("03-model: решено упражнений — 1 из 7") and "Эпизоды, завершившиеся" in text
    assert "<th scope=\"col\">упражнение</th>" in redrev.progress("03-model")._repr_html_()


def test_selfcheck_in_russian_has_russian_prompts_hints_and_feedback(russian):
    import sys

    verdict = sys.modules["redrev.selfcheck"].verdict
    sc = redrev.selfcheck("09-reading-telegrams")
    assert sc.title == "Проверьте себя: чтение телеграмм"
    flag = sc.questions[1]
    assert verdict(flag, "невозможная дата") == ("correct", "Отлично.")
    assert verdict(flag, "impossible_date")[0] == "correct"
    assert verdict(flag, "date_approximate") == ("wrong", flag["mistakes"][next(iter(flag["mistakes"]))])
    assert verdict(flag, "дата")[1].startswith("Подсказка: Посмотрите отметки D112")
    context = redrev.selfcheck("02-context").questions
    assert verdict(context[1], "17 марта 1920 г.")[0] == "correct"
    assert verdict(context[2], "Орджоникидзе")[0] == "correct"
    assert verdict(context[2], "Киров")[1].startswith("Киров был его ближайшим соратником")
    page = redrev.selfcheck("02-context")._repr_html_()
    assert ">Проверить</button>" in page and "Ваш ответ (дата с числом" in page and "Нефть" in page
    assert '"Well done.": "Отлично."' in page and "Check your understanding" not in page


def test_russian_exercise_notebooks_are_generated_in_russian():
    import nbformat

    from redrev import checks

    for name in checks.bank()["notebooks"]:
        english = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
        russian = nbformat.read(ROOT / "exercises" / "ru" / f"{name}.ipynb", as_version=4)
        code = lambda nb: [c.source for c in nb.cells if c.cell_type == "code"]
        assert len(russian.cells) == len(english.cells)
        assert 'redrev.set_language("ru")' in code(russian)[0]
        assert code(russian)[-1] == code(english)[-1] == f'redrev.progress("{name}")'
        assert re.findall(r'redrev\.check\("[^"]+"', "".join(code(russian))) == re.findall(
            r'redrev\.check\("[^"]+"', "".join(code(english)))
        prose = "\n".join(c.source for c in russian.cells if c.cell_type == "markdown")
        assert prose.startswith("# Упражнения") and "## Ваш прогресс" in prose

