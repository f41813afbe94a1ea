"""How to cite an actor and the dataset: a line to paste, BibTeX and CSL-JSON, each with its copy button."""

import streamlit as st

from .. import columns as C
from ..citation import build_actor_citation, build_bibtex, build_csl_json
from ..navigation import get_page
from ..share import build_public_url
from .page import Page


def _dataset_url(page: Page) -> str:
    """The dataset's stable link: the about page, with no view state (it describes every view)."""
    return build_public_url(page.base, get_page("about").url_path, {})


def render_dataset_citation(page: Page) -> None:
    """BibTeX and CSL-JSON for the dataset's release."""
    st.caption(page.t("cite_dataset_formats"))
    url = _dataset_url(page)
    st.code(build_bibtex(page.release, url), language=None, wrap_lines=True)  # plain: highlighting fails AA
    st.code(build_csl_json(page.release, url), language=None, wrap_lines=True)


def render_actor_citation(page: Page, actor) -> None:
    """'Cite this actor': the line naming the actor, the release and the link to this view, then the dataset's."""
    with st.expander(page.t("cite_actor"), icon=":material/format_quote:"):
        line = build_actor_citation(actor[C.NAME], actor[C.LAST_VERIFIED], page.release, page.view_url(), page.lang)
        st.code(line, language=None, wrap_lines=True)
        render_dataset_citation(page)
