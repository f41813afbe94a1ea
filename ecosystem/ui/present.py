"""The presentation's page: full screen, no sidebar, scenes moved by buttons, keys, a clicker or a timer."""

from dataclasses import replace

import streamlit as st

from ..i18n import t
from ..present import SCENES, Show, encode_show, next_scene, parse_show, previous_scene, toggle_pause
from ..urlstate import INTERVAL, SCENE
from .cache import filter_cached, get_dataset, validate_cached
from .page import Page, ensure_entrypoint
from .sidebar import render_notices
from .state import read_ignored, read_url_params, sync_state

SHOW_KEY = "present_show"
SHOWN_URL_KEY = "present_show_url"
SHOW_PARAMS = (SCENE, INTERVAL)
PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem 2.5rem !important; max-width: 100% !important; }
[data-testid="stMain"] h1 { font-size: 3.2rem !important; line-height: 1.15 !important; padding: 0 !important; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { font-size: 1.9rem !important; line-height: 1.45 !important; }
[data-testid="stMain"] button p { font-size: 1.5rem !important; }
[data-testid="stMain"] [data-testid="stMetricValue"] p { font-size: 4.5rem !important; line-height: 1.1 !important; }
[data-testid="stMain"] [data-testid="stMetricLabel"] p { font-size: 1.7rem !important; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.45rem !important; line-height: 1.35 !important; }
</style>
"""
# The buttons carry the arrow and P shortcuts; this adds a presenter's clicker (Page Up/Down)
# and the timer, restarted each time a scene is drawn; both press the page's own buttons.
PRESENT_SCRIPT = """
<script>
(function () {
  var doc = window.parent && window.parent.document ? window.parent.document : document;
  var win = doc.defaultView || window;
  function press(key) {
    var button = doc.querySelector(".st-key-present_" + key + " button");
    if (button) { button.click(); }
  }
  if (!win.__presentKeys) {
    win.__presentKeys = true;
    doc.addEventListener("keydown", function (event) {
      var tag = (event.target && event.target.tagName) || "";
      if (/INPUT|TEXTAREA|SELECT/.test(tag)) { return; }
      if (event.key === "PageDown") { press("next"); event.preventDefault(); }
      else if (event.key === "PageUp") { press("previous"); event.preventDefault(); }
    });
  }
  win.clearTimeout(win.__presentTimer);
  if (%(advance)s) {
    win.__presentTimer = win.setTimeout(function () { press("next"); }, %(milliseconds)d);
  }
})();
</script>
<!-- scene %(scene)d -->
"""


def _write_show(show: Show) -> None:
    st.session_state[SHOW_KEY] = show
    params = encode_show(show)
    st.session_state[SHOWN_URL_KEY] = {key: [value] for key, value in params.items()}
    for key in SHOW_PARAMS:
        if key in params:
            st.query_params[key] = params[key]
        elif key in st.query_params:
            del st.query_params[key]


def _on_show(change) -> None:
    _write_show(change(st.session_state[SHOW_KEY]))


def present_setup() -> tuple[Page, Show] | None:
    """The presentation's page: no sidebar, the show from the URL (or the session), its notices."""
    dataset, error = get_dataset()
    state = sync_state(dataset)
    ensure_entrypoint(state.lang)
    st.html(PRESENT_CSS)
    if dataset is None:
        st.error(t("data_unavailable", state.lang, error=error))
        return None
    url = read_url_params(SHOW_PARAMS)
    ignored: list[str] = []
    if SHOW_KEY not in st.session_state or url != st.session_state.get(SHOWN_URL_KEY):
        show, ignored = parse_show(url)
        paused = st.session_state[SHOW_KEY].paused if SHOW_KEY in st.session_state else False
        _write_show(replace(show, paused=paused))
    show = st.session_state[SHOW_KEY]
    notices = [str(item) for item in read_ignored()] + ignored
    render_notices(state.lang, notices, validate_cached(dataset.data_dir))
    ids = filter_cached(dataset.version, state.filters, dataset)
    page = Page(dataset=dataset, state=state, ids=tuple(ids))
    return page, show


def render_present_controls(page: Page, show: Show) -> None:
    """Previous, pause or play, next, and the keyboard and timer script that presses them."""
    row = st.container(horizontal=True, vertical_alignment="center", gap="medium")
    row.button(
        page.t("present_previous"), key="present_previous", icon=":material/arrow_back:",
        on_click=_on_show, args=(previous_scene,), shortcut="Left",
    )  # fmt: skip
    row.button(
        page.t("present_play" if show.paused else "present_pause"), key="present_pause",
        icon=":material/play_arrow:" if show.paused else ":material/pause:",
        on_click=_on_show, args=(toggle_pause,), shortcut="P",
    )  # fmt: skip
    row.button(
        page.t("present_next"), key="present_next", icon=":material/arrow_forward:",
        on_click=_on_show, args=(next_scene,), shortcut="Right",
    )  # fmt: skip
    position = page.t("present_position", scene=show.scene, count=len(SCENES))
    row.caption(f"{position} · {page.t('present_keys')}")
    values = {"advance": "true" if show.advances else "false", "milliseconds": show.interval * 1000}
    st.html(PRESENT_SCRIPT % {**values, "scene": show.scene}, unsafe_allow_javascript=True)
