"""Work done once per data version, shared by every session: the dataset, its check, filters, counts, built views.

Functions here wrap plain builders of `ecosystem` in Streamlit's caches. An
argument named with a leading underscore is left out of the cache key, so it
must be fully determined by the others (the dataset by its `version`).
"""

import contextlib
import ctypes
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import columns as C
from ..about import build_about, build_dictionary
from ..config import resolve_data_dir
from ..datacache import validate_with_cache
from ..filters import Filters, count_facet, count_scope, filter_ids
from ..goals import GoalsView, build_goals_view, load_goals
from ..history import Change, Package, Wording, build_record_history, build_wording, load_history
from ..load import DataError, Dataset, load_dataset
from ..maps import View, build_actor_map_spec, build_marker_index, choose_map_view
from ..markers import MarkerData, MarkerIndex, select_marker_data
from ..netlayout import compute_layout, is_large, select_drawn
from ..network import build_network
from ..release import RELEASE_DIR, ReleaseFiles, build_release, build_zip_bytes, hash_package, read_published_hash
from ..validate import Problem


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


def get_dataset() -> tuple[Dataset | None, str | None]:
    """The dataset, or the reason it cannot be read."""
    try:
        return load_cached_dataset(str(resolve_data_dir())), None
    except (DataError, OSError, ValueError, KeyError) as error:
        return None, str(error)


@st.cache_data(show_spinner=False)
def validate_cached(data_dir: str) -> list[Problem]:
    """The check's outcome, kept on disk per data version: a cold start does not check again."""
    return validate_with_cache(data_dir, isolated=True)


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


@st.cache_resource(show_spinner=False, max_entries=4)
def build_cached_marker_index(version: str, _dataset: Dataset) -> MarkerIndex:
    """Every actor's marker row, encoded once per data version and shared by all sessions."""
    return build_marker_index(_dataset.actors, _dataset.taxonomy, _dataset.places)


@st.cache_data(show_spinner=False, max_entries=256)
def build_cached_marker_data(version: str, filters: Filters, _dataset: Dataset) -> MarkerData:
    """The map's marker rows for one filter combination: picked from the index, not encoded again."""
    return select_marker_data(build_cached_marker_index(version, _dataset), filter_cached(version, filters, _dataset))


@st.cache_data(show_spinner=False, max_entries=512)
def build_cached_actor_map_spec(version: str, actor_id: str, lang: str, _dataset: Dataset) -> dict:
    """The profile's small map of one actor, once per data version and language."""
    return build_actor_map_spec(_dataset.actors, actor_id, _dataset.taxonomy, lang)


@st.cache_data(show_spinner=False, max_entries=512)
def build_cached_map_view(version: str, filters: Filters, fit_all: bool, _dataset: Dataset) -> tuple[View | None, int]:
    """The map's opening view and how many filtered actors it leaves out, once per data version, filters and fit."""
    located = _dataset.actors.loc[filter_cached(version, filters, _dataset), [C.LAT, C.LON]]
    return choose_map_view(located, _dataset.actors, _dataset.home_scope, fit_all=fit_all)


@st.cache_data(show_spinner=False)
def load_cached_about(data_dir: str, lang: str) -> dict[str, str]:
    return build_about(data_dir, lang)


@st.cache_resource(show_spinner=False, max_entries=2)
def load_cached_history(data_dir: str, version: str) -> list[Package]:
    """The kept releases and the data now, one shared read-only copy; `version` (the data's hash) renews it.

    st.cache_data would unpickle every release's tables (about 10 MB) on each
    run of an actor page: a hundred readers at once held them a hundred times.
    """
    return load_history(data_dir)


@st.cache_data(show_spinner=False, max_entries=512)
def build_cached_record_history(data_dir: str, version: str, actor: str) -> list[Change]:
    """One actor's changes from release to release, once per data version."""
    return build_record_history(load_cached_history(data_dir, version), actor)


@st.cache_resource(show_spinner=False, max_entries=2)
def build_cached_wording(version: str, _dataset: Dataset) -> Wording:
    """How a record's history reads (labels, names), once per data version; shared, never copied."""
    names = {str(actor): str(name) for actor, name in _dataset.actors[C.NAME].items()}
    return build_wording(_dataset.schema.vocabulary_columns, _dataset.taxonomy, names)


@st.cache_data(show_spinner=False)
def load_cached_dictionary(data_dir: str, lang: str, resource: str = "actors") -> pd.DataFrame:
    return build_dictionary(data_dir, lang, resource)


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


@st.cache_resource(show_spinner=False)
def _publish_release(data_dir: str, version: str, target: str) -> tuple[ReleaseFiles | None, str | None]:
    try:
        return build_release(data_dir, target), None
    except OSError as error:
        return None, str(error)


@st.cache_data(show_spinner=False)
def _hash_package(data_dir: str, version: str) -> str:
    return hash_package(data_dir)


def publish_release(dataset: Dataset, target: str | Path = RELEASE_DIR) -> tuple[ReleaseFiles | None, str | None]:
    """Copy the data package under static/ (once, and again when the copy is gone or replaced); or say why not.

    Each run reads the copy's manifest (a few bytes): a folder deleted or
    overwritten by another process since the last copy is published again.
    """
    args = (dataset.data_dir, dataset.version, str(target))
    files, error = _publish_release(*args)
    if files is not None and read_published_hash(target) != _hash_package(dataset.data_dir, dataset.version):
        _publish_release.clear()
        files, error = _publish_release(*args)
    return files, error


@st.cache_data(show_spinner=False)
def build_release_zip(data_dir: str, version: str) -> bytes:
    return build_zip_bytes(data_dir)
