"""The pipeline and funding scenes: bars from the same counts as the pages and the report."""

import re

import pytest

from ecosystem import columns as C
from ecosystem.funding import count_rounds_by_year, describe_total, select_rounds
from ecosystem.pipeline import count_by_phase
from ecosystem.scenemoney import build_investor_bars, build_pipeline_bars, build_year_bars
from ecosystem.scenes import Room, draw_scene
from ecosystem.slides import build_bars
from ecosystem.urlstate import ViewState


@pytest.mark.parametrize(
    ("rows", "top", "widths"),
    [
        ([("a", [("#000000", 10.0)], "10"), ("b", [("#000000", 5.0)], "5")], None, ["88.00", "44.00"]),
        ([("a", [("#000000", 3.0), ("#111111", 1.0)], "4")], None, ["66.00", "22.00"]),
        ([("a", [("#000000", 5.0)], "5")], 10.0, ["44.00"]),
        ([("a", [("#000000", 0.0)], "0")], None, []),  # an empty bar draws no segment, only its figure
    ],
)
def test_bars_are_shares_of_the_longest(rows, top, widths):
    html = build_bars(rows, top)
    assert re.findall(r"width:([0-9.]+)%", html) == widths
    assert all(f'<span class="value">{figure}</span>' in html for _, _, figure in rows)


def test_bars_escape_their_labels():
    html = build_bars([("<b>x</b>", [("#000000", 1.0)], "1 & 2")])
    assert "<b>" not in html
    assert "1 &amp; 2" in html


def test_pipeline_bars_count_as_the_report(real):
    bars, legend = build_pipeline_bars(real.programmes, real.taxonomy, "en")
    counts = count_by_phase(real.programmes, real.taxonomy)
    assert [figure for _, _, figure in bars] == [str(count) for count in counts.values()]
    assert [sum(value for _, value in segments) for _, segments, _ in bars] == list(counts.values())
    assert legend


def test_year_bars_are_the_most_recent_years_with_the_reports_sums(real):
    rounds = select_rounds(real, real.actors[C.ID])
    bars = build_year_bars(rounds, real.taxonomy, "en", years=4)
    by_year = count_rounds_by_year(rounds).tail(4)
    assert [label for label, _, _ in bars] == [str(year) for year in by_year["year"]]
    for (_, segments, _), amount in zip(bars, by_year["amount_eur"], strict=True):
        assert sum(value for _, value in segments) == pytest.approx(amount)


def test_investor_bars_put_the_busiest_first(real):
    rounds = select_rounds(real, real.actors[C.ID])
    counts = [int(figure) for _, _, figure in build_investor_bars(real, rounds, "en", limit=5)]
    assert counts == sorted(counts, reverse=True)
    assert len(counts) == 5


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_funding_scene_leads_with_the_honest_total(real, lang):
    html = draw_scene("funding", real, real.actors, Room(state=ViewState(lang=lang)))
    total = describe_total(select_rounds(real, real.actors[C.ID]), lang)
    assert total.replace("'", "&#x27;") in html
