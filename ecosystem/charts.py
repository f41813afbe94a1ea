"""Plotly figures that tell the cluster's story, built from the filtered actors."""

import pandas as pd
import plotly.graph_objects as go

from . import columns as C
from . import vocabularies as V
from .taxonomy import Taxonomy


def count_by_type(actors: pd.DataFrame, taxonomy: Taxonomy) -> pd.Series:
    """Actors per primary type, in taxonomy order, zero counts dropped."""
    counts = actors[C.TYPE].value_counts()
    order = [t for t in taxonomy.ids(V.TYPES) if counts.get(t, 0)]
    extra = sorted(set(counts.index) - set(order))
    return counts.reindex(order + extra).astype(int)


def build_type_chart(actors: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, title: str, axis: str) -> go.Figure:
    counts = count_by_type(actors, taxonomy)
    labels = taxonomy.labels(V.TYPES, counts.index, lang)
    colours = [taxonomy.row(V.TYPES, t).get("colour", "#555555") for t in counts.index]
    figure = go.Figure(
        go.Bar(
            x=counts.values,
            y=labels,
            orientation="h",
            marker_color=colours,
            text=counts.values,
            textposition="auto",
            customdata=list(counts.index),
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.update_layout(
        title=title,
        xaxis_title=axis,
        yaxis={"autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        height=60 + 32 * max(len(counts), 1),
    )
    return figure


def count_area_modality(actors: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """Actors per (therapeutic area, modality): rows are areas, columns modalities."""
    pairs = actors[[C.AREAS, C.MODALITIES]].explode(C.AREAS).explode(C.MODALITIES).dropna()
    table = pd.crosstab(pairs[C.AREAS], pairs[C.MODALITIES]) if len(pairs) else pd.DataFrame()
    return table.reindex(
        index=list(taxonomy.ids(V.AREAS)), columns=list(taxonomy.ids(V.MODALITIES)), fill_value=0
    ).astype(int)
