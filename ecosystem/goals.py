"""The biocluster's published goals set against what the dataset records since the France 2030 selection.

The goals and their sources live in data/goals.csv. The figures set against them
are counts of sourced rows; the dataset may be incomplete, so every figure is a
lower bound ("at least") and comes with the rows it was computed from.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
from babel.dates import format_date

from . import columns as C
from . import vocabularies as V
from .formatting import LOCALES, format_count, format_day, format_euros, plural_category
from .i18n import t
from .load import SOURCES, Dataset, read_resource, resolve_urls
from .schema import load_schema
from .text import split_multi

GOALS = "goals"  # the descriptor's name for data/goals.csv; its columns are the descriptor's to say
# Columns of the evidence table behind each figure.
EVIDENCE_COLUMNS = ("date", "actor", "name", "what", "amount_eur", "source")
# Measures counted in the goal's own unit; the others are context, not progress.
COMPARABLE = ("companies_created", "companies_set_up", "funding_rounds", "late_stage_programmes")


@dataclass(frozen=True)
class Goal:
    id: str
    label_en: str
    label_fr: str
    target: int
    unit: str
    since: str
    measure: str
    types: tuple[str, ...]
    scope: str
    stages: tuple[str, ...]
    modalities: tuple[str, ...]
    sources: tuple[str, ...]
    published: str
    last_verified: str
    notes: str

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en


@dataclass(frozen=True)
class GoalProgress:
    """One goal and what the dataset records for it."""

    goal: Goal
    value: float | None  # None: the dataset records nothing comparable
    evidence: pd.DataFrame  # one row per counted record, with its source
    undisclosed: int = 0  # rounds counted but without a stated amount

    @property
    def records(self) -> int:
        return len(self.evidence)

    @property
    def share(self) -> float | None:
        """How far along the target the recorded figure is, capped at 1; None when not comparable."""
        if self.value is None or not self.goal.target or self.goal.measure not in COMPARABLE:
            return None
        return min(1.0, self.value / self.goal.target)


def parse_goals(table: pd.DataFrame) -> tuple[Goal, ...]:
    """Goals from the rows of goals.csv; rows whose target is not a whole number are skipped."""
    goals = []
    for row in table.to_dict("records"):
        try:
            target = int(str(row["target"]).strip())
        except ValueError:
            continue
        goals.append(
            Goal(
                id=row["id"],
                label_en=row["label_en"],
                label_fr=row["label_fr"],
                target=target,
                unit=row["unit"] or "count",
                since=row["since"],
                measure=row["measure"],
                types=tuple(split_multi(row[C.GOAL_TYPES])),
                scope=row["scope"],
                stages=tuple(split_multi(row[C.GOAL_STAGES])),
                modalities=tuple(split_multi(row.get(C.MODALITIES, ""))),
                sources=tuple(split_multi(row[C.SOURCES])),
                published=row["published"],
                last_verified=row[C.LAST_VERIFIED],
                notes=row[C.NOTES],
            )
        )
    return tuple(goals)


def load_goals(data_dir: str | Path) -> tuple[Goal, ...]:
    """The published goals; none when the dataset has no goals.csv."""
    directory = Path(data_dir)
    schema = load_schema(directory)
    goals = read_resource(directory, schema, GOALS)
    sources = read_resource(directory, schema, SOURCES)
    goals[C.SOURCES] = [
        resolve_urls(cell, dict(zip(sources[C.ID], sources[C.URL], strict=True))) for cell in goals[C.SOURCES]
    ]
    return parse_goals(goals)


def is_on_or_after(value: str, since: str) -> bool:
    """A date of any precision ('2023', '2023-06', '2023-06-29') compared with `since` at that precision.

    A bare year equal to the year of `since` counts: the source does not say it was before.
    """
    value = (value or "").strip()
    if not value:
        return False
    return value >= since[: len(value)]


def _companies(actors: pd.DataFrame, goal: Goal) -> pd.DataFrame:
    mask = pd.Series(True, index=actors.index)
    if goal.types:
        mask &= actors[C.TYPE].isin(goal.types)
    if goal.scope:
        mask &= actors[C.SCOPE] == goal.scope
    return actors[mask]


def _evidence(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[*EVIDENCE_COLUMNS, "what_fr"])
    return frame.sort_values(["date", "name"], kind="stable").reset_index(drop=True)


def _first_source(sources: str) -> str:
    items = split_multi(sources)
    return items[0] if items else ""


def find_founded_companies(dataset: Dataset, goal: Goal, *, subsidiaries: bool) -> pd.DataFrame:
    """Companies founded since `goal.since`: start-ups, or subsidiaries (companies setting up here)."""
    companies = _companies(dataset.actors, goal)
    since_year = int(goal.since[:4])
    founded = companies[(companies[C.FOUNDED] >= since_year).fillna(False).astype(bool)]
    has_parent = founded[C.PARENT].astype(str).str.strip() != ""
    founded = founded[has_parent if subsidiaries else ~has_parent]
    founding = dataset.taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, C.ROLE_FOUNDING)
    events = dataset.milestones[dataset.milestones[C.KIND].isin(founding)].drop_duplicates(C.ACTOR_ID)
    event_sources = dict(zip(events[C.ACTOR_ID], events[C.SOURCE_URLS], strict=True))
    rows = [
        {
            "date": str(int(row[C.FOUNDED])),
            "actor": row[C.ID],
            "name": row[C.NAME],
            "what": "",
            "what_fr": "",
            "amount_eur": None,
            "source": _first_source(event_sources.get(row[C.ID]) or row[C.SOURCE_URLS]),
        }
        for row in founded.to_dict("records")
    ]
    return _evidence(rows)


def _milestones(dataset: Dataset, goal: Goal, role: str) -> pd.DataFrame:
    return _events(dataset, goal, dataset.milestones, dataset.taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, role))


def _events(dataset: Dataset, goal: Goal, milestones: pd.DataFrame, kinds) -> pd.DataFrame:
    """Rows of `milestones` (or deals) of the goal's companies, of `kinds`, since the goal's start."""
    companies = _companies(dataset.actors, goal)
    names = dict(zip(companies[C.ID], companies[C.NAME], strict=True))
    chosen = milestones[
        milestones[C.KIND].isin(kinds)
        & milestones[C.ACTOR_ID].isin(names)
        & milestones[C.DATE].map(lambda value: is_on_or_after(value, goal.since)).astype(bool)
    ]
    rows = [
        {
            "date": row[C.DATE],
            "actor": row[C.ACTOR_ID],
            "name": names[row[C.ACTOR_ID]],
            "what": row[C.TITLE_EN],
            "what_fr": row[C.TITLE_FR],
            "amount_eur": row[C.AMOUNT_EUR] if row[C.AMOUNT_EUR] == row[C.AMOUNT_EUR] else None,
            "source": _first_source(row[C.SOURCE_URLS]),
        }
        for row in chosen.to_dict("records")
    ]
    return _evidence(rows)


def find_funding_rounds(dataset: Dataset, goal: Goal) -> pd.DataFrame:
    """Funding rounds (and public money) of the goal's companies since `goal.since`, from deals.csv, with their
    amounts when stated in euros."""
    roles = (C.ROLE_FUNDING, C.ROLE_GRANT)
    kinds = [kind for role in roles for kind in dataset.taxonomy.ids_where(V.DEAL_KINDS, C.ROLE, role)]
    return _events(dataset, goal, dataset.deals, kinds).reset_index(drop=True)


def find_acquisitions(dataset: Dataset, goal: Goal) -> pd.DataFrame:
    """Companies acquired since `goal.since`: one row per company (its earliest acquisition record)."""
    rows = _milestones(dataset, goal, C.ROLE_ACQUISITION)
    return rows.drop_duplicates("actor", keep="first").reset_index(drop=True)


def find_late_stage_programmes(dataset: Dataset, goal: Goal) -> pd.DataFrame:
    """Active programmes of the goal's companies at its stages and of its modalities: one row per programme."""
    companies = _companies(dataset.actors, goal)
    active = set(dataset.taxonomy.ids_where(V.PROGRAMME_STATUSES, C.ROLE, C.ROLE_ACTIVE))
    programmes = dataset.programmes
    chosen = programmes[
        programmes[C.ACTOR_ID].isin(set(companies[C.ID]))
        & programmes[C.STATUS].isin(active)
        & programmes[C.PHASE].isin(goal.stages)
        & (programmes[C.MODALITY].isin(goal.modalities) if goal.modalities else True)
    ]
    names = dict(zip(dataset.actors[C.ID], dataset.actors[C.NAME], strict=True))
    rows = [
        {
            "date": "",
            "actor": row[C.ACTOR_ID],
            "name": names.get(row[C.ACTOR_ID], row[C.ACTOR_ID]),
            "what": f"{row[C.NAME]} · {dataset.taxonomy.label(V.STAGES, row[C.PHASE], 'en')}",
            "what_fr": f"{row[C.NAME]} · {dataset.taxonomy.label(V.STAGES, row[C.PHASE], 'fr')}",
            "amount_eur": None,
            "source": _first_source(row[C.SOURCE_URLS]),
        }
        for row in chosen.to_dict("records")
    ]
    return _evidence(rows)


