"""Each scene of the presentation drawn as HTML from the dataset: the page, the print view and the press kit
call the same functions.

`draw_scene(name, …)` picks the drawing in `DRAW`; a new scene adds one entry
there and one in `present.REGISTRY`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from . import columns as C
from .formatting import format_count, format_day
from .funding import describe_total, select_rounds
from .goals import COMPARABLE, Goal, describe_progress, format_figure, format_target, load_goals, measure_goal
from .i18n import t
from .lineage import build_lineage_legend, build_lineage_svg, lay_out_lineage, select_lineage
from .load import Dataset
from .matrix import build_matrix_points
from .pipeline import describe_pipeline
from .present import build_landmark_lines, build_qr_data_uri, build_scene_url, select_landmarks, select_laureates
from .scenefacts import build_laureate_cards, choose_goals
from .scenemap import build_map_svg, build_type_legend
from .scenemoney import build_investor_bars, build_pipeline_bars, build_year_bars, list_round_kinds
from .slides import (
    build_bars,
    build_closing,
    build_figure_cards,
    build_halves,
    build_laureate_grid,
    build_legend,
    build_matrix_grid,
    build_promise,
    build_scene,
    build_timeline,
)
from .urlstate import ViewState
from .views import build_headline_figures


@dataclass(frozen=True)
class Room:
    """What the show was asked for: language, filters, the goals for this audience, the app's public address."""

    state: ViewState = field(default_factory=ViewState)
    goal_ids: tuple[str, ...] | None = None
    public_base: str | None = None

    @property
    def lang(self) -> str:
        return self.state.lang


def _names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors[C.ID], actors[C.ACRONYM].where(actors[C.ACRONYM] != "", actors[C.NAME]), strict=True))


def _data_date(dataset: Dataset, lang: str) -> str:
    return t("data_as_of", lang, date=format_day(dataset.data_as_of, lang))


def _goals(dataset: Dataset) -> tuple[Goal, ...]:
    return load_goals(dataset.data_dir)


def draw_opening(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    goals = [goal for goal in _goals(dataset) if goal.measure in COMPARABLE]
    since = format_day(goals[0].since, lang) if goals else ""
    figure = build_promise(
        t("present_promise_quote", lang),
        t("present_promise", lang),
        t("present_promise_source", lang),
        [(format_target(goal, lang), goal.label(lang)) for goal in goals],
        _data_date(dataset, lang),
        t("goals_title", lang),
    )
    return build_scene("opening", t("scene_opening", lang), t("scene_opening_lead", lang, date=since), figure)


def draw_figures(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    figures = [(label, format_count(value, lang)) for label, value in build_headline_figures(dataset, actors, lang)]
    goals = []
    for goal in choose_goals(_goals(dataset), room.goal_ids):
        progress = measure_goal(dataset, goal)
        target = t("goal_target", lang, target=format_target(goal, lang))
        if progress.value is None:  # said in words: the dataset does not record it
            goals.append((goal.label(lang), format_target(goal, lang), describe_progress(progress, lang)))
        else:
            goals.append(
                (goal.label(lang), format_figure(progress, lang), f"{target} · {describe_progress(progress, lang)}")
            )
    figure = build_figure_cards(figures, goals, t("goals_title", lang))
    return build_scene("figures", t("scene_figures", lang), t("scene_figures_lead", lang), figure)


def draw_map(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    svg, groups = build_map_svg(actors, dataset.places, dataset.taxonomy, lang, dataset.home_scope)
    shown = sum(group.count for group in groups)
    figure = svg + build_legend(build_type_legend(groups, dataset.taxonomy, lang))
    lead = t("scene_map_lead", lang, count=format_count(shown, lang), sites=format_count(len(groups), lang))
    return build_scene("map", t("scene_map", lang), lead, figure)


def draw_matrix(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    figure = build_matrix_grid(build_matrix_points(actors, dataset.taxonomy, lang), lang)
    return build_scene("matrix", t("scene_matrix", lang), t("scene_matrix_lead", lang), figure)


def draw_pipeline(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    programmes = dataset.programmes[dataset.programmes[C.ACTOR_ID].isin(set(actors[C.ID]))]
    bars, legend = build_pipeline_bars(programmes, dataset.taxonomy, lang)
    figure = build_bars(bars) + build_legend(legend)
    lead = describe_pipeline(programmes, dataset.taxonomy, lang)
    return build_scene("pipeline", t("scene_pipeline", lang), lead, figure)


def draw_funding(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    rounds = select_rounds(dataset, actors[C.ID])
    years = build_bars(build_year_bars(rounds, dataset.taxonomy, lang)) + build_legend(
        list_round_kinds(rounds, dataset.taxonomy, lang)
    )
    investors = build_bars(build_investor_bars(dataset, rounds, lang))
    figure = build_halves(t("present_funding_years", lang), years, t("present_funding_investors", lang), investors)
    return build_scene("funding", t("scene_funding", lang), describe_total(rounds, lang), figure)


def draw_history(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    events = select_landmarks(
        dataset.milestones, dataset.actors, dataset.taxonomy, until_year=int(dataset.data_as_of[:4] or 0)
    )
    lines = build_landmark_lines(events, dataset.actors, lang)
    start = lines[0].year if lines else ""
    figure = build_timeline([(line.year, line.actor, line.text) for line in lines])
    lead = t("scene_history_lead", lang, count=len(lines), start=start)
    return build_scene("history", t("scene_history", lang), lead, figure)


def draw_laureates(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    laureates = select_laureates(actors)
    figure = build_laureate_grid(build_laureate_cards(laureates, dataset, lang))
    lead = t("scene_laureates_lead", lang, count=format_count(len(laureates), lang))
    return build_scene("laureates", t("scene_laureates", lang), lead, figure)


def draw_network(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    steps = select_lineage(dataset.relations, set(actors[C.ID]))
    layout = lay_out_lineage(steps, _names(dataset.actors))
    figure = build_lineage_svg(steps, layout, dataset.taxonomy, lang) + build_legend(
        [*build_lineage_legend(dataset.taxonomy, lang), ("#1f3a5f", t("present_hubs", lang))]
    )
    lead = t("scene_network_lead", lang, count=format_count(len(steps), lang))
    return build_scene("network", t("scene_network", lang), lead, figure)


def draw_closing(dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    lang = room.lang
    live = build_scene_url(room.public_base, "closing", room.state, dataset)
    qr = build_qr_data_uri(live) if live else None
    lines = [t("present_closing_explore", lang), t("present_closing_correct", lang), _data_date(dataset, lang)]
    figure = build_closing(qr, t("present_qr_alt", lang, url=live or ""), lines, live)
    return build_scene("closing", t("scene_closing", lang), t("scene_closing_lead", lang), figure)


DRAW: dict[str, Callable[[Dataset, pd.DataFrame, Room], str]] = {
    "opening": draw_opening,
    "figures": draw_figures,
    "map": draw_map,
    "matrix": draw_matrix,
    "pipeline": draw_pipeline,
    "history": draw_history,
    "funding": draw_funding,
    "laureates": draw_laureates,
    "network": draw_network,
    "closing": draw_closing,
}


def draw_scene(name: str, dataset: Dataset, actors: pd.DataFrame, room: Room) -> str:
    """The scene `name` as HTML, for the filtered `actors`."""
    return DRAW[name](dataset, actors, room)
