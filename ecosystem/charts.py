"""What every chart shares: a type's colour and shape, the layout, the data table, one trace per actor type.

Plain plotly figures, built from tables and tested without Streamlit.
"""

from collections.abc import Callable, Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from . import columns as C
from . import vocabularies as V
from .palette import pick_colour
from .taxonomy import Taxonomy

# Symbols of taxonomy/types.csv -> plotly marker symbols (shape repeats what colour says).
PLOTLY_SYMBOLS = {
    "circle": "circle",
    "cross": "cross",
    "square": "square",
    "diamond": "diamond",
    "triangle": "triangle-up",
    "triangle_down": "triangle-down",
    "hexagon": "hexagon",
    "pentagon": "pentagon",
    "star": "star",
    "ring": "circle-open",
}
FONT = {"family": "sans-serif"}
# plotly's number separators (decimal, then thousands) in each language's convention, as Babel writes them.
SEPARATORS = {"fr": ",\u202f", "en": ".,"}


def plotly_symbol(symbol: str) -> str:
    return PLOTLY_SYMBOLS.get(symbol, "circle")


def type_style(taxonomy: Taxonomy, type_id: str) -> tuple[str, str]:
    """(colour, plotly symbol) of an actor type, as on the map."""
    row = taxonomy.row(V.TYPES, type_id)
    return pick_colour(row.get("colour")), plotly_symbol(row.get("symbol", ""))


def build_table_csv(table: pd.DataFrame) -> bytes:
    """A chart's table as CSV that spreadsheets open (UTF-8 with BOM)."""
    return table.to_csv(index=False).encode("utf-8-sig")


def apply_layout(
    figure: go.Figure, *, lang: str, title: str | None, height: int, legend_title: str | None = None
) -> go.Figure:
    figure.update_layout(
        separators=SEPARATORS.get(lang, SEPARATORS["en"]),
        title=title,
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"title": {"text": legend_title}, "itemsizing": "constant"} if legend_title else None,
        font=FONT,
        plot_bgcolor="white",
    )
    return figure


def build_type_marker(colour: str, symbol: str, size) -> dict:
    """A scatter marker in a type's colour and shape, the same in every chart."""
    return {"symbol": symbol, "color": colour, "size": size, "opacity": 0.8, "line": {"width": 1.5, "color": colour}}


def order_types(present: Iterable[str], taxonomy: Taxonomy) -> list[str]:
    """The types among `present`, in taxonomy order; a type the taxonomy lacks comes last, not lost."""
    present = set(present)
    known = [kind for kind in taxonomy.ids(V.TYPES) if kind in present]
    return known + sorted(present - set(known))


def add_type_traces(
    figure: go.Figure,
    points: pd.DataFrame,
    taxonomy: Taxonomy,
    lang: str,
    trace: Callable[[pd.DataFrame, str, str], go.Scatter],
    *,
    column: str = "type",
) -> list[str]:
    """One trace per actor type (the legend reads by type), styled as on the map; returns the types drawn.

    `trace(group, colour, symbol)` builds the trace of one type's rows; its name is the type's label.
    """
    order = order_types(points[column], taxonomy)
    for kind in order:
        colour, symbol = type_style(taxonomy, kind)
        figure.add_trace(trace(points[points[column] == kind], colour, symbol))
        figure.data[-1].name = taxonomy.label(V.TYPES, kind, lang)
    return order


def count_by_type(actors: pd.DataFrame, taxonomy: Taxonomy) -> pd.Series:
    """Actors per primary type, in taxonomy order, zero counts dropped."""
    counts = actors[C.TYPE].value_counts()
    order = [t for t in taxonomy.ids(V.TYPES) if counts.get(t, 0)]
    extra = sorted(set(counts.index) - set(order))
    return counts.reindex(order + extra).astype(int)


def build_type_chart(actors: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, title: str, axis: str) -> go.Figure:
    counts = count_by_type(actors, taxonomy)
    labels = taxonomy.labels(V.TYPES, counts.index, lang)
    colours = [type_style(taxonomy, t)[0] for t in counts.index]
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


# Points per axis length laid along a bar for its clicks: about one every 12 pixels on a laptop's chart.
CLICK_POINTS = 70


def add_click_points(figure: go.Figure, spans: Sequence[tuple[str, float, float, object, str]], top: float) -> None:
    """Invisible points along horizontal bars, so that a click anywhere on a bar reports it.

    Streamlit reports clicks on scatter points, not on bars: each span (y, start, end, customdata,
    hover text) gets points from start to end, spaced by `top / CLICK_POINTS`; the bars' own hover is
    left to these points.
    """
    step = max(top, 1) / CLICK_POINTS
    xs, ys, data, texts = [], [], [], []
    for y, start, end, custom, text in spans:
        count = max(2, int((end - start) / step) + 1)
        for index in range(count):
            xs.append(start + (end - start) * index / (count - 1))
            ys.append(y)
            data.append(custom)
            texts.append(text)
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            marker={"size": 14, "opacity": 0, "color": "#000000"},
            customdata=data,
            text=texts,
            hovertemplate="%{text}<extra></extra>",
            showlegend=False,
            name="",
        )
    )
    for trace in figure.data[:-1]:
        trace.hoverinfo = "skip"
    figure.update_layout(hovermode="closest", hoverdistance=20)


def whole_ticks(top: float) -> int | None:
    """A tick per unit on a short count axis (no '2.5 programmes'); plotly's own choice past eight, where a phone crowds them."""
    return 1 if top <= 8 else None
