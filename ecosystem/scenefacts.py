"""What the presentation's figures and laureates scenes say: the goals chosen for the room, counted honestly,
and one card per France 2030 laureate, every word in the scene's language.
"""

import re
from dataclasses import dataclass

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .formatting import format_euros
from .goals import Goal
from .i18n import t
from .load import Dataset
from .taxonomy import Taxonomy


def parse_goal_ids(raw: str | None, goals: tuple[Goal, ...]) -> tuple[tuple[str, ...] | None, list[str]]:
    """The goal ids asked for by `goals=a,b` (None: the default), and the ids that name no goal."""
    if raw is None or not raw.strip():
        return None, []
    known = {goal.id for goal in goals}
    asked = [item.strip() for item in raw.split(",") if item.strip()]
    return tuple(item for item in asked if item in known), [item for item in asked if item not in known]


def choose_goals(goals: tuple[Goal, ...], asked: tuple[str, ...] | None) -> tuple[Goal, ...]:
    """The goals to show: those asked for, in that order; by default those the dataset measures."""
    if asked is None:
        return tuple(goal for goal in goals if goal.measure)
    by_id = {goal.id: goal for goal in goals}
    return tuple(by_id[item] for item in asked if item in by_id)


@dataclass(frozen=True)
class LaureateCard:
    name: str
    kind: str
    programme: str
    amount: str  # in words when not stated
    stated: bool
    lead: str  # who leads or founded it; empty when the dataset does not say


ORDINAL_CALL = re.compile(r"(\d+)(?:st|nd|rd|th) call", re.IGNORECASE)
AMOUNT_M_EUR = re.compile(r"(\d+(?:\.\d+)?)\s*M\s*EUR", re.IGNORECASE)


def describe_programme(text: str, lang: str) -> str:
    """The programme's own name, and its call in the scene's language: never a curator's note in English."""
    head = re.split(r" \(|, |; ", str(text or ""), maxsplit=1)[0].strip()
    call = ORDINAL_CALL.search(str(text or ""))
    if call:
        return t("present_programme_call", lang, programme=head, number=_ordinal(int(call.group(1)), lang))
    return head


def _ordinal(number: int, lang: str) -> str:
    if lang == "fr":
        return "1er" if number == 1 else f"{number}e"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def find_award_amount(actor_id: str, programme: str, milestones: pd.DataFrame, taxonomy: Taxonomy) -> float | None:
    """The laureate's award: its first award milestone with an amount, else an amount stated with the programme."""
    awards = taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, C.ROLE_AWARD)
    rows = milestones[(milestones[C.ACTOR_ID] == actor_id) & milestones[C.KIND].isin(awards)]
    amounts = pd.to_numeric(rows[C.AMOUNT_EUR], errors="coerce").dropna()
    if len(amounts):
        return float(amounts.iloc[0])
    stated = AMOUNT_M_EUR.search(str(programme or ""))
    return float(stated.group(1)) * 1_000_000 if stated else None


def find_leads(actor_id: str, dataset: Dataset, lang: str) -> str:
    """Who operates the laureate, else who founded it (by the relations), as a sentence; empty when neither."""
    relations = dataset.relations
    names = dict(
        zip(
            dataset.actors[C.ID],
            dataset.actors[C.ACRONYM].where(dataset.actors[C.ACRONYM] != "", dataset.actors[C.NAME]),
            strict=True,
        )
    )
    for kind, key in (("operates", "present_led_by"), ("founding_member_of", "present_founded_by")):
        sources = relations[(relations["target_id"] == actor_id) & (relations[C.KIND] == kind)]["source_id"]
        if len(sources):
            everyone = [names.get(item, item) for item in sources.drop_duplicates()]
            listed = everyone if len(everyone) <= 4 else everyone[:3]  # "and 1 more" would say less than the name
            more = len(everyone) - len(listed)
            text = ", ".join(listed) + (t("present_and_more", lang, count=more) if more > 0 else "")
            return t(key, lang, names=text)
    return ""


def build_laureate_cards(laureates: pd.DataFrame, dataset: Dataset, lang: str) -> list[LaureateCard]:
    """One card per laureate: name in full, type, programme, award and lead, in the scene's language."""
    cards = []
    for row in laureates.to_dict("records"):
        amount = find_award_amount(row[C.ID], row[C.FRANCE2030], dataset.milestones, dataset.taxonomy)
        cards.append(
            LaureateCard(
                name=row[C.NAME],
                kind=dataset.taxonomy.label(V.TYPES, row[C.TYPE], lang),
                programme=describe_programme(row[C.FRANCE2030], lang),
                amount=format_euros(amount, lang) if amount else t("present_amount_unstated", lang),
                stated=bool(amount),
                lead=find_leads(row[C.ID], dataset, lang),
            )
        )
    return cards
