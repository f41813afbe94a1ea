"""The sidebar every page shares: the menu, language, filters fed from the view state and writing back to it, provenance.

The view state is the one truth; a widget only shows it. Streamlit forgets a
widget's value when a run does not draw it; on a page change the browser
mounts the widget afresh from its `default` whatever the server remembers; and
the browser keeps a choice as its label, which the counts in it make stale.
So every widget is given the state's value on every run, both in the session
and as its default. Its callback writes a change to the state (and the URL).
"""

import functools
from dataclasses import replace

import streamlit as st

from .. import columns as C
from ..filters import FLAGS, Filters, founded_bounds
from ..formatting import format_day
from ..i18n import DEFAULT_LANG, LANGS, t
from ..load import Dataset
from ..navigation import PAGES
from ..urlstate import FOUNDED, LANG, SCOPE, Ignored, Q, ViewState, encode_state
from ..validate import Problem
from ..vocabularies import SCOPES
from .cache import count_cached
from .page import Page, draw_page_link
from .state import current_state, update_filters, update_state

WIDGET_PREFIX = "filter_"
LANG_WIDGET = "lang_widget"
MENU_KEY = "app_menu"
# On a phone the sidebar covers the page: a tap on a menu link closes it, as Streamlit's own menu did.
# The script's element takes no room in the menu.
MENU_SCRIPT = """
<style>.st-key-app_menu [data-testid="stElementContainer"]:has([data-testid="stHtml"]) { display: none; }</style>
<script>
(function () {
  var doc = window.parent && window.parent.document ? window.parent.document : document;
  var win = doc.defaultView || window;
  if (win.__appMenuCloses) { return; }
  win.__appMenuCloses = true;
  doc.addEventListener("click", function (event) {
    var link = event.target && event.target.closest && event.target.closest(".st-key-app_menu a");
    if (!link || !win.matchMedia("(max-width: 767.98px)").matches) { return; }
    var close = doc.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (close) { win.setTimeout(function () { close.click(); }, 0); }
  });
})();
</script>
"""


def _on_facet(dataset: Dataset, facet: str) -> None:
    update_filters(dataset, current_state().filters.with_facet(facet, st.session_state[WIDGET_PREFIX + facet]))


def _on_value(dataset: Dataset, name: str, convert=lambda value: value) -> None:
    value = convert(st.session_state[WIDGET_PREFIX + name])
    update_filters(dataset, replace(current_state().filters, **{name: value}))


def _on_lang(dataset: Dataset) -> None:
    update_state(dataset, lang=st.session_state[LANG_WIDGET])


def _on_reset(dataset: Dataset) -> None:
    update_state(dataset, filters=Filters())


def _seed(key: str, value):
    """The state's value for a widget about to be drawn, given on every run.

    Set in the session even when it seems unchanged: the browser keeps a choice
    as its label, and a label with a count ("Aix-Marseille area (8)") goes stale
    when a chart changes the filters, leaving the widget blank; a value set
    this run is sent with the widget. Returned for the widget's `default` (or
    `value`, `index`), what the browser shows when it mounts the widget afresh.
    """
    st.session_state[key] = value
    return value


def _format_option(dataset: Dataset, vocabulary: str, counts: dict[str, int], lang: str, item: str) -> str:
    """'Oncologie (12)': an option's label and how many actors it would show."""
    return f"{dataset.taxonomy.label(vocabulary, item, lang)} ({counts.get(item, 0)})"


def render_menu(dataset: Dataset | None, state: ViewState) -> None:
    """The app's menu: every listed page, titled in the reader's language, each link carrying the view.

    Drawn on every run, so its titles follow the language; Streamlit marks the link of the page shown.
    """
    if dataset is not None:
        params = encode_state(state, dataset)
    else:
        params = {LANG: state.lang} if state.lang != DEFAULT_LANG else {}
    with st.sidebar.container(key=MENU_KEY):
        for spec in PAGES:
            if spec.listed:
                draw_page_link(spec, t(spec.title_key, state.lang), params)
        st.html(MENU_SCRIPT, unsafe_allow_javascript=True)


