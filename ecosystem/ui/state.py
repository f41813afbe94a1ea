"""The view state, kept in `st.session_state` and mirrored in the URL both ways.

A link opens exactly its view, and moving between pages keeps it: Streamlit
clears the query string on a page change, and the session copy writes it back.
"""

from dataclasses import replace

import streamlit as st

from ..filters import Filters
from ..i18n import LANGS
from ..load import Dataset
from ..urlstate import ACTOR, LANG, PASSTHROUGH, Ignored, ViewState, decode_state, encode_state

STATE_KEY = "view_state"
WRITTEN_KEY = "view_state_url"
IGNORED_KEY = "view_state_ignored"


def read_url_params(names=None) -> dict[str, list[str]]:
    """The query parameters as lists; `names` picks some, else every one the view state owns."""
    if names is not None:
        return {key: st.query_params.get_all(key) for key in names if key in st.query_params}
    return {key: st.query_params.get_all(key) for key in st.query_params if key not in PASSTHROUGH}


def _written(params: dict[str, str]) -> dict[str, list[str]]:
    return {key: [value] for key, value in params.items()}


def write_state(state: ViewState, dataset: Dataset) -> None:
    """Make `state` the current view and put it in the URL."""
    params = encode_state(state, dataset)
    st.session_state[STATE_KEY] = state
    st.session_state[WRITTEN_KEY] = _written(params)
    keep = read_url_params(PASSTHROUGH)
    st.query_params.from_dict({**params, **keep})


def sync_state(dataset: Dataset | None) -> ViewState:
    """The current view: from the URL when it brings a new one, else from the session."""
    url = read_url_params()
    if dataset is None:
        lang = (url.get(LANG) or [""])[0]
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


def read_ignored() -> list[Ignored]:
    """What the link asked for and the view dropped (unknown or malformed), to say so."""
    return st.session_state.get(IGNORED_KEY, [])


def forget_ignored() -> None:
    """The reader has moved on from the link: its dropped values are no longer news."""
    st.session_state.pop(IGNORED_KEY, None)


def requested_actor() -> str | None:
    """The actor the link asked for when it is unknown (the state dropped it), to say so."""
    return next((item.value for item in read_ignored() if item.param == ACTOR), None)


def update_state(dataset: Dataset, **changes) -> None:
    """Change the current view (filters, actor, language) and the URL with it."""
    write_state(replace(current_state(), **changes), dataset)


def update_filters(dataset: Dataset, filters: Filters) -> None:
    forget_ignored()
    update_state(dataset, filters=filters)
