"""Rounds, investors and deals: the honest totals, the co-investors, the tables, on tiny datasets."""

import pytest

from ecosystem import columns as C
from ecosystem.funding import (
    build_deal_table,
    build_investor_figure,
    build_portfolio_table,
    build_round_table,
    build_year_points,
    count_investors,
    count_rounds_by_year,
    describe_deals,
    describe_investors,
    describe_largest,
    describe_total,
    filter_rounds_by_investor,
    pick_largest,
    read_investor_click,
    select_deals,
    select_rounds,
)
from tests.tiny import actor, build_tiny, relation


def deal(id: str, actor_id: str, date: str, kind: str, amount=None, currency="EUR", leads=(), others=(), **cells):
    euros = cells.pop("amount_eur", amount if currency == "EUR" else None)
    return {
        C.ID: id,
        C.ACTOR_ID: actor_id,
        C.DATE: date,
        C.KIND: kind,
        C.AMOUNT: "" if amount is None else str(amount),
        C.CURRENCY: currency if amount is not None else "",
        C.AMOUNT_EUR: "" if euros is None else str(euros),
        C.LEAD_IDS: ";".join(leads),
        C.INVESTOR_IDS: ";".join(others),
        C.TITLE_EN: f"{kind} of {actor_id}",
        C.TITLE_FR: f"{kind} de {actor_id}",
        C.SOURCES: f"https://example.org/{id}",
        C.LAST_VERIFIED: "2026-11-01",
        **cells,
    }


@pytest.fixture(scope="module")
def money(tmp_path_factory):
    actors = [
        actor("one-bio"),
        actor("two-bio"),
        actor("three-dx", "diagnostics_medtech"),
        actor("fund-a", "investor"),
        actor("fund-b", "investor"),
        actor("fund-c", "investor"),
        actor("big-pharma", "pharma"),
    ]
    deals = [
        deal("one-bio-2020-seed", "one-bio", "2020-03", "seed", 5_000_000, leads=["fund-a"]),
        deal(
            "one-bio-2022-series_a",
            "one-bio",
            "2022-06-01",
            "series_a",
            40_000_000,
            leads=["fund-a"],
            others=["fund-b", "fund-c"],
        ),
        deal(
            "two-bio-2022-series_a",
            "two-bio",
            "2022",
            "series_a",
            20_000_000,
            "USD",
            leads=["fund-b"],
            others=["fund-a"],
        ),
        deal("two-bio-2023-grant_loan", "two-bio", "2023", "grant_loan"),
        deal(
            "three-dx-2024-acquisition",
            "three-dx",
            "2024",
            "acquisition",
            90_000_000,
            leads=["big-pharma"],
            counterparty_id="big-pharma",
        ),
        deal(
            "two-bio-2024-licence",
            "two-bio",
            "2024-02",
            "licence",
            10_000_000,
            "USD",
            leads=["big-pharma"],
            counterparty_id="big-pharma",
        ),
    ]
    relations = [relation("one-bio", "funded_by", "fund-a", 2020)]
    return build_tiny(tmp_path_factory.mktemp("money"), actors, relations=relations, deals=deals)


def test_rounds_and_deals_are_told_apart(money):
    every = money.actors.index
    assert list(select_rounds(money, every)[C.ID]) == [
        "one-bio-2020-seed",
        "two-bio-2022-series_a",
        "one-bio-2022-series_a",
        "two-bio-2023-grant_loan",
    ]
    assert set(select_deals(money, every)[C.ID]) == {"three-dx-2024-acquisition", "two-bio-2024-licence"}
    assert list(select_rounds(money, ["two-bio"])[C.ID]) == ["two-bio-2022-series_a", "two-bio-2023-grant_loan"]


def test_rounds_by_year_sum_only_euros(money):
    years = count_rounds_by_year(select_rounds(money, money.actors.index))
    assert years.to_dict("list") == {
        "year": [2020, 2022, 2023],
        "rounds": [1, 2, 1],
        "disclosed": [1, 1, 0],  # the USD round has no euro figure, the grant no amount
        "amount_eur": [5_000_000, 40_000_000, 0],
    }


@pytest.mark.parametrize(
    ("lang", "actors", "expected"),
    [
        ("en", None, "At least €45M over 2 disclosed rounds (4 recorded, 2020–2023)."),
        ("fr", None, "Au moins 45\u00a0M\u00a0€ sur 2 tours au montant communiqué (4 recensés, 2020–2023)."),
        ("en", ["one-bio"], "At least €45M over 2 disclosed rounds (2 recorded, 2020–2022)."),
        ("en", ["two-bio"], "At least €0 over 0 disclosed rounds (2 recorded, 2022–2023)."),
        ("en", ["three-dx"], "No funding round recorded for the companies shown."),
    ],
)
def test_describe_total(money, lang, actors, expected):
    rounds = select_rounds(money, money.actors.index if actors is None else actors)
    assert describe_total(rounds, lang) == expected


