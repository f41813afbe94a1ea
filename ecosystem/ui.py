"""The one module that knows Streamlit: cached data, navigation, page set-up, shared sidebar, URL sync.

The view state lives in `st.session_state` and mirrors the URL both ways:
a link opens exactly its view, and moving between pages keeps it. Pages read
widgets, call plain functions and render; the bookkeeping they need is here.
"""

import contextlib
import ctypes
import functools
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from . import columns as C
from .about import build_about, build_dictionary
from .config import resolve_data_dir
from .datacache import validate_with_cache
from .exports import Provenance
from .filters import Filters, count_facet, count_scope, filter_ids, founded_bounds
from .formatting import format_count, format_day
from .goals import GoalsView, build_goals_view, load_goals
from .i18n import LANGS, t
from .insights import (
    build_matrix_figure,
    build_matrix_points,
    build_matrix_table,
    build_table_csv,
    describe_matrix,
    read_matrix_click,
)
from .load import DataError, Dataset, load_dataset
from .maps import View, build_marker_index, choose_map_view
from .markers import MarkerData, MarkerIndex, select_marker_data
from .navigation import PAGES, get_page
from .network import (
    DRAWN_LIMIT,
    build_network,
    compute_layout,
    describe_network,
    is_large,
    read_node_click,
    select_drawn,
)
from .present import SCENES, Show, encode_show, next_scene, parse_show, previous_scene, toggle_pause
from .release import Release, ReleaseFiles, build_release, build_release_info, build_zip_bytes, read_published_hash
from .share import build_citation, build_public_url, derive_app_root, format_licence, resolve_public_base
from .urlstate import PASSTHROUGH, Ignored, ViewState, decode_state, encode_state
from .validate import Problem

ENTRY_KEY = "entrypoint_ran"
STATE_KEY = "view_state"
WRITTEN_KEY = "view_state_url"
IGNORED_KEY = "view_state_ignored"
WIDGET_PREFIX = "filter_"
MAP_FIT_KEY = "map_fit_all"
MAP_COMPONENT_JS = Path(__file__).resolve().parent.parent / "static" / "map" / "component.js"
# Leaflet's own stylesheet arrives with the map; this only keeps its panes under Streamlit's menus.
MAP_COMPONENT_CSS = ".ecosystem-map { position: relative; z-index: 0; width: 100%; }"


@st.cache_resource(show_spinner=False)
def load_cached_dataset(data_dir: str) -> Dataset:
    """One shared, read-only copy for every session.

    st.cache_data would unpickle a copy on every rerun, and every session's
    widget callbacks would keep their own copy alive.
    """
    dataset = load_dataset(data_dir)
    release_free_memory()  # the loader's scratch space, which the allocator would otherwise keep for good
    return dataset


def release_free_memory() -> None:
    """Hand freed heap memory back to the system (glibc's `malloc_trim`); elsewhere, nothing to do."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@st.cache_data(show_spinner=False)
def validate_cached(data_dir: str) -> list[Problem]:
    """The check's outcome, kept on disk per data version: a cold start does not check again."""
    return validate_with_cache(data_dir, isolated=True)


@st.cache_resource(show_spinner=False, max_entries=4)
def build_cached_marker_index(version: str, _dataset: Dataset) -> MarkerIndex:
    """Every actor's marker row, encoded once per data version and shared by all sessions."""
    return build_marker_index(_dataset.actors, _dataset.taxonomy)


@st.cache_data(show_spinner=False, max_entries=256)
def build_cached_marker_data(version: str, filters: Filters, _dataset: Dataset) -> MarkerData:
    """The map's marker rows for one filter combination: picked from the index, not encoded again."""
    return select_marker_data(build_cached_marker_index(version, _dataset), filter_cached(version, filters, _dataset))


@st.cache_data(show_spinner=False, max_entries=512)
def build_cached_map_view(version: str, filters: Filters, fit_all: bool, _dataset: Dataset) -> tuple[View | None, int]:
    """The map's opening view and how many filtered actors it leaves out, once per data version, filters and fit."""
    located = _dataset.actors.loc[filter_cached(version, filters, _dataset), [C.LAT, C.LON]]
    return choose_map_view(located, _dataset.actors, _dataset.home_scope, fit_all=fit_all)


