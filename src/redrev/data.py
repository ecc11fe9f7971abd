"""Load the dataset into typed DataFrames, validating every cell against data/datapackage.json.

A broken file raises one :class:`DataError` that names the file, the row and the column.
Partial dates become two columns: ``<name>`` (a Timestamp at the start of the period) and
``<name>_precision`` (``day``, ``month`` or ``year``); ``;``-separated cells become lists.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

TABLES = ("cases", "stages", "people", "places", "documents", "events")
YEARS = (1917, 1921)
PRECISION = {4: "year", 7: "month", 10: "day"}


class DataError(ValueError):
    """A problem in one cell (or row) of one data file."""

    def __init__(self, file: str, row: int | None, column: str | None, problem: str):
        self.file, self.row, self.column, self.problem = file, row, column, problem
        where = file + (f", row {row}" if row is not None else "") + (f", column '{column}'" if column else "")
        super().__init__(f"{where}: {problem}")


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The data folder: the argument, $REDREV_DATA, or the nearest ``data/`` above the cwd."""
    if path is not None:
        return Path(path)
    if os.environ.get("REDREV_DATA"):
        return Path(os.environ["REDREV_DATA"])
    for folder in [Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[2]]:
        if (folder / "data" / "datapackage.json").is_file():
            return folder / "data"
    raise FileNotFoundError("No data/datapackage.json found above the current folder; set REDREV_DATA.")


@dataclass(frozen=True)
class Dataset:
    """All tables, typed and validated."""

    cases: pd.DataFrame
    stages: pd.DataFrame
    people: pd.DataFrame
    places: pd.DataFrame
    documents: pd.DataFrame
    events: pd.DataFrame


def _read_rows(path: Path, fields: list[str]) -> list[dict[str, str]]:
    name = path.name
    if not path.is_file():
        raise DataError(name, None, None, "file is missing")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise DataError(name, None, None, "file is empty (no header row)") from None
        missing = [f for f in fields if f not in header]
        if missing:
            raise DataError(name, None, missing[0], f"column is missing from the header (expected columns: {', '.join(fields)})")
        unknown = [h for h in header if h not in fields]
        if unknown:
            raise DataError(name, None, unknown[0], "column is not described in datapackage.json")
        rows = []
        try:
            for number, values in enumerate(reader, start=1):
                if len(values) != len(header):
                    raise DataError(name, number, None, f"has {len(values)} cells, the header has {len(header)} (line {reader.line_num})")
                rows.append(dict(zip(header, values)))
        except csv.Error as err:
            raise DataError(name, len(rows) + 1, None, f"is not valid CSV ({err}, line {reader.line_num})") from None
    return rows


def _check_cell(name: str, row: int, field: dict, value: str) -> None:
    c = field.get("constraints", {})
    col = field["name"]
    if value == "":
        if c.get("required"):
            raise DataError(name, row, col, "is empty but required")
        return
    if "enum" in c and value not in c["enum"]:
        raise DataError(name, row, col, f"{value!r} is not one of {', '.join(c['enum'])}")
    if "pattern" in c and not re.fullmatch(c["pattern"], value):
        raise DataError(name, row, col, f"{value!r} does not have the expected form ({c['pattern']})")
    if field["type"] in ("integer", "number"):
        try:
            number = int(value) if field["type"] == "integer" else float(value)
        except ValueError:
            raise DataError(name, row, col, f"{value!r} is not a{'n integer' if field['type'] == 'integer' else ' number'}") from None
        if not c.get("minimum", number) <= number <= c.get("maximum", number):
            raise DataError(name, row, col, f"{value} is outside {c['minimum']}-{c['maximum']}")
    if field.get("x-partial-date"):
        try:
            stamp = pd.Timestamp(value)
        except ValueError:
            raise DataError(name, row, col, f"{value!r} is not a real date") from None
        if not YEARS[0] <= stamp.year <= YEARS[1]:
            raise DataError(name, row, col, f"{value} is outside {YEARS[0]}-{YEARS[1]}")


