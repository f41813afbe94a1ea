"""Every page runs, in both languages, with and without filters, deep links and junk in the URL."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from ecosystem.i18n import t
from ecosystem.navigation import HOME, PAGES
from tests.conftest import ROOT
from tests.urls import ACTOR, AREA, F2030, FOUNDED, LANG, MIB, MODALITY, SCOPE, STATUS, TYPE, Q, page_file

ENTRY = str(ROOT / "dashboard.py")


def open_page(page: str, params: dict[str, str] | None = None) -> AppTest:
    """Run the app on the registered page `page` (a registry key)."""
    app = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()
    if page != HOME.key:
        app.switch_page(page_file(page))
        app.run()
    assert not app.exception, app.exception
    return app


def _map_components(app):
    return [e for e in app.get("bidi_component") if e.proto.component_name == "ecosystem_map"]


def read_map_spec(app) -> dict:
    """What the page handed to its map component (the browser draws it from this)."""
    (component,) = _map_components(app)
    return json.loads(component.proto.json)


def send_map_event(app: AppTest, name: str, value) -> None:
    """Run the page as after the browser's map sent back the trigger `name`."""
    from streamlit.components.v2.bidi_component.main import _make_trigger_id

    (component,) = _map_components(app)
    states = app._tree.get_widget_states()
    event = states.widgets.add()
    event.id = _make_trigger_id(component.proto.id, "events")
    event.json_trigger_value = json.dumps([{"event": name, "value": value}])
    app._run(states)


def click_map_marker(app: AppTest, actor_id: str) -> None:
    """Run the page as after a click on a marker."""
    send_map_event(app, "clicked", actor_id)


# What each page must show, whatever the filters: one check per registered page.
MUST_SHOW = {
    "home": lambda app: len(app.metric) >= 3,
    "map": lambda app: len(_map_components(app)) == 1,
    "directory": lambda app: len(app.dataframe) == 1,
    "actor": lambda app: any(box.key and box.key.startswith("actor_choice") for box in app.selectbox),
    "insights": lambda app: len(app.dataframe) == 4 and len(app.subheader) == 4,  # four charts, each with its table
    "network": lambda app: len(app.dataframe) == 1 and len(app.subheader) == 1,  # the relations as a list
    "pipeline": lambda app: len(app.subheader) == 2 and len(app.dataframe) == 2,  # the funnel's table, the programmes
    "funding": lambda app: len(app.subheader) == 5 and len(app.dataframe) == 5,  # five sections, each with its table
    "about": lambda app: len(app.dataframe) == 1 and len(app.header) >= 1,
    "present": lambda app: sum("<h1>" in e.value for e in app.markdown) == 1 and len(app.button) == 3,
    "review": lambda app: len(app.title) == 1,  # locked without a password, the form with one
}


def texts(app: AppTest) -> str:
    parts = [e.value for e in app.markdown] + [e.value for e in app.caption] + [e.value for e in app.title]
    parts += [e.value for e in app.info] + [e.value for e in app.warning] + [e.value for e in app.error]
    parts += [e.value for e in app.text]
    return "\n".join(str(p) for p in parts)


def url(app: AppTest) -> dict[str, str]:
    return {key: app.query_params[key] for key in app.query_params}


def test_every_registered_page_has_a_check():
    assert set(MUST_SHOW) == {page.key for page in PAGES}


@pytest.mark.parametrize("page", [page.key for page in PAGES])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {LANG: "en"},
        {AREA: "oncology", MODALITY: "monoclonal_antibody"},
        {TYPE: "biotech,pharma", STATUS: "active", FOUNDED: "1990-2020", LANG: "en"},
        {Q: "thérapie", SCOPE: "marseille_area", MIB: "1"},
        {F2030: "1"},
        {
            TYPE: "<script>alert(1)</script>",
            FOUNDED: "9999-0",
            LANG: "xx",
            ACTOR: "../../etc/passwd",
            MIB: "maybe",
        },
        {Q: "no actor has this word zzzz"},
    ],
)
def test_page_runs(page, params):
    app = open_page(page, params)
    assert MUST_SHOW[page](app)