def get_map_view(page: "Page", fit_all: bool) -> tuple[View | None, int]:
    return build_cached_map_view(page.dataset.version, page.state.filters, fit_all, page.dataset)


def get_marker_data(page: "Page") -> MarkerData:
    return build_cached_marker_data(page.dataset.version, page.state.filters, page.dataset)


@st.cache_data(show_spinner=False)
def load_cached_about(data_dir: str, lang: str) -> dict[str, str]:
    return build_about(data_dir, lang)


@st.cache_data(show_spinner=False)
def load_cached_dictionary(data_dir: str) -> pd.DataFrame:
    return build_dictionary(data_dir)


@st.cache_data(show_spinner=False, max_entries=512)
def filter_cached(version: str, filters: Filters, _dataset: Dataset) -> list[str]:
    """The ids passing `filters`, once per data version and filter combination."""
    return filter_ids(_dataset, filters).to_list()


@st.cache_data(show_spinner=False, max_entries=512)
def count_cached(version: str, filters: Filters, _dataset: Dataset) -> dict[str, dict[str, int]]:
    """Facet and scope counts for the sidebar, once per data version and filter combination."""
    counts = {facet.name: count_facet(_dataset, filters, facet.name) for facet in _dataset.schema.facets}
    counts[C.SCOPE] = count_scope(_dataset, filters)
    return counts


# --- sharing: the public address, the release ---------------------------------------------


@st.cache_resource(show_spinner=False)
def _publish_release(data_dir: str, version: str, _published: str | None) -> tuple[ReleaseFiles | None, str | None]:
    try:
        return build_release(data_dir), None
    except OSError as error:
        return None, str(error)


def publish_release(dataset: Dataset) -> tuple[ReleaseFiles | None, str | None]:
    """Copy the data package under static/ (once, and again if another process replaced the copy); or say why not."""
    return _publish_release(dataset.data_dir, dataset.version, read_published_hash())


@st.cache_data(show_spinner=False)
def build_release_zip(data_dir: str, version: str) -> bytes:
    return build_zip_bytes(data_dir)


def current_page_path() -> str:
    """The URL path of the page running now ('' for the home page), as st.navigation registered it."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return ""
    info = ctx.pages_manager.get_pages().get(ctx.pages_manager.current_page_script_hash) or {}
    return str(info.get("url_pathname") or "")


def _secrets() -> dict:
    try:
        return {key: st.secrets[key] for key in st.secrets}
    except (FileNotFoundError, KeyError):
        return {}


def get_public_base() -> str | None:
    """PUBLIC_BASE_URL from the environment or the secrets: the address readers use."""
    return resolve_public_base(os.environ, _secrets())


def is_embedded() -> bool:
    """`?embed=true`: the app sits in another site's iframe, so no sidebar and no chrome."""
    return bool(st.context.is_embedded)


@dataclass(frozen=True)
class Page:
    """What a page needs: the data, the view, the actors that pass the filters, and how to link to it."""

    dataset: Dataset
    state: ViewState
    ids: tuple[str, ...]  # the actors that pass the filters
    page_path: str = ""
    public_base: str | None = None
    browser_root: str | None = None
    embedded: bool = False

    @property
    def lang(self) -> str:
        return self.state.lang

    @functools.cached_property
    def filtered(self) -> pd.DataFrame:
        """The filtered actors' rows, taken on first use: a page that needs only ids or counts skips the copy."""
        return self.dataset.actors.loc[list(self.ids)]

    def t(self, key: str, **values) -> str:
        return t(key, self.state.lang, **values)

    @property
    def base(self) -> str | None:
        """The start of every printed link: the public address, else the one in the reader's browser."""
        return self.public_base or self.browser_root

    def view_url(self, key: str | None = None, **changes) -> str:
        """The full link to this view, or to the registered page `key` with `changes` to the state."""
        path = self.page_path if key is None else get_page(key).url_path
        return build_public_url(self.base, path, encode_state(replace(self.state, **changes), self.dataset))

    @property
    def release(self) -> Release:
        return build_release_info(self.dataset.schema)

    @property
    def citation(self) -> str:
        return build_citation(self.release, self.view_url(), self.lang)

    @property
    def provenance(self) -> Provenance:
        """What every export states about itself: the view's link, citation, licence, release, data date."""
        release = self.release
        licence = format_licence(release)
        return Provenance(
            url=self.view_url(),
            citation=self.citation,
            licence=f"{licence} ({release.licence_url})" if release.licence_url else licence,
            release=f"{release.version} ({release.date})" if release.date else release.version,
            data_as_of=self.dataset.data_as_of,
        )


