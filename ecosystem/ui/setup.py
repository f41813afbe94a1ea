"""`page_setup()`: what every page does first (data, view state, sidebar, notices), in one call."""

import streamlit as st

from ..i18n import t
from ..share import derive_app_root
from .cache import filter_cached, get_dataset, publish_release, validate_cached
from .page import Page, current_page_path, ensure_entrypoint, get_public_base, is_embedded
from .sidebar import render_filters, render_footer, render_language, render_menu, render_notices
from .state import read_ignored, sync_state

# Set by a session's first run: every run after it draws the whole sidebar.
SESSION_STARTED_KEY = "session_started"
# A news site's iframe is small: keep the map edge to edge.
EMBED_CSS = '<style>[data-testid="stMainBlockContainer"]{padding:0.5rem 0.75rem;max-width:none}</style>'


def page_setup(*, sidebar_later: bool = False) -> Page | None:
    """Sidebar and notices shared by every page; None when there is no data to show.

    With `sidebar_later`, the page draws the sidebar itself (`render_sidebar`)
    after its own first element: the browser mounts elements in the order they
    are sent, so the map is drawn before some twenty widgets. On a session's
    first run (a visit, a reload, a session moved to another server) the
    sidebar then stays empty (`Page.waits_for_map`): the page asks its map to
    report its first drawing, and the run that report starts, like any later
    run, draws the whole sidebar.
    """
    ensure_entrypoint(sync_state(None).lang)  # before the data loads: a first deep link reruns at once
    dataset, error = get_dataset()
    state = sync_state(dataset)
    embedded = is_embedded()
    if dataset is None:
        if not embedded:
            render_menu(dataset, state)
            render_language(dataset, state)
        st.error(t("data_unavailable", state.lang, error=error))
        return None
    first_run = not st.session_state.get(SESSION_STARTED_KEY, False)
    st.session_state[SESSION_STARTED_KEY] = True
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
        waits_for_map=sidebar_later and first_run and not embedded,
    )
    if embedded:
        st.html(EMBED_CSS)
    elif page.waits_for_map:
        # The sidebar's place, sent before the page's map: the map is never drawn wider than it will stay.
        st.sidebar.empty()
    elif not sidebar_later:
        render_sidebar(page)
    render_notices(state.lang, read_ignored(), validate_cached(dataset.data_dir))
    return page


def render_sidebar(page: Page) -> None:
    """The menu, the language, the filters and the provenance, from the page's view state.

    While the sidebar waits for the page's map, nothing: `page_setup` has sent
    an empty placeholder before the page's own elements, so the sidebar takes
    its place from the first paint (the map does not narrow when the widgets
    come), and no widget's script competes with the map's.
    """
    if page.waits_for_map:
        return
    render_menu(page.dataset, page.state)
    render_language(page.dataset, page.state)
    render_filters(page.dataset, page.state)
    render_footer(page)
