"""The cluster's story in charts, each with a takeaway sentence and its data as a table.

Every builder takes the filtered actors and returns plain data: a table (what the
screen reader and the CSV download get), a plotly figure drawn from that table,
and a one-line takeaway computed from it. The area × modality matrix is in `matrix`.
"""

import pandas as pd
import plotly.graph_objects as go

from . import columns as C
from . import vocabularies as V
from .charts import add_type_traces, apply_layout, build_type_marker
from .formatting import format_count, format_euros, plural_category
from .i18n import t
from .taxonomy import Taxonomy

# --- development stage by type ------------------------------------------------------------


def build_stage_points(actors: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> pd.DataFrame:
    """Actors per (type, stage of the most advanced programme), for actors that state a stage."""
    staged = actors[actors[C.STAGE].astype(str).str.strip() != ""]
    counts = staged.groupby([C.TYPE, C.STAGE]).size()
    stage_order = {stage: rank for rank, stage in enumerate(taxonomy.ids(V.STAGES))}
    type_order = {kind: rank for rank, kind in enumerate(taxonomy.ids(V.TYPES))}
    rows = [
        {
            "type": kind,
            "stage": stage,
            "type_label": taxonomy.label(V.TYPES, kind, lang),
            "stage_label": taxonomy.label(V.STAGES, stage, lang),
            "count": int(count),
        }
        for (kind, stage), count in zip(counts.index, counts, strict=True)
    ]
    frame = pd.DataFrame(rows, columns=["type", "stage", "type_label", "stage_label", "count"])
    frame["_order"] = [
        (stage_order.get(s, 99), type_order.get(k, 99)) for s, k in zip(frame["stage"], frame["type"], strict=True)
    ]
    return frame.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def build_stage_table(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col_stage", lang): points["stage_label"],
            t("col_type", lang): points["type_label"],
            t("count", lang): points["count"],
        }
    )


def build_stage_figure(points: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, titled: bool = True) -> go.Figure:
    """Bubbles on a stage x type grid, one trace (colour and shape) per type."""
    stages = [taxonomy.label(V.STAGES, s, lang) for s in taxonomy.ids(V.STAGES)]
    figure = go.Figure()
    add_type_traces(
        figure,
        points,
        taxonomy,
        lang,
        lambda group, colour, symbol: go.Scatter(
            x=group["stage_label"],
            y=group["type_label"],
            mode="markers+text",
            text=group["count"],
            textposition="middle right",
            marker={
                "symbol": symbol,
                "color": colour,
                "size": [12 + min(40.0, 10 * c**0.5) for c in group["count"]],
                "line": {"width": 1.5, "color": colour},
            },
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        ),
    )
    apply_layout(
        figure,
        lang=lang,
        title=t("chart_stage_title", lang) if titled else None,
        height=200 + 40 * max(points["type"].nunique(), 1),
        legend_title=t("legend_type", lang),
    )
    figure.update_layout(
        xaxis={"title": t("axis_stage", lang), "categoryorder": "array", "categoryarray": stages, "showgrid": True},
        yaxis={"title": t("axis_type", lang), "automargin": True},
    )
    return figure