def render_language(dataset: Dataset | None, state: ViewState) -> None:
    st.sidebar.segmented_control(
        t("language", state.lang),
        options=list(LANGS),
        default=_seed(LANG_WIDGET, state.lang),
        format_func=str.upper,
        key=LANG_WIDGET,
        on_change=_on_lang if dataset else None,
        args=(dataset,) if dataset else None,
    )


def render_filters(dataset: Dataset, state: ViewState) -> None:
    filters, lang, taxonomy, actors = state.filters, state.lang, dataset.taxonomy, dataset.actors
    counts = count_cached(dataset.version, filters, dataset)
    sidebar = st.sidebar
    sidebar.header(t("filters", lang))

    key = WIDGET_PREFIX + Q
    sidebar.text_input(
        t("filter_q", lang),
        value=_seed(key, filters.q),
        key=key,
        help=t("filter_q_help", lang),
        on_change=_on_value,
        args=(dataset, Q),
    )

    for facet in dataset.schema.facets:
        key = WIDGET_PREFIX + facet.name
        options = list(taxonomy.ids(facet.vocabulary))
        sidebar.multiselect(
            t(f"filter_{facet.name}", lang),
            options=options,
            default=_seed(key, [item for item in options if item in filters.selected(facet.name)]),
            format_func=functools.partial(_format_option, dataset, facet.vocabulary, counts[facet.name], lang),
            key=key,
            placeholder=t("choose", lang),
            on_change=_on_facet,
            args=(dataset, facet.name),
        )

    bounds = founded_bounds(actors)
    if bounds and bounds[0] < bounds[1]:
        key = WIDGET_PREFIX + FOUNDED
        low, high = filters.founded or bounds
        sidebar.slider(
            t("filter_founded", lang),
            min_value=bounds[0],
            max_value=bounds[1],
            value=_seed(key, (max(bounds[0], min(low, bounds[1])), min(bounds[1], max(high, bounds[0])))),
            key=key,
            on_change=_on_value,
            args=(dataset, FOUNDED, lambda value, b=bounds: None if tuple(value) == b else tuple(value)),
        )

    key = WIDGET_PREFIX + SCOPE
    scopes = ["", *taxonomy.ids(SCOPES)]
    sidebar.radio(
        t("filter_scope", lang),
        options=scopes,
        index=scopes.index(_seed(key, filters.scope or "")),
        format_func=lambda s: (
            t("scope_all", lang) if not s else f"{taxonomy.label(SCOPES, s, lang)} ({counts[C.SCOPE].get(s, 0)})"
        ),
        key=key,
        on_change=_on_value,
        args=(dataset, SCOPE, lambda value: value or None),
    )
    for flag in FLAGS:
        key = WIDGET_PREFIX + flag
        sidebar.checkbox(
            t(f"filter_{flag}", lang),
            value=_seed(key, getattr(filters, flag)),
            key=key,
            on_change=_on_value,
            args=(dataset, flag, bool),
        )
    if not filters.is_empty:
        sidebar.button(t("reset_filters", lang), on_click=_on_reset, args=(dataset,))


def render_notices(lang: str, ignored: list[Ignored] | list[str], problems: list[Problem]) -> None:
    if ignored:
        st.info(t("ignored_values", lang, values=", ".join(f"`{item}`" for item in ignored)), icon="ℹ️")
    if problems:
        st.warning(t("data_problems", lang, count=len(problems)), icon="⚠️")


def render_footer(page: Page) -> None:
    """Provenance on every page: date, licence, the link to this exact view and its citation, both copyable."""
    sidebar = st.sidebar
    sidebar.divider()
    sidebar.caption(page.t("data_as_of", date=format_day(page.dataset.data_as_of, page.lang)))
    sidebar.caption(page.t("data_licence", licence=page.dataset.schema.licence_name))
    with sidebar.container(key="share_link"):
        st.caption(page.t("copy_link"))
        st.code(page.view_url(), language=None, wrap_lines=True)
        if not page.public_base:
            st.caption(page.t("link_from_browser"))
    with sidebar.container(key="share_citation"):
        st.caption(page.t("cite_view"))
        st.code(page.citation, language=None, wrap_lines=True)
