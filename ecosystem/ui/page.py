"""What a page knows about itself (`Page`), the navigation over the page registry, and links between pages."""

import functools
import os
from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from ..exports import Provenance
from ..i18n import t
from ..load import Dataset
from ..navigation import PAGES, PageSpec, get_page
from ..release import Release, build_release_info
from ..share import build_citation, build_public_url, format_licence, resolve_public_base
from ..urlstate import ViewState, encode_state
from .cache import get_dataset
from .state import sync_state, write_state

ENTRY_KEY = "entrypoint_ran"
PAGE_PATH_KEY = "page_path"


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
    # A session's first run: the sidebar's widgets and the map's download come once the map is drawn.
    waits_for_map: bool = False

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

    def link_params(self, **changes) -> dict[str, str]:
        """Query parameters for a link to the current view with `changes` applied."""
        return encode_state(replace(self.state, **changes), self.dataset)

    def view_url(self, key: str | None = None, **changes) -> str:
        """The full link to this view, or to the registered page `key` with `changes` to the state."""
        path = self.page_path if key is None else get_page(key).url_path
        return build_public_url(self.base, path, self.link_params(**changes))

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


def _secrets() -> dict:
    try:
        return {key: st.secrets[key] for key in st.secrets}
    except (FileNotFoundError, KeyError):
        return {}


def read_setting(name: str) -> str:
    """A deployment setting: the environment variable `name`, else the key of .streamlit/secrets.toml; '' if unset."""
    return os.environ.get(name, "") or str(_secrets().get(name, "") or "")


def get_public_base() -> str | None:
    """PUBLIC_BASE_URL from the environment or the secrets: the address readers use."""
    return resolve_public_base(os.environ, _secrets())


def is_embedded() -> bool:
    """`?embed=true`: the app sits in another site's iframe, so no sidebar and no chrome."""
    return bool(st.context.is_embedded)


# --- navigation -----------------------------------------------------------------------------


def build_navigation(lang: str):
    """`st.navigation` over the page registry, titles in the reader's language.

    Streamlit's own menu stays hidden (`position="hidden"`, and
    `client.showSidebarNavigation = false` for a fresh server's first run): the
    sidebar draws the app's menu (`sidebar.render_menu`), whose links carry the view.
    """
    return st.navigation(
        [
            st.Page(
                spec.file,
                title=t(spec.title_key, lang),  # the tab's title; no icon, which would replace the favicon
                url_path=spec.url_path or None,
                default=not spec.url_path,
                visibility="visible" if spec.listed else "hidden",
            )
            for spec in PAGES
        ],
        position="hidden",
    )


def run_navigation() -> None:
    """What dashboard.py does on every run: navigate over the registry and run the page asked for."""
    st.session_state[ENTRY_KEY] = True  # this run went through the entry script; the page takes the mark
    dataset, _ = get_dataset()
    current = build_navigation(sync_state(dataset).lang)
    st.session_state[PAGE_PATH_KEY] = current.url_path
    current.run()


def ensure_entrypoint(lang: str) -> None:
    """Run the page through dashboard.py's navigation, even on a server's first deep link.

    Until some session calls `st.navigation`, Streamlit treats a `pages/` folder
    the old way and runs `/map` without the entry script (file names in the
    menu, no translated titles, no page config). Calling `st.navigation` leaves
    that mode for good; the rerun then goes through the entry script. The mark
    is taken on every run, so a run that skipped the entry script is caught.
    """
    if not st.session_state.pop(ENTRY_KEY, False):
        build_navigation(lang)
        st.rerun()


def current_page_path() -> str:
    """The URL path of the page running now ('' for the home page), as the navigation resolved it."""
    return str(st.session_state.get(PAGE_PATH_KEY) or "")


def page_link(page: Page, key: str, *, label: str | None = None, icon: str | None = None, container=None, **changes):
    """A link to the registered page `key`, carrying the current view with `changes` applied."""
    spec = get_page(key)
    draw_page_link(spec, label or page.t(spec.title_key), page.link_params(**changes), icon=icon, container=container)


def draw_page_link(spec: PageSpec, label: str, params: dict[str, str], *, icon: str | None = None, container=None):
    """Streamlit's page link to `spec` with the query `params` (the current page is drawn as such)."""
    (container or st).page_link(spec.file, label=label, icon=icon or spec.icon, query_params=params)


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
