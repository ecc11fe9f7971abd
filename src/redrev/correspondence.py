"""Who wrote to whom: role groups, the edge list, monthly counts and the flow of reports to Moscow.

Everything here counts documents *as the article cites them* (``documents.csv``). The article
draws mostly on Ordzhonikidze's and Stalin's papers, so these counts describe the surviving,
selected correspondence, not all the messages that were sent in 1920-21.

The rules are deliberately simple and visible:

* every person or body has one role group (:data:`ROLES`); Kirov, who was both in Ordzhonikidze's
  circle and Soviet Russia's envoy in Tiflis, is counted with the Kavbyuro;
* a document with several senders and recipients gives one edge per (sender, recipient) pair;
  a document with no named sender or no named recipient gives no edge;
* a document "passes through" a person when that person is among its senders or recipients.
"""
from __future__ import annotations

import math

import pandas as pd

from .i18n import column, tr

# Role groups, in the order the network layout places them around the circle.
ROLE_GROUPS = {
    "moscow": "Moscow: party and state centre",
    "kavbyuro": "Kavbyuro, Caucasian Front and 11th Army",
    "envoys": "Soviet envoys in the republics",
    "local": "Communists and revkoms of the republics",
    "governments": "Governments and people of the republics",
    "other": "Others",
}

# One role per person or body (ids of people.csv). Anything not listed counts as "other".
ROLES = {
    # Moscow: the party centre, Sovnarkom and the commissariats, the Red Army's high command,
    # and the Comintern executive (which sat in Moscow).
    "lenin": "moscow", "stalin": "moscow", "trotsky": "moscow", "chicherin": "moscow",
    "karakhan": "moscow", "krestinsky": "moscow", "zinoviev": "moscow", "sklyansky": "moscow",
    "kamenev_ss": "moscow", "politburo": "moscow", "cc_rkp": "moscow", "cc_plenum": "moscow",
    "rkp": "moscow", "rkp_congress_9": "moscow", "sovnarkom": "moscow", "sto": "moscow",
    "nkid": "moscow", "rvsr": "moscow", "glavkom": "moscow", "military_department": "moscow",
    "pb_commission_georgia_1921": "moscow", "comintern_ecci": "moscow",
    "alliluyeva": "moscow",
    # The regional centre: Ordzhonikidze, his circle, the Caucasian Front and the 11th Army.
    "ordzhonikidze": "kavbyuro", "kirov": "kavbyuro", "smilga": "kavbyuro", "nazaretyan": "kavbyuro",
    "kavbyuro": "kavbyuro", "kavkraikom": "kavbyuro", "mikoyan": "kavbyuro",
    "kosior": "kavbyuro", "kvirkeliya": "kavbyuro", "stasova": "kavbyuro", "tukhachevsky": "kavbyuro",
    "trifonov": "kavbyuro", "gittis": "kavbyuro", "gekker": "kavbyuro", "mikhailov": "kavbyuro",
    "frumkin": "kavbyuro", "rvs_kavfront": "kavbyuro", "army_11": "kavbyuro", "rvs_11army": "kavbyuro",
    "raskolnikov": "kavbyuro", "caspian_flotilla": "kavbyuro", "red_army": "kavbyuro",
    # Soviet Russia's envoys (polpreds) and missions in the republics.
    "legrand": "envoys", "sheinman": "envoys", "ru_mission_tiflis": "envoys", "ru_mission_erivan": "envoys",
    # Communists, revkoms and Soviet governments of the republics.
    "revkom_az": "local", "revkom_baku": "local", "revkom_am": "local", "revkom_ge": "local",
    "revkom_karavansarai": "local", "voenrevkom_am": "local",
    "cp_az": "local", "cp_am": "local", "cp_ge": "local",
    "kasyan": "local", "narimanov": "local", "mdivani": "local", "makharadze": "local",
    "eliava": "local", "okudzhava": "local", "dumbadze": "local",
    "kavtaradze": "local", "tsintsadze": "local", "stark": "local",
    # The governments that were overthrown, their envoys and parties, and local communities.
    "gov_az": "governments", "gov_am": "governments", "gov_ge": "governments", "gov_am_dro": "governments",
    "zhordania": "governments", "shant": "governments", "ohanjanyan": "governments",
    "gegechkori": "governments", "uratadze": "governments", "dro": "governments", "dro_group": "governments",
    "am_delegation_moscow": "governments", "musavat": "governments", "dashnaks": "governments",
    "mensheviks_ge": "governments", "karabakh_zemlyachestvo": "governments",
    # Others: foreign powers, critics of Ordzhonikidze, and everyone else.
    "mustafa_kemal": "other", "gov_turkey_kemalist": "other", "curzon": "other", "churchill": "other",
    "lukashev": "other", "serafimovich": "other", "vchk": "other",
}

MOSCOW = frozenset(pid for pid, group in ROLES.items() if group == "moscow")
CAUCASUS = ("azerbaijan", "armenia", "georgia", "several")


