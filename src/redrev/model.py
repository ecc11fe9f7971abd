"""The author's five-stage "red revolution" model and the comparisons computed from stages.csv."""
from __future__ import annotations

import pandas as pd

STAGES = {
    1: "Communist coup",
    2: "Revkom formed",
    3: "Revkom appeals to Soviet Russia",
    4: "Red Army enters",
    5: "Greeting from Moscow",
}
CAPITALS = {"azerbaijan": "baku", "armenia": "erivan", "georgia": "tiflis"}


def stage_label(stage: int) -> str:
    return f"{stage}. {STAGES[stage]}"


def aligned(stages: pd.DataFrame) -> pd.DataFrame:
    """Dated stages with ``day``: days since the episode's earliest dated stage.

    Dates known only to the month or year count from the first day of that period, and keep
    their ``date_precision`` so a reader can see which offsets are approximate.
    """
    dated = stages.dropna(subset=["date"]).copy()
    first = dated.groupby("case")["date"].transform("min")
    dated["day"] = (dated["date"] - first).dt.days.astype("Int64")
    dated["stage_label"] = dated["stage"].map(stage_label)
    return dated.sort_values(["case", "stage"]).reset_index(drop=True)


def out_of_order(stages: pd.DataFrame) -> pd.DataFrame:
    """Stages dated earlier than a stage the model puts before them (same episode)."""
    rows = []
    for case, group in aligned(stages).groupby("case"):
        latest_stage, latest_date = None, None
        for row in group.itertuples():
            if latest_date is not None and row.date < latest_date:
                rows.append({"case": case, "stage": row.stage, "kind": "out_of_order",
                             "detail": f"{stage_label(row.stage)} ({row.date:%Y-%m-%d}) comes before "
                                       f"{stage_label(latest_stage)} ({latest_date:%Y-%m-%d})"})
            if latest_date is None or row.date > latest_date:
                latest_stage, latest_date = row.stage, row.date
    return pd.DataFrame(rows, columns=["case", "stage", "kind", "detail"])


def departures(stages: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Every place where an episode departs from the model: missing, out of order, staged, off-capital."""
    country = cases.set_index("id")["country"]
    rows = []
    for row in stages.itertuples():
        if row.status != "documented":
            rows.append({"case": row.case, "stage": row.stage, "kind": "missing",
                         "detail": f"{stage_label(row.stage)}: the article documents it as {row.status.replace('_', ' ')}"})
        if pd.notna(row.staged) and row.staged == "yes":  # empty cells (<NA>) are not "yes"
            rows.append({"case": row.case, "stage": row.stage, "kind": "staged",
                         "detail": f"{stage_label(row.stage)} was arranged from outside"})
        if pd.notna(row.outside_capital) and row.outside_capital == "yes":
            rows.append({"case": row.case, "stage": row.stage, "kind": "outside_capital",
                         "detail": f"{stage_label(row.stage)} happened away from {CAPITALS[country[row.case]].title()}"})
    found = pd.concat([pd.DataFrame(rows, columns=["case", "stage", "kind", "detail"]), out_of_order(stages)])
    return found.sort_values(["case", "stage", "kind"]).reset_index(drop=True)


def follows_model(stages: pd.DataFrame, cases: pd.DataFrame) -> pd.Series:
    """Per episode: True when no stage is missing or out of order (staging is reported, not judged)."""
    found = departures(stages, cases)
    broken = set(found.loc[found["kind"].isin(["missing", "out_of_order"]), "case"])
    return pd.Series({case: case not in broken for case in cases["id"]}, name="follows_model")
