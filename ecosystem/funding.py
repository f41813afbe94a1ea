"""Money: the rounds per year, the largest ones, the investors and who they invest with, the deals.

Amounts are summed only where a source states them in euros, so every total is a lower bound
("at least €X over N disclosed rounds"). Plain functions over `Dataset.deals`, tested without
Streamlit; a presentation scene can reuse the figures.
"""

from collections import Counter
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from babel.numbers import format_compact_currency

from . import columns as C
from . import vocabularies as V
from .charts import add_click_points, apply_layout, whole_ticks
from .formatting import LOCALES, format_count, format_euros, plural_category
from .i18n import t
from .load import Dataset
from .palette import pick_series_colour
from .taxonomy import Taxonomy

# Deal kinds' roles (taxonomy/deal_kinds.csv): what counts as money raised, and the deals listed beside it.
ROUND_ROLES = (C.ROLE_FUNDING, C.ROLE_GRANT)
DEAL_ROLES = (C.ROLE_ACQUISITION, C.ROLE_LICENCE, C.ROLE_PARTNERSHIP)
# Bars of the investors' chart and of the largest rounds.
TOP_INVESTORS = 15
TOP_ROUNDS = 10
MILLION = 1e6


def kinds_of(taxonomy: Taxonomy, roles) -> list[str]:
    return [kind for kind in taxonomy.ids(V.DEAL_KINDS) if taxonomy.row(V.DEAL_KINDS, kind).get(C.ROLE) in roles]


def select_rounds(dataset: Dataset, actor_ids) -> pd.DataFrame:
    """The funding rounds and public money raised by the actors `actor_ids`, in date order."""
    deals = dataset.deals
    return deals[deals[C.KIND].isin(kinds_of(dataset.taxonomy, ROUND_ROLES)) & deals[C.ACTOR_ID].isin(set(actor_ids))]


def select_deals(dataset: Dataset, actor_ids) -> pd.DataFrame:
    """The acquisitions, licences and partnerships of the actors `actor_ids`."""
    deals = dataset.deals
    return deals[deals[C.KIND].isin(kinds_of(dataset.taxonomy, DEAL_ROLES)) & deals[C.ACTOR_ID].isin(set(actor_ids))]


def count_rounds_by_year(rounds: pd.DataFrame) -> pd.DataFrame:
    """Per year: rounds, rounds with an amount in euros, and their sum (the figures the report gives too)."""
    dated = rounds.dropna(subset=[C.YEAR])
    grouped = dated.groupby(C.YEAR)
    frame = pd.DataFrame(
        {
            "rounds": grouped.size(),
            "disclosed": grouped[C.AMOUNT_EUR].count(),
            "amount_eur": grouped[C.AMOUNT_EUR].sum(min_count=1).fillna(0),
        }
    )
    frame.index = frame.index.astype(int)
    return frame.reset_index(names="year").astype({"rounds": int, "disclosed": int})


def describe_total(rounds: pd.DataFrame, lang: str) -> str:
    """The honest total: 'At least €1.2B over 24 disclosed rounds (31 recorded, 2008–2025).'"""
    if not len(rounds):
        return t("takeaway_funding_none", lang)
    amounts = rounds[C.AMOUNT_EUR].dropna()
    years = rounds[C.YEAR].dropna()
    return t(
        "takeaway_funding_total_one" if plural_category(len(amounts), lang) == "one" else "takeaway_funding_total",
        lang,
        amount=format_euros(float(amounts.sum()), lang),
        disclosed=format_count(len(amounts), lang),
        total=format_count(len(rounds), lang),
        first=int(years.min()),
        last=int(years.max()),
    )