def describe_stages(points: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> str:
    """'4 of the 17 actors stating a stage are in clinical trials (phase 1 to 3); 6 have a product on the market.'

    Each verb agrees with its count ('1 … is', '1 … has'; French counts 0 as singular).
    """
    total = int(points["count"].sum())
    if not total:
        return t("takeaway_stage_none", lang)
    clinical_stages = taxonomy.ids_where(V.STAGES, C.ROLE, C.ROLE_CLINICAL)
    marketed_stages = taxonomy.ids_where(V.STAGES, C.ROLE, C.ROLE_MARKETED)
    clinical = int(points.loc[points["stage"].isin(clinical_stages), "count"].sum())
    marketed = int(points.loc[points["stage"].isin(marketed_stages), "count"].sum())
    one = {"clinical": plural_category(clinical, lang) == "one", "marketed": plural_category(marketed, lang) == "one"}
    return t(
        "takeaway_stage_one" if one["clinical"] else "takeaway_stage",
        lang,
        clinical=format_count(clinical, lang),
        total=format_count(total, lang),
        marketed=t(
            "stage_marketed_one" if one["marketed"] else "stage_marketed", lang, count=format_count(marketed, lang)
        ),
    )


# --- founding years by type ---------------------------------------------------------------


def build_founding_points(actors: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> pd.DataFrame:
    """One row per actor with a founding year: year, type and name."""
    dated = actors.dropna(subset=[C.FOUNDED])
    frame = pd.DataFrame(
        {
            "year": dated[C.FOUNDED].astype(int).to_list(),
            "type": dated[C.TYPE].to_list(),
            "type_label": [taxonomy.label(V.TYPES, kind, lang) for kind in dated[C.TYPE]],
            "name": dated[C.NAME].to_list(),
            "actor": dated[C.ID].to_list(),
        },
        columns=["year", "type", "type_label", "name", "actor"],
    )
    return frame.sort_values(["year", "name"], kind="stable").reset_index(drop=True)


def build_founding_table(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col_founded", lang): points["year"],
            t("col_name", lang): points["name"],
            t("col_type", lang): points["type_label"],
        }
    )


def build_founding_figure(points: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, titled: bool = True) -> go.Figure:
    """Each actor a marker at its founding year, on its type's row (colour and shape by type)."""
    figure = go.Figure()
    order = add_type_traces(
        figure,
        points,
        taxonomy,
        lang,
        lambda group, colour, symbol: go.Scatter(
            x=group["year"],
            y=group["type_label"],
            mode="markers",
            text=group["name"],
            customdata=group["actor"],
            marker=build_type_marker(colour, symbol, 12),
            hovertemplate="%{text} (%{x})<extra></extra>",
        ),
    )
    apply_layout(
        figure,
        lang=lang,
        title=t("chart_founding_title", lang) if titled else None,
        height=200 + 36 * max(len(order), 1),
        legend_title=t("legend_type", lang),
    )
    figure.update_layout(
        xaxis={"title": t("axis_year", lang), "showgrid": True},
        yaxis={
            "title": t("axis_type", lang),
            "automargin": True,
            "categoryorder": "array",
            "categoryarray": list(reversed(taxonomy.labels(V.TYPES, order, lang))),
        },
        showlegend=True,
    )
    return figure


def describe_founding(points: pd.DataFrame, lang: str) -> str:
    """'The 2010s saw the most foundations: 21 of the 80 actors with a known founding year.'"""
    if not len(points):
        return t("takeaway_founding_none", lang)
    decades = (points["year"] // 10 * 10).value_counts()
    best = int(decades.max())
    decade = int(decades[decades == best].index.min())  # the earliest on a tie
    return t(
        "takeaway_founding",
        lang,
        decade=decade,
        count=format_count(best, lang),
        total=format_count(len(points), lang),
    )


# --- milestones timeline ------------------------------------------------------------------


def parse_event_date(value: str) -> pd.Timestamp | None:
    """'2023', '2023-06' or '2023-06-29' as a timestamp (a year at its middle, a month at its 15th)."""
    value = (value or "").strip()
    text = {4: f"{value}-07-01", 7: f"{value}-15", 10: value}.get(len(value))
    if text is None:
        return None
    try:
        stamp = pd.Timestamp(text)
    except ValueError:
        return None
    return None if pd.isna(stamp) else stamp


def timeline_kinds(taxonomy: Taxonomy) -> tuple[str, ...]:
    """Every milestone kind but foundings (the founding-year chart shows those), in taxonomy order."""
    founding = set(taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, C.ROLE_FOUNDING))
    return tuple(kind for kind in taxonomy.ids(V.MILESTONE_KINDS) if kind not in founding)


def build_timeline_points(
    milestones: pd.DataFrame, actors: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, kinds=None
) -> pd.DataFrame:
    """The dated events of the shown actors (rounds, acquisitions, awards, clinical steps, launches)."""
    kinds = timeline_kinds(taxonomy) if kinds is None else kinds
    names = dict(zip(actors[C.ID], actors[C.NAME], strict=True))
    types = dict(zip(actors[C.ID], actors[C.TYPE], strict=True))
    chosen = milestones[milestones[C.KIND].isin(kinds) & milestones[C.ACTOR_ID].isin(names)]
    title = C.TITLE_FR if lang == "fr" else C.TITLE_EN
    frame = pd.DataFrame(
        {
            "date": chosen[C.DATE].to_list(),
            "when": [parse_event_date(value) for value in chosen[C.DATE]],
            "kind": chosen[C.KIND].to_list(),
            "kind_label": [taxonomy.label(V.MILESTONE_KINDS, kind, lang) for kind in chosen[C.KIND]],
            "actor": chosen[C.ACTOR_ID].to_list(),
            "name": [names[a] for a in chosen[C.ACTOR_ID]],
            "type": [types[a] for a in chosen[C.ACTOR_ID]],
            "title": chosen[title].to_list(),
            "amount_eur": chosen[C.AMOUNT_EUR].to_list(),
            "source": [(s.split(";") or [""])[0] for s in chosen[C.SOURCE_URLS]],
        },
        columns=["date", "when", "kind", "kind_label", "actor", "name", "type", "title", "amount_eur", "source"],
    )
    frame = frame.dropna(subset=["when"])
    return frame.sort_values(["when", "name"], kind="stable").reset_index(drop=True)


def build_timeline_table(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col_date", lang): points["date"],
            t("col_kind", lang): points["kind_label"],
            t("col_name", lang): points["name"],
            t("col_event", lang): points["title"],
            t("col_amount", lang): [format_euros(v, lang) for v in points["amount_eur"]],
            t("col_source", lang): points["source"],
        }
    )


