"""Charts that tell the story and filter the app: the area × modality matrix, the network, the goals tracker."""

import hashlib
import json

import pandas as pd
import streamlit as st

from .. import columns as C
from ..charts import build_table_csv
from ..formatting import format_count, format_day
from ..funding import read_investor_click
from ..matrix import (
    build_matrix_figure,
    build_matrix_points,
    build_matrix_table,
    describe_matrix,
    estimate_matrix_width,
    read_matrix_click,
)
from ..netlayout import DRAWN_LIMIT
from ..network import build_neighbourhood, describe_network, read_node_click
from ..pipeline import read_phase_click
from ..urlstate import ViewState, encode_state
from ..views import escape_markdown
from .cache import build_cached_goals_view, build_cached_network
from .page import Page, go_to_actor
from .state import forget_ignored, update_state

# The matrix is drawn in a container of this key (and the page's own): at least as wide as its
# squares need, scrolling sideways inside the page when the screen is narrower (a phone).
MATRIX_CONTAINER = "matrix_scroll"
SCROLL_CSS = (
    "<style>.st-key-{key} {{overflow-x: auto; overflow-y: hidden}} .st-key-{key}_wide {{min-width: {width}px}}</style>"
)


# The investor clicked on /funding, and how many times the choice was cleared (the chart's key changes with it).
INVESTOR_KEY, INVESTOR_CLEARS = "funding_investor", "funding_investor_clears"


def apply_facets(page: Page, selected: dict[str, frozenset[str]]) -> None:
    """Select facets (URL parameter → items) for the whole app, URL included, and rerun."""
    filters = page.state.filters
    for facet, items in selected.items():
        filters = filters.with_facet(facet, items)
    forget_ignored()
    update_state(page.dataset, filters=filters)
    st.rerun()


def _selection_key(prefix: str, page: Page) -> str:
    """A chart key that changes with the filters, so that an applied click does not linger as a selection."""
    params = sorted(encode_state(ViewState(filters=page.state.filters), page.dataset).items())
    return f"{prefix}_{hashlib.sha1(repr(params).encode()).hexdigest()[:12]}"


def render_download(page: Page, table: pd.DataFrame, *, key: str, file_name: str) -> None:
    """A table as a CSV download, labelled in the reader's language."""
    st.download_button(
        page.t("download_table"),
        data=build_table_csv(table),
        file_name=file_name,
        mime="text/csv",
        icon=":material/download:",
        key=f"{key}_download",
    )


def render_chart_data(page: Page, table: pd.DataFrame, *, key: str, file_name: str, expanded: bool = False) -> None:
    """A chart's data as a table (for screen readers) and as a CSV download."""
    with st.expander(page.t("show_table"), expanded=expanded):
        st.dataframe(table, hide_index=True, width="stretch", key=f"{key}_table")
    render_download(page, table, key=key, file_name=file_name)


# A box that scrolls must take the keyboard's focus (WCAG 2.1.1): the matrix's box gets a tab stop and a name.
SCROLL_FOCUS_SCRIPT = """
<style>[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] .matrix-focus) { display: none; }</style>
<span class="matrix-focus"></span>
<script>
(function () {
  var doc = window.parent && window.parent.document ? window.parent.document : document;
  function mark() {
    var box = doc.querySelector(".st-key-%(key)s");
    if (!box) { return false; }
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", %(label)s);
    return true;
  }
  mark();
  // React may draw the box again (a rerun, a resize): mark it again whenever the page changes.
  var win = doc.defaultView || window;
  win.__matrixFocus = win.__matrixFocus || {};
  if (!win.__matrixFocus["%(key)s"]) {
    win.__matrixFocus["%(key)s"] = new win.MutationObserver(function () {
      var box = doc.querySelector(".st-key-%(key)s");
      if (box && !box.hasAttribute("tabindex")) { mark(); }
    });
    win.__matrixFocus["%(key)s"].observe(doc.body, {childList: true, subtree: true});
  }
})();
</script>
"""