# --- navigation -----------------------------------------------------------------------------


def build_navigation(lang: str):
    """`st.navigation` over the page registry, titles in the reader's language."""
    return st.navigation(
        [
            st.Page(
                spec.file,
                title=t(spec.title_key, lang),
                icon=spec.icon,
                url_path=spec.url_path or None,
                default=not spec.url_path,
                visibility="visible" if spec.listed else "hidden",
            )
            for spec in PAGES
        ],
        position="hidden" if is_embedded() else "sidebar",
    )


def link_params(page: Page, **changes) -> dict[str, str]:
    """Query parameters for a link to the current view with `changes` applied."""
    return encode_state(replace(page.state, **changes), page.dataset)


def page_link(page: Page, key: str, *, label: str | None = None, icon: str | None = None, container=None, **changes):
    """A link to the registered page `key`, carrying the current view with `changes` applied."""
    spec = get_page(key)
    (container or st).page_link(
        spec.file,
        label=label or page.t(spec.title_key),
        icon=icon or spec.icon,
        query_params=link_params(page, **changes),
    )


def switch_page(page: Page, key: str, **changes) -> None:
    """Go to the registered page `key` with the current view, `changes` applied."""
    state = replace(page.state, **changes)
    write_state(state, page.dataset)
    st.switch_page(get_page(key).file, query_params=encode_state(state, page.dataset))


def go_to_actor(page: Page, actor: str | None) -> None:
    """Open the actor page for `actor`, keeping the rest of the view."""
    switch_page(page, "actor", actor=actor)


def take_selected_row(event, key: str) -> int | None:
    """The row a table selection picked, forgetting it so that coming back shows no stale selection."""
    rows = event.selection.rows if event else []
    if not rows:
        return None
    st.session_state.pop(key, None)
    return rows[0]


# --- the view state, mirrored in the URL ------------------------------------------------------


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params if key not in PASSTHROUGH}


def _written(params: dict[str, str]) -> dict[str, list[str]]:
    return {key: [value] for key, value in params.items()}


def write_state(state: ViewState, dataset: Dataset) -> None:
    """Make `state` the current view and put it in the URL."""
    params = encode_state(state, dataset)
    st.session_state[STATE_KEY] = state
    st.session_state[WRITTEN_KEY] = _written(params)
    keep = {key: st.query_params.get_all(key) for key in PASSTHROUGH if key in st.query_params}
    st.query_params.from_dict({**params, **keep})


def sync_state(dataset: Dataset | None) -> ViewState:
    """The current view: from the URL when it brings a new one, else from the session.

    Streamlit clears the query string when the user changes page; the session
    copy then writes it back, so that the state survives the move.
    """
    url = _url_params()
    if dataset is None:
        lang = (url.get("lang") or [""])[0]
        return ViewState(lang=lang if lang in LANGS else ViewState().lang)
    known = STATE_KEY in st.session_state
    if not known or (url and url != st.session_state.get(WRITTEN_KEY)):
        state, ignored = decode_state(url, dataset)
        st.session_state[IGNORED_KEY] = ignored
        write_state(state, dataset)
    elif not url and st.session_state.get(WRITTEN_KEY):
        write_state(st.session_state[STATE_KEY], dataset)
    return st.session_state[STATE_KEY]


def current_state() -> ViewState:
    return st.session_state.get(STATE_KEY, ViewState())


def requested_actor() -> str | None:
    """The actor the link asked for when it is unknown (the state dropped it), to say so."""
    ignored = st.session_state.get(IGNORED_KEY, [])
    return next((item.value for item in ignored if item.param == "actor"), None)


