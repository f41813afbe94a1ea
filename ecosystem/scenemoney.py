"""What the pipeline and funding scenes show: programmes by phase, money raised by year, the busiest investors.

Rows of (label, coloured segments, figure) for `slides.build_bars`, from the same counts the /pipeline and
/funding pages and the report give, so the room sees the figures a reader can check.
"""

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .formatting import format_count, format_euros
from .funding import count_investors, count_rounds_by_year
from .palette import pick_series_colour
from .pipeline import build_phase_points
from .taxonomy import Taxonomy

Bar = tuple[str, list[tuple[str, float]], str]
YEARS_SHOWN = 12  # the most recent years with a round; older ones would make the bars too thin to read
INVESTORS_SHOWN = 8


def _series(taxonomy: Taxonomy, vocabulary: str) -> dict[str, str]:
    """Each item of a vocabulary with its series colour, as the pages' charts colour it."""
    return {item: pick_series_colour(position) for position, item in enumerate(taxonomy.ids(vocabulary))}


def build_pipeline_bars(
    programmes: pd.DataFrame, taxonomy: Taxonomy, lang: str
) -> tuple[list[Bar], list[tuple[str, str]]]:
    """One bar per phase (every phase, empty ones too) stacked by modality, and the legend of the modalities shown."""
    points = build_phase_points(programmes, taxonomy, lang, by="modality")
    colours = _series(taxonomy, V.MODALITIES)
    bars = []
    for phase in taxonomy.ids(V.STAGES):
        rows = points[points["phase"] == phase]
        segments = [(colours[group], float(count)) for group, count in zip(rows["group"], rows["count"], strict=True)]
        bars.append((taxonomy.label(V.STAGES, phase, lang), segments, format_count(int(rows["count"].sum()), lang)))
    shown = [item for item in taxonomy.ids(V.MODALITIES) if item in set(points["group"])]
    return bars, [(colours[item], taxonomy.label(V.MODALITIES, item, lang)) for item in shown]


def build_year_bars(rounds: pd.DataFrame, taxonomy: Taxonomy, lang: str, years: int = YEARS_SHOWN) -> list[Bar]:
    """Euros disclosed per year, the most recent `years` years that had a round, stacked by kind of round."""
    by_year = count_rounds_by_year(rounds).tail(years)
    colours = _series(taxonomy, V.DEAL_KINDS)
    bars = []
    for year, amount in zip(by_year["year"], by_year["amount_eur"], strict=True):
        rows = rounds[rounds[C.YEAR] == year]
        kinds = rows.groupby(C.KIND)[C.AMOUNT_EUR].sum(min_count=1).dropna()
        segments = [
            (colours.get(kind, pick_series_colour(0)), float(kinds[kind]))
            for kind in taxonomy.ids(V.DEAL_KINDS)
            if kind in kinds
        ]
        bars.append((str(year), segments, format_euros(float(amount), lang) if amount else "–"))
    return bars


def build_investor_bars(dataset, rounds: pd.DataFrame, lang: str, limit: int = INVESTORS_SHOWN) -> list[Bar]:
    """The investors in the most rounds (led or joined), with their count of rounds."""
    investors = count_investors(dataset, rounds).head(limit)
    return [
        (name, [("#1f3a5f", float(count))], format_count(int(count), lang))
        for name, count in zip(investors["name"], investors["rounds"], strict=True)
    ]


def list_round_kinds(rounds: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> list[tuple[str, str]]:
    """The legend of the kinds of round that have a disclosed amount."""
    colours = _series(taxonomy, V.DEAL_KINDS)
    shown = set(rounds.dropna(subset=[C.AMOUNT_EUR])[C.KIND])
    return [
        (colours[kind], taxonomy.label(V.DEAL_KINDS, kind, lang))
        for kind in taxonomy.ids(V.DEAL_KINDS)
        if kind in shown
    ]
