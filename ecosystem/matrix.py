"""The therapeutic area × modality matrix: who works on what, and a click that filters on a pair."""

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from . import vocabularies as V
from .charts import apply_layout, count_area_modality
from .formatting import format_count, plural_category
from .i18n import t
from .taxonomy import Taxonomy

MATRIX_MARKER = 30
POINT_COLUMNS = ("area", "modality", "area_label", "modality_label", "area_in_text", "modality_in_text")
# Below this width a column is narrower than its square: the chart keeps this width and scrolls sideways instead.
MATRIX_COLUMN = MATRIX_MARKER + 6
MATRIX_CHAR = 5.8  # a tick label's character at the chart's font, measured on the longest area's name
MATRIX_AXIS_TITLE = 40


def build_matrix_points(actors: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> pd.DataFrame:
    """One row per (area, modality) pair that at least one actor works on, in taxonomy order."""
    table = count_area_modality(actors, taxonomy)
    rows = [
        {
            "area": area,
            "modality": modality,
            "area_label": taxonomy.label(V.AREAS, area, lang),
            "modality_label": taxonomy.label(V.MODALITIES, modality, lang),
            "area_in_text": taxonomy.label_in_text(V.AREAS, area, lang),
            "modality_in_text": taxonomy.label_in_text(V.MODALITIES, modality, lang),
            "count": int(table.loc[area, modality]),
        }
        for area in table.index
        for modality in table.columns
        if table.loc[area, modality] > 0
    ]
    return pd.DataFrame(rows, columns=[*POINT_COLUMNS, "count"])


def build_matrix_table(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col_therapeutic_areas", lang): points["area_label"],
            t("col_modalities", lang): points["modality_label"],
            t("count", lang): points["count"],
        }
    )


def estimate_matrix_width(points: pd.DataFrame) -> int:
    """The narrowest the chart can be drawn with every square whole: area labels, then one column per modality.

    Only the modalities present are columns; a phone narrower than this scrolls the chart, not the page.
    """
    areas = points["area_label"].drop_duplicates() if len(points) else pd.Series(dtype=str)
    label = max((len(str(area)) for area in areas), default=0)
    columns = max(points["modality_label"].nunique(), 1)
    return int(MATRIX_AXIS_TITLE + label * MATRIX_CHAR + columns * MATRIX_COLUMN + 20)


def build_matrix_figure(
    points: pd.DataFrame,
    lang: str,
    *,
    selected: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    titled: bool = True,
) -> go.Figure:
    """Square markers on an area x modality grid; a click on one reports its ids (customdata).

    A scatter trace, not a heatmap: Streamlit only reports selections on scatter-type traces.
    """
    areas = list(dict.fromkeys(points["area_label"]))
    modalities = list(dict.fromkeys(points["modality_label"]))
    top = max(int(points["count"].max()), 1) if len(points) else 1
    chosen = [
        (area in selected[0]) and (modality in selected[1])
        for area, modality in zip(points["area"], points["modality"], strict=True)
    ]
    figure = go.Figure(
        go.Scatter(
            x=points["modality_label"],
            y=points["area_label"],
            mode="markers+text",
            text=points["count"],
            textfont={"color": ["white" if c > top / 2 else "#1a1a1a" for c in points["count"]], "size": 13},
            customdata=points[["area", "modality"]].to_numpy().tolist(),
            marker={
                "symbol": "square",
                "size": MATRIX_MARKER,
                "color": points["count"],
                "colorscale": "Blues",
                "cmin": 0,
                "cmax": top,
                "line": {
                    "color": ["#D55E00" if c else "#8aa" for c in chosen],
                    "width": [4 if c else 1 for c in chosen],
                },
            },
            hovertemplate="%{y} × %{x}: %{text}<extra></extra>",
            name="",
        )
    )
    title = t("chart_matrix_title", lang) if titled else None
    apply_layout(figure, lang=lang, title=title, height=(260 if titled else 220) + 48 * max(len(areas), 1))
    figure.update_layout(
        xaxis={
            "title": t("axis_modality", lang),
            "categoryorder": "array",
            "categoryarray": modalities,
            "tickangle": -35,
            "automargin": True,
            "showgrid": False,
        },
        yaxis={
            "title": t("axis_area", lang),
            "categoryorder": "array",
            "categoryarray": list(reversed(areas)),
            "automargin": True,
            "showgrid": False,
        },
        clickmode="event+select",
        dragmode=False,
    )
    return figure


def read_matrix_click(event: Mapping | None) -> tuple[str, str] | None:
    """The (area, modality) ids of the clicked cell, from `st.plotly_chart`'s selection event."""
    for point in _points(event):
        data = point.get("customdata")
        if isinstance(data, list | tuple) and len(data) == 2 and all(isinstance(item, str) for item in data):
            return data[0], data[1]
    return None


def _points(event: Mapping | None) -> list:
    if not event:
        return []
    selection = event.get("selection") if isinstance(event, Mapping) else getattr(event, "selection", None)
    if not selection:
        return []
    points = selection.get("points") if isinstance(selection, Mapping) else getattr(selection, "points", None)
    return [point for point in points or [] if isinstance(point, Mapping)]


def describe_matrix(points: pd.DataFrame, total: int, lang: str) -> str:
    """'9 of the 40 actors shown work on cancers with monoclonal antibodies, the most frequent combination.'

    The labels are the taxonomy's in-text forms: French takes its article ('sur les cancers avec des anticorps').
    """
    if not len(points):
        return t("takeaway_matrix_none", lang)
    best = points.sort_values("count", ascending=False, kind="stable").iloc[0]
    count = int(best["count"])
    key = "takeaway_matrix_one" if plural_category(count, lang) == "one" else "takeaway_matrix"
    return t(
        key,
        lang,
        count=format_count(int(best["count"]), lang),
        total=format_count(total, lang),
        area=best["area_in_text"],
        modality=best["modality_in_text"],
    )