def get_dataset() -> tuple[Dataset | None, str | None]:
    """The dataset, or the reason it cannot be read."""
    try:
        return load_cached_dataset(str(resolve_data_dir())), None
    except (DataError, OSError, ValueError, KeyError) as error:
        return None, str(error)


# --- sidebar widgets, fed from the state and writing back to it -------------------------


def _update_filters(dataset: Dataset, filters: Filters) -> None:
    st.session_state.pop(IGNORED_KEY, None)  # the user has moved on from the link
    write_state(replace(current_state(), filters=filters), dataset)


def _on_facet(dataset: Dataset, facet: str) -> None:
    filters = current_state().filters.with_facet(facet, st.session_state[WIDGET_PREFIX + facet])
    _update_filters(dataset, filters)


def _on_value(dataset: Dataset, name: str, convert=lambda value: value) -> None:
    value = convert(st.session_state[WIDGET_PREFIX + name])
    _update_filters(dataset, replace(current_state().filters, **{name: value}))


def _on_lang(dataset: Dataset) -> None:
    write_state(replace(current_state(), lang=st.session_state["lang_widget"]), dataset)


def _on_reset(dataset: Dataset) -> None:
    write_state(replace(current_state(), filters=Filters()), dataset)


def _seed(key: str, value) -> None:
    """Give a widget the state's value before it is drawn (widgets forget across pages)."""
    if st.session_state.get(key) != value:
        st.session_state[key] = value


def render_language(dataset: Dataset | None, state: ViewState) -> None:
    _seed("lang_widget", state.lang)
    st.sidebar.segmented_control(
        t("language", state.lang),
        options=list(LANGS),
        format_func=str.upper,
        key="lang_widget",
        on_change=_on_lang if dataset else None,
        args=(dataset,) if dataset else None,
    )


def render_filters(dataset: Dataset, state: ViewState) -> None:
    filters, lang, taxonomy, actors = state.filters, state.lang, dataset.taxonomy, dataset.actors
    counts = count_cached(dataset.version, filters, dataset)
    sidebar = st.sidebar
    sidebar.header(t("filters", lang))

    key = WIDGET_PREFIX + "q"
    _seed(key, filters.q)
    sidebar.text_input(
        t("filter_q", lang), key=key, help=t("filter_q_help", lang), on_change=_on_value, args=(dataset, "q")
    )

    for facet in dataset.schema.facets:
        key = WIDGET_PREFIX + facet.name
        options = list(taxonomy.ids(facet.vocabulary))
        _seed(key, [item for item in options if item in filters.selected(facet.name)])
        sidebar.multiselect(
            t(f"filter_{facet.name}", lang),
            options=options,
            format_func=lambda item, v=facet.vocabulary, c=counts[facet.name]: (
                f"{taxonomy.label(v, item, lang)} ({c.get(item, 0)})"
            ),
            key=key,
            placeholder=t("choose", lang),
            on_change=_on_facet,
            args=(dataset, facet.name),
        )

    bounds = founded_bounds(actors)
    if bounds and bounds[0] < bounds[1]:
        key = WIDGET_PREFIX + "founded"
        low, high = filters.founded or bounds
        _seed(key, (max(bounds[0], min(low, bounds[1])), min(bounds[1], max(high, bounds[0]))))
        sidebar.slider(
            t("filter_founded", lang),
            min_value=bounds[0],
            max_value=bounds[1],
            key=key,
            on_change=_on_value,
            args=(dataset, "founded", lambda value, b=bounds: None if tuple(value) == b else tuple(value)),
        )

    key = WIDGET_PREFIX + "scope"
    _seed(key, filters.scope or "")
    sidebar.radio(
        t("filter_scope", lang),
        options=["", *taxonomy.ids("scopes")],
        format_func=lambda s: (
            t("scope_all", lang) if not s else f"{taxonomy.label('scopes', s, lang)} ({counts[C.SCOPE].get(s, 0)})"
        ),
        key=key,
        on_change=_on_value,
        args=(dataset, "scope", lambda value: value or None),
    )
    for flag in ("f2030", "mib"):
        key = WIDGET_PREFIX + flag
        _seed(key, getattr(filters, flag))
        sidebar.checkbox(t(f"filter_{flag}", lang), key=key, on_change=_on_value, args=(dataset, flag, bool))
    if not filters.is_empty:
        sidebar.button(t("reset_filters", lang), on_click=_on_reset, args=(dataset,))