@pytest.mark.parametrize(("lang", "title"), [("fr", "Annuaire"), ("en", "Directory")])
def test_titles_follow_the_language(lang, title):
    app = open_page("directory", {LANG: lang})
    assert app.title[0].value == title


def test_directory_deep_link_filters_the_table():
    app = open_page("directory", {AREA: "oncology", MODALITY: "monoclonal_antibody"})
    table = app.dataframe[0].value
    assert len(table) > 0
    all_rows = open_page("directory").dataframe[0].value
    assert len(table) < len(all_rows)
    assert url(app) == {AREA: "oncology", MODALITY: "monoclonal_antibody"}


def test_junk_in_the_url_is_reported_not_raised():
    app = open_page("directory", {AREA: "oncology,astrology", FOUNDED: "abc"})
    notice = texts(app)
    assert f"{AREA}=astrology" in notice
    assert f"{FOUNDED}=abc" in notice
    assert url(app) == {AREA: "oncology"}  # the junk is dropped from the URL too


def test_filter_widget_writes_the_url():
    app = open_page("directory")
    before = len(app.dataframe[0].value)
    app.sidebar.multiselect(key="filter_type").select("biotech").run()
    assert url(app)[TYPE] == "biotech"
    assert len(app.dataframe[0].value) < before
    app.sidebar.text_input(key="filter_q").input("pharma").run()
    assert url(app)[Q] == "pharma"


def test_state_survives_a_page_change():
    app = open_page("directory", {TYPE: "biotech", LANG: "en"})
    app.switch_page(page_file("map")).run()
    assert url(app) == {TYPE: "biotech", LANG: "en"}
    assert app.sidebar.multiselect(key="filter_type").value == ["biotech"]
    assert app.title[0].value == "Map"


def test_language_switch():
    app = open_page("home")
    app.sidebar.segmented_control(key="lang_widget").set_value("en").run()
    assert url(app) == {LANG: "en"}
    assert "Who works on immunology" in texts(app)


def test_actor_page_shows_the_actor(real):
    actor = real.actors.iloc[0]
    app = open_page("actor", {ACTOR: actor["id"], LANG: "en"})
    assert actor["name"] in app.title[0].value
    assert actor["description_en"] in texts(app)


@pytest.mark.parametrize(("lang", "opening"), [("en", "“"), ("fr", "«\u00a0")])
def test_actor_page_gives_a_citation_to_this_view(real, lang, opening):
    actor = real.actors.iloc[0]
    app = open_page("actor", {ACTOR: actor["id"], LANG: lang})
    codes = [element.value for element in app.get("code")]
    line = next(code for code in codes if code.startswith(f"{opening}{actor['name']}"))
    bibtex = next(code for code in codes if code.startswith("@misc{"))
    csl = next(code for code in codes if code.startswith("[\n  {"))
    assert f"{ACTOR}={actor['id']}" in line
    assert real.schema.version in line
    assert real.schema.version in bibtex
    assert json.loads(csl)[0]["type"] == "dataset"


@pytest.mark.parametrize(
    ("lang", "since"),
    [("en", "In the dataset since release 0.1.0"), ("fr", "Dans le jeu de données depuis la version 0.1.0")],
)
def test_actor_page_shows_the_records_history(lang, since):
    app = open_page("actor", {ACTOR: "cic-marseille", LANG: lang})
    assert since in texts(app)
    changes = next(frame.value for frame in app.dataframe if "field" in frame.value.columns)
    # the fields read in the reader's language, not as the files' columns
    assert {t("col_site", lang), t("col_location_precision", lang)} <= set(changes["field"])
    assert not {"site", "location_precision"} & set(changes["field"])
    assert not any(str(field).endswith(".csv") for field in changes["field"])


