"""What every chart shares: one trace per actor type, in taxonomy order, unknown types kept last."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from ecosystem.charts import add_type_traces, order_types, type_style
from ecosystem.palette import DEFAULT_COLOUR, pick_colour


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        (["pharma", "biotech"], ["biotech", "pharma"]),
        (["zzz_new", "biotech", "aaa_new"], ["biotech", "aaa_new", "zzz_new"]),
        ([], []),
    ],
)
def test_order_types_follows_the_taxonomy_then_keeps_the_unknown(real, present, expected):
    assert order_types(present, real.taxonomy) == expected


def test_add_type_traces_draws_each_type_once_named_and_styled(real):
    points = pd.DataFrame({"type": ["pharma", "biotech", "pharma", "unheard_of"], "x": [1, 2, 3, 4]})
    figure = go.Figure()
    drawn = add_type_traces(
        figure,
        points,
        real.taxonomy,
        "en",
        lambda group, colour, symbol: go.Scatter(x=group["x"], marker={"color": colour, "symbol": symbol}),
    )
    assert drawn == ["biotech", "pharma", "unheard_of"]
    assert [trace.name for trace in figure.data] == [
        real.taxonomy.label("types", "biotech", "en"),
        real.taxonomy.label("types", "pharma", "en"),
        "unheard_of",
    ]
    assert list(figure.data[1].x) == [1, 3]
    assert figure.data[0].marker.color == type_style(real.taxonomy, "biotech")[0]
    assert figure.data[2].marker.color == DEFAULT_COLOUR


@pytest.mark.parametrize(
    ("colour", "expected"),
    [
        ("#0072B2", "#0072B2"),
        ("#fff", DEFAULT_COLOUR),
        ("red", DEFAULT_COLOUR),
        (None, DEFAULT_COLOUR),
        ("", DEFAULT_COLOUR),
    ],
)
def test_pick_colour_lets_no_bad_value_through(colour, expected):
    assert pick_colour(colour) == expected