def render_notices(lang: str, ignored: list[Ignored], problems: list[Problem]) -> None:
    if ignored:
        st.info(t("ignored_values", lang, values=", ".join(f"`{item}`" for item in ignored)), icon="ℹ️")
    if problems:
        st.warning(t("data_problems", lang, count=len(problems)), icon="⚠️")


def render_footer(page: Page) -> None:
    """Provenance on every page: date, licence, the link to this exact view and its citation, both copyable."""
    sidebar = st.sidebar
    sidebar.divider()
    sidebar.caption(page.t("data_as_of", date=page.dataset.data_as_of))
    sidebar.caption(page.t("data_licence", licence=page.dataset.schema.licence_name))
    with sidebar.container(key="share_link"):
        st.caption(page.t("copy_link"))
        st.code(page.view_url(), language=None, wrap_lines=True)
        if not page.public_base:
            st.caption(page.t("link_from_browser"))
    with sidebar.container(key="share_citation"):
        st.caption(page.t("cite_view"))
        st.code(page.citation, language=None, wrap_lines=True)


def mark_entrypoint() -> None:
    """Called by dashboard.py on every run, before `st.navigation`."""
    st.session_state[ENTRY_KEY] = True


def ensure_entrypoint() -> None:
    """Run the page through dashboard.py's navigation, even on a server's first deep link.

    Until some session calls `st.navigation`, Streamlit treats a `pages/` folder
    the old way and runs `/map` without the entry script (file names in the
    menu, no translated titles, no page config). Leave that mode and run again.
    """
    if not st.session_state.get(ENTRY_KEY):
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_setup() -> Page | None:
    """Sidebar and notices shared by every page; None when there is no data to show."""
    ensure_entrypoint()
    dataset, error = get_dataset()
    state = sync_state(dataset)
    embedded = is_embedded()
    if not embedded:
        render_language(dataset, state)
    if dataset is None:
        st.error(t("data_unavailable", state.lang, error=error))
        return None
    publish_release(dataset)  # once per process and data version: the stable URLs answer from the first visit
    page_path = current_page_path()
    ids = filter_cached(dataset.version, state.filters, dataset)
    page = Page(
        dataset=dataset,
        state=state,
        ids=tuple(ids),
        page_path=page_path,
        public_base=get_public_base(),
        browser_root=derive_app_root(st.context.url, page_path),
        embedded=embedded,
    )
    if embedded:
        # a news site's iframe is small: keep the map edge to edge
        st.html('<style>[data-testid="stMainBlockContainer"]{padding:0.5rem 0.75rem;max-width:none}</style>')
    else:
        render_filters(dataset, state)
        render_footer(page)
    render_notices(state.lang, st.session_state.get(IGNORED_KEY, []), validate_cached(dataset.data_dir))
    return page


# --- the map's click and view state -------------------------------------------------------


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


def show_map(spec: dict, key: str, dataset: Dataset | None = None) -> None:
    """Draw a map built by `maps.build_map_spec`; with `dataset`, a click on a marker selects its actor.

    The click is read in the component's callback, before the page runs again,
    so the rerun draws the map, the card and the URL with the new selection.
    """
    callbacks = {}
    if spec.get("clickable") and dataset is not None:
        callbacks["on_clicked_change"] = functools.partial(_select_clicked, key, dataset)
    _map_component()(key=key, data=spec, height=spec["height"], **callbacks)


def _select_clicked(key: str, dataset: Dataset) -> None:
    value = st.session_state.get(key)
    clicked = value.get("clicked") if isinstance(value, Mapping) else None
    if isinstance(clicked, str) and dataset.find_actor(clicked) is not None:
        write_state(replace(current_state(), actor=clicked), dataset)


