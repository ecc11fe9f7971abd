"""Printable document sets (issue 13): chosen from the data, one per episode chapter, printed as PDF."""
from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest

import redrev
from browser import ROOT, toc_files
from redrev import handouts, printing


@pytest.fixture(scope="module")
def data():
    return redrev.dataset()


def flat(text: str) -> str:
    return " ".join(text.split())


def russian(row) -> str:
    return row["quote_ru"] if isinstance(row["quote_ru"], str) else row["evidence_ru"]


def test_every_episode_republic_has_a_set_page(data):
    pages = [d for d in toc_files() if "/handout-" in d]
    assert len(pages) == len(handouts.countries(data))
    for country in handouts.countries(data):
        assert any(country in d for d in pages), f"no document set page for {country}"


def test_key_documents_come_from_the_episodes_and_hold_the_stage_evidence(data):
    for country in handouts.countries(data):
        cases = set(handouts.episode_cases(data, country)["id"])
        docs = handouts.key_documents(data, country)
        assert handouts.MIN_DOCUMENTS <= len(docs) <= handouts.MAX_DOCUMENTS
        assert set(docs["case"]) <= cases
        assert list(docs["date"].dropna()) == sorted(docs["date"].dropna()), "the set reads in time order"
        evidence = {d for ds in data.stages[data.stages["case"].isin(cases)]["evidence_docs"] for d in ds}
        if len(evidence) <= handouts.MAX_DOCUMENTS:
            assert evidence <= set(docs["id"]), f"{country}: a stage's evidence is left out of the set"
        assert docs["quote_ru"].notna().sum() >= len(docs) // 2, f"{country}: too few documents quoted in Russian"


def test_questions_name_documents_of_the_data(data):
    known = set(data.documents["id"]) | set(data.events["id"])
    for country in handouts.countries(data):
        asked = handouts.questions(data, country)
        assert 3 <= len(asked) <= 5
        assert {q.kind for q in asked} == {"sourcing", "corroboration"}
        for q in asked:
            assert set(q.documents) <= known and all(d in q.text for d in q.documents)
            assert q.key, "every question has a pointer in the key"


def test_handout_holds_sourcing_headers_russian_beside_english_and_the_organizer(data):
    for country in handouts.countries(data):
        page = handouts.handout_html(data, country)
        docs = handouts.key_documents(data, country)
        for _, row in docs.iterrows():
            assert f'id="handout-{row["id"]}"' in page
            assert html.escape(russian(row)) in page and html.escape(row["summary_en"] if not isinstance(row["quote_en"], str) else row["quote_en"]) in page
        assert page.count('<dl class="redrev-sourcing">') == len(docs)
        assert page.count('<blockquote lang="ru">') == len(docs) == page.count('<blockquote lang="en">')
        assert page.count('class="redrev-handout-space"') == len(handouts.questions(data, country))
        cases = handouts.episode_cases(data, country)
        assert page.count('<table class="redrev-organizer">') == len(cases)
        assert page.count('<th scope="row">') == 5 * len(cases)


def test_key_gives_the_stage_status_and_evidence(data):
    key = handouts.key_html(data, "azerbaijan")
    stages = data.stages[data.stages["case"] == "az-1920-04"]
    for _, stage in stages.iterrows():
        for doc in stage["evidence_docs"]:
            assert re.search(rf"<th scope=\"row\">{stage['stage']}\. [^<]+</th><td>[^<]*{doc}", key), doc


def test_unknown_republic_gets_a_clear_message(data):
    with pytest.raises(ValueError, match="no episode of 'ossetia'.*azerbaijan"):
        handouts.key_documents(data, "ossetia")


def test_handout_pdfs_hold_their_documents_ids_and_russian_text(data, pdf_edition):
    for docname in [d for d in toc_files() if "/handout-" in d]:
        country = next(c for c in handouts.countries(data) if c in docname)
        pdf = pdf_edition / printing.pdf_name(docname)
        pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        text = flat(" ".join(pages))
        for _, row in handouts.key_documents(data, country).iterrows():
            assert row["id"] in text, f"{docname}: {row['id']} missing"
            assert flat(russian(row))[:60] in text, f"{docname}: the Russian text of {row['id']} is missing"
        last = flat(next(p for p in reversed(pages) if p.strip()))
        assert "Organizer" in last and all(f"{n}." in last for n in range(1, 6)), "the organizer has its own last page"


def test_solutions_export_holds_the_keys():
    result = subprocess.run([sys.executable, "tools/export_solutions.py"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    page = (ROOT / "_build" / "solutions" / "index.html").read_text(encoding="utf-8")
    assert "Document sets (For the classroom)" in page and page.count("From the data:") >= 9
