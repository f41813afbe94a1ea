"""The pipeline: the companies' programmes by phase, as a funnel and as a table with registry links.

The app's facets apply to the programmes themselves (a programme's areas, modality and phase),
the other filters to their companies. Plain functions, tested without Streamlit; a presentation
scene can reuse the figure.
"""

import re
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from . import columns as C
from . import vocabularies as V
from .charts import add_click_points, apply_layout, whole_ticks
from .filters import Filters, filter_ids
from .formatting import format_count
from .i18n import t
from .load import Dataset
from .palette import pick_series_colour
from .taxonomy import Taxonomy
from .text import fold
from .views import TableColumn

# A trial id -> its public record: ClinicalTrials.gov, the EU's CTIS (EU CT numbers), the EU CTR (EudraCT).
TRIAL_REGISTRIES = (
    (re.compile(r"NCT[0-9]{8}"), "https://clinicaltrials.gov/study/{}"),
    (re.compile(r"[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}"), "https://euclinicaltrials.eu/ctis-public/view/{}"),
    (re.compile(r"[0-9]{4}-[0-9]{6}-[0-9]{2}"), "https://www.clinicaltrialsregister.eu/ctr-search/search?query={}"),
)
# What a funnel's bars can be stacked by: a programme column and its vocabulary.
STACKS = {"modality": (C.MODALITY, V.MODALITIES), "area": (C.AREAS, V.AREAS)}
LEGENDS = {"modality": "legend_modality", "area": "legend_area"}
# The stacking choice's labels on the page.
STACK_LABELS = {"modality": "stack_modality", "area": "stack_area"}
# The programme columns the app's facets over actors' areas, modalities and stage read on a programme.
PROGRAMME_FACETS = ((C.AREAS, C.AREAS, True), (C.MODALITIES, C.MODALITY, False), (C.STAGE, C.PHASE, False))
POINT_COLUMNS = ["phase", "phase_label", "group", "group_label", "count"]
# A trial record's link shows the trial's id.
TRIAL_DISPLAY = r"(NCT[0-9]{8}|[0-9]{4}-[0-9]{6}-[0-9]{2}(?:-[0-9]{2})?)"


def build_trial_url(trial_id: str) -> str:
    """The registry record of a trial id ('' for an id no registry knows)."""
    for pattern, url in TRIAL_REGISTRIES:
        if pattern.fullmatch(trial_id):
            return url.format(trial_id)
    return ""


def select_programmes(dataset: Dataset, filters: Filters) -> pd.DataFrame:
    """The programmes of the view: their company passes the filters, their own areas, modality and phase the facets.

    A company is not filtered on its own stage or areas here: its phase 1 programme shows under phase 1
    even when the company has reached phase 3.
    """
    schema, programmes = dataset.schema, dataset.programmes
    loose, own = filters, []
    for actor_column, column, multi in PROGRAMME_FACETS:
        name = schema.facet_name(actor_column)
        loose = loose.without(name)
        if filters.selected(name):
            own.append((column, multi, filters.selected(name)))
    mask = programmes[C.ACTOR_ID].isin(set(filter_ids(dataset, loose)))
    for column, multi, selected in own:
        if multi:
            mask &= programmes[column].map(lambda items, chosen=selected: bool(set(items) & chosen)).astype(bool)
        else:
            mask &= programmes[column].isin(selected)
    return programmes[mask.astype(bool)]


def filter_by_text(programmes: pd.DataFrame, column: str, chosen) -> pd.DataFrame:
    """Programmes whose `column` is one of `chosen` (targets or partners picked on the page); all when none."""
    return programmes[programmes[column].isin(set(chosen))] if chosen else programmes


def list_choices(programmes: pd.DataFrame, column: str) -> list[str]:
    """The distinct non-empty values of a column, in reading order (accents and case folded)."""
    return sorted({value for value in programmes[column] if value}, key=fold)


def count_by_phase(programmes: pd.DataFrame, taxonomy: Taxonomy) -> dict[str, int]:
    """Active programmes per phase, in the stages' order (the figure the report gives too)."""
    active = set(taxonomy.ids_where(V.PROGRAMME_STATUSES, C.ROLE, C.ROLE_ACTIVE))
    counts = programmes[programmes[C.STATUS].isin(active)][C.PHASE].value_counts()
    return {phase: int(counts.get(phase, 0)) for phase in taxonomy.ids(V.STAGES)}