def build_year_points(rounds: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> pd.DataFrame:
    """Disclosed euros per (year, round kind), kinds in the taxonomy's order."""
    dated = rounds.dropna(subset=[C.YEAR])
    grouped = dated.groupby([C.YEAR, C.KIND])
    frame = pd.DataFrame(
        {"amount_eur": grouped[C.AMOUNT_EUR].sum(min_count=1).fillna(0), "rounds": grouped.size()}
    ).reset_index()
    frame = frame.rename(columns={C.YEAR: "year", C.KIND: "kind"})
    frame["kind_label"] = [taxonomy.label(V.DEAL_KINDS, kind, lang) for kind in frame["kind"]]
    frame["year"] = frame["year"].astype(int)
    return frame[["year", "kind", "kind_label", "amount_eur", "rounds"]]


def build_year_figure(points: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, titled: bool = True) -> go.Figure:
    """Money raised per year (millions of euros disclosed), stacked by the kind of round."""
    figure = go.Figure()
    for position, kind in enumerate(taxonomy.ids(V.DEAL_KINDS)):
        rows = points[points["kind"] == kind]
        if not len(rows):
            continue
        figure.add_trace(
            go.Bar(
                x=rows["year"],
                y=rows["amount_eur"] / MILLION,
                name=taxonomy.label(V.DEAL_KINDS, kind, lang),
                marker_color=pick_series_colour(position),
                customdata=rows["rounds"],
                hovertemplate="%{x} · %{fullData.name}: %{y:.1f} M€ (%{customdata})<extra></extra>",
            )
        )
    apply_layout(
        figure,
        lang=lang,
        title=t("chart_funding_years_title", lang) if titled else None,
        height=420,
        legend_title=t("legend_round_kind", lang),
    )
    figure.update_layout(
        barmode="stack",
        xaxis={
            "title": t("axis_round_year", lang),
            "dtick": 1 if len(points) and points["year"].nunique() < 12 else None,
        },
        yaxis={"title": t("axis_million_euros", lang), "showgrid": True, "gridcolor": "#e5e5e5"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0, "traceorder": "normal"},
    )
    return figure


def build_year_table(rounds: pd.DataFrame, lang: str) -> pd.DataFrame:
    counts = count_rounds_by_year(rounds)
    return pd.DataFrame(
        {
            t("axis_round_year", lang): counts["year"].astype(str),
            t("col_rounds", lang): counts["rounds"],
            t("col_disclosed_rounds", lang): counts["disclosed"],
            t("col_amount_eur", lang): [format_euros(value, lang) for value in counts["amount_eur"]],
        }
    )


def name_investors(ids, names: pd.Series) -> list[str]:
    return [str(names.get(item, item)) for item in ids]


def build_round_table(dataset: Dataset, rounds: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rounds as a table: date, company, kind, amount as stated and in euros, lead and other investors, source."""
    names, taxonomy = dataset.names(), dataset.taxonomy
    title = C.TITLE_FR if lang == "fr" else C.TITLE_EN
    return pd.DataFrame(
        {
            t("col_date", lang): rounds[C.DATE].to_list(),
            t("col_company", lang): [names.get(actor, actor) for actor in rounds[C.ACTOR_ID]],
            t("col_round_kind", lang): [taxonomy.label(V.DEAL_KINDS, kind, lang) for kind in rounds[C.KIND]],
            t("col_event", lang): rounds[title].to_list(),
            t("col_amount_stated", lang): [
                format_stated(amount, currency, lang)
                for amount, currency in zip(rounds[C.AMOUNT], rounds[C.CURRENCY], strict=True)
            ],
            t("col_amount_eur", lang): [format_euros(value, lang) for value in rounds[C.AMOUNT_EUR]],
            t("col_leads", lang): [name_investors(ids, names) for ids in rounds[C.LEAD_IDS]],
            t("col_investors", lang): [name_investors(ids, names) for ids in rounds[C.INVESTOR_IDS]],
            t("col_source", lang): [(sources.split(";") or [""])[0] for sources in rounds[C.SOURCE_URLS]],
        }
    )


def format_stated(amount: float | None, currency: str, lang: str) -> str:
    """An amount in the currency the source gives ('100 M$', 'USD 15M'); '' when undisclosed."""
    if amount is None or amount != amount:
        return ""
    if not currency or currency == C.EURO:
        return format_euros(amount, lang)
    return format_compact_currency(amount, currency, locale=LOCALES.get(lang, "fr_FR"), fraction_digits=1)


def pick_largest(rounds: pd.DataFrame, limit: int = TOP_ROUNDS) -> pd.DataFrame:
    """The rounds with the largest amounts in euros, largest first."""
    return rounds.dropna(subset=[C.AMOUNT_EUR]).sort_values(C.AMOUNT_EUR, ascending=False, kind="stable").head(limit)


def build_largest_figure(dataset: Dataset, largest: pd.DataFrame, lang: str, *, titled: bool = True) -> go.Figure:
    """The largest rounds as horizontal bars, largest at the top, labelled by company, kind and year."""
    names, taxonomy = dataset.names(), dataset.taxonomy
    labels = [
        f"{names.get(actor, actor)} · {taxonomy.label(V.DEAL_KINDS, kind, lang)} {year}"
        for actor, kind, year in zip(largest[C.ACTOR_ID], largest[C.KIND], largest[C.YEAR], strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            x=largest[C.AMOUNT_EUR] / MILLION,
            y=labels,
            orientation="h",
            marker_color=pick_series_colour(0),
            text=[format_euros(value, lang) for value in largest[C.AMOUNT_EUR]],
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    apply_layout(
        figure,
        lang=lang,
        title=t("chart_largest_rounds_title", lang) if titled else None,
        height=80 + 34 * max(len(largest), 1),
    )
    figure.update_layout(
        xaxis={"title": t("axis_million_euros", lang), "showgrid": True, "gridcolor": "#e5e5e5"},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure


def describe_largest(dataset: Dataset, largest: pd.DataFrame, lang: str) -> str:
    """'The largest: Adcytherix's Series A, €105M in 2025.'"""
    if not len(largest):
        return t("takeaway_largest_none", lang)
    top = largest.iloc[0]
    return t(
        "takeaway_largest",
        lang,
        name=dataset.names().get(top[C.ACTOR_ID], top[C.ACTOR_ID]),
        kind=dataset.taxonomy.label(V.DEAL_KINDS, top[C.KIND], lang),
        amount=format_euros(top[C.AMOUNT_EUR], lang),
        year=int(top[C.YEAR]),
    )


def count_investors(dataset: Dataset, rounds: pd.DataFrame) -> pd.DataFrame:
    """Investors by the number of rounds they took part in (led or joined), with their companies and co-investors."""
    names = dataset.names()
    rounds_of: Counter[str] = Counter()
    companies: dict[str, set[str]] = {}
    partners: dict[str, Counter[str]] = {}
    for actor, participants in zip(rounds[C.ACTOR_ID], rounds[C.PARTICIPANT_IDS], strict=True):
        unique = list(dict.fromkeys(participants))
        for investor in unique:
            rounds_of[investor] += 1
            companies.setdefault(investor, set()).add(actor)
            partners.setdefault(investor, Counter()).update(other for other in unique if other != investor)
    order = sorted(rounds_of, key=lambda item: (-rounds_of[item], str(names.get(item, item)).lower()))
    return pd.DataFrame(
        {
            "investor": order,
            "name": [str(names.get(item, item)) for item in order],
            "rounds": [rounds_of[item] for item in order],
            "companies": [sorted(str(names.get(c, c)) for c in companies[item]) for item in order],
            "co_investors": [
                [str(names.get(other, other)) for other, _ in partners[item].most_common()] for item in order
            ],
        },
        columns=["investor", "name", "rounds", "companies", "co_investors"],
    )


def build_investor_figure(
    investors: pd.DataFrame, lang: str, *, selected: str | None = None, titled: bool = True, limit: int = TOP_INVESTORS
) -> go.Figure:
    """The most active investors as horizontal bars (rounds taken part in); a selected one keeps its colour."""
    top = investors.head(limit)
    figure = go.Figure(
        go.Bar(
            x=top["rounds"],
            y=top["name"],
            orientation="h",
            marker={
                "color": pick_series_colour(2),
                "opacity": [0.35 if selected and item != selected else 1 for item in top["investor"]],
            },
            text=top["rounds"],
            textposition="auto",
            customdata=top["investor"],
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    add_click_points(
        figure,
        [
            (name, 0, rounds, investor, f"{name}: {rounds}")
            for name, rounds, investor in zip(top["name"], top["rounds"], top["investor"], strict=True)
        ],
        float(top["rounds"].max()) if len(top) else 1,
    )
    apply_layout(
        figure, lang=lang, title=t("chart_investors_title", lang) if titled else None, height=80 + 30 * max(len(top), 1)
    )
    figure.update_layout(
        clickmode="event+select",
        xaxis={
            "title": t("col_rounds", lang),
            "showgrid": True,
            "gridcolor": "#e5e5e5",
            "dtick": whole_ticks(top["rounds"].max() if len(top) else 0),
        },
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return figure


def read_investor_click(event: Mapping | None) -> str | None:
    """The investor id of the clicked bar, from `st.plotly_chart`'s selection event."""
    selection = event.get("selection") if isinstance(event, Mapping) else getattr(event, "selection", None)
    points = (selection.get("points") if isinstance(selection, Mapping) else None) or []
    for point in points:
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, list | tuple):
            data = data[0] if data else None
        if isinstance(data, str) and data:
            return data
    return None


def describe_investors(investors: pd.DataFrame, lang: str) -> str:
    """'Bpifrance took part in the most rounds (6); it invested most often with Kurma Partners.'"""
    if not len(investors):
        return t("takeaway_investors_none", lang)
    top = investors.iloc[0]
    key = "takeaway_investors_with" if top["co_investors"] else "takeaway_investors"
    return t(
        key,
        lang,
        name=top["name"],
        rounds=format_count(int(top["rounds"]), lang),
        partner=top["co_investors"][0] if top["co_investors"] else "",
    )


def build_investor_table(investors: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col_investor", lang): investors["name"],
            t("col_rounds", lang): investors["rounds"],
            t("col_companies", lang): [", ".join(items) for items in investors["companies"]],
            t("col_co_investors", lang): [", ".join(items) for items in investors["co_investors"]],
        }
    )


def filter_rounds_by_investor(rounds: pd.DataFrame, investor: str | None) -> pd.DataFrame:
    """The rounds an investor led or joined; every round when none is chosen."""
    if not investor:
        return rounds
    return rounds[rounds[C.PARTICIPANT_IDS].map(lambda ids: investor in ids).astype(bool).to_numpy()]


def build_deal_table(dataset: Dataset, deals: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Acquisitions, licences and partnerships, those with a disclosed value first, then by date."""
    names, taxonomy = dataset.names(), dataset.taxonomy
    ordered = deals.assign(_valued=deals[C.AMOUNT].notna()).sort_values(
        ["_valued", C.DATE], ascending=[False, False], kind="stable"
    )
    title = C.TITLE_FR if lang == "fr" else C.TITLE_EN
    return pd.DataFrame(
        {
            t("col_date", lang): ordered[C.DATE].to_list(),
            t("col_company", lang): [names.get(actor, actor) for actor in ordered[C.ACTOR_ID]],
            t("col_round_kind", lang): [taxonomy.label(V.DEAL_KINDS, kind, lang) for kind in ordered[C.KIND]],
            t("col_counterparty", lang): [names.get(item, item) if item else "" for item in ordered[C.COUNTERPARTY_ID]],
            t("col_event", lang): ordered[title].to_list(),
            t("col_amount_stated", lang): [
                format_stated(amount, currency, lang)
                for amount, currency in zip(ordered[C.AMOUNT], ordered[C.CURRENCY], strict=True)
            ],
            t("col_source", lang): [(sources.split(";") or [""])[0] for sources in ordered[C.SOURCE_URLS]],
        }
    )


def describe_deals(deals: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> str:
    """'7 acquisitions, 2 licences and 0 partnerships; 4 with a disclosed value.'"""
    if not len(deals):
        return t("takeaway_deals_none", lang)
    roles = deals[C.KIND].map(lambda kind: taxonomy.row(V.DEAL_KINDS, kind).get(C.ROLE, ""))
    return t(
        "takeaway_deals",
        lang,
        acquisitions=format_count(int((roles == C.ROLE_ACQUISITION).sum()), lang),
        licences=format_count(int((roles == C.ROLE_LICENCE).sum()), lang),
        partnerships=format_count(int((roles == C.ROLE_PARTNERSHIP).sum()), lang),
        valued=format_count(int(deals[C.AMOUNT].notna().sum()), lang),
    )


def build_portfolio_table(dataset: Dataset, actor_id: str, lang: str) -> pd.DataFrame:
    """An investor's rounds and deals in the ecosystem: the company, the kind, the date, its co-investors."""
    names, taxonomy = dataset.names(), dataset.taxonomy
    deals = dataset.portfolio_of(actor_id)
    return pd.DataFrame(
        {
            t("col_date", lang): deals[C.DATE].to_list(),
            t("col_company", lang): [names.get(actor, actor) for actor in deals[C.ACTOR_ID]],
            t("col_round_kind", lang): [taxonomy.label(V.DEAL_KINDS, kind, lang) for kind in deals[C.KIND]],
            t("col_amount_stated", lang): [
                format_stated(amount, currency, lang)
                for amount, currency in zip(deals[C.AMOUNT], deals[C.CURRENCY], strict=True)
            ],
            t("col_co_investors", lang): [
                name_investors([other for other in ids if other != actor_id], names) for ids in deals[C.PARTICIPANT_IDS]
            ],
            t("col_source", lang): [(sources.split(";") or [""])[0] for sources in deals[C.SOURCE_URLS]],
        }
    )
