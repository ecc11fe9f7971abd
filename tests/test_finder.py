"""The document finder's HTML and relations, and the reader's strings (no browser)."""
from __future__ import annotations

import html
import re

import pytest

import redrev
from redrev import finder, reader_text


@pytest.fixture(scope="module")
def data():
    return redrev.dataset()


@pytest.fixture(scope="module")
def page_en(data):
    return finder.finder_html(data, "en")


@pytest.fixture(scope="module")
def page_ru(data):
    return finder.finder_html(data, "ru")


def test_every_document_has_a_row_and_a_card(data, page_en):
    rows = re.findall(r'<tr data-id="([DE]\d{3})"', page_en)
    assert rows == sorted(data.documents["id"])
    for rid in data.documents["id"]:
        assert f'<div class="redrev-finder-entry" id="{rid}"' in page_en
    assert f'All {len(data.documents)} documents' in page_en


def test_row_attributes_come_from_the_data(data, page_en):
    d = data.documents.set_index("id")
    row = re.search(r'<tr data-id="D020"[^>]*>', page_en).group(0)
    assert f'data-basis="{d.at["D020", "date_basis"]}"' in row
    assert f'data-senders="{" ".join(d.at["D020", "senders"])}"' in row
    assert 'data-start="1920-05-' in row
    # a document known to the month covers the whole month in the date filter
    month = d[d["date_precision"] == "month"].index[0]
    mrow = re.search(rf'<tr data-id="{month}"[^>]*>', page_en).group(0)
    assert re.search(r'data-start="(\d{4}-\d\d)-01" data-end="\1-(28|29|30|31)"', mrow)
    undated = d[d["date"].isna()].index[0]
    assert 'data-start="" data-end=""' in re.search(rf'<tr data-id="{undated}"[^>]*>', page_en).group(0)


def test_relations_are_symmetric_and_named(data):
    rels = finder.relations(data)
    ids = set(data.documents["id"]) | set(data.events["id"])
    for a, items in rels.items():
        assert a in ids
        for r in items:
            assert r.other in ids and r.other != a
            assert any(back.other == a and back.kind == r.kind for back in rels[r.other]), (a, r)
    kinds = {r.kind for items in rels.values() for r in items}
    assert kinds == {"contradicts", "same_event", "same_stage"}
    assert any(r.other == "D068" and r.kind == "contradicts" for r in rels["D075"])
    # documents cited for one event are related through it, and the note names the event
    ev = data.events[data.events["evidence_docs"].map(len) >= 2].iloc[0]
    a, b = ev["evidence_docs"][:2]
    assert finder.Relation(b, "same_event", ev["id"]) in rels[a]
    assert finder.relation_notes(data, "en")[ev["id"]].startswith(f"{ev['id']}: {ev['summary_en']}")


def test_the_page_escapes_the_data(data):
    docs = data.documents.copy()
    docs.loc[docs["id"] == "D001", "summary_en"] = '<script>alert("x")</script>'
    body = finder.finder_html(type(data)(**{**data.__dict__, "documents": docs}), "en")
    assert '<script>alert' not in body
    assert html.escape('<script>alert("x")</script>', quote=False) in body


def test_brief_cards_leave_the_row_its_parts(data, page_en):
    from redrev.cards import card_html

    row = data.documents.set_index("id", drop=False).loc["D017"]
    full, brief = card_html(row, data.people), card_html(row, data.people, brief=True)
    for part in ("redrev-card-route", "redrev-card-summary", "Source problems flagged"):
        assert part in full and part not in brief
    assert html.escape(row["quote_ru"]) in brief and "redrev-card-cite" in brief
    assert brief in page_en


def test_the_cards_link_to_the_finder(data):
    from redrev.cards import card_html

    row = data.documents.set_index("id", drop=False).loc["D017"]
    assert '<a href="documents.html#D017">D017</a>' in card_html(row, data.people)


def test_russian_edition(data, page_ru):
    assert 'lang="ru"' in page_ru and "Поиск по документам" in page_ru
    d = data.documents.set_index("id")
    assert html.escape(d.at["D017", "summary_ru"], quote=False) in page_ru
    assert "Search the documents" not in page_ru and "Side by side" not in page_ru


def test_reader_text_has_both_languages():
    en, ru = reader_text.TEXT["en"], reader_text.TEXT["ru"]
    assert en.keys() == ru.keys()
    for key in en:
        assert re.findall(r"\{\w+\}", en[key]) == re.findall(r"\{\w+\}", ru[key]), key
        assert ru[key] and ru[key] != en[key], key
    assert reader_text.text("ru_RU") is ru and reader_text.text(None) is en and reader_text.text("de") is en


def test_russian_labels_dates_and_cards(data, page_ru):
    from redrev.sources import flag_kind

    with redrev.i18n.language("ru"):
        labels = {redrev.i18n.label(v) for v in data.documents["type"].dropna()}
        labels |= {redrev.i18n.label(flag_kind(f)) for fl in data.documents["flags"] for f in fl}
    assert all(re.search("[а-я]", label) for label in labels)
    options = set(re.findall(r'<option value="[a-z_]+">([^<]+)</option>', page_ru))
    assert labels <= options | {html.escape(x, quote=False) for x in options}
    row = re.search(r'<tr data-id="D017".*?</tr>', page_ru).group(0)
    assert "4 мая 1920 г." in row
    card = re.search(r'<div class="redrev-finder-entry" id="D017".*?</article>', page_ru).group(0)
    assert 'lang="en"' not in card   # the Russian quotation alone
    assert redrev.i18n.get_language() == "en"   # the Russian page leaves the language as it was