def build_phase_points(
    programmes: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, by: str = "modality"
) -> pd.DataFrame:
    """Active programmes per (phase, modality or area), phases in order; a programme in two areas counts in each."""
    column, vocabulary = STACKS[by]
    active = set(taxonomy.ids_where(V.PROGRAMME_STATUSES, C.ROLE, C.ROLE_ACTIVE))
    chosen = programmes[programmes[C.STATUS].isin(active)][[C.PHASE, column]]
    if by == "area":
        chosen = chosen.explode(column).fillna({column: ""})
    counts = chosen.groupby([C.PHASE, column]).size()
    groups = taxonomy.ids(vocabulary)
    rows = [
        {
            "phase": phase,
            "phase_label": taxonomy.label(V.STAGES, phase, lang),
            "group": group,
            "group_label": taxonomy.label(vocabulary, group, lang),
            "count": int(counts.get((phase, group), 0)),
        }
        for phase in taxonomy.ids(V.STAGES)
        for group in groups
        if counts.get((phase, group), 0)
    ]
    return pd.DataFrame(rows, columns=POINT_COLUMNS)


def build_phase_table(points: pd.DataFrame, taxonomy: Taxonomy, lang: str, *, by: str = "modality") -> pd.DataFrame:
    """The funnel's numbers: one row per phase (every phase, zeros included) and a column per group."""
    phases = [taxonomy.label(V.STAGES, phase, lang) for phase in taxonomy.ids(V.STAGES)]
    wide = points.pivot_table(index="phase_label", columns="group_label", values="count", aggfunc="sum", sort=False)
    wide = wide.reindex(phases).fillna(0).astype(int)
    table = pd.DataFrame({t("col_phase", lang): phases})
    for group in wide.columns:
        table[group] = wide[group].to_list()
    table[t("col_programmes_total", lang)] = wide.sum(axis=1).astype(int).to_list()
    return table


def build_phase_figure(
    points: pd.DataFrame,
    taxonomy: Taxonomy,
    lang: str,
    *,
    by: str = "modality",
    selected: frozenset[str] = frozenset(),
    titled: bool = True,
) -> go.Figure:
    """The funnel: one horizontal bar per phase (earliest at the top), stacked by modality or area.

    A selected phase keeps its colour and the others fade, so that the click that chose it shows.
    """
    _, vocabulary = STACKS[by]
    phases = [taxonomy.label(V.STAGES, phase, lang) for phase in taxonomy.ids(V.STAGES)]
    figure = go.Figure()
    for position, group in enumerate(taxonomy.ids(vocabulary)):
        rows = points[points["group"] == group]
        if not len(rows):
            continue
        faded = [bool(selected) and phase not in selected for phase in rows["phase"]]
        figure.add_trace(
            go.Bar(
                x=rows["count"],
                y=rows["phase_label"],
                orientation="h",
                name=taxonomy.label(vocabulary, group, lang),
                marker={"color": pick_series_colour(position), "opacity": [0.3 if f else 1 for f in faded]},
                customdata=[[phase, group] for phase in rows["phase"]],
                hovertemplate="%{y} · %{fullData.name}: %{x}<extra></extra>",
            )
        )
    spans, ends = [], dict.fromkeys(points["phase"], 0)
    for phase, label, group, group_label, count in points[POINT_COLUMNS].itertuples(index=False):
        spans.append((label, ends[phase], ends[phase] + count, [phase, group], f"{label} · {group_label}: {count}"))
        ends[phase] += count
    add_click_points(figure, spans, float(max(ends.values(), default=1)))
    apply_layout(
        figure,
        lang=lang,
        title=t("chart_pipeline_title", lang) if titled else None,
        height=140 + 46 * len(phases),
        legend_title=t(LEGENDS[by], lang),
    )
    figure.update_layout(
        barmode="stack",
        clickmode="event+select",
        xaxis={
            "title": t("axis_programmes", lang),
            "showgrid": True,
            "gridcolor": "#e5e5e5",
            "dtick": whole_ticks(max(ends.values(), default=0)),
        },
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(phases)), "automargin": True},
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0, "traceorder": "normal"},
    )
    figure.update_yaxes(range=[-0.5, len(phases) - 0.5])  # every phase has its row, an empty one too
    return figure


def read_phase_click(event: Mapping | None) -> str | None:
    """The phase of the clicked bar, from `st.plotly_chart`'s selection event."""
    selection = event.get("selection") if isinstance(event, Mapping) else getattr(event, "selection", None)
    points = (selection.get("points") if isinstance(selection, Mapping) else None) or []
    for point in points:
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, list | tuple) and data:
            return str(data[0])
    return None