def close_card(dataset: Dataset) -> None:
    """Deselect the actor: the card closes and the marker is drawn as the others."""
    write_state(replace(current_state(), actor=None), dataset)


# --- charts that tell the story and filter the app ----------------------------------------


@st.cache_data(show_spinner=False)
def build_cached_layout(version: str, _dataset: Dataset) -> dict[str, tuple[float, float]]:
    """The network layout, computed once per data version (it depends on the relations only)."""
    return compute_layout(_dataset.relations)


@st.cache_data(show_spinner=False, max_entries=256)
def build_cached_network(version: str, shown: tuple[str, ...], lang: str, height: int, _dataset: Dataset):
    """Nodes, edges, figure (as a dict), and how many linked actors a large graph left out of: per filter.

    The figure is cached as a plain dict: a plotly Figure coming back from st.cache_data
    drew the same but reported no click selection in the browser.
    """
    if not is_large(_dataset.relations):  # one layout for the data version: positions stay put across filters
        layout = build_cached_layout(version, _dataset)
        nodes, edges, figure = build_network(_dataset, shown, layout, lang, height=height)
        return nodes, edges, figure.to_dict(), 0
    drawn, linked = select_drawn(_dataset.relations, shown)
    nodes, edges, figure = build_network(_dataset, drawn, None, lang, among=True, height=height)
    return nodes, edges, figure.to_dict(), linked if linked > len(drawn) else 0


@st.cache_data(show_spinner=False)
def build_cached_goals_view(version: str, lang: str, _dataset: Dataset) -> GoalsView | None:
    """The goals tracker depends on the data and the language only: built once for each."""
    return build_goals_view(_dataset, load_goals(_dataset.data_dir), lang)


def apply_facets(page: Page, **selected: frozenset[str]) -> None:
    """Select facets (e.g. area=..., modality=...) for the whole app, URL included, and rerun."""
    filters = page.state.filters
    for facet, items in selected.items():
        filters = filters.with_facet(facet, items)
    st.session_state.pop(IGNORED_KEY, None)
    write_state(replace(page.state, filters=filters), page.dataset)
    st.rerun()


def _selection_key(prefix: str, page: Page) -> str:
    """A chart key that changes with the filters, so that an applied click does not linger as a selection."""
    params = sorted(encode_state(ViewState(filters=page.state.filters), page.dataset).items())
    return f"{prefix}_{hashlib.sha1(repr(params).encode()).hexdigest()[:12]}"


def render_chart_data(page: Page, table: pd.DataFrame, *, key: str, file_name: str, expanded: bool = False) -> None:
    """A chart's data as a table (for screen readers) and as a CSV download."""
    with st.expander(page.t("show_table"), expanded=expanded):
        st.dataframe(table, hide_index=True, width="stretch", key=f"{key}_table")
    st.download_button(
        page.t("download_table"),
        data=build_table_csv(table),
        file_name=file_name,
        mime="text/csv",
        icon=":material/download:",
        key=f"{key}_download",
    )


def render_matrix(page: Page, *, key: str = "matrix", with_data: bool = True, titled: bool = True) -> None:
    """The area x modality matrix; a click on a square filters the whole app on that pair."""
    taxonomy, lang, filters = page.dataset.taxonomy, page.lang, page.state.filters
    points = build_matrix_points(page.filtered, taxonomy, lang)
    st.markdown(describe_matrix(points, len(page.filtered), lang))
    st.caption(page.t("matrix_hint"))
    selected = (filters.selected("area"), filters.selected("modality"))
    event = st.plotly_chart(
        build_matrix_figure(points, lang, selected=selected, titled=titled),
        width="stretch",
        on_select="rerun",
        selection_mode="points",
        key=_selection_key(key, page),
        config={"displayModeBar": False},
    )
    clicked = read_matrix_click(event)
    if clicked and selected != (frozenset({clicked[0]}), frozenset({clicked[1]})):
        apply_facets(page, area=frozenset({clicked[0]}), modality=frozenset({clicked[1]}))
    if with_data:
        render_chart_data(page, build_matrix_table(points, lang), key=key, file_name="areas-modalities.csv")


