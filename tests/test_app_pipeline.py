"""/pipeline and /funding show the report's numbers, in both languages; the actor page shows programmes and deals."""

import pytest

from ecosystem.report import build_report
from tests.conftest import MINI
from tests.test_app import open_page, texts
from tests.urls import ACTOR, LANG


@pytest.fixture
def mini_app(monkeypatch):
    monkeypatch.setenv("ECOSYSTEM_DATA_DIR", str(MINI))


def read_report_table(title: str) -> list[list[str]]:
    """The rows of the report's Markdown table that follows the line starting with `title`."""
    lines = build_report(MINI).splitlines()
    start = (
        next(number for number, line in enumerate(lines) if line.startswith(title)) + 4
    )  # title, blank, header, rule
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pipeline_shows_the_reports_programmes_by_phase(mini_app, lang):
    app = open_page("pipeline", {LANG: lang})
    phases = app.dataframe[0].value
    report = read_report_table("**Active programmes by phase**")
    assert phases.iloc[:, -1].to_list() == [int(count) for _, count in report]
    assert sum(int(count) for _, count in report) == 3  # the fixture's three active programmes
    assert len(app.dataframe[1].value) == 4  # every programme is listed, the discontinued one too


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_funding_shows_the_reports_rounds_by_year(mini_app, lang):
    app = open_page("funding", {LANG: lang})
    years = app.dataframe[0].value
    report = read_report_table("**Rounds by year**")
    assert years.iloc[:, 0].to_list() == [year for year, *_ in report]
    assert years.iloc[:, 1].to_list() == [int(rounds) for _, rounds, *_ in report]
    assert years.iloc[:, 2].to_list() == [int(disclosed) for _, _, disclosed, _ in report]
    assert report == [["2020", "1", "1", "48,000,000"]]
    expected = {"fr": "Au moins 48\u00a0M\u00a0€ sur 1 tour", "en": "At least €48M over 1 disclosed round"}[lang]
    assert expected in texts(app)


def test_a_stage_in_the_url_filters_the_programmes(mini_app):
    app = open_page("pipeline", {"stage": "phase_1", LANG: "en"})
    assert app.dataframe[1].value["programme"].to_list() == ["BT-202"]
    assert app.dataframe[0].value.iloc[:, -1].sum() == 3  # the funnel keeps every phase, the chosen one stands out


def test_the_company_page_lists_its_programmes_and_deals(mini_app):
    app = open_page("actor", {ACTOR: "beta-bio", LANG: "en"})
    headers = [header.value for header in app.subheader]
    assert {"Programmes", "Rounds and deals"} <= set(headers)
    assert "Portfolio in the ecosystem" not in headers
    frames = [frame.value for frame in app.dataframe]
    (programmes,) = [frame for frame in frames if "programme" in frame.columns]
    (deals,) = [frame for frame in frames if "Lead investors" in frame.columns]
    assert programmes["programme"].to_list() == ["BT-101 (betamab)", "BT-202", "BT-303"]
    assert deals["Kind"].to_list() == ["Series B", "Licence"]


def test_the_investors_page_lists_its_portfolio(mini_app):
    app = open_page("actor", {ACTOR: "eta-fund", LANG: "fr"})
    assert "Portefeuille dans l'écosystème" in [header.value for header in app.subheader]
    (portfolio,) = [frame.value for frame in app.dataframe if "Co-investisseurs" in frame.value.columns]
    assert portfolio["Entreprise"].to_list() == ["Beta Thérapie"]
