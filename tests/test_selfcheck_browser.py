"""The self-check in a static page, as a reader meets it: headless Chromium, a file:// page (no
server, no kernel, no network), answers typed and chosen with the keyboard and the mouse."""
from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import re
from pathlib import Path

import pytest
import yaml

import redrev
from redrev.checks import AnswerError

sc = importlib.import_module("redrev.selfcheck")
ROOT = Path(__file__).resolve().parents[1]
SPEC = yaml.safe_load((ROOT / "instructors" / "solutions.yaml").read_text(encoding="utf-8"))["selfcheck"]
CHAPTERS = list(SPEC)
PEOPLE = redrev.dataset().people.set_index("id")


@pytest.fixture(scope="module")
def selfcheck_file(tmp_path_factory) -> Path:
    """Every chapter's self-check, rendered by Python into one static HTML file."""
    body = "\n".join(f"<h2>{chapter}</h2>\n{redrev.selfcheck(chapter)._repr_html_()}" for chapter in CHAPTERS)
    path = tmp_path_factory.mktemp("selfcheck") / "selfcheck.html"
    path.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Self-checks</title></head>'
                    f"<body><main><h1>Self-checks</h1>{body}</main></body></html>", encoding="utf-8")
    return path


@pytest.fixture
def opened(page, selfcheck_file):
    """The page, opened from disk; any request outside it, or a script error, fails the test."""
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()
    page.route("**/*", route)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(selfcheck_file.as_uri())
    page.wait_for_function("() => window.RedrevSelfcheck !== undefined")
    yield page
    assert outside == [], f"requests outside the page: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


def form(page, chapter: str, n: int):
    return page.locator(f'section[data-chapter="{chapter}"] form.redrev-sc-q').nth(n)


def submit(f, q: dict, value: str) -> tuple[str, str]:
    if q["kind"] == "choice":
        f.locator(f'input[type=radio][value="{value}"]').check()
    else:
        f.locator("input[type=text]").fill(value)
    f.locator("button[type=submit]").click()
    feedback = f.locator(".redrev-sc-feedback")
    return feedback.get_attribute("data-result"), feedback.inner_text()


def right_answers(q: dict) -> list[str]:
    """The reference answer as a reader would type it, in several forms."""
    answer = str(q["answer"])
    if q["kind"] == "name":
        return [PEOPLE.at[answer, "name_en"].split(",")[0], PEOPLE.at[answer, "name_ru"].split(",")[0].upper(), answer]
    if q["kind"] == "date":
        day = dt.date.fromisoformat(answer)
        return [answer, f"{day.day} {day:%B %Y}", f"{day:%d.%m.%Y}", f"{day:%B} {day.day}, {day.year}"]
    return [answer, *q.get("accept", [])]


def cases():
    for chapter, entry in SPEC.items():
        for n, q in enumerate(entry["questions"]):
            yield pytest.param(chapter, n, q, id=f"{chapter}-{n + 1}")


@pytest.mark.parametrize("chapter, n, q", list(cases()))
def test_right_and_wrong_answers(opened, chapter, n, q):
    f = form(opened, chapter, n)
    for wrong in q.get("wrong", []):
        result, text = submit(f, q, str(wrong["answer"]))
        assert result == "wrong" and "Not yet." in text and wrong["hint"] in text
    listed = {str(q["answer"]), *(str(w["answer"]) for w in q.get("wrong", []))}
    generic = {"choice": next(x for x in "abcd" if x not in listed), "date": "1 January 1900", "number": "999",
               "name": "Curzon", "doc": "D001", "text": "nothing like it"}[q["kind"]]
    result, text = submit(f, q, generic)
    assert result == "wrong" and "✘" in text and q["hint"] in text
    for answer in right_answers(q):
        result, text = submit(f, q, answer)
        assert (result, text.strip()) == ("correct", "✔ Correct."), answer


def test_unreadable_and_empty_answers(opened):
    q = SPEC["05-armenia"]["questions"][0]
    f = form(opened, "05-armenia", 0)
    assert submit(f, q, "31 ноября 1920") == ("invalid", "⚠ Cannot read this answer. I could not read this answer: "
                                                         "that month has 30 days, so day 31 does not exist.")
    result, text = submit(f, q, "14 May")
    assert result == "invalid" and "add the year" in text
    result, text = submit(f, q, "   ")
    assert result == "empty" and "Type an answer first" in text
    result, text = submit(f, q, "13 May 1920")
    assert result == "wrong" and "one day out" in text
    choice = form(opened, "05-armenia", 1)
    choice.locator("button[type=submit]").click()
    assert choice.locator(".redrev-sc-feedback").get_attribute("data-result") == "empty"


