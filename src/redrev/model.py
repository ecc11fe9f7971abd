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
    """'1. Communist coup' (in Russian: '1. Коммунистический переворот')."""
    from .i18n import tr

    return f"{stage}. {tr(STAGES[stage])}"


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


def period_end(date: pd.Timestamp, precision) -> pd.Timestamp:
    """Last day a partial date can mean: its day, the month's last day, or 31 December."""
    if precision == "month":
        return date + pd.offsets.MonthEnd(0)
    if precision == "year":
        return date + pd.offsets.YearEnd(0)
    return date


def out_of_order(stages: pd.DataFrame) -> pd.DataFrame:
    """Stages that certainly happened before a stage the model puts earlier (same episode).

    A date known only to the month counts as the whole month, so "February 1921" is not taken
    to come before "11 February 1921".
    """
    dated = stages.dropna(subset=["date"]).sort_values(["case", "stage"])
    precision = dated.get("date_precision", pd.Series("day", index=dated.index))
    dated = dated.assign(last=[period_end(d, p) for d, p in zip(dated["date"], precision)])
    rows = []
    for case, group in dated.groupby("case"):
        earlier = []
        for row in group.itertuples():
            before = next((e for e in earlier if row.last < e.date), None)
            if before is not None:
                rows.append({"case": case, "stage": row.stage, "kind": "out_of_order",
                             "detail": f"{stage_label(row.stage)} ({row.date:%Y-%m-%d}) comes before "
                                       f"{stage_label(before.stage)} ({before.date:%Y-%m-%d})"})
            earlier.append(row)
    return pd.DataFrame(rows, columns=["case", "stage", "kind", "detail"])


STATUS_TEXT = {"not_documented": "not documented in the article", "ambiguous": "the article's evidence is ambiguous"}


def departures(stages: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Every place where an episode departs from the model.

    Kinds: ``missing`` (not documented), ``ambiguous``, ``out_of_order``, ``staged`` (arranged
    from outside) and ``outside_capital``.
    """
    capital = cases.set_index("id")["country"].map(CAPITALS).str.title()
    status = stages["status"].astype(str)
    is_yes = lambda column: stages[column].astype("string").eq("yes").fillna(False).astype(bool)
    base = pd.DataFrame({"case": stages["case"], "stage": stages["stage"]})
    labels = stages["stage"].map(stage_label)
    found = [
        base.assign(kind=status.map({"not_documented": "missing", "ambiguous": "ambiguous"}),
                    detail=labels + ": " + status.map(STATUS_TEXT))[status != "documented"],
        base.assign(kind="staged", detail=labels + " was arranged from outside")[is_yes("staged")],
        base.assign(kind="outside_capital",
                    detail=labels + " happened away from " + stages["case"].map(capital))[is_yes("outside_capital")],
        out_of_order(stages),
    ]
    return pd.concat(found).sort_values(["case", "stage", "kind"]).reset_index(drop=True)


def follows_model(stages: pd.DataFrame, cases: pd.DataFrame) -> pd.Series:
    """Per episode: True when every stage is documented and in order (staging is reported, not judged)."""
    found = departures(stages, cases)
    broken = set(found.loc[found["kind"].isin(["missing", "ambiguous", "out_of_order"]), "case"])
    return pd.Series({case: case not in broken for case in cases["id"]}, name="follows_model")
