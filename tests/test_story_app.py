"""The story pages run in both languages and show what they must: takeaways, tables, goals with sources."""

import pytest
from streamlit.testing.v1 import AppTest

from ecosystem import columns as C
from ecosystem.filters import Filters, filter_actors
from ecosystem.goals import load_goals
from ecosystem.i18n import t
from tests.conftest import DATA
from tests.test_app import open_page
from tests.urls import LANG, TYPE, Q

STAGED = ("stating a stage", "indiquent un stade")  # the stage takeaway's words when actors state a stage


def markdown(app: AppTest) -> str:
    return "\n".join(str(e.value) for e in [*app.markdown, *app.caption, *app.title, *app.header])


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Insights", "actors shown work on", "stating a stage", "saw the most foundations", "funding rounds"]),
        ("fr", ["Analyses", "acteurs affichés travaillent sur", "indiquent un stade", "comptent le plus", "levées"]),
    ],
)
def test_insights_shows_each_takeaway(real, lang, expected):
    app = open_page("insights", {LANG: lang})
    text = markdown(app)
    if not (real.actors[C.STAGE] != "").any():  # stages come from programmes.csv: none yet, the takeaway says so
        expected = [t("takeaway_stage_none", lang) if part in STAGED else part for part in expected]
    for part in expected:
        assert part in text
    assert len(app.dataframe) == 4  # one table per chart


def test_insights_follows_the_filters(real):
    app = open_page("insights", {TYPE: "biotech", LANG: "en"})
    biotechs = len(filter_actors(real, Filters(type=frozenset({"biotech"}))))
    assert f"of the {biotechs} actors shown" in markdown(app)
    founding = app.dataframe[2].value
    assert len(founding) == int(real.actors[real.actors[C.TYPE] == "biotech"][C.FOUNDED].notna().sum())


@pytest.mark.parametrize(("lang", "expected"), [("en", "relations link"), ("fr", "relations relient")])
def test_network_shows_its_takeaway_and_the_list(lang, expected, real):
    app = open_page("network", {LANG: lang})
    assert expected in markdown(app)
    assert len(app.dataframe[0].value) == len(real.relations)


def test_network_list_follows_the_filters(real):
    app = open_page("network", {Q: "zzzz no actor"})
    assert "Aucune relation" in markdown(app)
    assert len(app.dataframe[0].value) == 0


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_home_shows_goals_with_their_sources(lang):
    app = open_page("home", {LANG: lang})
    text = markdown(app)
    labels = {metric.label for metric in app.metric}
    for goal in load_goals(DATA):
        assert goal.label(lang) in labels
    assert "gomet.net" in text
    assert ("which may be incomplete" if lang == "en" else "qui peut être incomplet") in text