def test_keyboard_only(opened):
    """Type and submit with Enter; move through radio buttons with the arrow keys, submit with Space."""
    q = SPEC["06-georgia"]["questions"][2]
    f = form(opened, "06-georgia", 2)
    f.locator("input[type=text]").focus()
    opened.keyboard.type("25.02.1921")
    opened.keyboard.press("Enter")
    assert f.locator(".redrev-sc-feedback").get_attribute("data-result") == "correct", q
    choice = form(opened, "06-georgia", 1)
    choice.locator("input[type=radio]").first.focus()
    opened.keyboard.press("Space")          # selects the first option (a)
    opened.keyboard.press("ArrowDown")      # moves to and selects (b)
    opened.keyboard.press("Tab")            # leaves the radio group for the Check button
    assert opened.evaluate("document.activeElement.tagName") == "BUTTON"
    opened.keyboard.press("Space")
    assert choice.locator(".redrev-sc-feedback").get_attribute("data-result") == "correct"


def test_accessible_markup(opened):
    for chapter in CHAPTERS:
        section = opened.locator(f'section[data-chapter="{chapter}"]')
        assert section.get_attribute("aria-labelledby")
        assert section.locator(f'h3#{section.get_attribute("aria-labelledby")}').inner_text().strip()  # a named section
        assert section.locator("fieldset > legend").count() == len(SPEC[chapter]["questions"])
        feedback = section.locator(".redrev-sc-feedback")
        for i in range(feedback.count()):
            assert feedback.nth(i).get_attribute("role") == "status"
            assert feedback.nth(i).get_attribute("aria-live") == "polite"
        for box in section.locator("input[type=text]").all():
            assert section.locator(f'label[for="{box.get_attribute("id")}"]').count() == 1
        for radio in section.locator("input[type=radio]").all():
            assert radio.evaluate("el => el.closest('label') !== null && el.closest('label').textContent.trim() !== ''")
    f = form(opened, "02-context", 0)
    submit(f, SPEC["02-context"]["questions"][0], "b")
    icon = f.locator(".redrev-sc-feedback span[aria-hidden=true]")
    assert icon.inner_text().strip() == "✔" and f.locator(".redrev-sc-feedback strong").inner_text().strip() == "Correct."


def test_no_answer_in_the_page_source(opened, selfcheck_file):
    source = selfcheck_file.read_text(encoding="utf-8")
    for token in re.findall(r'data-accept="([^"]*)"', source):
        assert all(re.fullmatch(r"[0-9a-f]{32}", h) for h in token.split()), "only hashes are stored"
    text = re.sub(r'data-(accept|salt|mistakes)="[^"]*"', "", source)   # hashes are hex, never answers
    for chapter, entry in SPEC.items():
        start = text.index(f"<h2>{chapter}</h2>")
        page = text[start:text.index("<h2>", start + 5) if chapter != CHAPTERS[-1] else len(text)]
        page_text = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
        for q in entry["questions"]:
            if q["kind"] == "choice":
                continue   # the options are the question; nothing marks the right one (checked below)
            for answer in right_answers(q):
                if q["kind"] == "number":
                    assert not re.search(rf"(?<![\w.-]){re.escape(answer)}(?![\w.-])", re.sub(r"<[^>]+>", " ", page_text)), (chapter, answer)
                else:
                    assert answer.lower() not in page_text.lower(), (chapter, answer)
    radios = opened.locator("input[type=radio]")
    attributes = radios.evaluate_all("els => els.map(el => el.getAttributeNames().sort().join(','))")
    assert set(attributes) == {"name,type,value"}, "every option carries the same attributes"


NORMALISE = {
    "name": ["Orjonikidze", "Орджоникидзе", "G. K. Ordzhonikidze", "т. Серго", "Tukhachevskii", "Жордания", "Jordania",
             "Склянский", "Ilyich", "O'Neill", "Müller", "", "   ", "Ёлкин", "Щербаков", "Шейнман", "Чичерин",
             "Dzhugashvili-Stalin", "ab", "Xavier", "Kasian", "Касьян", "11-я армия", "Ohanjanyan", "Тифлис"],
    "date": ["1920-04-28", "28 April 1920", "April 28, 1920", "28.04.1920", "28/4/1920", "28 апреля 1920 г.",
             "28th of April 1920", "1920-04-28 02:10", "1920/04/28", "31 ноября 1920", "29.02.1920", "29.02.1921",
             "28 April", "April 1920", "1920", "yesterday", "", "32.01.1920", "1920-13-01", "28 Апр 1920", "sept 3 1920",
             "3 Sept. 1920", "28 de abril 1920", "0000-02-29"],
    "number": ["12", " 12.0 ", "12,5", "1,234", "-0", "0.0000001", "1e5", "123456789012345678", "+3", ".5", "5.",
               "12 documents", "", "٣", "1 000", "3.14159265", "-2,5"],
    "doc": ["D21", "d 021", "21", "D0", "D1000", "x", "D-131", "Д131", "d131 "],
    "text": ["Impossible_Date!", "  Ёж  ", "date—received", "ÉCOLE", "a\tb\nc", "", "Ⅻ", "ﬁne"],
}


