"""The Streamlit layer: the only part of the code that imports Streamlit.

Pages call `page_setup()` (or `present_setup()`), then plain functions of
`ecosystem`, then these helpers to draw. Each concern has its module:

- `cache`: work done once per data version and shared by all sessions;
- `state`: the view state in the session, mirrored in the URL;
- `page`: `Page`, the navigation over the page registry, links between pages;
- `sidebar`: language, filters and provenance, fed from the view state;
- `setup`: `page_setup()`, which puts those together for every page;
- `map`: the map component and its clicks;
- `charts`: the matrix, the network and the goals, and their data tables;
- `present`: the presentation's page and controls;
- `tables`: how tables show their columns;
- `inbox`: the suggestion form and the review desk;
- `cite`: how to cite an actor and the dataset.
"""

from .cache import (
    build_cached_actor_map_spec,
    build_cached_goals_view,
    build_cached_network,
    build_cached_record_history,
    build_cached_wording,
    build_release_zip,
    load_cached_about,
    load_cached_dictionary,
    publish_release,
)
from .charts import (
    INVESTOR_KEY,
    clear_investor,
    render_chart_data,
    render_goal_cards,
    render_goals,
    render_investor_chart,
    render_matrix,
    render_network,
    render_phase_funnel,
)
from .cite import render_actor_citation, render_dataset_citation
from .inbox import render_review_desk, render_suggestion_form, unlock_desk
from .map import (
    close_card,
    get_map_view,
    get_marker_data,
    map_fits_all,
    set_map_fit_all,
    show_map,
)
from .page import Page, get_public_base, go_to_actor, page_link, read_setting, run_navigation, take_selected_row
from .present import draw_cached_scene, present_setup, render_present_controls
from .setup import page_setup, render_sidebar
from .state import requested_actor
from .tables import build_column_config

__all__ = [
    "INVESTOR_KEY",
    "Page",
    "build_cached_actor_map_spec",
    "build_cached_goals_view",
    "build_cached_network",
    "build_cached_record_history",
    "build_cached_wording",
    "build_column_config",
    "build_release_zip",
    "clear_investor",
    "close_card",
    "draw_cached_scene",
    "get_map_view",
    "get_marker_data",
    "get_public_base",
    "go_to_actor",
    "load_cached_about",
    "load_cached_dictionary",
    "map_fits_all",
    "page_link",
    "page_setup",
    "present_setup",
    "publish_release",
    "read_setting",
    "render_actor_citation",
    "render_chart_data",
    "render_dataset_citation",
    "render_goal_cards",
    "render_goals",
    "render_investor_chart",
    "render_matrix",
    "render_network",
    "render_phase_funnel",
    "render_present_controls",
    "render_review_desk",
    "render_sidebar",
    "render_suggestion_form",
    "requested_actor",
    "run_navigation",
    "set_map_fit_all",
    "show_map",
    "take_selected_row",
    "unlock_desk",
]
