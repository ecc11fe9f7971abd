"""Course variants of the auto-graded exercises: parameters drawn from the data, per course text.

A *family* turns parameters (an episode, a document, a person, a status, a flag...) into a prompt,
hints, a worked solution and the expected value, computed from the dataset like
:mod:`redrev.expected`. ``FAMILIES`` maps an exercise id to its family and the parameters of the
public variant (the book's own question); :func:`pick` draws another candidate, deterministically
from the variant text. Candidates are only those whose answer is neither empty nor ambiguous.
Nothing here stores an answer: every expected value is computed when it is needed.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from . import model

REPUBLICS = ("azerbaijan", "armenia", "georgia")
STATUSES = ("documented", "ambiguous", "not_documented")
BASES = ("sent", "received", "implied")


@dataclass(frozen=True)
class Family:
    """One kind of variable question."""

    candidates: Callable      # d -> list of parameter dicts (solvable, unambiguous)
    expected: Callable        # (d, p) -> the expected value
    prompt: Callable          # (d, p) -> markdown
    solution: Callable        # p -> Python code that sets `answer`
    hints: Callable           # p -> list of hints
    title: Callable           # (d, p) -> the exercise's heading
    mistakes: Callable = lambda d, p: []   # (d, p) -> [(a typical wrong value, its hint)]


# --- small helpers on the dataset ---
def _docs(d) -> pd.DataFrame:
    return d.documents


def _day_dated(d) -> pd.DataFrame:
    """Documents dated to the day (a month or a year only would make a date question ambiguous)."""
    return d.documents.loc[d.documents["date"].notna() & d.documents["date_precision"].eq("day").fillna(False)]


def _in_case(d, case: str) -> pd.DataFrame:
    return d.documents.loc[d.documents["case"].eq(case).fillna(False)]


def _name(d, pid: str) -> str:
    row = d.people.set_index("id")["name_en"]
    return str(row.get(pid, pid))


def _has(flags, prefix: str) -> bool:
    return any(f.startswith(prefix) for f in flags)


def _flag_names(d) -> list[str]:
    return sorted({f.split(":")[0] + (":" if ":" in f else "") for fl in d.documents["flags"] for f in fl})


def _case_ids(d) -> list[str]:
    return list(d.cases["id"])


def _label(d, case: str) -> str:
    return str(d.cases.set_index("id").at[case, "label_en"])


def _fmt(day) -> str:
    return f"{day.day} {day:%B %Y}"


def _unique_max(counts: pd.Series) -> bool:
    return len(counts) > 0 and (len(counts) == 1 or counts.iloc[0] > counts.iloc[1])


# --- the families ---
def _count_case_docs():
    return Family(
        mistakes=lambda d, p: [(int(_docs(d)["country"].eq(d.cases.set_index("id").at[p["case"], "country"]).sum()),
                                "That counts the documents whose country is the episode's republic. The question asks for "
                                "the episode: filter on case."), (len(_docs(d)), "That is the number of all documents: filter first.")],
        title=lambda d, p: f"Documents of {p['case']}",
        candidates=lambda d: [{"case": c} for c in _case_ids(d) if len(_in_case(d, c))],
        expected=lambda d, p: len(_in_case(d, p["case"])),
        prompt=lambda d, p: f"How many documents in `docs` belong to the episode {_label(d, p['case'])} "
                            f"(`case` is \"{p['case']}\")?",
        solution=lambda p: f'answer = len(docs[docs["case"] == "{p["case"]}"])',
        hints=lambda p: ["Filter `docs` on the `case` column, then count the rows with `len(...)`.",
                         "The `country` column says what a document is about; the `case` column says which "
                         "episode it belongs to."])


def _cosigners(d) -> list[dict]:
    out = []
    for row in _docs(d).itertuples():
        people = [s for s in row.senders if s in set(d.people["id"])]
        if len(row.senders) == 2 and len(set(people)) == 2:
            out.append({"doc": row.id, "known": people[0]})
    return out


def _cosigner():
    return Family(
        title=lambda d, p: f"The co-signer of {p['doc']}",
        candidates=_cosigners,
        expected=lambda d, p: [s for s in _docs(d).set_index("id").at[p["doc"], "senders"] if s != p["known"]][0],
        prompt=lambda d, p: f"Document {p['doc']} has two senders; one of them is {_name(d, p['known'])} "
                            f"(`{p['known']}`). Who is the other? Give a name (English or Russian) or a person id.",
        solution=lambda p: (f'senders = docs.set_index("id").loc["{p["doc"]}", "senders"]\n'
                            f'answer = [s for s in senders if s != "{p["known"]}"][0]'),
        hints=lambda p: [f"Look up the row of {p['doc']} in `docs` and read its `senders` list.",
                         "`people` turns a person id into a name."])


def _event_dates(d) -> list[dict]:
    ev = d.events.dropna(subset=["case", "start"]).loc[lambda e: e["start_precision"].eq("day").fillna(False)]
    groups = ev.groupby(["case", "kind"]).size()
    return [{"case": c, "kind": k} for (c, k), n in groups.items() if n == 1 and k != "other"]


def _event_date():
    return Family(
        title=lambda d, p: f"When did it happen? ({p['case']})",
        candidates=_event_dates,
        expected=lambda d, p: d.events.loc[d.events["case"].eq(p["case"]).fillna(False)
                                           & d.events["kind"].eq(p["kind"]), "start"].min(),
        prompt=lambda d, p: f"According to the article's narrative (`events`), on what date did the event of kind "
                            f"`{p['kind']}` of the episode `{p['case']}` begin (its `start`)?",
        solution=lambda p: (f'rows = events[(events["case"] == "{p["case"]}") & (events["kind"] == "{p["kind"]}")]\n'
                            'answer = rows["start"].iloc[0]'),
        hints=lambda p: ["Filter `events` on `case` and `kind`, and read the `start` column.",
                         "A document's date and the date of the event it reports can differ."])


def _order_docs_candidates(country: str, size: int = 6, draws: int = 40):
    def candidates(d):
        pool = _day_dated(d).loc[lambda x: x["country"].eq(country).fillna(False)]
        by_day = pool.groupby("date")["id"].apply(sorted)
        days = sorted(by_day.index)
        if len(days) < size:
            return []
        rng = random.Random(f"order:{country}")
        out = []
        for _ in range(draws):
            chosen = sorted(rng.sample(days, size))
            ids = [rng.choice(by_day[day]) for day in chosen]
            rng.shuffle(ids)
            out.append({"docs": ids})
        return out
    return candidates


def _order_docs(country: str):
    return Family(
        mistakes=lambda d, p: [(p["docs"], "You kept the order in which the documents are listed. Sort them by their dates.")],
        title=lambda d, p: "Six documents in order",
        candidates=_order_docs_candidates(country),
        expected=lambda d, p: _docs(d).set_index("id").loc[p["docs"]]
                                    .sort_values(["date", "time"], kind="stable").index.tolist(),
        prompt=lambda d, p: ("Put these six documents in the order of their dates, earliest first: "
                             + ", ".join(p["docs"]) + "."),
        solution=lambda p: (f'chosen = docs[docs["id"].isin({p["docs"]!r})]\n'
                            'answer = chosen.sort_values(["date", "time"])["id"].tolist()'),
        hints=lambda p: ["Look up the six rows (`docs[docs[\"id\"].isin([...])]`) and sort them by `date`.",
                         "The order in which the article mentions documents is not the order in which they were written."])


def _basis_in_case():
    def candidates(d):
        return [{"case": c, "basis": b} for c in _case_ids(d) for b in BASES
                if _in_case(d, c)["date_basis"].eq(b).fillna(False).any()]
    return Family(
        title=lambda d, p: f"Dates of the basis `{p['basis']}` in {p['case']}",
        candidates=candidates,
        expected=lambda d, p: _in_case(d, p["case"]).loc[lambda x: x["date_basis"].eq(p["basis"]).fillna(False),
                                                         "id"].tolist(),
        prompt=lambda d, p: f"Which documents of the episode `{p['case']}` have the `date_basis` \"{p['basis']}\"? "
                            "Give their ids: a list, a Series or the filtered DataFrame itself.",
        solution=lambda p: (f'rows = docs[docs["case"] == "{p["case"]}"]\n'
                            f'answer = rows[rows["date_basis"] == "{p["basis"]}"]'),
        hints=lambda p: [f"Two conditions: `case` is \"{p['case']}\" and `date_basis` is \"{p['basis']}\".",
                         "You may pass the filtered DataFrame: the checker reads its `id` column."])


def _reported_events(d) -> list[dict]:
    ev = d.events.loc[d.events["start_precision"].eq("day").fillna(False)].explode("evidence_docs").dropna(subset=["evidence_docs"])
    groups = ev.groupby(["evidence_docs", "kind"]).size()
    return [{"doc": doc, "kind": k} for (doc, k), n in groups.items() if n == 1 and k != "other"]


def _event_reported():
    return Family(
        title=lambda d, p: f"An event reported in {p['doc']}",
        candidates=_reported_events,
        expected=lambda d, p: d.events.loc[d.events["kind"].eq(p["kind"])
                                           & d.events["evidence_docs"].map(lambda ids: p["doc"] in ids), "start"].min(),
        prompt=lambda d, p: f"Document {p['doc']} is evidence for several events. Among the `events` whose "
                            f"`evidence_docs` include \"{p['doc']}\", find the one of kind `{p['kind']}`: on what date "
                            "did it begin (`start`)?",
        solution=lambda p: (f'reported = events[events["evidence_docs"].apply(lambda ids: "{p["doc"]}" in ids)]\n'
                            f'answer = reported[reported["kind"] == "{p["kind"]}"]["start"].iloc[0]'),
        hints=lambda p: [f"`events[\"evidence_docs\"].apply(lambda ids: \"{p['doc']}\" in ids)` marks the events "
                         f"{p['doc']} reports.",
                         "A document's own date and the dates of the events it reports are different things."])


def _doc_date():
    def candidates(d):
        rows = _day_dated(d).loc[lambda x: x["date_printed"].notna()]
        return [{"doc": i} for i in rows["id"]]
    return Family(
        title=lambda d, p: f"How the dataset reads the date of {p['doc']}",
        candidates=candidates,
        expected=lambda d, p: _docs(d).set_index("id").at[p["doc"], "date"],
        prompt=lambda d, p: (f"Document {p['doc']} is printed with the date «{_docs(d).set_index('id').at[p['doc'], 'date_printed']}». "
                             "As which date (day, month and year) does the dataset read it (the `date` column)?"),
        solution=lambda p: f'answer = docs.set_index("id").loc["{p["doc"]}", "date"]',
        hints=lambda p: [f"Look up {p['doc']} in `docs` and read `date`, `date_printed` and the flags.",
                         "The reasoning is in `comment_en`."])


def _addressees(d) -> list[dict]:
    people = set(d.people.loc[d.people["kind"].eq("person"), "id"]) if "kind" in d.people else set(d.people["id"])
    return [{"doc": r.id} for r in _docs(d).itertuples() if len(r.recipients) == 1 and r.recipients[0] in people]


def _addressee():
    return Family(
        title=lambda d, p: f"The addressee of {p['doc']}",
        candidates=_addressees,
        expected=lambda d, p: _docs(d).set_index("id").at[p["doc"], "recipients"][0],
        prompt=lambda d, p: f"Who was the addressee of document {p['doc']}? Give a name (English or Russian) or a person id.",
        solution=lambda p: f'answer = docs.set_index("id").loc["{p["doc"]}", "recipients"][0]',
        hints=lambda p: [f"Read the `recipients` of {p['doc']}, then look the id up in `people`.",
                         "The addressee is a person, not a body."])


def _stage_status(negate: bool):
    word = "anything other than" if negate else ""

    def rows(d, p):
        s = d.stages.loc[d.stages["case"] == p["case"]]
        hit = s["status"] != p["status"] if negate else s["status"] == p["status"]
        return s.loc[hit, "stage"].tolist()

    def candidates(d):
        out = [{"case": c, "status": st} for c in _case_ids(d) for st in (("documented",) if negate else STATUSES)]
        return [p for p in out if rows(d, p)]
    return Family(
        title=lambda d, p: f"Stage records of {p['case']}",
        candidates=candidates,
        expected=rows,
        prompt=lambda d, p: f"Which stages of `{p['case']}` does `stages` record as {word} `{p['status']}`? "
                            "Give the stage numbers as a list; order does not matter.".replace("as  `", "as `"),
        solution=lambda p: (f'rows = stages[stages["case"] == "{p["case"]}"]\n'
                            f'answer = rows[rows["status"] {"!=" if negate else "=="} "{p["status"]}"]["stage"].tolist()'),
        hints=lambda p: [f"Keep the rows of the episode whose `status` is {'not ' if negate else ''}\"{p['status']}\" "
                         "and read their `stage`.", "Look at all five rows of the episode."])


def _flag_count_case():
    def count(d, p):
        return int(_docs(d).loc[_docs(d)["case"].eq(p["case"]).fillna(False), "flags"].map(lambda f: _has(f, p["flag"])).sum())

    def candidates(d):
        out = [{"case": c, "flag": f} for c in _case_ids(d) for f in _flag_names(d)]
        return [p for p in out if count(d, p) > 0]
    return Family(
        title=lambda d, p: f"Flags in {p['case']}",
        candidates=candidates, expected=count,
        prompt=lambda d, p: f"How many documents of the episode `{p['case']}` carry a flag that starts with `{p['flag']}`?",
        solution=lambda p: (f'episode = docs[docs["case"] == "{p["case"]}"]\n'
                            f'answer = episode["flags"].apply(lambda flags: any(f.startswith("{p["flag"]}") for f in flags)).sum()'),
        hints=lambda p: ["`flags` holds lists: test each list with `docs[\"flags\"].apply(lambda flags: ...)`.",
                         "Test each flag with `str.startswith`, for any flag of the list."])


def _flag_count():
    def count(d, p):
        return int(_docs(d)["flags"].map(lambda f: _has(f, p["flag"])).sum())
    return Family(
        title=lambda d, p: f"How many documents are flagged `{p['flag']}`?",
        candidates=lambda d: [{"flag": f} for f in _flag_names(d) if count(d, {"flag": f}) > 0],
        expected=count,
        prompt=lambda d, p: f"How many documents carry the `{p['flag']}` flag?",
        solution=lambda p: f'answer = docs["flags"].apply(lambda flags: any(f.startswith("{p["flag"]}") for f in flags)).sum()',
        hints=lambda p: ["`flags` holds lists: test each list with `docs[\"flags\"].apply(lambda flags: ...)`."])


def _doc_basis():
    return Family(
        title=lambda d, p: f"Sent or received? ({p['doc']})",
        candidates=lambda d: [{"doc": i} for i in _docs(d).loc[_docs(d)["date_basis"].notna(), "id"]],
        expected=lambda d, p: _docs(d).set_index("id").at[p["doc"], "date_basis"],
        prompt=lambda d, p: f"Is the date of document {p['doc']} a date of sending, a date of receipt, or a date deduced "
                            "from the context? Answer \"sent\", \"received\" or \"implied\".",
        solution=lambda p: f'answer = docs.set_index("id").loc["{p["doc"]}", "date_basis"]',
        hints=lambda p: [f"Read {p['doc']}'s `date_basis`, its flags and its `comment_en`."])


def _basis_counts_cases(cases: tuple):
    def counts(d, p):
        rows = _docs(d).loc[_docs(d)["case"].isin(cases).fillna(False) & _docs(d)["date_basis"].eq(p["basis"]).fillna(False)]
        return rows.groupby("case").size().to_dict()
    return Family(
        title=lambda d, p: f"Dates of the basis `{p['basis']}` per episode",
        candidates=lambda d: [{"basis": b} for b in BASES if counts(d, {"basis": b})],
        expected=counts,
        prompt=lambda d, p: (f"For the episodes {' and '.join(f'`{c}`' for c in cases)}, count the documents whose "
                             f"`date_basis` is \"{p['basis']}\", per episode. Give a Series or a dict."),
        solution=lambda p: (f'rows = docs[docs["case"].isin({list(cases)!r})]\n'
                            f'answer = rows[rows["date_basis"] == "{p["basis"]}"]["case"].value_counts()'),
        hints=lambda p: ["Filter on both conditions, then `groupby(\"case\").size()`.",
                         "`value_counts()` of the `case` column of the filtered table gives the same."])


def _episodes_of(d, country: str | None) -> list[str]:
    return list(d.cases["id"] if country is None else d.cases.loc[d.cases["country"] == country, "id"])


def _where(country: str | None) -> str:
    return "" if country is None else f" (only the episodes in {country.capitalize()}: `cases[\"country\"] == \"{country}\"`)"


def _status_counts(by: str):
    def counts(d, p):
        rows = d.stages.loc[(d.stages["status"] == p["status"]) & d.stages["case"].isin(_episodes_of(d, p.get("country")))]
        return rows.groupby(by).size().to_dict()
    what = "stage of the model (1 to 5), in how many episodes" if by == "stage" else "episode, how many of its five stages"
    return Family(
        mistakes=lambda d, p: [(d.stages.loc[d.stages["case"].isin(_episodes_of(d, p.get("country")))].groupby(by).size().to_dict(),
                                "You counted every row, whatever its status. Keep only the rows with the status asked for first.")],
        title=lambda d, p: f"How often a stage is `{p['status']}`",
        candidates=lambda d: [p for p in ({"status": s, "country": c} for s in STATUSES for c in (None, *REPUBLICS))
                              if counts(d, p)],
        expected=counts,
        prompt=lambda d, p: (f"For each {what} does `stages` record as `{p['status']}`{_where(p.get('country'))}? "
                             "Give a Series or a dict (the result of `value_counts()` or `groupby(...).size()` will do)."),
        solution=lambda p: (f'rows = stages[stages["case"].isin(cases[cases["country"] == "{p["country"]}"]["id"])]\n'
                            if p.get("country") else "rows = stages\n")
                           + f'answer = rows[rows["status"] == "{p["status"]}"].groupby("{by}").size()',
        hints=lambda p: [f"Keep the rows of `stages` whose `status` is \"{p['status']}\", then count the rows per `{by}`.",
                         "Counting before filtering counts every row."])


def _outcome_count():
    return Family(
        mistakes=lambda d, p: [(len(d.cases), "That is the number of all episodes. Keep only those with the outcome asked for.")],
        title=lambda d, p: f"Episodes that were {p['outcome']}",
        candidates=lambda d: [{"outcome": o, "country": c} for o in sorted(set(d.cases["outcome"].dropna()))
                              for c in (None, *REPUBLICS)],
        expected=lambda d, p: int((d.cases["outcome"].eq(p["outcome"]) & d.cases["id"].isin(_episodes_of(d, p.get("country")))).sum()),
        prompt=lambda d, p: (f"`cases` has one row per episode. How many episodes{_where(p.get('country'))} have the "
                             f"`outcome` \"{p['outcome']}\"?"),
        solution=lambda p: (f'rows = cases[cases["country"] == "{p["country"]}"]\n' if p.get("country") else "rows = cases\n")
                           + f'answer = (rows["outcome"] == "{p["outcome"]}").sum()',
        hints=lambda p: [f"Compare the `outcome` column with the string \"{p['outcome']}\"; summing a boolean Series "
                         "counts its True values.", "`len(cases)` counts every episode: filter first, then count."])


def _cases_with_status():
    def found(d, p):
        s = d.stages.loc[d.stages["stage"].between(p["first"], p["last"])]
        return sorted(c for c, g in s.groupby("case") if g["status"].eq(p["status"]).any())
    return Family(
        title=lambda d, p: f"Episodes with a stage `{p['status']}`",
        candidates=lambda d: [p for p in ({"status": s, "first": a, "last": b} for s in STATUSES
                                          for a in model.STAGES for b in model.STAGES if b > a) if found(d, p)],
        expected=found,
        prompt=lambda d, p: (f"In which episodes does `stages` record at least one of the stages {p['first']} to "
                             f"{p['last']} as `{p['status']}`? Give a list of episode ids; order does not matter."),
        solution=lambda p: (f'rows = stages[stages["stage"].between({p["first"]}, {p["last"]})]\n'
                            f'hit = rows["status"].eq("{p["status"]}").groupby(rows["case"]).any()\n'
                            'answer = list(hit[hit].index)'),
        hints=lambda p: ["Group `stages` by `case` and ask, per group, whether any `status` matches (`.any()`).",
                         "Look at the status column, not at cases.csv."])


def _dated_stage_order():
    def order(d, p):
        s = d.stages.loc[(d.stages["case"] == p["case"]) & d.stages["date"].notna()]
        return s.sort_values(["date", "stage"])["stage"].tolist()
    return Family(
        mistakes=lambda d, p: [(sorted(d.stages.loc[(d.stages["case"] == p["case"]) & d.stages["date"].notna(), "stage"]),
                                "That is the model's order, not the order of the dates. Sort the episode's rows by the date column.")],
        title=lambda d, p: f"The stages of {p['case']} in date order",
        candidates=lambda d: [{"case": c} for c in _case_ids(d) if len(order(d, {"case": c})) >= 2],
        expected=order,
        prompt=lambda d, p: (f"The model orders the stages 1 → 5. In the episode `{p['case']}`, in which order do the "
                             "stages that have a `date` come by their date? Leave out the stages with no date; give "
                             "the stage numbers as a list, earliest first; where two stages share a day, put the lower "
                             "stage number first."),
        solution=lambda p: (f'rows = stages[(stages["case"] == "{p["case"]}") & stages["date"].notna()]\n'
                            'answer = rows.sort_values(["date", "stage"])["stage"].tolist()'),
        hints=lambda p: ["Keep the episode's rows that have a date and sort them by `date`, then by `stage`.",
                         "The `stage` column of the sorted table, as a list (`.tolist()`), is the answer."])


def _outside_capital():
    def found(d, p):
        s = d.stages
        return s.loc[(s["stage"] == p["stage"]) & s["outside_capital"].eq(p.get("value", "yes")).fillna(False), "case"].tolist()
    where = {"yes": "outside the republic's capital", "no": "in the republic's capital"}
    return Family(
        title=lambda d, p: f"Where stage {p['stage']} happened",
        candidates=lambda d: [p for p in ({"stage": n, "value": v} for n in model.STAGES for v in where) if found(d, p)],
        expected=found,
        prompt=lambda d, p: (f"In which episodes did stage {p['stage']} ({model.STAGES[p['stage']]}) happen "
                             f"{where[p.get('value', 'yes')]} (`outside_capital` is \"{p.get('value', 'yes')}\")? "
                             "Give a list of episode ids."),
        solution=lambda p: (f'rows = stages[(stages["stage"] == {p["stage"]}) & (stages["outside_capital"] == "{p.get("value", "yes")}")]\n'
                            'answer = rows["case"].tolist()'),
        hints=lambda p: ["Filter `stages` on two conditions at once, combined with `&`, each in brackets.",
                         "`outside_capital` is empty where the article does not say; an empty cell is not \"yes\"."])


def _days_between_stages():
    def candidates(d):
        out = []
        for case, g in d.stages.dropna(subset=["date"]).groupby("case"):
            dates = g.set_index("stage")["date"]
            out += [{"case": case, "a": int(a), "b": int(b)} for a in dates.index for b in dates.index
                    if a < b and dates[b] > dates[a]]
        return out
    return Family(
        title=lambda d, p: f"From stage {p['a']} to stage {p['b']}",
        candidates=candidates,
        expected=lambda d, p: (d.stages.loc[d.stages["case"] == p["case"]].set_index("stage")["date"][p["b"]]
                               - d.stages.loc[d.stages["case"] == p["case"]].set_index("stage")["date"][p["a"]]).days,
        prompt=lambda d, p: (f"In `{p['case']}`, how many days passed between stage {p['a']} and stage {p['b']}? "
                             "Compute it from the `date` column of `stages`."),
        solution=lambda p: (f'dates = stages[stages["case"] == "{p["case"]}"].set_index("stage")["date"]\n'
                            f'answer = (dates[{p["b"]}] - dates[{p["a"]}]).days'),
        hints=lambda p: ["Index the episode's rows by `stage` (`set_index(\"stage\")`) and subtract the two dates.",
                         "`(later - earlier).days` turns the difference into a number of days."])


def _country_counts():
    def counts(d, p):
        rows = _docs(d).loc[_docs(d)["country"].isin(REPUBLICS).fillna(False) & _docs(d)["date_basis"].eq(p["basis"]).fillna(False)
                            & _docs(d)["date"].dt.year.eq(p["year"]).fillna(False)]
        return rows.groupby("country").size().to_dict()
    return Family(
        title=lambda d, p: "Documents per republic",
        candidates=lambda d: [p for p in ({"basis": b, "year": y} for b in BASES for y in (1920, 1921)) if counts(d, p)],
        expected=counts,
        prompt=lambda d, p: ("Count the documents per `country` (the republic a document is about), for the three "
                             f"republics only (azerbaijan, armenia and georgia), among the documents whose `date_basis` "
                             f"is \"{p['basis']}\" and whose `date` falls in {p['year']}. Give a Series or a dict."),
        solution=lambda p: (f'rows = docs[docs["country"].isin(["azerbaijan", "armenia", "georgia"]) & (docs["date_basis"] == "{p["basis"]}")]\n'
                            f'rows = rows[rows["date"].dt.year == {p["year"]}]\n'
                            'answer = rows["country"].value_counts()'),
        hints=lambda p: ["Filter with `docs[\"country\"].isin([...])` and on `date_basis`, then `value_counts()`.",
                         "Use the documents' own `country` column, not the country of their episode."])


def _sovietised_stage():
    def found(d, p):
        chosen = set(d.cases.loc[d.cases["outcome"] == p["outcome"], "id"])
        hit = d.stages.loc[(d.stages["stage"] == p["stage"]) & (d.stages["status"] == p["status"]), "case"]
        return sorted(chosen & set(hit))
    return Family(
        title=lambda d, p: f"Stage {p['stage']} in the {p['outcome']} episodes",
        candidates=lambda d: [p for p in ({"stage": n, "outcome": o, "status": s} for n in model.STAGES
                                          for o in ("sovietised", "aborted") for s in STATUSES) if found(d, p)],
        expected=found,
        prompt=lambda d, p: (f"In which of the {p['outcome']} episodes is stage {p['stage']} ({model.STAGES[p['stage']]}) "
                             f"`{p['status']}`? Give the episode ids."),
        solution=lambda p: (f'chosen = cases[cases["outcome"] == "{p["outcome"]}"]["id"]\n'
                            f'hit = stages[(stages["stage"] == {p["stage"]}) & (stages["status"] == "{p["status"]}")]["case"]\n'
                            'answer = sorted(set(chosen) & set(hit))'),
        hints=lambda p: [f"Two filters: the {p['outcome']} episodes in `cases`, and the rows of `stages` with "
                         f"`stage == {p['stage']}` and `status == \"{p['status']}\"`."])


def _top_sender():
    def counts(d, p):
        return _in_case(d, p["case"])["senders"].explode().dropna().value_counts()
    return Family(
        title=lambda d, p: f"The main sender in {p['case']}",
        candidates=lambda d: [{"case": c} for c in _case_ids(d) if _unique_max(counts(d, {"case": c}))],
        expected=lambda d, p: counts(d, p).index[0],
        prompt=lambda d, p: (f"Who sent the most documents of the episode `{p['case']}`? `senders` holds lists, because "
                             "a document can have several senders. Give a name (English or Russian) or a person id."),
        solution=lambda p: f'answer = docs[docs["case"] == "{p["case"]}"]["senders"].explode().value_counts().index[0]',
        hints=lambda p: ["`explode()` gives one row per sender; `value_counts()` then counts them.",
                         "Filter on the episode first."])


def _pair_count():
    def count(d, p):
        return int((_docs(d)["senders"].map(lambda s: p["sender"] in s) & _docs(d)["recipients"].map(lambda r: p["recipient"] in r)).sum())

    def candidates(d):
        pairs = {(s, r) for row in _docs(d).itertuples() for s in row.senders for r in row.recipients if s != r}
        return [{"sender": s, "recipient": r} for s, r in sorted(pairs) if count(d, {"sender": s, "recipient": r}) >= 2]
    return Family(
        title=lambda d, p: "Who wrote to whom",
        candidates=candidates, expected=count,
        prompt=lambda d, p: (f"How many documents did {_name(d, p['sender'])} (`{p['sender']}`) send, alone or with others, to "
                             f"{_name(d, p['recipient'])} (`{p['recipient']}`), alone or among other recipients?"),
        solution=lambda p: (f'answer = (docs["senders"].apply(lambda s: "{p["sender"]}" in s) '
                            f'& docs["recipients"].apply(lambda r: "{p["recipient"]}" in r)).sum()'),
        hints=lambda p: ["Test each list with `.apply(lambda ids: ... in ids)`, once for senders and once for recipients.",
                         "Combine the two conditions with `&`, then sum."])


def _basis_counts_case():
    def counts(d, p):
        return _in_case(d, p["case"])["date_basis"].dropna().value_counts().to_dict()
    return Family(
        title=lambda d, p: f"Kinds of date in {p['case']}",
        candidates=lambda d: [{"case": c} for c in _case_ids(d) if counts(d, {"case": c})],
        expected=counts,
        prompt=lambda d, p: (f"Count the documents of the episode `{p['case']}` by `date_basis` (sent, received, implied). "
                             "Undated documents have no basis: leave them out. Give a Series or a dict."),
        solution=lambda p: f'answer = docs[docs["case"] == "{p["case"]}"]["date_basis"].value_counts()',
        hints=lambda p: ["Filter on the episode, then `value_counts()` of `date_basis`.",
                         "`value_counts()` leaves out missing values."])


def _flag_docs():
    def found(d, p):
        return _docs(d).loc[_docs(d)["flags"].map(lambda f: _has(f, p["flag"])), "id"].tolist()
    return Family(
        title=lambda d, p: f"Documents flagged `{p['flag']}`",
        candidates=lambda d: [{"flag": f} for f in _flag_names(d) if 1 <= len(found(d, {"flag": f})) <= 15],
        expected=found,
        prompt=lambda d, p: f"Which documents carry a flag that starts with `{p['flag']}`? Give their ids.",
        solution=lambda p: f'answer = docs[docs["flags"].apply(lambda flags: any(f.startswith("{p["flag"]}") for f in flags))]["id"].tolist()',
        hints=lambda p: ["`flags` holds lists: test each list with `.apply(lambda flags: ...)`."])


def _sender_frame():
    def frame(d, p):
        return _docs(d).loc[_docs(d)["senders"].map(lambda s: p["sender"] in s), ["id", "date", "date_basis"]].reset_index(drop=True)
    return Family(
        title=lambda d, p: f"A table of what `{p['sender']}` sent",
        candidates=lambda d: [{"sender": s} for s in sorted(set(_docs(d)["senders"].explode().dropna()))
                              if 2 <= len(frame(d, {"sender": s})) <= 30],
        expected=frame,
        prompt=lambda d, p: (f"Make a DataFrame of the documents that {_name(d, p['sender'])} sent (`{p['sender']}` among the "
                             "`senders`), with the columns `id`, `date` and `date_basis`. Extra columns do not matter."),
        solution=lambda p: (f'sent = docs[docs["senders"].apply(lambda s: "{p["sender"]}" in s)]\n'
                            'answer = sent[["id", "date", "date_basis"]]'),
        hints=lambda p: ["Test each `senders` list with `.apply(lambda s: ... in s)`, then keep three columns."])


def _doc_time():
    return Family(
        title=lambda d, p: f"The time of {p['doc']}",
        candidates=lambda d: [{"doc": i} for i in _docs(d).loc[_docs(d)["time"].notna(), "id"]],
        expected=lambda d, p: _docs(d).set_index("id").at[p["doc"], "time"],
        prompt=lambda d, p: f"At what time of day is document {p['doc']} dated? Give the time as \"HH:MM\".",
        solution=lambda p: f'answer = docs.set_index("id").loc["{p["doc"]}", "time"]',
        hints=lambda p: [f"Read the `time` column of {p['doc']}."])


def _month_basis():
    def found(d, p):
        docs = _docs(d)
        return docs.loc[docs["date_basis"].eq(p["basis"]).fillna(False)
                        & (docs["date"].dt.to_period("M") == pd.Period(p["month"], "M")), "id"].tolist()

    def candidates(d):
        months = sorted({str(m) for m in _docs(d)["date"].dropna().dt.to_period("M")})
        return [p for p in ({"month": m, "basis": b} for m in months for b in BASES) if found(d, p)]
    return Family(
        title=lambda d, p: "Dates of one kind in one month",
        candidates=candidates, expected=found,
        prompt=lambda d, p: (f"Which documents dated in {pd.Period(p['month'], 'M'):%B %Y} have the `date_basis` "
                             f"\"{p['basis']}\"? Give their ids."),
        solution=lambda p: (f'in_month = docs["date"].dt.to_period("M") == "{p["month"]}"\n'
                            f'answer = docs[in_month & (docs["date_basis"] == "{p["basis"]}")]["id"].tolist()'),
        hints=lambda p: ["`docs[\"date\"].dt.to_period(\"M\")` gives each document's month.",
                         "Combine the two conditions with `&`."])


def _sent_among():
    def found(d, p):
        docs = _docs(d)
        return docs.loc[docs["id"].isin(p["docs"]) & docs["date_basis"].eq("sent").fillna(False), "id"].tolist()

    def candidates(d):
        docs = _docs(d).dropna(subset=["date_basis"])
        sent, other = sorted(docs.loc[docs["date_basis"] == "sent", "id"]), sorted(docs.loc[docs["date_basis"] != "sent", "id"])
        rng = random.Random("sent-among")
        out = []
        for _ in range(40):
            k = rng.randint(1, 4)
            ids = rng.sample(sent, k) + rng.sample(other, 5 - k)
            rng.shuffle(ids)
            out.append({"docs": ids})
        return out
    return Family(
        title=lambda d, p: "Which were dated when sent?",
        candidates=candidates, expected=found,
        prompt=lambda d, p: f"Of {', '.join(p['docs'][:-1])} and {p['docs'][-1]}, which can be dated to the day they were sent? Give their ids.",
        solution=lambda p: (f'chosen = docs[docs["id"].isin({p["docs"]!r})]\n'
                            'answer = chosen[chosen["date_basis"] == "sent"]["id"].tolist()'),
        hints=lambda p: ["Read the `date_basis` of the five documents.", "A date of receipt is not a date of sending."])


def _episodes_by_stage_date():
    def dates(d, p):
        s = d.stages.loc[(d.stages["stage"] == p["stage"]) & d.stages["date"].notna()]
        return s.set_index("case")["date"]

    def candidates(d):
        out = []
        for n in model.STAGES:
            got = dates(d, {"stage": n})
            if len(got) >= 3 and got.is_unique:
                out.append({"stage": n})
        return out
    return Family(
        mistakes=lambda d, p: [(sorted(d.stages.loc[(d.stages["stage"] == p["stage"]) & d.stages["date"].notna(), "case"]),
                                "That is the alphabetical order of the ids. Sort by the date column.")],
        title=lambda d, p: f"The episodes by the date of stage {p['stage']}",
        candidates=candidates,
        expected=lambda d, p: dates(d, p).sort_values().index.tolist(),
        prompt=lambda d, p: (f"Order the episodes by the `date` of their stage {p['stage']} ({model.STAGES[p['stage']]}), "
                             "earliest first, leaving out the episodes where that stage has no date. Give the episode ids as a list."),
        solution=lambda p: (f'rows = stages[(stages["stage"] == {p["stage"]}) & stages["date"].notna()]\n'
                            'answer = rows.sort_values("date")["case"].tolist()'),
        hints=lambda p: [f"Keep the rows of `stages` for stage {p['stage']} that have a date, then sort them by `date`.",
                         "The `case` column of the sorted rows is the answer."])


def _stage_pairs_reversed():
    def found(d, p):
        out = []
        for case, g in d.stages.dropna(subset=["date"]).groupby("case"):
            dates = g.set_index("stage")["date"]
            if p["a"] in dates.index and p["b"] in dates.index and dates[p["a"]] > dates[p["b"]]:
                out.append(case)
        return out
    return Family(
        title=lambda d, p: f"Stage {p['a']} after stage {p['b']}",
        candidates=lambda d: [p for p in ({"a": a, "b": b} for a in model.STAGES for b in model.STAGES if a < b) if found(d, p)],
        expected=found,
        prompt=lambda d, p: (f"The model puts stage {p['a']} ({model.STAGES[p['a']]}) before stage {p['b']} "
                             f"({model.STAGES[p['b']]}). In which episodes is stage {p['a']} dated later than stage {p['b']}? "
                             "Give the episode ids."),
        solution=lambda p: ('dates = stages.pivot(index="case", columns="stage", values="date")\n'
                            f'answer = dates[dates[{p["a"]}] > dates[{p["b"]}]].index.tolist()'),
        hints=lambda p: ["`stages.pivot(index=\"case\", columns=\"stage\", values=\"date\")` puts each episode's dates in one row.",
                         "Compare the two stage columns; a missing date compares as False."])


FAMILIES: dict[str, tuple[Family, dict]] = {
    "mo-01": (_outcome_count(), {"outcome": "sovietised", "country": None}),
    "mo-02": (_status_counts("stage"), {"status": "documented", "country": None}),
    "mo-03": (_cases_with_status(), {}),
    "mo-04": (_dated_stage_order(), {"case": "az-1920-04"}),
    "mo-06": (_outside_capital(), {"stage": 1, "value": "yes"}),
    "az-01": (_count_case_docs(), {"case": "az-1920-04"}),
    "az-02": (_cosigner(), {"doc": "D011", "known": "ordzhonikidze"}),
    "az-03": (_event_date(), {"case": "az-1920-04", "kind": "border_crossing"}),
    "az-04": (_order_docs("azerbaijan"), {"docs": ["D002", "D007", "D009", "D011", "D014", "D017"]}),
    "az-05": (_basis_in_case(), {"case": "az-1920-04", "basis": "implied"}),
    "am-01": (_count_case_docs(), {"case": "am-1920-11"}),
    "am-02": (_event_reported(), {"doc": "D057", "kind": "government_fell"}),
    "am-04": (_order_docs("armenia"), {}),
    "am-05": (_doc_date(), {"doc": "D112"}),
    "am-06": (_addressee(), {"doc": "D118"}),
    "am-07": (_stage_status(negate=True), {"case": "am-1920-11", "status": "documented"}),
    "ge-01": (_flag_count_case(), {"case": "ge-1921-02", "flag": "contradicts:"}),
    "ge-02": (_doc_date(), {"doc": "D036"}),
    "ge-03": (_doc_basis(), {"doc": "D020"}),
    "ge-05": (_order_docs("georgia"), {"docs": ["D139", "D134", "D131", "D138", "D135", "D133"]}),
    "ge-06": (_basis_counts_cases(("ge-1920-05", "ge-1921-02")), {"basis": "received"}),
    "ge-07": (_stage_status(negate=False), {"case": "ge-1921-02", "status": "not_documented"}),
    "cmp-01": (_status_counts("case"), {"status": "documented", "country": None}),
    "cmp-02": (_days_between_stages(), {"case": "am-1920-11", "a": 4, "b": 5}),
    "cmp-03": (_stage_pairs_reversed(), {}),
    "cmp-04": (_country_counts(), {}),
    "cmp-05": (_episodes_by_stage_date(), {}),
    "cmp-06": (_sovietised_stage(), {"stage": 5, "outcome": "sovietised", "status": "documented"}),
    "cor-01": (_top_sender(), {}),
    "cor-02": (_pair_count(), {"sender": "ordzhonikidze", "recipient": "lenin"}),
    "cor-03": (_basis_counts_case(), {}),
    "cor-04": (_flag_docs(), {"flag": "struck_out"}),
    "cor-09": (_sender_frame(), {"sender": "chicherin"}),
    "tel-01": (_doc_time(), {"doc": "D020"}),
    "tel-02": (_month_basis(), {"month": "1920-05", "basis": "received"}),
    "tel-03": (_flag_count(), {"flag": "year_implied"}),
    "tel-05": (_sent_among(), {"docs": ["D039", "D037", "D020", "D038", "D036"]}),
}
"""Exercise id -> (family, the parameters of the book's own question; {} where the book asks another
question than the family's, so that every candidate counts as a change)."""


def _rng(variant: str, eid: str) -> random.Random:
    return random.Random(hashlib.sha256(f"{variant}\x00{eid}".encode("utf-8")).hexdigest())


_OPTIONS: dict[tuple, list] = {}


def options(eid: str, d) -> list[dict]:
    """The candidate parameters of an exercise other than the book's (computed once per dataset)."""
    key = (eid, id(d))
    if key not in _OPTIONS:
        family, public = FAMILIES[eid]
        _OPTIONS[key] = [p for p in family.candidates(d) if p != public]
    return _OPTIONS[key]


def pick(variant: str, eid: str, d) -> dict | None:
    """The parameters of an exercise in a variant (None: the exercise stays as in the book)."""
    found = options(eid, d) if eid in FAMILIES else []
    return _rng(variant, eid).choice(found) if found else None


def shuffle_options(variant: str, eid: str, options: dict[str, str], answer: str) -> dict[str, str]:
    """A new letter order of a multiple-choice question in which the right option moves: new letter -> old letter."""
    letters = list(options)
    order = letters[:]
    rng = _rng(variant, eid)
    while True:
        rng.shuffle(order)
        if order.index(answer) != letters.index(answer):
            return dict(zip(letters, order))
