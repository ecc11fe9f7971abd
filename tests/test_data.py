"""The dataset loads, validates, traces to the article, and fails clearly when broken."""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import redrev
from redrev.data import DataError, load

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TRACE = ROOT.parent / "shared" / "tools" / "trace_quotes.py"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
SCHEMAS = {r["name"]: r["schema"] for r in PACKAGE["resources"]}


@pytest.fixture(scope="module")
def data():
    return load(DATA)


def test_tables_have_their_rows(data):
    assert len(data.documents) >= 100
    assert len(data.cases) == 5
    assert len(data.stages) == 25
    assert set(data.stages.groupby("case")["stage"].apply(sorted).map(tuple)) == {(1, 2, 3, 4, 5)}
    assert len(data.people) >= 30 and len(data.places) >= 15 and len(data.events) >= 30


def test_types(data):
    docs = data.documents
    assert pd.api.types.is_datetime64_any_dtype(docs["date"])
    assert set(docs["date_precision"].dropna()) <= {"day", "month", "year"}
    assert docs["senders"].map(lambda v: isinstance(v, list)).all()
    assert str(docs["note"].dtype) == "Int64"
    assert docs["date"].dropna().between("1917-01-01", "1921-12-31").all()


def test_every_record_has_evidence(data):
    docs = data.documents
    assert (docs["quote_ru"].notna() | docs["evidence_ru"].notna()).all()
    for table in ("events", "people", "places", "cases"):
        frame = getattr(data, table)
        assert frame["evidence_ru"].notna().all(), f"{table}: rows without evidence_ru"
    documented = data.stages[data.stages["status"] != "not_documented"]
    assert documented["evidence_ru"].notna().all()


def test_no_person_or_place_is_recorded_twice(data):
    from redrev import geo, registers

    assert registers.possible_duplicates(data.people) == []
    assert geo.possible_duplicates(data.places) == []


def test_contradictions_name_real_records(data):
    ids = set(data.documents["id"]) | set(data.events["id"])
    named = {f.split(":", 1)[1] for flags in data.documents["flags"] for f in flags if f.startswith("contradicts:")}
    assert named and named <= ids


def test_contradictions_are_recorded_on_both_sides(data):
    """A contradiction is mutual: if A carries contradicts:B, B carries contradicts:A."""
    flagged = {(rid, f.split(":", 1)[1]) for frame in (data.documents, data.events)
               for rid, flags in zip(frame["id"], frame["flags"]) for f in flags if f.startswith("contradicts:")}
    one_sided = sorted(f"{a} -> {b}" for a, b in flagged if (b, a) not in flagged)
    assert not one_sided, f"contradicts: flags missing on the other side: {', '.join(one_sided)}"


def test_source_problems_are_flagged(data):
    flags = {f.split(":")[0] for fl in data.documents["flags"] for f in fl}
    assert {"impossible_date", "date_received", "year_implied", "struck_out", "contradicts"} <= flags
    impossible = data.documents[data.documents["flags"].map(lambda f: "impossible_date" in f)]
    assert impossible["date_printed"].notna().all()


