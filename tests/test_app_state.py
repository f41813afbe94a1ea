"""The sidebar never lies: along a walk through the app, every widget shows the view the URL holds.

Two readings per widget: the value the server holds, and the value the widget's
message carries as its default, which is what the browser shows when it mounts
the widget afresh (after a page change, a matrix click that moves on, a back
button). Both must be what the URL says, at every step.
"""

import json

from streamlit.testing.v1 import AppTest

from ecosystem.filters import FLAGS, filter_actors, founded_bounds
from ecosystem.i18n import LANGS
from ecosystem.matrix import build_matrix_points
from ecosystem.ui.sidebar import LANG_WIDGET, WIDGET_PREFIX
from ecosystem.urlstate import decode_state
from ecosystem.vocabularies import SCOPES
from tests.test_app import open_page, url
from tests.urls import AREA, F2030, FOUNDED, LANG, MIB, MODALITY, SCOPE, TYPE, Q, page_file


def read_sidebar(app: AppTest, real) -> dict[str, tuple[object, object]]:
    """Each sidebar widget's (held value, default a fresh browser widget shows), as plain values."""
    sidebar = app.sidebar
    lang = sidebar.segmented_control(key=LANG_WIDGET)
    shown = {LANG_WIDGET: (lang.value, ",".join(list(LANGS)[i] for i in lang.proto.default))}
    search = sidebar.text_input(key=WIDGET_PREFIX + Q)
    shown[Q] = (search.value, search.proto.default)
    for facet in real.schema.facets:
        box = sidebar.multiselect(key=WIDGET_PREFIX + facet.name)
        ids = list(real.taxonomy.ids(facet.vocabulary))
        shown[facet.name] = (sorted(box.value), sorted(ids[i] for i in box.proto.default))
    years = sidebar.slider(key=WIDGET_PREFIX + FOUNDED)
    shown[FOUNDED] = (tuple(years.value), tuple(int(year) for year in years.proto.default))
    scope = sidebar.radio(key=WIDGET_PREFIX + SCOPE)
    shown[SCOPE] = (scope.value, ["", *real.taxonomy.ids(SCOPES)][scope.proto.default])
    for flag in FLAGS:
        box = sidebar.checkbox(key=WIDGET_PREFIX + flag)
        shown[flag] = (box.value, box.proto.default)
    return shown


def expect_from_url(app: AppTest, real) -> dict[str, object]:
    """What each widget must show for the view in the app's URL, read with the URL contract's decoder."""
    state, _ = decode_state({key: [value] for key, value in url(app).items()}, real)
    filters = state.filters
    expected: dict[str, object] = {LANG_WIDGET: state.lang, Q: filters.q}
    for facet in real.schema.facets:
        expected[facet.name] = sorted(filters.selected(facet.name))
    expected[FOUNDED] = tuple(filters.founded or founded_bounds(real.actors))
    expected[SCOPE] = filters.scope or ""
    for flag in FLAGS:
        expected[flag] = getattr(filters, flag)
    return expected


def assert_sidebar_tells_the_url(app: AppTest, real, step: str) -> None:
    assert not app.exception, (step, app.exception)
    shown, expected = read_sidebar(app, real), expect_from_url(app, real)
    assert set(shown) == set(expected), step
    for name, want in expected.items():
        held, fresh = shown[name]
        assert held == want, (step, name, "held", held, want)
        assert fresh == want, (step, name, "shown on a fresh mount", fresh, want)


def app_actors(app: AppTest, real):
    """The actors the app's URL lets through, for picking a matrix square that is drawn."""
    state, _ = decode_state({key: [value] for key, value in url(app).items()}, real)
    return filter_actors(real, state.filters)


def click_matrix(app: AppTest, area: str, modality: str) -> None:
    """Run the page as after a click on the matrix square (area, modality): the event plotly sends back."""
    (chart,) = [e for e in app.get("plotly_chart") if "matrix" in e.proto.id]
    states = app._tree.get_widget_states()
    event = states.widgets.add()
    event.id = chart.proto.id
    points = [{"curve_number": 0, "point_number": 0, "point_index": 0, "customdata": [area, modality]}]
    event.string_value = json.dumps({"selection": {"points": points, "point_indices": [0], "box": [], "lasso": []}})
    app._run(states)


def test_every_route_keeps_the_sidebar_on_the_urls_view(real):
    deep = {TYPE: "biotech", Q: "immun", FOUNDED: "1990-2020", SCOPE: "marseille_area", F2030: "1", LANG: "en"}
    app = open_page("directory", deep)
    assert url(app) == deep  # the link's view is the view
    assert_sidebar_tells_the_url(app, real, "deep link")

    app.switch_page(page_file("map")).run()
    assert url(app) == deep
    assert_sidebar_tells_the_url(app, real, "page change")

    app.sidebar.multiselect(key=WIDGET_PREFIX + TYPE).select("pharma").run()
    assert url(app)[TYPE] == "biotech,pharma"
    app.sidebar.checkbox(key=WIDGET_PREFIX + F2030).uncheck().run()
    assert F2030 not in url(app)
    assert_sidebar_tells_the_url(app, real, "filters changed")

    app.switch_page(page_file("insights")).run()
    assert_sidebar_tells_the_url(app, real, "to the matrix")
    pair = build_matrix_points(app_actors(app, real), real.taxonomy, "en").iloc[0]
    click_matrix(app, pair["area"], pair["modality"])
    assert (url(app)[AREA], url(app)[MODALITY]) == (pair["area"], pair["modality"])
    assert_sidebar_tells_the_url(app, real, "matrix click")

    app.switch_page(page_file("directory")).run()
    assert (url(app)[AREA], url(app)[MODALITY]) == (pair["area"], pair["modality"])
    assert_sidebar_tells_the_url(app, real, "matrix click, then the directory")

    app.switch_page(page_file("about")).run()
    assert_sidebar_tells_the_url(app, real, "another page")
    app.switch_page(page_file("map")).run()
    assert_sidebar_tells_the_url(app, real, "back to a page")


def test_a_shared_link_opened_in_a_session_replaces_its_view(real):
    """The same session given another link (a back button, a pasted link): the sidebar follows the new URL."""
    app = open_page("directory", {TYPE: "pharma", MIB: "1"})
    assert_sidebar_tells_the_url(app, real, "first link")
    for key in list(app.query_params):
        del app.query_params[key]
    app.query_params[AREA] = "oncology"
    app.query_params[LANG] = "en"
    app.run()
    assert url(app) == {AREA: "oncology", LANG: "en"}
    assert_sidebar_tells_the_url(app, real, "second link")