def render_matrix(page: Page, *, key: str = "matrix", with_data: bool = True, titled: bool = True) -> None:
    """The area x modality matrix; a click on a square filters the whole app on that pair."""
    taxonomy, lang, filters, schema = page.dataset.taxonomy, page.lang, page.state.filters, page.dataset.schema
    area, modality = schema.facet_name(C.AREAS), schema.facet_name(C.MODALITIES)
    points = build_matrix_points(page.filtered, taxonomy, lang)
    st.markdown(describe_matrix(points, len(page.filtered), lang))
    st.caption(page.t("matrix_hint"))
    selected = (filters.selected(area), filters.selected(modality))
    container = f"{MATRIX_CONTAINER}_{key}"
    st.html(SCROLL_CSS.format(key=container, width=estimate_matrix_width(points)))
    with st.container(key=container), st.container(key=f"{container}_wide"):
        event = st.plotly_chart(
            build_matrix_figure(points, lang, selected=selected, titled=titled),
            width="stretch",
            on_select="rerun",
            selection_mode="points",
            key=_selection_key(key, page),
            config={"displayModeBar": False},
        )
    label = json.dumps(page.t("chart_matrix_title"))
    st.html(SCROLL_FOCUS_SCRIPT % {"key": container, "label": label}, unsafe_allow_javascript=True)
    clicked = read_matrix_click(event)
    if clicked and selected != (frozenset({clicked[0]}), frozenset({clicked[1]})):
        apply_facets(page, {area: frozenset({clicked[0]}), modality: frozenset({clicked[1]})})
    if with_data:
        render_chart_data(page, build_matrix_table(points, lang), key=key, file_name="areas-modalities.csv")


def render_phase_funnel(page: Page, figure) -> None:
    """The programmes' funnel; a click on a bar selects that phase for the whole app (the table below follows)."""
    stage = page.dataset.schema.facet_name(C.STAGE)
    event = st.plotly_chart(
        figure,
        width="stretch",
        on_select="rerun",
        selection_mode="points",
        key=_selection_key("pipeline_funnel", page),
        config={"displayModeBar": False},
    )
    clicked = read_phase_click(event)
    if clicked and page.state.filters.selected(stage) != frozenset({clicked}):
        apply_facets(page, {stage: frozenset({clicked})})


def render_investor_chart(page: Page, figure, *, key: str = "funding_investors") -> str | None:
    """The most active investors; a click on one is kept for the page (its rounds table) until cleared."""
    event = st.plotly_chart(
        figure,
        width="stretch",
        on_select="rerun",
        selection_mode="points",
        key=f"{key}_{st.session_state.get(INVESTOR_CLEARS, 0)}",
        config={"displayModeBar": False},
    )
    clicked = read_investor_click(event)
    if clicked:
        st.session_state[INVESTOR_KEY] = clicked
    return st.session_state.get(INVESTOR_KEY)


def clear_investor() -> None:
    """Forget the clicked investor, and start the chart afresh so that its selection goes too."""
    st.session_state.pop(INVESTOR_KEY, None)
    st.session_state[INVESTOR_CLEARS] = st.session_state.get(INVESTOR_CLEARS, 0) + 1


def render_network(page: Page, *, key: str = "network_chart", height: int = 820, centre: str | None = None) -> None:
    """The relations graph of the filtered actors, or one actor's neighbourhood; a click on a node opens its profile."""
    dataset = page.dataset
    if centre is not None:  # a star of one actor's relations: cheap to lay out, not cached
        nodes, edges, figure = build_neighbourhood(dataset, centre, page.lang, height=height)
        name = dataset.actors.at[centre, C.NAME]
        st.markdown(f"**{escape_markdown(page.t('network_neighbourhood_title', name=name))}**")
        left_out_of = 0
    else:
        st.markdown(f"**{page.t('chart_network_title')}**")  # the chart's title, above its legend
        shown = tuple(page.filtered.index)
        nodes, edges, figure, left_out_of = build_cached_network(dataset.version, shown, page.lang, height, dataset)
    st.markdown(describe_network(nodes, edges, page.lang))
    if left_out_of:  # a large graph: only the most related actors are drawn
        count, total = format_count(DRAWN_LIMIT, page.lang), format_count(left_out_of, page.lang)
        st.caption(page.t("network_most_linked", count=count, total=total))
    if not len(edges):
        return
    # Nodes fade only in the whole network (outside the filters); a neighbourhood shows every node plainly.
    st.caption(page.t("network_hint") if centre is None else page.t("network_neighbourhood_hint"))
    event = st.plotly_chart(
        figure,
        width="stretch",
        on_select="rerun",
        selection_mode="points",
        key=key if centre is None else f"{key}_{centre}",
        config={"scrollZoom": True, "displayModeBar": False},
    )
    clicked = read_node_click(event, nodes["id"])
    if clicked:
        st.session_state.pop(key if centre is None else f"{key}_{centre}", None)
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
    render_download(page, view.evidence, key="goals", file_name="goals-records.csv")


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