def measure_goal(dataset: Dataset, goal: Goal) -> GoalProgress:
    """The figure the dataset gives for `goal`, and the rows behind it."""
    if goal.measure == "companies_created":
        evidence = find_founded_companies(dataset, goal, subsidiaries=False)
        return GoalProgress(goal, len(evidence), evidence)
    if goal.measure == "companies_set_up":
        evidence = find_founded_companies(dataset, goal, subsidiaries=True)
        return GoalProgress(goal, len(evidence), evidence)
    if goal.measure == "funding_rounds":
        evidence = find_funding_rounds(dataset, goal)
        amounts = evidence["amount_eur"].dropna()
        return GoalProgress(goal, float(amounts.sum()), evidence, undisclosed=len(evidence) - len(amounts))
    if goal.measure == "late_stage_programmes":
        evidence = find_late_stage_programmes(dataset, goal)
        return GoalProgress(goal, len(evidence), evidence)
    return GoalProgress(goal, None, _evidence([]))


def build_goal_progress(dataset: Dataset, goals: tuple[Goal, ...]) -> list[GoalProgress]:
    """Every goal with what the dataset records for it, in the order of goals.csv."""
    return [measure_goal(dataset, goal) for goal in goals]


def build_acquisitions_since(dataset: Dataset, goals: tuple[Goal, ...]) -> pd.DataFrame:
    """Acquisitions of companies since the selection, counted like the goals' companies (no target)."""
    reference = next((goal for goal in goals if goal.types), None)
    if reference is None:
        return _evidence([])
    return find_acquisitions(dataset, reference)


