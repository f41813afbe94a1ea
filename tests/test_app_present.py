"""The presentation under AppTest: every scene in both languages, the controls, junk in the URL, the QR code."""

import json

import pytest

from ecosystem import columns as C
from ecosystem.present import SCENES, select_landmarks, select_laureates, shorten
from tests.test_app import open_page, texts, url
from tests.urls import AREA, INTERVAL, LANG, SCENE, page_url

PRESENT = "present"


def plotly_specs(app) -> str:
    return " ".join(element.proto.spec for element in app.get("plotly_chart"))


def html_bodies(app) -> str:
    return " ".join(element.proto.body for element in app.get("html"))


def map_spec(app) -> dict:
    maps = [e for e in app.get("bidi_component") if e.proto.component_name == "ecosystem_map"]
    assert len(maps) == 1
    return json.loads(maps[0].proto.json)


def check_figures(app, lang, real):
    label = {"fr": "Acteurs", "en": "Actors"}[lang]
    metrics = {m.label: m.value for m in app.metric}
    assert metrics[label] == str(len(real.actors))


def check_map(app, lang, real):
    spec = map_spec(app)
    rows = json.loads(spec["rows"])  # compact rows, drawn in the browser by markers.js
    assert len(rows) == len(real.actors.dropna(subset=[C.LAT, C.LON]))
    labels = [row[2] for row in spec["backdrop"]["labels"]]
    assert {"fr": "1er", "en": "1st"}[lang] in labels  # the offline backdrop's district names


def check_matrix(app, lang, real):
    assert {"fr": "Maladies infectieuses", "en": "Infectious diseases"}[lang] in plotly_specs(app)


def check_history(app, lang, real):
    until = int(real.data_as_of[:4])
    events = select_landmarks(real.milestones, real.actors, real.taxonomy, until_year=until)
    title = C.TITLE_FR if lang == "fr" else C.TITLE_EN
    shown = texts(app)
    assert len(events) >= 8
    for text in events[title]:
        assert shorten(text, 110).split("(")[0].strip()[:30] in shown.replace("\\", "")


def check_laureates(app, lang, real):
    shown = texts(app).replace("\\", "")
    for name in select_laureates(real.actors)[C.NAME]:
        assert shorten(name, 60).rstrip("…")[:25] in shown
    assert {"fr": "Projet France 2030", "en": "France 2030 project"}[lang] in shown


def check_network(app, lang, real):
    assert {"fr": "Membre de", "en": "Member of"}[lang] in plotly_specs(app)


CHECKS = {
    "figures": check_figures,
    "map": check_map,
    "matrix": check_matrix,
    "history": check_history,
    "laureates": check_laureates,
    "network": check_network,
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("scene", range(1, len(SCENES) + 1))
def test_every_scene_runs_and_shows_its_content(scene, lang, real):
    app = open_page(PRESENT, {SCENE: str(scene), LANG: lang, INTERVAL: "0"})
    name = SCENES[scene - 1]
    title = {"fr": ("Le cluster", "Où", "Qui travaille", "Les grandes", "Les lauréats", "Qui est lié"),
             "en": ("The cluster", "Where", "Who works", "Landmarks", "France 2030", "Who is linked")}[lang]  # fmt: skip
    assert app.title[0].value.startswith(title[scene - 1])
    CHECKS[name](app, lang, real)
    assert not app.sidebar.multiselect  # no filters on a slide


def test_buttons_move_through_the_scenes_and_write_the_url():
    app = open_page(PRESENT, {SCENE: "6", LANG: "en"})
    app.button(key="present_next").click().run()
    assert url(app)[SCENE] == "1"  # the show loops
    assert app.title[0].value == "The cluster in figures"
    app.button(key="present_previous").click().run()
    app.button(key="present_previous").click().run()
    assert url(app)[SCENE] == "5"
    assert app.title[0].value == "France 2030 laureates"


def test_pause_stops_the_timer_and_resume_restarts_it():
    app = open_page(PRESENT, {SCENE: "2", INTERVAL: "15", LANG: "en"})
    assert "setTimeout" in html_bodies(app)
    assert "15000" in html_bodies(app)
    app.button(key="present_pause").click().run()
    assert app.button(key="present_pause").label == "Resume"
    assert "if (false)" in html_bodies(app)
    app.button(key="present_pause").click().run()
    assert app.button(key="present_pause").label == "Pause"
    assert "if (true)" in html_bodies(app)


def test_manual_interval_sets_no_timer():
    app = open_page(PRESENT, {SCENE: "3", INTERVAL: "0"})
    assert "if (false)" in html_bodies(app)
    assert url(app)[INTERVAL] == "0"


@pytest.mark.parametrize(
    ("params", "reported"),
    [
        ({SCENE: "42", INTERVAL: "soon"}, [f"{SCENE}=42", f"{INTERVAL}=soon"]),
        ({SCENE: "<img src=x onerror=alert(1)>"}, [f"{SCENE}="]),
        ({SCENE: "2", AREA: "astrology"}, [f"{AREA}=astrology"]),
    ],
)
def test_junk_in_the_url_is_reported_and_the_show_goes_on(params, reported):
    app = open_page(PRESENT, {**params, LANG: "en"})
    notice = texts(app)
    for item in reported:
        assert item in notice
    assert app.title


def test_qr_code_needs_a_public_address(monkeypatch):
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    app = open_page(PRESENT, {SCENE: "2", LANG: "en"})
    assert "PUBLIC_BASE_URL" in texts(app)
    assert "data:image/svg+xml" not in html_bodies(app)

    monkeypatch.setenv("PUBLIC_BASE_URL", "http://localhost:8501")
    app = open_page(PRESENT, {SCENE: "2", LANG: "en"})
    assert "data:image/svg+xml" not in html_bodies(app)  # never a QR code to the presenter's own laptop

    monkeypatch.setenv("PUBLIC_BASE_URL", "https://immuno.example.org")
    app = open_page(PRESENT, {SCENE: "2", LANG: "en"})
    bodies = html_bodies(app)
    assert "data:image/svg+xml" in bodies
    # the map scene's code opens the map page, in the show's language
    assert f'alt="QR code linking to {page_url("https://immuno.example.org", "map", {LANG: "en"})}"' in bodies
    assert "PUBLIC_BASE_URL" not in texts(app)