def test_actor_page_history_reads_codes_as_labels_and_ids_as_names(real):
    app = open_page("actor", {ACTOR: "innate-pharma", LANG: "fr"})
    changes = next(frame.value for frame in app.dataframe if "field" in frame.value.columns)
    deals = changes[changes["field"] == t("history_file_deals", "fr")]
    assert len(deals)
    ipo = real.taxonomy.label("deal_kinds", "ipo", "fr")
    assert any(f" · {ipo} · " in text for text in deals["new"])
    cells = " ".join(changes["old"].astype(str)) + " ".join(changes["new"].astype(str))
    for code in ("phase_3", "out_licensed", "funding_round", " · ipo · ", "partner_of", "hia-laveran"):
        assert code not in cells, code


def test_actor_page_unknown_id_is_friendly():
    app = open_page("actor", {ACTOR: "no-such-actor"})
    assert f"{ACTOR}=no-such-actor" in texts(app)
    assert not app.title  # no profile drawn


def test_map_uses_local_assets_and_one_marker_per_actor(real):
    app = open_page("map", {TYPE: "biotech"})
    spec = read_map_spec(app)
    assets = spec["assets"]["css"] + [url for group in spec["assets"]["js"] for url in group]
    assert all(url.startswith("/app/static/") for url in assets)
    assert "/app/static/map/markers.js" in assets
    biotechs = real.actors[real.actors["type"] == "biotech"]
    assert sorted(row[0] for row in json.loads(spec["rows"])) == sorted(biotechs["id"])


def test_map_keeps_its_element_when_the_filters_change():
    """Same component, same id: the browser keeps the map open and swaps the markers."""
    app = open_page("map")
    before, before_id = read_map_spec(app), _map_components(app)[0].proto.id
    app.sidebar.multiselect(key="filter_type").select("biotech").run()
    after = read_map_spec(app)
    assert _map_components(app)[0].proto.id == before_id
    assert after["view"] == before["view"]
    assert len(json.loads(after["rows"])) < len(json.loads(before["rows"]))


def open_map_first(params: dict[str, str] | None = None) -> AppTest:
    """A session whose first run is the map: a visit, a reload, or a session moved to another server."""
    app = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.switch_page(page_file("map")).run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize("trigger", ["drawn", "filter"])
def test_a_first_visit_to_the_map_draws_the_filters_after_the_map(trigger):
    """The first run asks the map to report its drawing and leaves the sidebar empty; the next run draws it all."""
    app = open_map_first({TYPE: "biotech", LANG: "en"})
    token = read_map_spec(app)["reportDrawn"]
    assert isinstance(token, str)
    assert len(token) >= 8
    assert not app.sidebar.text_input
    assert not app.sidebar.multiselect
    assert app.title[0].value == "Map"
    if trigger == "drawn":
        send_map_event(app, "drawn", True)  # what the browser's map sends once it has painted
    else:  # whatever starts the second run (a click, a link): no report needed
        click_map_marker(app, "no-such-actor")
    assert app.sidebar.multiselect(key="filter_type").value == ["biotech"]
    assert app.sidebar.text_input(key="filter_q").value == ""
    assert "reportDrawn" not in read_map_spec(app)
    assert url(app) == {TYPE: "biotech", LANG: "en"}


def test_each_session_asks_the_open_map_with_a_token_of_its_own():
    """A session moved to another server starts afresh: its first run must not send the map the same data as
    the lost session's first run did, or the open map would not report again and the filters would not come."""
    first, second = (read_map_spec(open_map_first({LANG: "en"}))["reportDrawn"] for _ in range(2))
    assert first != second


def test_only_a_sessions_first_run_waits_for_the_map():
    """Coming to the map from another page: the sidebar is whole at once, and the map reports nothing."""
    app = open_page("map", {LANG: "en"})
    assert "reportDrawn" not in read_map_spec(app)
    assert app.sidebar.text_input(key="filter_q")