def format_target(goal: Goal, lang: str) -> str:
    if goal.unit == "eur":
        return format_euros(goal.target, lang)
    return format_count(goal.target, lang)


def format_figure(progress: GoalProgress, lang: str) -> str:
    """The recorded figure on its own, in the goal's unit; a dash when the dataset has nothing comparable."""
    if progress.value is None:
        return "–"
    if progress.goal.measure == "funding_rounds":
        return format_euros(progress.value, lang)
    return format_count(int(progress.value), lang)


def describe_progress(progress: GoalProgress, lang: str) -> str:
    """The honest sentence under a goal: a lower bound, over how many records, since when."""
    goal = progress.goal
    since = format_day(goal.since, lang)
    if progress.value is None:
        return t("goal_not_recorded", lang)
    if goal.measure == "funding_rounds":
        disclosed = progress.records - progress.undisclosed
        if not progress.records:
            return t("goal_rounds_none", lang, since=since)
        text = t(
            "goal_rounds",
            lang,
            amount=format_euros(progress.value, lang),
            count=format_count(disclosed, lang),
            since=since,
        )
        if progress.undisclosed:
            key = "goal_rounds_undisclosed_one" if _one(progress.undisclosed, lang) else "goal_rounds_undisclosed"
            text += " " + t(key, lang, count=format_count(progress.undisclosed, lang))
        return text
    if goal.measure == "late_stage_programmes":
        count = int(progress.value)
        key = "goal_late_stage_one" if _one(count, lang) else "goal_late_stage"
        return t(key, lang, count=format_count(count, lang))
    if not progress.value:
        return t("goal_companies_none", lang, since=since)
    return t("goal_companies", lang, count=format_count(int(progress.value), lang), since=since)


