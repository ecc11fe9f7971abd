"""Comparing the five episodes: timing, duration, who wrote, what Moscow decided, where the model fails.

Every rule here is a short, visible function so that a reader can check (and dispute) it:

* :func:`moscow_stance` sorts a document sent from Moscow into *approve*, *restrain*, *mixed*
  or *neither* by looking for the cue phrases in :data:`APPROVE_CUES` and
  :data:`RESTRAIN_CUES` in our English summary of the document (``summary_en``). It classifies
  our summary, not the Russian original, and it reports which cue decided.
* "Moscow" means the role group ``moscow`` of :mod:`redrev.correspondence`.
"""
from __future__ import annotations

import pandas as pd

from . import model
from .correspondence import MOSCOW, ROLE_GROUPS, role

# A cue is a lower-case phrase looked for in the summary. "Approve" means the document backs a
# forward move (taking power, sending or keeping troops, greeting a new Soviet government);
# "restrain" means it holds the Caucasian leadership back (forbids, delays, prefers peace).
APPROVE_CUES = (
    "taking baku the priority", "greeting", "greeted", "confirms ordzhonikidze's powers",
    "divisions stay", "back azerbaijan", "speed up", "inclined to let", "capture of tiflis",
    "readiness for war", "war with georgia",
)
RESTRAIN_CUES = (
    "caution", "forbids", "pulled back", "held back", "temporary peace", "no need to hurry",
    "do not hurry", "rebukes the plans", "avoid adventures", "do not take the initiative",
    "georgian treaty", "divisions are sent to the western front",
    "from the caucasian front to the western front", "peace and compromise", "compromise line",
    "no uprisings", "be patient", "refuses", "rejects", "conciliatory", "no campaign",
    "delay a break", "into the background", "nothing is to be done",
)
STANCES = ("approve", "mixed", "restrain", "neither")


def moscow_stance(summary: str) -> tuple[str, list[str]]:
    """``(stance, cues found)`` for one summary: both kinds of cue give ``mixed``, none ``neither``."""
    text = str(summary).lower()
    approve = [c for c in APPROVE_CUES if c in text]
    restrain = [c for c in RESTRAIN_CUES if c in text]
    stance = ("mixed" if approve and restrain else "approve" if approve
              else "restrain" if restrain else "neither")
    return stance, approve + restrain


def moscow_decisions(documents: pd.DataFrame) -> pd.DataFrame:
    """Every document with at least one sender in Moscow, with its stance and the cues behind it.

    Documents with no named sender are not included, even where the article says they came from
    Moscow (see :func:`unattributed`).
    """
    from_moscow = documents[documents["senders"].map(lambda s: bool(set(s) & MOSCOW))]
    rows = []
    for d in from_moscow.itertuples():
        stance, cues = moscow_stance(d.summary_en)
        rows.append({"id": d.id, "date": d.date, "precision": d.date_precision, "case": d.case,
                     "type": d.type, "senders": list(d.senders), "stance": stance, "cues": cues,
                     "summary": d.summary_en})
    out = pd.DataFrame(rows, columns=["id", "date", "precision", "case", "type", "senders", "stance",
                                      "cues", "summary"])
    return out.sort_values(["date", "id"], na_position="last").reset_index(drop=True)


def unattributed(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents with no named sender: they cannot be counted for anyone."""
    return documents.loc[documents["senders"].map(len) == 0, ["id", "date", "type", "summary_en"]]


def sender_groups(documents: pd.DataFrame) -> pd.DataFrame:
    """Per episode and role group: how many of the episode's documents that group sent or co-signed.

    A document co-signed by people of two groups counts once for each group; ``ordzhonikidze``
    says how many of the Kavbyuro group's documents he signed himself.
    """
    rows = []
    for case, docs in documents.dropna(subset=["case"]).groupby("case"):
        for group in ROLE_GROUPS:
            sent = docs["senders"].map(lambda s, g=group: any(role(p) == g for p in s))
            rows.append({"case": case, "group": group, "label": ROLE_GROUPS[group], "n": int(sent.sum()),
                         "documents": len(docs)})
        rows.append({"case": case, "group": "unnamed", "label": "No named sender",
                     "n": int((docs["senders"].map(len) == 0).sum()), "documents": len(docs)})
    table = pd.DataFrame(rows)
    by_him = documents.dropna(subset=["case"]).groupby("case")["senders"].apply(
        lambda s: int(s.map(lambda p: "ordzhonikidze" in p).sum()))
    table["ordzhonikidze"] = table["case"].map(by_him)
    return table


def initiative(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per episode: documents from the Kavbyuro group, from Moscow, and Ordzhonikidze's own."""
    groups = sender_groups(documents)
    wide = groups.pivot(index="case", columns="group", values="n")
    out = pd.DataFrame({
        "documents": groups.groupby("case")["documents"].first(),
        "kavbyuro": wide["kavbyuro"], "ordzhonikidze": groups.groupby("case")["ordzhonikidze"].first(),
        "moscow": wide["moscow"],
    })
    out["ratio"] = (out["kavbyuro"] / out["moscow"].where(out["moscow"] > 0)).round(1)
    return out.reset_index()


def stage_spans(stages: pd.DataFrame) -> pd.DataFrame:
    """:func:`redrev.model.aligned` plus ``day_end`` (offset of ``date_end``, where there is one)."""
    dated = model.aligned(stages)
    first = dated.groupby("case")["date"].transform("min")
    dated["day_end"] = (dated["date_end"] - first).dt.days.astype("Int64")
    return dated


def durations(cases: pd.DataFrame, stages: pd.DataFrame) -> pd.DataFrame:
    """How long each episode took, two ways: from cases.csv (start to end) and from its dated stages.

    ``approximate`` is true when any date used is known only to the month: such a date counts
    from the first of the month, so the number of days is a rough figure.
    """
    spans = stage_spans(stages)
    rows = []
    for c in cases.itertuples():
        mine = spans[spans["case"] == c.id]
        stage_start = mine["date"].min() if len(mine) else pd.NaT
        ends = pd.concat([mine["date"], mine["date_end"]]).dropna()
        stage_end = ends.max() if len(ends) else pd.NaT
        coarse = (set(mine["date_precision"]) | set(mine.loc[mine["date_end"].notna(), "date_end_precision"])) - {"day"}
        rows.append({
            "case": c.id, "outcome": c.outcome, "start": c.start, "end": c.end,
            "days_cases": (c.end - c.start).days,
            "cases_approximate": c.start_precision != "day" or c.end_precision != "day",
            "dated_stages": len(mine), "first_stage": stage_start, "last_stage": stage_end,
            "days_stages": (stage_end - stage_start).days if len(mine) else pd.NA,
            "stages_approximate": bool(coarse),
        })
    return pd.DataFrame(rows)
