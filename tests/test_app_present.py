"""The presentation under AppTest: every scene in both languages, the controls, junk in the URL, the QR code."""

import html
import re

import pytest

from ecosystem.present import SCENES
from ecosystem.scenemap import group_by_site
from ecosystem.urlstate import GOALS, PRINT
from tests.test_app import open_page, texts, url
from tests.urls import AREA, INTERVAL, LANG, SCENE, page_url

PRESENT = "present"


def html_bodies(app) -> str:
    """The page's HTML: the scripts' and the scenes' (drawn as Markdown with HTML, for their SVG)."""
    return " ".join([element.proto.body for element in app.get("html")] + [element.value for element in app.markdown])


def scene_text(app) -> str:
    return re.sub(r"<[^>]+>", " ", html_bodies(app)).replace("&#x27;", "'").replace("&amp;", "&")


TITLES = {
    "fr": ("L'ambition", "Le cluster", "Où", "Qui travaille", "Ce qui est en clinique", "Les grandes",
           "Qui investit", "Les lauréats", "Qui est lié", "Explorez"),
    "en": ("The ambition", "The cluster", "Where", "Who works", "What is in the clinic", "Landmarks",
           "Who invests", "France 2030", "Who is linked", "Explore"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("scene", range(1, len(SCENES) + 1))
def test_every_scene_runs_and_shows_its_content(scene, lang, real):
    app = open_page(PRESENT, {SCENE: str(scene), LANG: lang, INTERVAL: "0"})
    name = SCENES[scene - 1]
    bodies = html_bodies(app)
    assert f'data-scene="{name}"' in bodies
    assert re.search(r"<h1>" + re.escape(html.escape(TITLES[lang][scene - 1])), bodies)
    assert not app.exception
    assert not app.sidebar.multiselect  # no filters on a slide


def test_the_map_scene_names_the_largest_sites_with_their_counts(real):
    app = open_page(PRESENT, {SCENE: "map", LANG: "en", INTERVAL: "0"})
    groups = group_by_site(real.actors, real.places, real.taxonomy, real.home_scope)
    for group in groups[:5]:
        assert f"{group.name}: {group.count}" in scene_text(app)


def test_print_shows_every_scene_and_no_controls():
    app = open_page(PRESENT, {PRINT: "true", LANG: "en"})
    bodies = html_bodies(app)
    assert [re.search(f'data-scene="{name}"', bodies) is not None for name in SCENES] == [True] * len(SCENES)
    assert not app.button


def test_goals_parameter_picks_the_goals_and_reports_unknown_ones():
    app = open_page(PRESENT, {SCENE: "figures", LANG: "en", GOALS: "direct_jobs,nonsense"})
    text = scene_text(app)
    assert "Direct jobs created" in text
    assert "Capital raised" not in text
    assert "goals=nonsense" in texts(app)


def test_buttons_move_through_the_scenes_and_write_the_url():
    app = open_page(PRESENT, {SCENE: str(len(SCENES)), LANG: "en"})
    app.button(key="present_next").click().run()
    assert url(app)[SCENE] == "1"  # the show loops
    assert 'data-scene="opening"' in html_bodies(app)
    app.button(key="present_previous").click().run()
    app.button(key="present_previous").click().run()
    assert url(app)[SCENE] == str(len(SCENES) - 1)
    assert 'data-scene="network"' in html_bodies(app)


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
    assert "<h1>" in html_bodies(app)


def test_qr_code_needs_a_public_address_and_no_scene_says_how_to_set_it(monkeypatch):
    closing = str(len(SCENES))
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    for scene in range(1, len(SCENES) + 1):
        app = open_page(PRESENT, {SCENE: str(scene), LANG: "en"})
        assert "PUBLIC_BASE_URL" not in texts(app) + html_bodies(app)
    app = open_page(PRESENT, {SCENE: closing, LANG: "en"})
    assert "data:image/svg+xml" not in html_bodies(app)

    monkeypatch.setenv("PUBLIC_BASE_URL", "http://localhost:8501")
    app = open_page(PRESENT, {SCENE: closing, LANG: "en"})
    assert "data:image/svg+xml" not in html_bodies(app)  # never a QR code to the presenter's own laptop

    monkeypatch.setenv("PUBLIC_BASE_URL", "https://immuno.example.org")
    app = open_page(PRESENT, {SCENE: closing, LANG: "en"})
    bodies = html_bodies(app)
    assert "data:image/svg+xml" in bodies
    # the closing scene's code opens the live map, in the show's language
    assert f'alt="QR code linking to {page_url("https://immuno.example.org", "map", {LANG: "en"})}"' in bodies
