"""The presentation's page: full screen, no sidebar, scenes moved by keys, a clicker, a timer or controls that
show only while the presenter moves the pointer."""

from dataclasses import replace

import streamlit as st

from ..goals import load_goals
from ..i18n import t
from ..present import SCENES, Show, encode_show, next_scene, parse_show, previous_scene, toggle_pause
from ..scenefacts import parse_goal_ids
from ..scenes import Room, draw_scene
from ..slides import SCENE_CSS
from ..urlstate import GOALS, INTERVAL, PRINT, SCENE
from .cache import filter_cached, get_dataset, validate_cached
from .page import Page, ensure_entrypoint, is_embedded
from .sidebar import render_notices
from .state import read_ignored, read_url_params, sync_state

SHOW_KEY = "present_show"
SHOWN_URL_KEY = "present_show_url"
SHOW_PARAMS = (SCENE, INTERVAL)
CONTROLS_KEY = "present_controls"
# Streamlit's chrome hidden; the scene takes the whole window; the controls float over its bottom edge,
# invisible until the pointer moves or a control has the focus (the script below sets `present-awake`).
PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0 !important; }
.st-key-present_controls { position: fixed !important; right: 24px; bottom: 18px; z-index: 1000; width: auto !important;
  max-width: 70vw; background: rgba(255,255,255,0.97); border: 1px solid #888; border-radius: 12px; padding: 10px 16px;
  opacity: 0; transition: opacity 0.3s; pointer-events: none; }
body.present-awake .st-key-present_controls, .st-key-present_controls:focus-within { opacity: 1; pointer-events: auto; }
.st-key-present_controls p, .st-key-present_controls button p { font-size: 20px !important; }
%(scene_css)s
%(extra)s
</style>
"""
EMBED_CSS = ".st-key-present_controls { display: none !important; }"
PRINT_CSS = """
@media print {
  [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"], [data-testid="stMainBlockContainer"],
  [data-testid="stVerticalBlock"], [data-testid="stElementContainer"], .stHtml, .stApp { overflow: visible !important;
  height: auto !important; min-height: 0 !important; position: static !important; display: block !important; }
}
"""
# The buttons carry the arrow and P shortcuts; this adds a presenter's clicker (Page Up/Down), the timer
# (restarted each time a scene is drawn), and wakes the controls on pointer movement for a few seconds.
PRESENT_SCRIPT = """
<script>
(function () {
  var doc = window.parent && window.parent.document ? window.parent.document : document;
  var win = doc.defaultView || window;
  function press(key) {
    var button = doc.querySelector(".st-key-present_" + key + " button");
    if (button) { button.click(); }
  }
  function wake(event) {
    // a page that redraws under a still pointer gets mouse events too: only a real move wakes the controls
    if (event && event.type === "mousemove") {
      var moved = win.__presentPointer && (win.__presentPointer[0] !== event.screenX || win.__presentPointer[1] !== event.screenY);
      win.__presentPointer = [event.screenX, event.screenY];
      if (!moved) { return; }
    }
    doc.body.classList.add("present-awake");
    win.clearTimeout(win.__presentSleep);
    win.__presentSleep = win.setTimeout(function () { doc.body.classList.remove("present-awake"); }, 3000);
  }
  if (!win.__presentKeys) {
    win.__presentKeys = true;
    doc.addEventListener("keydown", function (event) {
      var tag = (event.target && event.target.tagName) || "";
      if (/INPUT|TEXTAREA|SELECT/.test(tag)) { return; }
      if (event.key === "PageDown") { press("next"); event.preventDefault(); }
      else if (event.key === "PageUp") { press("previous"); event.preventDefault(); }
    });
    doc.addEventListener("mousemove", wake);
    doc.addEventListener("pointerdown", wake);
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


def _first(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key) or []
    return values[0] if values else None


def present_setup() -> tuple[Page, Show, tuple[str, ...] | None, bool] | None:
    """The presentation's page: no sidebar, the show from the URL (or the session), the goals asked for, print or not."""
    dataset, error = get_dataset()
    state = sync_state(dataset)
    ensure_entrypoint(state.lang)
    url = read_url_params((*SHOW_PARAMS, GOALS, PRINT))
    printing = (_first(url, PRINT) or "").lower() in ("true", "1", "yes")
    extra = (EMBED_CSS if is_embedded() or printing else "") + (PRINT_CSS if printing else "")
    st.html(PRESENT_CSS.replace("%(scene_css)s", SCENE_CSS).replace("%(extra)s", extra))
    if dataset is None:
        st.error(t("data_unavailable", state.lang, error=error))
        return None
    shown = {key: value for key, value in url.items() if key in SHOW_PARAMS}
    ignored: list[str] = []
    if SHOW_KEY not in st.session_state or shown != st.session_state.get(SHOWN_URL_KEY):
        show, ignored = parse_show(shown)
        paused = st.session_state[SHOW_KEY].paused if SHOW_KEY in st.session_state else False
        _write_show(replace(show, paused=paused))
    show = st.session_state[SHOW_KEY]
    goal_ids, unknown = parse_goal_ids(_first(url, GOALS), load_goals(dataset.data_dir))
    ignored += [f"{GOALS}={item}" for item in unknown]
    notices = [str(item) for item in read_ignored()] + ignored
    ids = filter_cached(dataset.version, state.filters, dataset)
    page = Page(dataset=dataset, state=state, ids=tuple(ids))
    # What only the presenter needs (ignored URL values, data problems) waits with the controls.
    with st.container(key=CONTROLS_KEY, horizontal=False):
        render_notices(state.lang, notices, validate_cached(dataset.data_dir))
        if not printing:
            render_present_controls(page, show)
    return page, show, goal_ids, printing


@st.cache_data(show_spinner=False, max_entries=128)
def draw_cached_scene(version: str, name: str, ids: tuple[str, ...], room: Room, _page: Page) -> str:
    """A scene's HTML, drawn once per data version, filtered actors, language, goals and public address."""
    return draw_scene(name, _page.dataset, _page.filtered, room)


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
