"""Chapters 07 (comparison) and 08 (correspondence): the rules, the counts and the charts, on real data."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import redrev
from redrev import charts, compare, correspondence as co, model


@pytest.fixture(scope="module")
def data():
    return redrev.dataset()


def first_rows(chart) -> list[dict]:
    spec = chart.to_dict()
    return next(iter(spec["datasets"].values()))


def params(chart) -> dict[str, dict]:
    spec = chart.to_dict()
    found = {p["name"]: p for p in spec.get("params", [])}
    for layer in spec.get("layer", []):
        found.update({p["name"]: p for p in layer.get("params", [])})
    return found


# --- model.departures copes with empty cells -------------------------------------------------

def test_departures_runs_on_the_real_stages_with_empty_cells(data):
    assert data.stages["staged"].isna().any() and data.stages["outside_capital"].isna().any()
    found = model.departures(data.stages, data.cases)
    kinds = set(found["kind"])
    assert kinds == {"missing", "ambiguous", "staged", "outside_capital", "out_of_order"}
    # an empty 'staged' cell is not a departure: Georgia, May 1920, stage 2 has none
    assert data.stages.set_index(["case", "stage"]).loc[("ge-1920-05", 2), "staged"] is pd.NA
    assert found[(found["case"] == "ge-1920-05") & (found["stage"] == 2)]["kind"].tolist() == ["missing"]


# --- correspondence: roles -------------------------------------------------------------------

def test_every_correspondent_has_an_explicit_role(data):
    ids = {p for col in ("senders", "recipients") for ps in data.documents[col] for p in ps}
    assert ids <= set(co.ROLES), ids - set(co.ROLES)
    assert set(co.ROLES) <= set(data.people["id"])
    assert set(co.ROLES.values()) <= set(co.ROLE_GROUPS)


def test_moscow_group():
    assert {"lenin", "stalin", "politburo", "cc_plenum", "chicherin", "nkid", "trotsky", "sovnarkom"} <= co.MOSCOW
    assert "ordzhonikidze" not in co.MOSCOW and "kirov" not in co.MOSCOW
    assert co.role("ordzhonikidze") == "kavbyuro" and co.role("nobody_at_all") == "other"


# --- correspondence: edges and nodes ----------------------------------------------------------

def test_pairs_leave_out_writing_to_oneself(data):
    found = co.pairs(data.documents)
    assert (found["sender"] != found["recipient"]).all()
    d082 = found[found["id"] == "D082"]  # Kirov <-> Ordzhonikidze exchange, both in both lists
    assert set(zip(d082["sender"], d082["recipient"])) == {("kirov", "ordzhonikidze"), ("ordzhonikidze", "kirov")}
    d105 = found[found["id"] == "D105"]
    assert set(zip(d105["sender"], d105["recipient"])) == {("ordzhonikidze", "lenin"), ("ordzhonikidze", "stalin")}


def test_edges_count_documents(data):
    docs = data.documents
    e = co.edges(docs)
    top = e.iloc[0]
    assert (top["sender"], top["recipient"]) == ("ordzhonikidze", "lenin")
    by_hand = docs[docs["senders"].map(lambda s: "ordzhonikidze" in s)
                   & docs["recipients"].map(lambda r: "lenin" in r)]
    assert top["n"] == len(by_hand) == len(top["documents"].split(", "))
    # splitting by country keeps the totals
    split = co.edges(docs, by="country").groupby(["sender", "recipient"])["n"].sum()
    assert split.sort_index().tolist() == e.set_index(["sender", "recipient"])["n"].sort_index().tolist()


def test_undirected_folds_both_directions(data):
    e = co.edges(data.documents)
    u = co.undirected(e)
    assert (u["a"] < u["b"]).all()
    assert (u["n"] == u["n_ab"] + u["n_ba"]).all()
    assert u["n"].sum() == e["n"].sum()
    pair = u[(u["a"] == "lenin") & (u["b"] == "ordzhonikidze")].iloc[0]
    lookup = e.set_index(["sender", "recipient"])["n"]
    assert pair["n_ab"] == lookup[("lenin", "ordzhonikidze")]
    assert pair["n_ba"] == lookup[("ordzhonikidze", "lenin")]


def test_nodes_and_layout(data):
    n = co.nodes(data.documents, data.people)
    e = co.edges(data.documents)
    assert set(n["id"]) == set(e["sender"]) | set(e["recipient"])
    assert ((n["x"] ** 2 + n["y"] ** 2 - 1).abs() < 1e-3).all()
    assert (n.iloc[0]["x"], n.iloc[0]["y"]) == (0.0, 1.0) and n.iloc[0]["id"] == "lenin"
    # role groups are contiguous, in the order of ROLE_GROUPS
    order = list(dict.fromkeys(n["role"]))
    assert order == [g for g in co.ROLE_GROUPS if g in order]
    him = n.set_index("id").loc["ordzhonikidze"]
    assert him["sent"] == co.pairs(data.documents).query("sender == 'ordzhonikidze'")["id"].nunique()
    assert him["documents"] == n["documents"].max()
    assert n.set_index("id").loc["nkid", "name"] == "NKID"
    assert n.equals(co.nodes(data.documents, data.people))  # deterministic


def test_circle_layout_gaps():
    pts = co.circle_layout(["a", "a", "b"], gap=1)  # slots 0, 1, 3 of 5
    assert pts[0] == (0.0, 1.0)
    assert math.isclose(pts[2][0], math.sin(2 * math.pi * 3 / 5), abs_tol=1e-4)
    assert co.circle_layout(["a", "a"]) == [(0.0, 1.0), (0.0, -1.0)]


# --- correspondence: counts and the flow of reports -----------------------------------------

def test_monthly_counts_and_dating(data):
    docs = data.documents
    dating = co.dating(docs)
    assert sum(dating.values()) == len(docs)
    assert dating["undated"] == docs["date"].isna().sum()
    counts = co.monthly_counts(docs)
    assert counts["n"].sum() == dating["day"] + dating["month"]
    may = docs[(docs["date"].dt.strftime("%Y-%m") == "1920-05") & docs["date_precision"].isin(["day", "month"])]
    assert counts.query("month == '1920-05'")["n"].sum() == len(may)
    assert "1920-09" not in set(counts["month"])
    by_type = co.monthly_counts(docs, by="type")
    assert by_type["n"].sum() == counts["n"].sum()


def test_through(data):
    docs = data.documents
    t = co.through(docs)
    about = docs[docs["country"].isin(co.CAUCASUS)]
    assert t["documents"] == len(about)
    assert t["through"] == sum("ordzhonikidze" in s or "ordzhonikidze" in r
                               for s, r in zip(about["senders"], about["recipients"]))
    assert t["sent"] <= t["through"] and 0.5 < t["share"] < 1


def test_reports_to_moscow(data):
    r = co.reports_to_moscow(data.documents).set_index("id")
    assert r.loc["D105", "by_person"] and r.loc["D105", "channel"] == "ordzhonikidze"
    assert r.loc["D139", "channel"] == "governments"  # Zhordania's intercepted telegram
    assert r.loc["D081", "channel"] == "kavbyuro"  # Kirov to Chicherin
    assert "D020" not in r.index  # sent from Moscow
    assert "D133" not in r.index  # no named recipient
    assert r["country"].isin(co.CAUCASUS).all()


def test_sole_source_events(data):
    s = co.sole_source_events(data.events, data.documents).set_index("event")
    assert s.loc["E036", "reports"] == ["D057"]  # fall of Soviet power in Armenia, 14 May 1920
    assert "E029" in s.index  # the Ganja rising
    assert "E057" not in s.index  # Stalin's own arrival: a Moscow actor
    assert "E040" not in s.index  # Ordzhonikidze's own visit
    docs = data.documents.set_index("id")
    for reports in s["reports"]:
        assert all("ordzhonikidze" in docs.at[i, "senders"] for i in reports)
        assert all(set(docs.at[i, "recipients"]) & co.MOSCOW for i in reports)


# --- compare ---------------------------------------------------------------------------------

def test_moscow_stance_rule():
    assert compare.moscow_stance("Lenin flatly forbids it") == ("restrain", ["forbids"])
    assert compare.moscow_stance("Lenin's greeting to Kasyan")[0] == "approve"
    assert compare.moscow_stance("Taking Baku the priority, with caution")[0] == "mixed"
    assert compare.moscow_stance("Stalin asks for a map") == ("neither", [])


def test_moscow_decisions_on_real_data(data):
    m = compare.moscow_decisions(data.documents).set_index("id")
    assert m["senders"].map(lambda s: bool(set(s) & co.MOSCOW)).all()
    expected = {"D020": "restrain", "D044": "restrain", "D102": "restrain", "D126": "restrain",
                "D118": "approve", "D135": "approve", "D007": "mixed", "D134": "mixed", "D131": "mixed",
                "D038": "neither"}
    assert {k: m.loc[k, "stance"] for k in expected} == expected
    assert ((m["cues"].map(len) > 0) == (m["stance"] != "neither")).all()
    assert set(compare.unattributed(data.documents)["id"]) == {"D004", "D012", "D045", "D047"}


def test_sender_groups_and_initiative(data):
    g = compare.sender_groups(data.documents)
    docs = data.documents[data.documents["case"] == "am-1920-11"]
    kav = g.query("case == 'am-1920-11' and group == 'kavbyuro'")["n"].item()
    assert kav == docs["senders"].map(lambda s: any(co.role(p) == "kavbyuro" for p in s)).sum()
    init = compare.initiative(data.documents).set_index("case")
    assert init.loc["am-1920-11", "ordzhonikidze"] == docs["senders"].map(lambda s: "ordzhonikidze" in s).sum()
    assert (init["kavbyuro"] > init["moscow"]).all()
    assert init.loc["az-1920-04", "documents"] == (data.documents["case"] == "az-1920-04").sum()


def test_stage_spans_and_durations(data):
    spans = compare.stage_spans(data.stages).set_index(["case", "stage"])
    assert spans.loc[("ge-1921-02", 1), "day"] == 10 and spans.loc[("ge-1921-02", 4), "day_end"] == 24
    assert pd.isna(spans.loc[("am-1920-11", 2), "day_end"])
    d = compare.durations(data.cases, data.stages).set_index("case")
    assert d.loc["am-1920-11", "days_cases"] == 12 and d.loc["am-1920-11", "days_stages"] == 11
    assert d.loc["ge-1920-05", "days_stages"] == 0 and d.loc["ge-1920-05", "dated_stages"] == 1
    assert d.loc["ge-1921-02", "stages_approximate"] and not d.loc["am-1920-11", "stages_approximate"]
    assert d.loc["az-1920-04", "cases_approximate"]  # the end is known only to the month


# --- charts ----------------------------------------------------------------------------------

def test_aligned_stages_chart(data):
    chart = charts.aligned_stages(compare.stage_spans(data.stages), data.cases)
    spec = chart.to_dict()
    assert spec["title"] and spec["description"]
    rows = first_rows(chart)
    assert len(rows) == data.stages["date"].notna().sum()
    p = params(chart)
    assert p["episode"]["bind"]["input"] == "select" and p["exact_only"]["bind"]["input"] == "checkbox"
    assert "am-1920-11" in p["episode"]["bind"]["options"]
    hollow = [r for r in rows if r["precision"] != "day"]
    assert {(r["case"], r["stage"]) for r in hollow} == {("am-1920-05", 2), ("az-1920-04", 5), ("ge-1921-02", 2)}


def test_moscow_decisions_chart(data):
    decisions = compare.moscow_decisions(data.documents)
    chart = charts.moscow_decisions_chart(decisions, data.cases, data.people)
    rows = first_rows(chart)
    assert len(rows) == decisions["date"].notna().sum()
    p = params(chart)["moscow_sender"]
    assert p["bind"]["options"][:2] == [None, "lenin"] and "Lenin" in p["bind"]["labels"]


def test_departures_and_senders_charts(data):
    t = model.departures(data.stages, data.cases)
    chart = charts.departures_chart(t, list(data.cases["id"]))
    assert len(first_rows(chart)) == len(t)
    assert chart.to_dict()["encoding"]["y"]["sort"] == list(data.cases["id"])
    assert params(chart)["departure_kind"]["bind"]["options"][1:] == list(charts.DEPARTURE_COLOURS)
    g = compare.sender_groups(data.documents)
    rows = first_rows(charts.sender_groups_chart(g))
    assert len(rows) == (g["n"] > 0).sum() and all(r["n"] > 0 for r in rows)
    spec = charts.sender_groups_chart(g, list(data.cases["id"])).to_dict()
    assert spec["encoding"]["y"]["sort"] == list(data.cases["id"])


def test_network_chart(data):
    n = co.nodes(data.documents, data.people)
    u = co.undirected(co.edges(data.documents, by="country"))
    chart = charts.correspondence_network(n, u)
    spec = chart.to_dict()
    rows = first_rows(chart)
    assert len(rows) == len(u) and {"a", "b", "country", "n_ab", "n_ba"} <= set(rows[0])
    p = params(chart)
    assert p["correspondent"]["bind"]["options"][1:] == list(n["id"])
    assert "georgia" in p["republic"]["bind"]["options"]
    transforms = spec["layer"][0]["transform"]
    assert [next(iter(t)) for t in transforms][:2] == ["filter", "aggregate"]
    assert sum("lookup" in t for t in transforms) == 2


def test_volume_channels_reports_charts(data):
    docs = data.documents
    volume = charts.monthly_volume(co.monthly_counts(docs))
    spec = volume.to_dict()
    assert "1920-09" in spec["encoding"]["x"]["scale"]["domain"]  # empty months are shown
    assert params(volume)["volume_republic"]["bind"]["input"] == "select"
    channels = charts.channels_over_time(docs)
    assert len(first_rows(channels)) == docs["date_precision"].isin(["day", "month"]).sum()
    assert params(channels)["channel_group"]["bind"]["options"][1] == "moscow"
    reports = co.reports_to_moscow(docs)
    chart = charts.reports_to_moscow_chart(reports)
    assert len(first_rows(chart)) == reports["precision"].isin(["day", "month"]).sum()
    for c in (volume, channels, chart):
        assert c.to_dict()["description"]


def test_reports_legend_names_the_other_kavbyuro_senders(data):
    spec = charts.reports_to_moscow_chart(co.reports_to_moscow(data.documents)).to_dict()
    expr = spec["encoding"]["color"]["legend"]["labelExpr"]
    assert "others of the Kavbyuro circle" in expr and "Kavbyuro, front" not in expr


def test_card_citation_without_a_note(data):
    from redrev.cards import citation

    docs = data.documents.set_index("id", drop=False)
    assert pd.isna(docs.loc["D055", "note"])
    assert citation(docs.loc["D055"]) == "Kvashonkin 2016, no note number"
    assert citation(docs.loc["D102"]) == "Kvashonkin 2016, note 47"