def describe_acquisitions(acquisitions: pd.DataFrame, since: str, lang: str) -> str:
    key = "goal_acquisitions_one" if _one(len(acquisitions), lang) else "goal_acquisitions"
    return t(key, lang, count=format_count(len(acquisitions), lang), since=format_day(since, lang))


def _one(count: int, lang: str) -> bool:
    """Whether `count` takes the singular in `lang` (French: 0 and 1; English: 1)."""
    return plural_category(count, lang) == "one"


def build_evidence_table(progress: GoalProgress, lang: str) -> pd.DataFrame:
    """The rows behind a figure, for display and download: date, actor, what, amount, source."""
    return _evidence_table(progress.evidence, lang)


def _evidence_table(evidence: pd.DataFrame, lang: str) -> pd.DataFrame:
    what = evidence["what_fr"] if lang == "fr" else evidence["what"]
    return pd.DataFrame(
        {
            t("col_date", lang): evidence["date"],
            t("col_name", lang): evidence["name"],
            t("col_event", lang): what,
            t("col_amount", lang): [format_euros(value, lang) for value in evidence["amount_eur"]],
            t("col_source", lang): evidence["source"],
        }
    )


def format_published(value: str, lang: str) -> str:
    """'2024-11' as 'novembre 2024' / 'November 2024'; other precisions as format_day gives them."""
    if len(value or "") == 7:
        try:
            return format_date(date.fromisoformat(value + "-01"), format="MMMM y", locale=LOCALES.get(lang, "fr_FR"))
        except ValueError:
            return value
    return format_day(value, lang)


def build_source_links(urls: tuple[str, ...]) -> str:
    """Markdown links named by their site: '[gomet.net](https://gomet.net/...)'."""
    return ", ".join(f"[{urlparse(url).netloc.removeprefix('www.')}]({url})" for url in urls)


@dataclass(frozen=True)
class GoalCard:
    """What a goal shows on screen, already worded in one language."""

    id: str
    label: str
    target: str
    figure: str  # the recorded figure alone ('2', '€135M'), or '–' when not recorded
    sentence: str
    share: float | None
    source: str  # markdown


def build_goal_cards(progress: list[GoalProgress], lang: str) -> list[GoalCard]:
    """The tracker's cards: label, target, the honest sentence, progress share and the goal's source."""
    return [
        GoalCard(
            id=item.goal.id,
            label=item.goal.label(lang),
            target=t("goal_target", lang, target=format_target(item.goal, lang)),
            figure=format_figure(item, lang),
            sentence=describe_progress(item, lang),
            share=item.share,
            source=t(
                "goal_source",
                lang,
                sources=build_source_links(item.goal.sources),
                published=format_published(item.goal.published, lang),
            ),
        )
        for item in progress
    ]


def build_all_evidence(progress: list[GoalProgress], acquisitions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every record behind the tracker's figures, one table, with the goal it counts towards."""
    parts = []
    for item in progress:
        table = build_evidence_table(item, lang)
        table.insert(0, t("col_goal", lang), item.goal.label(lang))
        parts.append(table)
    extra = _evidence_table(acquisitions, lang)
    extra.insert(0, t("col_goal", lang), t("goal_acquisitions_label", lang))
    parts.append(extra)
    return pd.concat(parts, ignore_index=True)


@dataclass(frozen=True)
class GoalsView:
    """Everything the goals tracker shows, worded in one language."""

    since: str  # ISO date the records are counted from
    cards: tuple[GoalCard, ...]
    acquisitions: str  # the sentence on acquisitions since the selection
    evidence: pd.DataFrame  # every record behind the figures, with its source


def build_goals_view(dataset: Dataset, goals: tuple[Goal, ...], lang: str) -> GoalsView | None:
    """The tracker for the whole dataset; None when there are no goals to track."""
    if not goals:
        return None
    progress = build_goal_progress(dataset, goals)
    acquisitions = build_acquisitions_since(dataset, goals)
    return GoalsView(
        since=goals[0].since,
        cards=tuple(build_goal_cards(progress, lang)),
        acquisitions=describe_acquisitions(acquisitions, goals[0].since, lang),
        evidence=build_all_evidence(progress, acquisitions, lang),
    )
