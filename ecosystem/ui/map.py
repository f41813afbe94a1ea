"""The map in the page: a Streamlit component that draws a spec from `maps.build_map_spec`, and its clicks."""

import functools
import secrets
from collections.abc import Mapping

import streamlit as st

from ..load import Dataset
from ..maps import View
from ..markers import MarkerData
from ..paths import MAP_COMPONENT_JS
from .cache import build_cached_map_view, build_cached_marker_data
from .page import Page
from .state import update_state

MAP_FIT_KEY = "map_fit_all"
REPORT_TOKEN_KEY = "map_report_token"
# Leaflet's own stylesheet arrives with the map; this only keeps its panes under Streamlit's menus.
MAP_COMPONENT_CSS = ".ecosystem-map { position: relative; z-index: 0; width: 100%; }"


def get_map_view(page: Page, fit_all: bool) -> tuple[View | None, int]:
    return build_cached_map_view(page.dataset.version, page.state.filters, fit_all, page.dataset)


def get_marker_data(page: Page) -> MarkerData:
    return build_cached_marker_data(page.dataset.version, page.state.filters, page.dataset)


def map_fits_all() -> bool:
    """Whether the map shows every filtered actor rather than the cluster's territory."""
    return bool(st.session_state.get(MAP_FIT_KEY, False))


def set_map_fit_all(value: bool) -> None:
    st.session_state[MAP_FIT_KEY] = value


@functools.cache
def _map_component():
    """The map component, registered once per process (a second registration would replace it)."""
    return st.components.v2.component(
        "ecosystem_map", js=MAP_COMPONENT_JS.read_text(encoding="utf-8"), css=MAP_COMPONENT_CSS, isolate_styles=False
    )


def show_map(spec: dict, key: str, dataset: Dataset | None = None, *, report_drawn: bool = False) -> None:
    """Draw a map built by `maps.build_map_spec`; with `dataset`, a click on a marker selects its actor.

    The click is read in the component's callback, before the page runs again,
    so the rerun draws the map, the card and the URL with the new selection.
    With `report_drawn`, the map sends the trigger "drawn" once it has painted
    its markers (or failed to load): the page runs again, and that run draws
    what waited for the map.
    """
    callbacks = {}
    if spec.get("clickable") and dataset is not None:
        callbacks["on_clicked_change"] = functools.partial(_select_clicked, key, dataset)
    # A map sized in CSS (it follows the window) makes the component as tall as its content.
    height = spec["height"] if isinstance(spec["height"], int) else "content"
    if report_drawn:
        # The session's own token, not just true: a map already open gets data it has not seen, and reports
        # again, even when the session it last reported to (on a server since lost) asked the same.
        spec = {**spec, "reportDrawn": _session_token()}
    _map_component()(key=key, data=spec, height=height, **callbacks)


def _session_token() -> str:
    """A random token, one per session: two sessions' first runs never send the map the same data."""
    if REPORT_TOKEN_KEY not in st.session_state:
        st.session_state[REPORT_TOKEN_KEY] = secrets.token_urlsafe(8)
    return st.session_state[REPORT_TOKEN_KEY]


def _select_clicked(key: str, dataset: Dataset) -> None:
    value = st.session_state.get(key)
    clicked = value.get("clicked") if isinstance(value, Mapping) else None
    if isinstance(clicked, str) and dataset.find_actor(clicked) is not None:
        update_state(dataset, actor=clicked)


def close_card(dataset: Dataset) -> None:
    """Deselect the actor: the card closes and the marker is drawn as the others."""
    update_state(dataset, actor=None)
