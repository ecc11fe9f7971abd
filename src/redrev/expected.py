"""Expected answers of the data questions, computed from the dataset when an answer is checked.

Nothing here is stored: if the data change, the expected answers change with them. The
instructors' worked solutions (instructors/solutions.yaml) reach the same values the way a student
would; the tests check that both agree. Each function takes the :class:`~redrev.data.Dataset`.
"""
from __future__ import annotations

from typing import Callable

import pandas as pd

from . import model

_EXPECTED: dict[str, Callable] = {}


def expected(exercise_id: str, d):
    """The expected value of a data question (a number, ids, a date, a mapping or a DataFrame)."""
    return _EXPECTED[exercise_id](d)


def computed_ids() -> list[str]:
    return list(_EXPECTED)


def _for(exercise_id: str):
    def register(func):
        _EXPECTED[exercise_id] = func
        return func
    return register


def _docs_of(d, case: str) -> pd.DataFrame:
    return d.documents.loc[d.documents["case"].eq(case).fillna(False)]


def _has_flag(d, prefix: str) -> pd.Series:
    return d.documents["flags"].map(lambda flags: any(f.startswith(prefix) for f in flags))


def _in_order(d, ids: list[str]) -> list[str]:
    subset = d.documents.set_index("id").loc[ids]
    return subset.sort_values(["date", "time"], kind="stable", na_position="last").index.tolist()


def _stage_rows(d, case: str) -> pd.DataFrame:
    return d.stages.loc[d.stages["case"] == case]


# --- 03-model ---
_for("mo-01")(lambda d: int(d.cases["outcome"].eq("sovietised").sum()))
_for("mo-02")(lambda d: d.stages.loc[d.stages["status"] == "documented"].groupby("stage").size().to_dict())
_for("mo-03")(lambda d: [c for c, g in d.stages.groupby("case") if g["status"].eq("documented").all()])
_for("mo-04")(lambda d: _stage_rows(d, "az-1920-04").sort_values(["date", "stage"])["stage"].tolist())
_for("mo-06")(lambda d: d.stages.loc[(d.stages["stage"] == 1) & d.stages["outside_capital"].eq("yes").fillna(False), "case"].tolist())

# --- 04-azerbaijan ---
_for("az-01")(lambda d: len(_docs_of(d, "az-1920-04")))
_for("az-02")(lambda d: [p for p in d.documents.set_index("id").at["D011", "senders"] if p != "ordzhonikidze"][0])
_for("az-03")(lambda d: d.events.loc[d.events["case"].eq("az-1920-04").fillna(False)
                                      & d.events["kind"].eq("border_crossing"), "start"].min())
_for("az-04")(lambda d: _in_order(d, ["D002", "D007", "D009", "D011", "D014", "D017"]))
_for("az-05")(lambda d: _docs_of(d, "az-1920-04").loc[lambda x: x["date_basis"].eq("implied").fillna(False), "id"].tolist())


@_for("az-09")
def _days_order_to_handover(d):
    order = d.documents.set_index("id").at["D009", "date"]
    handover = d.events.set_index("id").at["E009", "start"]
    return (handover - order).days


# --- 05-armenia ---
_for("am-01")(lambda d: len(_docs_of(d, "am-1920-11")))
_for("am-02")(lambda d: d.events.loc[d.events["kind"].eq("government_fell")
                                      & d.events["evidence_docs"].map(lambda ids: "D057" in ids), "start"].min())
_for("am-05")(lambda d: d.documents.set_index("id").at["D112", "date"])
_for("am-06")(lambda d: d.documents.set_index("id").at["D118", "recipients"][0])
_for("am-07")(lambda d: _stage_rows(d, "am-1920-11").loc[lambda s: s["status"] != "documented", "stage"].tolist())

# --- 06-georgia ---
_for("ge-01")(lambda d: int(_has_flag(d, "contradicts:")[d.documents["case"].eq("ge-1921-02").fillna(False)].sum()))
_for("ge-02")(lambda d: d.documents.set_index("id").at["D036", "date"])
_for("ge-03")(lambda d: d.documents.set_index("id").at["D020", "date_basis"])
_for("ge-05")(lambda d: _in_order(d, ["D139", "D134", "D131", "D138", "D135", "D133"]))
_for("ge-06")(lambda d: d.documents.loc[d.documents["case"].isin(["ge-1920-05", "ge-1921-02"]).fillna(False)
                                         & d.documents["date_basis"].eq("received").fillna(False)]
              .groupby("case").size().to_dict())
_for("ge-07")(lambda d: _stage_rows(d, "ge-1921-02").loc[lambda s: s["status"] == "not_documented", "stage"].tolist())

# --- 07-comparison ---
_for("cmp-01")(lambda d: d.stages.assign(ok=d.stages["status"].eq("documented")).groupby("case")["ok"].sum().to_dict())


@_for("cmp-02")
def _days_stage4_to_stage5(d):
    dates = _stage_rows(d, "am-1920-11").set_index("stage")["date"]
    return (dates[5] - dates[4]).days


_for("cmp-03")(lambda d: sorted(set(model.out_of_order(d.stages)["case"])))
_for("cmp-04")(lambda d: d.documents.loc[d.documents["country"].isin(["azerbaijan", "armenia", "georgia"]).fillna(False)]
               .groupby("country").size().to_dict())
_for("cmp-05")(lambda d: d.cases.sort_values("start")["id"].tolist())


@_for("cmp-06")
def _greeted(d):
    sovietised = set(d.cases.loc[d.cases["outcome"] == "sovietised", "id"])
    five = d.stages.loc[(d.stages["stage"] == 5) & (d.stages["status"] == "documented"), "case"]
    return sorted(sovietised & set(five))


# --- 08-correspondence ---
_for("cor-01")(lambda d: d.documents["senders"].explode().value_counts().index[0])
_for("cor-02")(lambda d: int((d.documents["senders"].map(lambda s: "ordzhonikidze" in s)
                              & d.documents["recipients"].map(lambda r: "lenin" in r)).sum()))
_for("cor-03")(lambda d: d.documents["date_basis"].dropna().value_counts().to_dict())
_for("cor-04")(lambda d: d.documents.loc[_has_flag(d, "struck_out"), "id"].tolist())
_for("cor-09")(lambda d: d.documents.loc[d.documents["senders"].map(lambda s: "chicherin" in s),
                                          ["id", "date", "date_basis"]].reset_index(drop=True))

# --- 09-reading-telegrams ---
_for("tel-01")(lambda d: d.documents.set_index("id").at["D020", "time"])
_for("tel-02")(lambda d: d.documents.loc[d.documents["date_basis"].eq("received").fillna(False)
                                          & (d.documents["date"].dt.to_period("M") == pd.Period("1920-05", "M")), "id"].tolist())
_for("tel-03")(lambda d: int(_has_flag(d, "year_implied").sum()))
_for("tel-05")(lambda d: d.documents.loc[d.documents["id"].isin(["D020", "D036", "D037", "D038", "D039"])
                                          & d.documents["date_basis"].eq("sent").fillna(False), "id"].tolist())
_for("tel-07")(lambda d: d.documents.loc[d.documents["time"].notna(), ["id", "date", "time", "date_basis"]]
               .reset_index(drop=True))