def render_network(page: Page, *, key: str = "network_chart", height: int = 720, clickable: bool = True) -> None:
    """The relations graph of the filtered actors; with `clickable`, a node click opens its profile."""
    dataset = page.dataset
    shown = tuple(page.filtered.index)
    nodes, edges, figure, left_out_of = build_cached_network(dataset.version, shown, page.lang, height, dataset)
    st.markdown(describe_network(nodes, edges, page.lang))
    if left_out_of:  # a large graph: only the most related actors are drawn
        count, total = format_count(DRAWN_LIMIT, page.lang), format_count(left_out_of, page.lang)
        st.caption(page.t("network_most_linked", count=count, total=total))
    if not len(edges):
        return
    if not clickable:
        st.plotly_chart(figure, width="stretch", key=key, config={"displayModeBar": False})
        return
    st.caption(page.t("network_hint"))
    event = st.plotly_chart(
        figure, width="stretch", on_select="rerun", selection_mode="points", key=key, config={"scrollZoom": True}
    )
    clicked = read_node_click(event, nodes["id"])
    if clicked:
        st.session_state.pop(key, None)
        go_to_actor(page, clicked)


def render_goals(page: Page) -> None:
    """The goals tracker: each published goal, what the dataset records against it, and the records."""
    view = build_cached_goals_view(page.dataset.version, page.lang, page.dataset)
    if view is None:
        return
    st.subheader(page.t("goals_title"))
    st.caption(
        page.t(
            "goals_intro",
            since=format_day(view.since, page.lang),
            date=format_day(page.dataset.data_as_of, page.lang),
        )
    )
    render_goal_cards(view.cards)
    st.markdown(view.acquisitions)
    with st.expander(page.t("goal_evidence")):
        st.dataframe(view.evidence, hide_index=True, width="stretch", key="goals_evidence")
    st.download_button(
        page.t("download_table"),
        data=build_table_csv(view.evidence),
        file_name="goals-records.csv",
        mime="text/csv",
        icon=":material/download:",
        key="goals_download",
    )


# --- the presentation: full screen, no sidebar, scenes moved by buttons, keys or a timer ---------

SHOW_KEY = "present_show"
SHOWN_URL_KEY = "present_show_url"
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


def _present_url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in ("scene", "interval") if key in st.query_params}


def _write_show(show: Show) -> None:
    st.session_state[SHOW_KEY] = show
    params = encode_show(show)
    st.session_state[SHOWN_URL_KEY] = {key: [value] for key, value in params.items()}
    for key in ("scene", "interval"):
        if key in params:
            st.query_params[key] = params[key]
        elif key in st.query_params:
            del st.query_params[key]


def _on_show(change) -> None:
    _write_show(change(st.session_state[SHOW_KEY]))


def present_setup() -> tuple[Page, Show] | None:
    """The presentation's page: no sidebar, the show from the URL (or the session), its notices."""
    ensure_entrypoint()
    st.html(PRESENT_CSS)
    dataset, error = get_dataset()
    state = sync_state(dataset)
    if dataset is None:
        st.error(t("data_unavailable", state.lang, error=error))
        return None
    url = _present_url_params()
    ignored: list[str] = []
    if SHOW_KEY not in st.session_state or url != st.session_state.get(SHOWN_URL_KEY):
        show, ignored = parse_show(url)
        paused = st.session_state[SHOW_KEY].paused if SHOW_KEY in st.session_state else False
        _write_show(replace(show, paused=paused))
    show = st.session_state[SHOW_KEY]
    ignored = [str(item) for item in st.session_state.get(IGNORED_KEY, [])] + ignored
    render_notices(state.lang, ignored, validate_cached(dataset.data_dir))
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


def render_goal_cards(cards, *, detailed: bool = True) -> None:
    """Goal cards three to a row; the detailed form adds the sentence and the source under each."""
    for row in range(0, len(cards), 3):
        for column, card in zip(st.columns(3), cards[row : row + 3], strict=False):
            with column.container(border=True):
                st.metric(card.label, card.figure)
                st.caption(card.target)
                if card.share is not None:
                    st.progress(card.share)
                if detailed:
                    st.markdown(card.sentence)
                    st.caption(card.source)