def test_script_normalises_like_python(opened):
    """The page's script and redrev.checks give the same canonical text, or both refuse."""
    run = """([kind, text]) => { try { return ["ok", window.RedrevSelfcheck.normalise(kind, text)]; }
             catch (e) { if (e instanceof window.RedrevSelfcheck.AnswerError) return ["error", ""]; throw e; } }"""
    for kind, inputs in NORMALISE.items():
        for text in inputs:
            try:
                expected = ["ok", sc.normalise(kind, text)]
            except AnswerError:
                expected = ["error", ""]
            assert opened.evaluate(run, [kind, text]) == expected, (kind, text)


@pytest.mark.parametrize("text", ["", "abc", "ы" * 100, "a" * 55, "a" * 56, "a" * 63, "a" * 64, "a" * 1000,
                                  "0fad33898850028d|1920-04-28", "日本語 ✔ 𝄞"])
def test_script_sha256_matches_hashlib(opened, text):
    assert opened.evaluate("t => window.RedrevSelfcheck.sha256(t)", text) == hashlib.sha256(text.encode()).hexdigest()


def test_two_selfchecks_on_one_page_load_the_script_once(opened):
    assert opened.locator("form.redrev-sc-q[data-bound]").count() == sum(len(e["questions"]) for e in SPEC.values())
    assert opened.evaluate("typeof window.RedrevSelfcheck.bindAll") == "function"


# --- The Russian self-checks (redrev.set_language("ru")): Russian prompts, hints, feedback, answers ---

MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]


@pytest.fixture(scope="module")
def russian_file(tmp_path_factory) -> Path:
    from redrev import i18n

    with i18n.language("ru"):
        body = "\n".join(f"<h2>{chapter}</h2>\n{redrev.selfcheck(chapter)._repr_html_()}" for chapter in CHAPTERS)
    path = tmp_path_factory.mktemp("selfcheck-ru") / "selfcheck.html"
    path.write_text('<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Самопроверка</title></head>'
                    f"<body><main><h1>Самопроверка</h1>{body}</main></body></html>", encoding="utf-8")
    return path


def russian_answers(q: dict) -> list[str]:
    """The reference answer as a Russian reader would type it."""
    answer = str(q["answer"])
    if q["kind"] == "name":
        return [PEOPLE.at[answer, "name_ru"].split(",")[0]]
    if q["kind"] == "date":
        day = dt.date.fromisoformat(answer)
        return [f"{day.day} {MONTHS_RU[day.month - 1]} {day.year} г.", f"{day:%d.%m.%Y}"]
    return [*q.get("accept_ru", [])] or [answer]


@pytest.mark.parametrize("chapter, n, q", list(cases()))
def test_russian_self_check(page, russian_file, chapter, n, q):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(russian_file.as_uri())
    page.wait_for_function("() => window.RedrevSelfcheck !== undefined")
    f = form(page, chapter, n)
    assert q["prompt_ru"].split("(")[0].strip()[:30] in f.locator("legend").inner_text()
    for wrong in q.get("wrong", []):
        result, text = submit(f, q, str(wrong["answer"]))
        assert result == "wrong" and "Пока неверно." in text and wrong["hint_ru"] in text
    listed = {str(q["answer"]), *(str(w["answer"]) for w in q.get("wrong", []))}
    generic = {"choice": next(x for x in "abcd" if x not in listed), "date": "1 января 1900", "number": "999",
               "name": "Керзон", "doc": "D001", "text": "ничего похожего"}[q["kind"]]
    result, text = submit(f, q, generic)
    assert result == "wrong" and text.strip().endswith("Подсказка: " + q["hint_ru"])
    for answer in russian_answers(q):
        result, text = submit(f, q, answer)
        assert (result, text.strip()) == ("correct", "✔ Верно."), answer
    if q["kind"] != "choice":
        result, text = submit(f, q, "   ")
        assert result == "empty" and "Сначала введите ответ." in text
    assert errors == []