def _check_russian(name: str, row: int, fields: list[dict], values: dict[str, str]) -> None:
    for f in fields:
        english = f.get("x-russian-of")
        if english and values[english] and not values[f["name"]]:
            raise DataError(name, row, f["name"], f"is empty, but {english} is not (every English text needs its Russian text)")


def _frame(rows: list[dict[str, str]], fields: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=[f["name"] for f in fields], dtype=object)
    for f in fields:
        col = f["name"]
        raw = df[col]
        if f.get("x-partial-date"):
            df[col] = pd.to_datetime(raw.replace("", None), format="mixed")
            df[f"{col}_precision"] = raw.map(lambda v: PRECISION.get(len(v)))
        elif f.get("x-list"):
            df[col] = raw.map(lambda v: v.split(";") if v else [])
        elif f["type"] == "integer":
            df[col] = pd.array([int(v) if v else None for v in raw], dtype="Int64")
        elif f["type"] == "number":
            df[col] = pd.array([float(v) if v else None for v in raw], dtype="Float64")
        else:
            df[col] = raw.replace("", None).astype("string")
    return df


def _check_keys(frames: dict[str, pd.DataFrame], rows: dict[str, list[dict]], schemas: dict[str, dict]) -> None:
    for table, schema in schemas.items():
        name = f"{table}.csv"
        seen: dict[tuple, int] = {}
        for number, row in enumerate(rows[table], start=1):
            key = tuple(row[k] for k in schema["primaryKey"])
            if key in seen:
                raise DataError(name, number, ",".join(schema["primaryKey"]), f"{'/'.join(key)} repeats row {seen[key]}")
            seen[key] = number
        refs = [(fk["fields"], fk["reference"]["resource"], False) for fk in schema.get("foreignKeys", [])]
        refs += [(f["name"], f["x-list-of"], True) for f in schema["fields"] if f.get("x-list-of")]
        for col, target, is_list in refs:
            known = {r["id"] for r in rows[target]}
            for number, row in enumerate(rows[table], start=1):
                for value in row[col].split(";") if is_list else [row[col]]:
                    if value and value not in known:
                        raise DataError(name, number, col, f"{value!r} is not an id in {target}.csv")
        if rows[table] and "flags" in rows[table][0]:
            known = {r["id"] for t in ("documents", "events") for r in rows[t]}
            for number, row in enumerate(rows[table], start=1):
                for flag in row["flags"].split(";"):
                    if flag.startswith("contradicts:") and flag[12:] not in known:
                        raise DataError(name, number, "flags", f"{flag!r} names no document or event")


def load(path: str | os.PathLike | None = None) -> Dataset:
    """Read and validate every table; raise :class:`DataError` at the first bad cell."""
    folder = data_dir(path)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    rows, frames = {}, {}
    for table in TABLES:
        fields = schemas[table]["fields"]
        rows[table] = _read_rows(folder / f"{table}.csv", [f["name"] for f in fields])
        for number, row in enumerate(rows[table], start=1):
            for f in fields:
                _check_cell(f"{table}.csv", number, f, row[f["name"]])
            _check_russian(f"{table}.csv", number, fields, row)
        frames[table] = _frame(rows[table], fields)
    _check_keys(frames, rows, schemas)
    return Dataset(**frames)


def records_sharing(frame: pd.DataFrame, keys: list[pd.Series]) -> list[list[str]]:
    """Groups of ids whose rows share a value of any of ``keys`` (possible duplicate records).

    Each key is a Series aligned with ``frame``; missing values match nothing. Groups that meet
    through different keys are joined.
    """
    groups: list[set[str]] = []
    for key in keys:
        for ids in frame["id"].groupby(key.to_numpy(), dropna=True).agg(list):
            new = set(ids)
            if len(new) < 2:
                continue
            for touching in [g for g in groups if g & new]:
                new |= touching
                groups.remove(touching)
            groups.append(new)
    return sorted(sorted(g) for g in groups)


@cache
def dataset() -> Dataset:
    """The project's dataset, loaded once per process."""
    return load()