def test_frictionless_validates_the_package():
    from frictionless import Package

    report = Package(str(DATA / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_russian_fragments_trace_to_the_article(table):
    if not TRACE.is_file():
        pytest.fail(f"{TRACE} is missing: the shared/ folder must sit beside the repository")
    columns = [f["name"] for f in SCHEMAS[table]["fields"] if f["name"].endswith("_ru") and f["name"] != "name_ru"
               and f["name"] != "name_ru_variants" and "x-russian-of" not in f]
    args = [arg for c in columns for arg in ("--column", c)]
    result = subprocess.run([sys.executable, str(TRACE), str(DATA / f"{table}.csv"), *args],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


# English prose columns the Russian edition does not show in Russian: it shows quote_ru, the
# original, instead of quote_en, and names have their own Russian columns (name_ru).
NOT_TRANSLATED = {"quote_en", "name_en"}


def csv_rows(table: str) -> list[dict[str, str]]:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def record(table: str, row: dict[str, str]) -> str:
    return row.get("id") or f"{row['case']}/{row['stage']}"


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_every_english_text_has_its_russian_text(table):
    rows = csv_rows(table)
    english = [c for c in rows[0] if c.endswith("_en") and c not in NOT_TRANSLATED]
    declared = {f.get("x-russian-of"): f["name"] for f in SCHEMAS[table]["fields"]}
    assert english, f"{table}.csv has no English prose column"
    for column in english:
        assert declared.get(column) == column[:-3] + "_ru", f"{table}.{column}: no {column[:-3]}_ru declared in datapackage.json"
    missing = [f"{record(table, r)}.{c[:-3]}_ru" for r in rows for c in english if r[c].strip() and not r[c[:-3] + "_ru"].strip()]
    assert not missing, f"{table}.csv: English text without its Russian text: {', '.join(missing)}"


def trace_tool():
    spec = importlib.util.spec_from_file_location("trace_quotes", TRACE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_quotations_in_the_russian_texts_trace_to_the_article(table):
    if not TRACE.is_file():
        pytest.fail(f"{TRACE} is missing: the shared/ folder must sit beside the repository")
    tool = trace_tool()
    source = tool.load_source()
    columns = [f["name"] for f in SCHEMAS[table]["fields"] if "x-russian-of" in f]
    quoted = [(record(table, r), c, q) for r in csv_rows(table) for c in columns for q in re.findall(r"«([^«»]+)»", r[c])]
    assert quoted or table in ("cases", "places"), f"{table}: no quotation found in the Russian texts"
    untraced = [f"{rec}.{c}: «{q}»" for rec, c, q in quoted if not tool.find(q, source)]
    assert not untraced, "quotations not found in the article: " + "; ".join(untraced)


def test_codebook_documents_every_column_and_value():
    codebook = (DATA / "README.md").read_text(encoding="utf-8")
    for table, schema in SCHEMAS.items():
        for field in schema["fields"]:
            assert f"`{field['name']}`" in codebook, f"{table}.{field['name']} missing from the codebook"
            for value in field.get("constraints", {}).get("enum", []):
                assert f"`{value}`" in codebook, f"{table}.{field['name']} value {value} missing"


# --- broken copies -----------------------------------------------------------------------

def broken_copy(tmp_path: Path, table: str, edit) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / f"{table}.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def replace_cell(table: str, column: str, row: int, value: str):
    """An edit that sets one cell (data row numbers start at 1)."""
    def edit(text: str) -> str:
        frame = pd.read_csv(pd.io.common.StringIO(text), dtype=str, keep_default_na=False)
        frame.loc[row - 1, column] = value
        return frame.to_csv(index=False)
    return edit


@pytest.mark.parametrize("table,column,value,problem", [
    ("documents", "date", "1920-13-01", "not a real date"),
    ("documents", "date", "1920-11-31", "not a real date"),
    ("documents", "date", "1925-01-01", "outside 1917-1921"),
    ("documents", "date", "5 May 1920", "does not have the expected form"),
    ("documents", "senders", "nobody_known", "'nobody_known' is not an id in people.csv"),
    ("documents", "type", "tweet", "is not one of"),
    ("documents", "stage", "7", "outside 1-5"),
    ("documents", "note", "x", "is not an integer"),
    ("documents", "case", "xx-1920-01", "is not an id in cases.csv"),
    ("events", "places", "atlantis", "is not an id in places.csv"),
    ("documents", "flags", "contradicts:D999", "names no document or event"),
    ("people", "kind", "", "is empty but required"),
    ("documents", "summary_ru", "", "is empty, but summary_en is not"),
])
def test_a_bad_cell_is_named(tmp_path, table, column, value, problem):
    folder = broken_copy(tmp_path, table, replace_cell(table, column, 3, value))
    with pytest.raises(DataError) as err:
        load(folder)
    message = str(err.value)
    assert message.startswith(f"{table}.csv, row 3, column '{column}'"), message
    assert problem in message


def test_a_duplicate_id_is_named(tmp_path):
    first = load(DATA).documents["id"][0]
    folder = broken_copy(tmp_path, "documents", replace_cell("documents", "id", 4, first))
    with pytest.raises(DataError, match=rf"documents.csv, row 4, column 'id': {first} repeats row 1"):
        load(folder)


def test_a_missing_column_is_named(tmp_path):
    folder = broken_copy(tmp_path, "people", lambda t: t.replace("name_en,", "", 1))
    with pytest.raises(DataError, match=r"people.csv, column 'name_en': column is missing from the header"):
        load(folder)


def test_a_row_with_too_many_cells_is_named(tmp_path):
    def edit(text):
        lines = text.splitlines(keepends=True)
        lines.insert(2, lines[1].rstrip("\r\n") + ",extra\n")
        return "".join(lines)
    folder = broken_copy(tmp_path, "places", edit)
    with pytest.raises(DataError, match=r"places.csv, row 2: has \d+ cells, the header has \d+"):
        load(folder)


def test_a_missing_file_is_named(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "events.csv").unlink()
    with pytest.raises(DataError, match="events.csv: file is missing"):
        load(folder)


def test_dataset_is_cached_and_found_from_a_subfolder(monkeypatch):
    monkeypatch.chdir(ROOT / "book")
    monkeypatch.delenv("REDREV_DATA", raising=False)
    redrev.dataset.cache_clear()
    assert redrev.dataset() is redrev.dataset()
