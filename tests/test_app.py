"""Every page runs, in both languages, with and without filters, deep links and junk in the URL."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ["pages/home.py", "pages/map.py", "pages/directory.py", "pages/actor.py", "pages/about.py"]
ENTRY = str(ROOT / "dashboard.py")


def open_page(page: str, params: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()
    if page != "pages/home.py":
        app.switch_page(page)
        app.run()
    assert not app.exception, app.exception
    return app


def texts(app: AppTest) -> str:
    parts = [e.value for e in app.markdown] + [e.value for e in app.caption] + [e.value for e in app.title]
    parts += [e.value for e in app.info] + [e.value for e in app.warning] + [e.value for e in app.error]
    parts += [e.value for e in app.text]
    return "\n".join(str(p) for p in parts)


def url(app: AppTest) -> dict[str, str]:
    return {key: app.query_params[key] for key in app.query_params}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"lang": "en"},
        {"area": "oncology", "modality": "monoclonal_antibody"},
        {"type": "biotech,pharma", "status": "active", "founded": "1990-2020", "lang": "en"},
        {"q": "thérapie", "scope": "marseille_area", "mib": "1"},
        {"f2030": "1"},
        {
            "type": "<script>alert(1)</script>",
            "founded": "9999-0",
            "lang": "xx",
            "actor": "../../etc/passwd",
            "mib": "maybe",
        },
        {"q": "no actor has this word zzzz"},
    ],
)
def test_page_runs(page, params):
    open_page(page, params)


@pytest.mark.parametrize(("lang", "title"), [("fr", "Annuaire"), ("en", "Directory")])
def test_titles_follow_the_language(lang, title):
    app = open_page("pages/directory.py", {"lang": lang})
    assert app.title[0].value == title


def test_directory_deep_link_filters_the_table():
    app = open_page("pages/directory.py", {"area": "oncology", "modality": "monoclonal_antibody"})
    table = app.dataframe[0].value
    assert len(table) > 0
    all_rows = open_page("pages/directory.py").dataframe[0].value
    assert len(table) < len(all_rows)
    assert url(app) == {"area": "oncology", "modality": "monoclonal_antibody"}


def test_junk_in_the_url_is_reported_not_raised():
    app = open_page("pages/directory.py", {"area": "oncology,astrology", "founded": "abc"})
    notice = texts(app)
    assert "area=astrology" in notice
    assert "founded=abc" in notice
    assert url(app) == {"area": "oncology"}  # the junk is dropped from the URL too


def test_filter_widget_writes_the_url():
    app = open_page("pages/directory.py")
    before = len(app.dataframe[0].value)
    app.sidebar.multiselect(key="filter_type").select("biotech").run()
    assert url(app)["type"] == "biotech"
    assert len(app.dataframe[0].value) < before
    app.sidebar.text_input(key="filter_q").input("pharma").run()
    assert url(app)["q"] == "pharma"


def test_state_survives_a_page_change():
    app = open_page("pages/directory.py", {"type": "biotech", "lang": "en"})
    app.switch_page("pages/map.py").run()
    assert url(app) == {"type": "biotech", "lang": "en"}
    assert app.sidebar.multiselect(key="filter_type").value == ["biotech"]
    assert app.title[0].value == "Map"


def test_language_switch():
    app = open_page("pages/home.py")
    app.sidebar.segmented_control(key="lang_widget").set_value("en").run()
    assert url(app) == {"lang": "en"}
    assert "Who works on immunology" in texts(app)


def test_actor_page_shows_the_actor(real):
    actor = real.actors.iloc[0]
    app = open_page("pages/actor.py", {"actor": actor["id"], "lang": "en"})
    assert actor["name"] in app.title[0].value
    assert actor["description_en"] in texts(app)


def test_actor_page_unknown_id_is_friendly():
    app = open_page("pages/actor.py", {"actor": "no-such-actor"})
    assert "actor=no-such-actor" in texts(app)
    assert not app.title  # no profile drawn


def _map_component(app):
    return next(e for e in app.get("component_instance") if "st_folium" in e.proto.component_name)


def test_map_uses_local_assets_and_one_marker_per_actor(real):
    app = open_page("pages/map.py", {"type": "biotech"})
    args = json.loads(_map_component(app).proto.json_args)
    links = " ".join(args["js_links"] + args["css_links"])
    assert "cdn" not in links
    assert "/app/static/vendor/leaflet/leaflet.js" in links
    expected = int((real.actors["type"] == "biotech").sum())
    assert args["script"].count("L.marker(") == expected


def test_map_click_selects_the_actor(real):
    actor = real.actors[real.actors["scope"] == "marseille_area"].iloc[0]
    app = open_page("pages/map.py")
    # streamlit-folium keys the component's value by a hash, which ends the element id
    widget_key = _map_component(app).proto.id.rsplit("-", 1)[1]
    app.session_state[widget_key] = {"last_object_clicked_tooltip": actor["name"]}
    app.run()
    assert url(app).get("actor") == actor["id"]
    assert actor["name"] in [e.value for e in app.subheader]  # the card beside the map


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
        app = open_page(page, {"actor": rows[0]["id"], "lang": "en"})
        assert "problem(s) in the dataset" in texts(app)
    assert len(open_page("pages/directory.py").dataframe[0].value) == len(rows)
    profile = open_page("pages/actor.py", {"actor": rows[0]["id"]})
    assert profile.title[0].value.startswith("\\<script\\>")


def test_missing_data_directory_is_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("ECOSYSTEM_DATA_DIR", str(tmp_path / "nowhere"))
    app = open_page("pages/home.py")
    assert "cannot be read" in texts(app) or "illisible" in texts(app)