def describe_pipeline(programmes: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> str:
    """'14 active programmes at 6 companies: 5 in clinical trials and 2 on the market.'"""
    counts = count_by_phase(programmes, taxonomy)
    total = sum(counts.values())
    if not total:
        return t("takeaway_pipeline_none", lang)
    clinical = sum(counts[p] for p in taxonomy.ids_where(V.STAGES, C.ROLE, C.ROLE_CLINICAL))
    marketed = sum(counts[p] for p in taxonomy.ids_where(V.STAGES, C.ROLE, C.ROLE_MARKETED))
    active = set(taxonomy.ids_where(V.PROGRAMME_STATUSES, C.ROLE, C.ROLE_ACTIVE))
    companies = programmes[programmes[C.STATUS].isin(active)][C.ACTOR_ID].nunique()
    return t(
        "takeaway_pipeline",
        lang,
        total=format_count(total, lang),
        companies=format_count(companies, lang),
        clinical=format_count(clinical, lang),
        marketed=format_count(marketed, lang),
    )


def build_programme_table(dataset: Dataset, programmes: pd.DataFrame, lang: str, actor_url) -> pd.DataFrame:
    """The programmes as the page lists them: labels in the reader's language, the company's page and the
    registry records as links. `actor_url(actor_id)` gives the link to a company's page."""
    taxonomy, names = dataset.taxonomy, dataset.names()
    trials = [[build_trial_url(item) for item in items if build_trial_url(item)] for items in programmes[C.TRIAL_IDS]]
    return pd.DataFrame(
        {
            "programme": programmes[C.NAME].to_list(),
            "company": [names.get(actor, actor) for actor in programmes[C.ACTOR_ID]],
            "target": programmes[C.TARGET].to_list(),
            "modality": [taxonomy.label(V.MODALITIES, item, lang) for item in programmes[C.MODALITY]],
            "areas": [taxonomy.labels(V.AREAS, items, lang) for items in programmes[C.AREAS]],
            "indication": programmes[C.INDICATION].to_list(),
            "phase": [taxonomy.label(V.STAGES, item, lang) for item in programmes[C.PHASE]],
            "status": [taxonomy.label(V.PROGRAMME_STATUSES, item, lang) for item in programmes[C.STATUS]],
            "partner": [names.get(item, item) if item else "" for item in programmes[C.PARTNER_ID]],
            "trial": [urls[0] if urls else None for urls in trials],
            "trials": [list(items) for items in programmes[C.TRIAL_IDS]],
            "profile": [actor_url(actor) for actor in programmes[C.ACTOR_ID]],
            "source": [(sources.split(";") or [""])[0] for sources in programmes[C.SOURCE_URLS]],
        },
        index=pd.Index(programmes[C.ID].to_list()),
    )


def build_programme_export(dataset: Dataset, programmes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The programmes with every column of programmes.csv, the labels beside the ids, for CSV and Excel."""
    taxonomy, names = dataset.taxonomy, dataset.names()
    frame = pd.DataFrame({column: programmes[column] for column in dataset.schema.columns("programmes")})
    for column in (C.AREAS, C.TRIAL_IDS):
        frame[column] = [";".join(items) for items in programmes[column]]
    frame.insert(2, "company", [names.get(actor, actor) for actor in programmes[C.ACTOR_ID]])
    frame["phase_label"] = [taxonomy.label(V.STAGES, item, lang) for item in programmes[C.PHASE]]
    frame["modality_label"] = [taxonomy.label(V.MODALITIES, item, lang) for item in programmes[C.MODALITY]]
    frame["trial_urls"] = [";".join(build_trial_url(item) for item in items) for items in programmes[C.TRIAL_IDS]]
    return frame.reset_index(drop=True)


def build_programme_columns(lang: str) -> list[TableColumn]:
    """The programme table's columns: what a reader compares first (programme, company, target, modality, phase)."""
    return [
        TableColumn("programme", t("col_programme", lang), "text", 170),
        TableColumn("company", t("col_company", lang), "text", 150),
        TableColumn("phase", t("col_phase", lang), "text", 110),
        TableColumn("target", t("col_target", lang), "text", 100),
        TableColumn("modality", t("col_modality", lang), "text", 160),
        TableColumn("indication", t("col_indication", lang), "text", 190),
        TableColumn("areas", t("col_therapeutic_areas", lang), "list", 150),
        TableColumn("partner", t("col_partner", lang), "text", 120),
        TableColumn("status", t("col_programme_status", lang), "text", 100),
        TableColumn("trial", t("col_trial", lang), "link", 130, TRIAL_DISPLAY),
        TableColumn("trials", t("col_trials", lang), "list", 150),
        TableColumn("profile", t("col_profile", lang), "link", 130, t("open_company", lang)),
        TableColumn("source", t("col_source", lang), "link", 150, r"https?://(?:www\.)?([^/]+)"),
    ]