def test_year_points_stack_by_kind(money):
    points = build_year_points(select_rounds(money, money.actors.index), money.taxonomy, "en")
    assert list(zip(points["year"], points["kind"], points["amount_eur"], points["rounds"], strict=True)) == [
        (2020, "seed", 5_000_000, 1),
        (2022, "series_a", 40_000_000, 2),
        (2023, "grant_loan", 0, 1),
    ]


def test_largest_rounds_are_the_euro_ones_largest_first(money):
    largest = pick_largest(select_rounds(money, money.actors.index))
    assert list(largest[C.ID]) == ["one-bio-2022-series_a", "one-bio-2020-seed"]
    assert describe_largest(money, largest, "en") == "The largest: One Bio's Series A, €40M in 2022."


def test_investors_and_their_co_investors(money):
    investors = count_investors(money, select_rounds(money, money.actors.index))
    assert investors.to_dict("list") == {
        "investor": ["fund-a", "fund-b", "fund-c"],
        "name": ["Fund A", "Fund B", "Fund C"],
        "rounds": [3, 2, 1],
        "companies": [["One Bio", "Two Bio"], ["One Bio", "Two Bio"], ["One Bio"]],
        "co_investors": [["Fund B", "Fund C"], ["Fund A", "Fund C"], ["Fund A", "Fund B"]],
    }
    assert (
        describe_investors(investors, "en") == "Fund A took part in the most rounds (3), most often alongside Fund B."
    )


@pytest.mark.parametrize(
    ("investor", "expected"),
    [
        ("fund-c", ["one-bio-2022-series_a"]),
        ("fund-b", ["two-bio-2022-series_a", "one-bio-2022-series_a"]),
        (None, ["one-bio-2020-seed", "two-bio-2022-series_a", "one-bio-2022-series_a", "two-bio-2023-grant_loan"]),
    ],
)
def test_a_chosen_investor_filters_the_rounds(money, investor, expected):
    rounds = select_rounds(money, money.actors.index)
    assert list(filter_rounds_by_investor(rounds, investor)[C.ID]) == expected


def test_investor_figure_carries_ids_and_fades_the_others(money):
    investors = count_investors(money, select_rounds(money, money.actors.index))
    figure = build_investor_figure(investors, "en", selected="fund-b")
    assert list(figure.data[0].customdata) == ["fund-a", "fund-b", "fund-c"]
    assert list(figure.data[0].marker.opacity) == [0.35, 1, 0.35]


@pytest.mark.parametrize(
    ("event", "investor"),
    [
        ({"selection": {"points": [{"customdata": "fund-a"}]}}, "fund-a"),
        ({"selection": {"points": [{"customdata": ["fund-b"]}]}}, "fund-b"),
        ({"selection": {"points": []}}, None),
        (None, None),
    ],
)
def test_read_investor_click(event, investor):
    assert read_investor_click(event) == investor


def test_round_table_states_amounts_as_given_and_in_euros(money):
    table = build_round_table(money, select_rounds(money, ["two-bio"]), "en")
    assert table["Amount as stated"].to_list() == ["US$20M", ""]
    assert table["Amount in euros"].to_list() == ["", ""]
    assert table["Lead investors"].to_list() == [["Fund B"], []]


def test_deals_with_a_value_come_first(money):
    deals = select_deals(money, money.actors.index)
    table = build_deal_table(money, deals, "en")
    assert table["Acquirer, licensee or partner"].to_list() == ["Big Pharma", "Big Pharma"]
    assert table["Amount as stated"].to_list() == ["US$10M", "€90M"]
    assert describe_deals(deals, money.taxonomy, "en") == (
        "Acquisitions: 1; licences: 1; partnerships: 0; with a disclosed value: 2."
    )


def test_an_investors_portfolio(money):
    portfolio = build_portfolio_table(money, "fund-b", "en")
    assert portfolio["Company"].to_list() == ["Two Bio", "One Bio"]
    assert portfolio["Co-investors"].to_list() == [["Fund A"], ["Fund A", "Fund C"]]
    assert build_portfolio_table(money, "big-pharma", "en")["Company"].to_list() == ["Three Dx", "Two Bio"]