def role(pid: str) -> str:
    """The role group of a person or body id (``other`` when it is not listed in :data:`ROLES`)."""
    return ROLES.get(pid, "other")


def pairs(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (document, sender, recipient); a person writing to themselves is left out."""
    rows = [
        {"id": doc.id, "sender": s, "recipient": r, "country": doc.country if pd.notna(doc.country) else "other",
         "type": doc.type, "date": doc.date}
        for doc in documents.itertuples()
        for s in doc.senders for r in doc.recipients if s != r
    ]
    return pd.DataFrame(rows, columns=["id", "sender", "recipient", "country", "type", "date"])


def edges(documents: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Directed edges: how many documents each sender addressed to each recipient.

    ``by="country"`` splits every edge by the republic the documents concern.
    """
    keys = ["sender", "recipient"] + ([by] if by else [])
    found = pairs(documents)
    out = (found.groupby(keys, sort=False)
           .agg(n=("id", "nunique"), documents=("id", lambda ids: ", ".join(sorted(set(ids)))))
           .reset_index())
    return out.sort_values(["n", *keys], ascending=[False] + [True] * len(keys)).reset_index(drop=True)


def undirected(edge_list: pd.DataFrame) -> pd.DataFrame:
    """Fold directed edges into pairs ``a``-``b`` (a < b) with the count each way (``n_ab``, ``n_ba``)."""
    keys = [c for c in edge_list.columns if c not in ("sender", "recipient", "n", "documents")]
    rows = []
    for e in edge_list.itertuples():
        a, b = sorted((e.sender, e.recipient))
        rows.append({"a": a, "b": b, **{k: getattr(e, k) for k in keys},
                     "n_ab": e.n if e.sender == a else 0, "n_ba": e.n if e.sender == b else 0})
    folded = pd.DataFrame(rows, columns=["a", "b", *keys, "n_ab", "n_ba"])
    folded = folded.groupby(["a", "b", *keys], sort=False)[["n_ab", "n_ba"]].sum().reset_index()
    folded["n"] = folded["n_ab"] + folded["n_ba"]
    return folded.sort_values(["n", "a", "b"], ascending=[False, True, True]).reset_index(drop=True)


def nodes(documents: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """Everyone who sent or received a document that gives an edge, with counts and a circle layout.

    ``sent`` and ``received`` count documents (not pairs). The layout puts the role groups in the
    order of :data:`ROLE_GROUPS` around a circle, each group on its own arc, and within a group
    the busiest correspondent first (ties by id), so the picture is the same on every run.
    """
    found = pairs(documents)
    sent = found.groupby("sender")["id"].nunique()
    received = found.groupby("recipient")["id"].nunique()
    ids = sorted(set(sent.index) | set(received.index))
    names = pd.Series(column(people, "name").values, index=people["id"])
    table = pd.DataFrame({"id": ids})
    table["name"] = [short_name(names.get(i, i), i) for i in ids]
    table["role"] = table["id"].map(role)
    table["role_label"] = table["role"].map(ROLE_GROUPS).map(tr)
    table["sent"] = table["id"].map(sent).fillna(0).astype(int)
    table["received"] = table["id"].map(received).fillna(0).astype(int)
    table["documents"] = [
        found.loc[(found["sender"] == i) | (found["recipient"] == i), "id"].nunique() for i in ids]
    table["order"] = table["role"].map(list(ROLE_GROUPS).index)
    table = table.sort_values(["order", "documents", "id"], ascending=[True, False, True]).reset_index(drop=True)
    xy = circle_layout(table["role"].tolist())
    table["x"], table["y"] = [p[0] for p in xy], [p[1] for p in xy]
    return table.drop(columns="order")


def circle_layout(groups: list[str], gap: float = 1.0) -> list[tuple[float, float]]:
    """Points on the unit circle, one per item, in order, with ``gap`` empty slots between groups.

    The first point is at the top and the circle runs clockwise.
    """
    slots, position = [], 0.0
    for i, group in enumerate(groups):
        if i and group != groups[i - 1]:
            position += gap
        slots.append(position)
        position += 1
    total = position + (gap if len(set(groups)) > 1 else 0)
    return [(round(math.sin(2 * math.pi * s / total), 4), round(math.cos(2 * math.pi * s / total), 4))
            for s in slots]


# Short labels for the bodies that appear in the network; people get their surname.
SHORT_NAMES = {
    "politburo": "Politburo", "cc_rkp": "CC", "cc_plenum": "CC plenum", "sovnarkom": "Sovnarkom",
    "nkid": "NKID", "sto": "STO", "rvsr": "RVSR", "comintern_ecci": "Comintern executive",
    "rkp_congress_9": "9th Party Congress", "kavbyuro": "Kavbyuro", "rvs_kavfront": "RVS Kavfront",
    "army_11": "11th Army", "rvs_11army": "RVS 11th Army", "revkom_az": "Azerbaijani revkom",
    "revkom_am": "Armenian revkom", "revkom_ge": "Georgian revkom",
    "revkom_karavansarai": "Karavansarai revkom", "voenrevkom_am": "Armenian military-rev. committee",
    "gov_az": "Musavat government", "gov_am": "Dashnak government", "gov_ge": "Menshevik government",
    "karabakh_zemlyachestvo": "Karabakh community", "lukashev": "Vadim (Lukashev)",
    "kamenev_ss": "S. Kamenev",
}


def short_name(name: str, pid: str | None = None) -> str:
    """A short label: :data:`SHORT_NAMES` for bodies, else the surname of ``Surname, Initials``."""
    if pid in SHORT_NAMES:
        return tr(SHORT_NAMES[pid])
    return name.split(",")[0].strip()


def monthly_counts(documents: pd.DataFrame, by: str = "country") -> pd.DataFrame:
    """Documents per calendar month (``YYYY-MM``) and per value of ``by``.

    Only documents dated to the day or the month can be placed in a month; those dated to the
    year only, and undated ones, are left out (see :func:`dating`).
    """
    dated = documents[documents["date_precision"].isin(["day", "month"])]
    table = pd.DataFrame({"month": dated["date"].dt.strftime("%Y-%m"),
                          by: dated[by].fillna("other").astype(str), "id": dated["id"]})
    return (table.groupby(["month", by]).agg(n=("id", "size")).reset_index()
            .sort_values(["month", by]).reset_index(drop=True))


def dating(documents: pd.DataFrame) -> dict[str, int]:
    """How precisely the documents are dated: counts for day, month, year and undated."""
    precision = documents["date_precision"].where(documents["date"].notna(), "undated")
    return {k: int((precision == k).sum()) for k in ("day", "month", "year", "undated")}


def through(documents: pd.DataFrame, person: str = "ordzhonikidze",
            countries: tuple[str, ...] = CAUCASUS) -> dict[str, float]:
    """How many documents about ``countries`` have ``person`` among their senders or recipients."""
    about = documents[documents["country"].isin(countries)]
    involved = about.apply(lambda d: person in d["senders"] or person in d["recipients"], axis=1)
    sent = about["senders"].map(lambda s: person in s)
    return {"documents": len(about), "through": int(involved.sum()), "sent": int(sent.sum()),
            "share": float(involved.mean()) if len(about) else 0.0}


def reports_to_moscow(documents: pd.DataFrame, person: str = "ordzhonikidze",
                      countries: tuple[str, ...] = CAUCASUS) -> pd.DataFrame:
    """Documents about the Caucasus addressed to Moscow by someone outside Moscow.

    A document counts when at least one recipient is in :data:`MOSCOW` and no sender is. Its
    ``channel`` is ``person`` when that person signed it (alone or with others), otherwise the
    role group of its first sender. Documents with no named recipient are not counted.
    """
    rows = []
    for d in documents.itertuples():
        if d.country not in countries or not d.senders:
            continue
        if not (set(d.recipients) & MOSCOW) or set(d.senders) & MOSCOW:
            continue
        rows.append({"id": d.id, "date": d.date, "precision": d.date_precision, "country": d.country,
                     "case": d.case, "type": d.type, "senders": list(d.senders),
                     "recipients": list(d.recipients), "by_person": person in d.senders,
                     "channel": person if person in d.senders else role(d.senders[0])})
    return pd.DataFrame(rows, columns=["id", "date", "precision", "country", "case", "type", "senders",
                                       "recipients", "by_person", "channel"])


def sole_source_events(events: pd.DataFrame, documents: pd.DataFrame,
                       person: str = "ordzhonikidze") -> pd.DataFrame:
    """Events that, in our data, reached Moscow only in reports signed by ``person``.

    Rule: among the event's evidence documents, every one not written in Moscow has ``person``
    among its senders, and at least one of those is addressed to a Moscow recipient. (Documents
    written in Moscow are replies or reactions, not independent reports.) Events in which
    ``person`` or anyone in Moscow is an actor are left out: they are his own doings or Moscow's,
    not news from elsewhere.
    """
    docs = documents.set_index("id")
    rows = []
    for e in events.itertuples():
        if person in e.actors or set(e.actors) & MOSCOW:
            continue
        evidence = [i for i in e.evidence_docs if i in docs.index]
        field = [i for i in evidence if not set(docs.at[i, "senders"]) & MOSCOW]
        if not field or not all(person in docs.at[i, "senders"] for i in field):
            continue
        to_moscow = [i for i in field if set(docs.at[i, "recipients"]) & MOSCOW]
        if to_moscow:
            rows.append({"event": e.id, "date": e.start, "precision": e.start_precision, "case": e.case,
                         "kind": e.kind, "summary": e.summary_en, "reports": to_moscow,
                         "flags": list(e.flags)})
    return pd.DataFrame(rows, columns=["event", "date", "precision", "case", "kind", "summary",
                                       "reports", "flags"])