def test_map_click_selects_the_actor(real):
    actor = real.actors[real.actors["scope"] == "marseille_area"].iloc[0]
    app = open_page("map")
    click_map_marker(app, actor["id"])
    assert url(app).get(ACTOR) == actor["id"]
    assert actor["name"] in [e.value for e in app.subheader]  # the card beside the map
    assert read_map_spec(app)["options"]["selected"] == actor["id"]  # and its marker drawn larger


def test_map_click_on_an_unknown_id_changes_nothing():
    app = open_page("map")
    click_map_marker(app, "<script>no-such-actor</script>")
    assert not app.exception
    assert ACTOR not in url(app)


def test_map_reclick_after_close_opens_the_card_again(real):
    """Close, then click the same marker: the card comes back."""
    actor = real.actors[real.actors["scope"] == "marseille_area"].iloc[0]
    app = open_page("map")
    click_map_marker(app, actor["id"])
    app.button(key="close_card").click().run()
    assert ACTOR not in url(app)
    assert actor["name"] not in [e.value for e in app.subheader]
    assert read_map_spec(app)["options"]["selected"] is None
    click_map_marker(app, actor["id"])
    assert url(app).get(ACTOR) == actor["id"]
    assert actor["name"] in [e.value for e in app.subheader]


def test_actor_page_shows_relation_sources(real):
    relation = real.relations[real.relations["source_id"] == "innate-pharma"].iloc[0]
    app = open_page("actor", {ACTOR: "innate-pharma", LANG: "en"})
    first_source = relation["source_urls"].split(";")[0]
    assert any(first_source.replace(")", "%29") in caption.value for caption in app.caption)


@pytest.mark.parametrize(
    ("lang", "colon", "wrong"),
    [("en", ": [", " :"), ("fr", "\u00a0: [", " : ")],
)
def test_actor_page_punctuates_in_the_readers_language(lang, colon, wrong):
    """English has no space before a colon; French has a no-break one."""
    app = open_page("actor", {ACTOR: "innate-pharma", LANG: lang})
    sources = [c.value for c in app.caption if c.value.startswith(t("col_source", lang))]
    assert sources
    for line in sources:
        label = line[: line.index("[") + 1]
        assert label.endswith(colon), line
        assert wrong not in label, line


def test_bad_rows_and_hostile_names_do_not_break_the_app(tmp_path, monkeypatch):
    """A broken row is reported, the rest still shows, and markup in a name stays text."""
    import csv

    from tests.conftest import build_mini

    data = build_mini(tmp_path / "data")
    path = data / "actors.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["name"] = "<script>alert('x')</script> **Lab**"
    rows[1]["founded"] = "nineteen ninety-nine"
    rows[1]["type"] = "not-a-type"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv("ECOSYSTEM_DATA_DIR", str(data))
    for page in PAGES:
        app = open_page(page.key, {ACTOR: rows[0]["id"], LANG: "en"})
        assert "problem(s) in the dataset" in texts(app)
    assert len(open_page("directory").dataframe[0].value) == len(rows)
    profile = open_page("actor", {ACTOR: rows[0]["id"]})
    assert profile.title[0].value.startswith("\\<script\\>")


def test_a_file_missing_a_column_leaves_every_page_up_and_says_so(tmp_path, monkeypatch):
    """The positions' column is gone: pages show what they can, and the notice says there is a problem."""
    import csv

    from tests.conftest import build_mini

    data = build_mini(tmp_path / "data")
    path = data / "actors.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=[c for c in rows[0] if c != "lat"], lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv("ECOSYSTEM_DATA_DIR", str(data))
    for page in PAGES:
        app = open_page(page.key, {LANG: "en"})  # open_page fails on any exception
        assert "1 problem(s) in the dataset" in texts(app), page.key
    assert len(open_page("directory").dataframe[0].value) == len(rows)


def test_missing_data_directory_is_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("ECOSYSTEM_DATA_DIR", str(tmp_path / "nowhere"))
    app = open_page("home")
    assert "cannot be read" in texts(app) or "illisible" in texts(app)