def build_timeline_figure(points: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, titled: bool = True) -> go.Figure:
    """Events on a time axis, one row per kind; colour and shape by the actor's type, size by amount."""
    figure = go.Figure()
    kinds = [
        taxonomy.label(V.MILESTONE_KINDS, k, lang) for k in taxonomy.ids(V.MILESTONE_KINDS) if k in set(points["kind"])
    ]
    add_type_traces(
        figure,
        points,
        taxonomy,
        lang,
        lambda group, colour, symbol: go.Scatter(
            x=group["when"],
            y=group["kind_label"],
            mode="markers",
            text=[f"{d} · {n}: {ti}" for d, n, ti in zip(group["date"], group["name"], group["title"], strict=True)],
            marker=build_type_marker(
                colour, symbol, [10 + min(22.0, (a / 1e6) ** 0.5 * 1.6) for a in group["amount_eur"].fillna(0)]
            ),
            hovertemplate="%{text}<extra></extra>",
        ),
    )
    apply_layout(
        figure,
        lang=lang,
        title=t("chart_timeline_title", lang) if titled else None,
        height=220 + 44 * max(len(kinds), 1),
        legend_title=t("legend_type", lang),
    )
    figure.update_layout(
        xaxis={"title": t("axis_date", lang), "showgrid": True, "type": "date"},
        yaxis={
            "title": t("axis_event", lang),
            "automargin": True,
            "categoryorder": "array",
            "categoryarray": list(reversed(kinds)),
        },
    )
    return figure


def describe_timeline(points: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> str:
    """'12 funding rounds (at least €250M disclosed over 9 of them), 5 acquisitions and 7 awards, 1999–2025.'"""
    if not len(points):
        return t("takeaway_timeline_none", lang)

    def of(role: str) -> pd.Series:
        return points["kind"].isin(taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, role))

    def counted(many: str, one: str, count: int) -> str:
        return t(one if plural_category(count, lang) == "one" else many, lang, count=format_count(count, lang))

    rounds = points[of(C.ROLE_FUNDING)]
    amounts = rounds["amount_eur"].dropna()
    years = points["date"].str[:4]
    return t(
        "takeaway_timeline",
        lang,
        rounds=counted("timeline_rounds", "timeline_rounds_one", len(rounds)),
        amount=format_euros(float(amounts.sum()), lang) if len(amounts) else format_euros(0, lang),
        disclosed=format_count(len(amounts), lang),
        acquisitions=counted("timeline_acquisitions", "timeline_acquisitions_one", int(of(C.ROLE_ACQUISITION).sum())),
        awards=counted("timeline_awards", "timeline_awards_one", int(of(C.ROLE_AWARD).sum())),
        first=years.min(),
        last=years.max(),
    )
