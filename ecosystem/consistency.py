"""Rules that tie rows and files together: what a type requires, statuses and acquisitions agreeing,
no two actors alike, a scope that matches the actor's commune, an event recorded once, a relation dated
as its milestone."""

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .problems import ACTORS_FILE, MILESTONES_FILE, RELATIONS_FILE, Problem, _line, list_records
from .taxonomy import Taxonomy
from .text import fold, split_multi


def check_consistency(actors: pd.DataFrame, relations: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """Rules that tie columns and files together, by the roles the taxonomy gives its items."""
    problems = []
    acquirer_kinds = taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_ACQUIRER)
    acquired = set(relations[relations[C.KIND].isin(acquirer_kinds)][C.SOURCE_ID])
    acquired_statuses = set(taxonomy.ids_where(V.STATUSES, C.ROLE, C.ROLE_ACQUIRED))
    final_statuses = acquired_statuses | set(taxonomy.ids_where(V.STATUSES, C.ROLE, C.ROLE_ENDED))
    for index, row in enumerate(list_records(actors)):
        line, status = _line(index), row[C.STATUS]
        required = taxonomy.row(V.TYPES, row[C.TYPE]).get(C.REQUIRES, "")
        if required and not row.get(required):
            problems.append(Problem(ACTORS_FILE, line, required, "", f"a {row[C.TYPE]} requires {required}"))
        if status in acquired_statuses and row[C.ID] not in acquired:
            problems.append(Problem(ACTORS_FILE, line, C.STATUS, status, "no acquired_by relation in relations.csv"))
        if row[C.ID] in acquired and status not in final_statuses:
            problems.append(Problem(ACTORS_FILE, line, C.STATUS, status, "relations.csv says it was acquired"))
        if status in final_statuses and not row[C.STATUS_YEAR]:
            problems.append(Problem(ACTORS_FILE, line, C.STATUS_YEAR, "", f"status {status} needs its year"))
    problems += check_scopes(actors, taxonomy)
    problems += _duplicates(actors, C.NAME, fold)
    problems += _duplicates(actors, C.WEBSITE, _site_key)
    self_links = relations[(relations[C.SOURCE_ID] != "") & (relations[C.SOURCE_ID] == relations[C.TARGET_ID])]
    problems += [
        Problem(RELATIONS_FILE, _line(index), C.TARGET_ID, target, "an actor related to itself")
        for index, target in self_links[C.TARGET_ID].items()
    ]
    return problems


def check_scopes(actors: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """A scope that lists its communes (taxonomy/scopes.csv) is where those communes are, and nowhere else:
    the metropolis is not the whole département, so a city name alone cannot say it."""
    territories = {
        scope: {_commune_key(name) for name in split_multi(taxonomy.row(V.SCOPES, scope).get(C.COMMUNES, ""))}
        for scope in taxonomy.ids(V.SCOPES)
    }
    territories = {scope: communes for scope, communes in territories.items() if communes}
    problems = []
    for index, row in enumerate(list_records(actors)):
        city, scope = row[C.CITY], row[C.SCOPE]
        if not city or not scope:
            continue  # the descriptor reports the empty cell
        key = _commune_key(city)
        if scope in territories and key not in territories[scope]:
            message = f"{city} is not one of the communes of scope {scope} (taxonomy/scopes.csv)"
            problems.append(Problem(ACTORS_FILE, _line(index), C.SCOPE, scope, message))
        for other, communes in territories.items():
            if other != scope and key in communes:
                message = f"{city} is a commune of scope {other} (taxonomy/scopes.csv): the scope must be {other}"
                problems.append(Problem(ACTORS_FILE, _line(index), C.SCOPE, scope, message))
    return problems


def _commune_key(name: str) -> str:
    """One spelling for a commune: accents, case and the typographic apostrophe aside."""
    return " ".join(fold(name).replace("\u2019", "'").split())


def _site_key(url: str) -> str:
    key = url.strip().lower().split("://", 1)[-1].removeprefix("www.")
    return key.rstrip("/")


def _duplicates(actors: pd.DataFrame, column: str, key) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, value in actors[column].items():
        if not value:
            continue
        normal = key(value)
        if normal in seen:
            problems.append(Problem(ACTORS_FILE, _line(index), column, value, f"same as line {seen[normal]}"))
        else:
            seen[normal] = _line(index)
    return problems


def check_events(milestones: pd.DataFrame, relations: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """An event recorded twice for one actor; a relation and a milestone that date one event differently."""
    problems = []
    acquisitions = set(taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, C.ROLE_ACQUISITION))
    seen: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for index, row in enumerate(list_records(milestones)):
        line = _line(index)
        for other_line, other in seen.get((row[C.ACTOR_ID], row[C.KIND]), []):
            same_amount = row[C.AMOUNT_EUR] not in ("", None) and row[C.AMOUNT_EUR] == other[C.AMOUNT_EUR]
            same_title = fold(row[C.TITLE_EN]) == fold(other[C.TITLE_EN])
            once_a_year = row[C.KIND] in acquisitions  # an announcement and its closing are one acquisition
            if str(row[C.DATE])[:4] == str(other[C.DATE])[:4] and (same_amount or same_title or once_a_year):
                problems.append(
                    Problem(MILESTONES_FILE, line, C.DATE, row[C.DATE], f"the same event as line {other_line}")
                )
        seen.setdefault((row[C.ACTOR_ID], row[C.KIND]), []).append((line, row))
    years: dict[str, set[str]] = {}
    for actor, kind, when in zip(milestones[C.ACTOR_ID], milestones[C.KIND], milestones[C.DATE], strict=True):
        if kind in acquisitions:
            years.setdefault(actor, set()).add(str(when)[:4])
    acquirer_kinds = set(taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_ACQUIRER))
    for index, row in enumerate(list_records(relations)):
        year = str(row[C.YEAR] or "").split(".")[0]
        known = years.get(row[C.SOURCE_ID])
        if row[C.KIND] in acquirer_kinds and year and known and year not in known:
            dated = ", ".join(sorted(known))
            problems.append(
                Problem(RELATIONS_FILE, _line(index), C.YEAR, year, f"milestones.csv dates this acquisition {dated}")
            )
    return problems
