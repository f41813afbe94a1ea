"""Tables and facts as the pages show them: labels in the reader's language, links built."""

import io
from dataclasses import dataclass

import pandas as pd

from . import columns as C
from .formatting import format_euros
from .load import Dataset
from .taxonomy import Taxonomy

# Registry -> URL of the public record for an identifier.
REGISTRY_URLS = {
    C.SIREN: ("SIREN", "https://annuaire-entreprises.data.gouv.fr/entreprise/{}"),
    C.RNSR: ("RNSR", "https://appliweb.dgri.education.fr/rnsr/PresenteStruct.jsp?numNatStruct={}"),
    C.ROR: ("ROR", "{}"),
    C.FINESS: ("FINESS", "https://annuaire.sante.fr/web/site-pro/recherche/resultats?finess={}"),
}

DIRECTORY_COLUMNS = (C.NAME, C.TYPE, C.AREAS, C.MODALITIES, C.CITY, C.FOUNDED, C.STATUS, C.STAGE)
EXPORT_COLUMNS = (*(c for c in C.ACTOR_COLUMNS), C.MIB_MEMBER, C.ACQUIRED_BY, C.PARENT)


def build_directory_table(actors: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> pd.DataFrame:
    """One row per actor, taxonomy ids shown as labels; indexed by actor id."""
    table = pd.DataFrame(index=actors[C.ID].to_list())
    table[C.NAME] = actors[C.NAME].to_list()
    table[C.TYPE] = [taxonomy.label("types", v, lang) for v in actors[C.TYPE]]
    table[C.AREAS] = [taxonomy.labels("areas", v, lang) for v in actors[C.AREAS]]
    table[C.MODALITIES] = [taxonomy.labels("modalities", v, lang) for v in actors[C.MODALITIES]]
    table[C.CITY] = actors[C.CITY].to_list()
    table[C.FOUNDED] = actors[C.FOUNDED].to_list()
    table[C.STATUS] = [taxonomy.label("statuses", v, lang) if v else "" for v in actors[C.STATUS]]
    table[C.STAGE] = [taxonomy.label("stages", v, lang) if v else "" for v in actors[C.STAGE]]
    table[C.FOUNDED] = table[C.FOUNDED].astype("Int64")
    return table


def build_export_csv(actors: pd.DataFrame) -> bytes:
    """Exactly the listed actors, with stable ids, as UTF-8 CSV that spreadsheets open."""
    export = actors[list(EXPORT_COLUMNS)].copy()
    for column in C.MULTI_VALUED:
        export[column] = export[column].map(";".join)
    return export.to_csv(index=False).encode("utf-8-sig")


EXPORT_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


def build_export_xlsx(actors: pd.DataFrame, dictionary: pd.DataFrame, citation: str) -> bytes:
    """The listed actors in a workbook, with the column dictionary, licence and citation beside them."""
    about = {"citation": citation, "licence": EXPORT_LICENCE, "rows": str(len(actors))}
    export = pd.read_csv(io.BytesIO(build_export_csv(actors)), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        export.to_excel(writer, sheet_name="actors", index=False)
        dictionary.to_excel(writer, sheet_name="dictionary", index=False)
        pd.DataFrame(list(about.items()), columns=["field", "value"]).to_excel(writer, sheet_name="about", index=False)
    return buffer.getvalue()


def build_citation(*, title: str, version: str, data_as_of: str, url: str) -> str:
    """How to cite the exact view: dataset, version, date and link."""
    return f"{title}, version {version} (data as of {data_as_of}), {url}"


def build_registry_links(actor: pd.Series) -> list[tuple[str, str, str]]:
    """(registry, identifier, URL) for each identifier the actor has."""
    links = []
    for column, (label, pattern) in REGISTRY_URLS.items():
        value = str(actor.get(column) or "").strip()
        if value:
            links.append((label, value, pattern.format(value)))
    return links


@dataclass(frozen=True)
class Link:
    """A relation seen from one actor: 'Acquired by Veracyte (2021)'."""

    label: str
    other_id: str
    other_name: str
    year: int | None
    sources: tuple[str, ...]


def build_relations(dataset: Dataset, actor_id: str, lang: str) -> list[Link]:
    """Relations in both directions, each labelled from this actor's side."""
    names = dict(zip(dataset.actors[C.ID], dataset.actors[C.NAME], strict=True))
    links = []
    for row in dataset.relations.itertuples(index=False):
        row = row._asdict()
        kind = dataset.taxonomy.row("relation_kinds", row[C.KIND])
        if row[C.SOURCE_ID] == actor_id:
            other, label = row[C.TARGET_ID], kind.get(f"label_{lang}", row[C.KIND])
        elif row[C.TARGET_ID] == actor_id:
            other, label = row[C.SOURCE_ID], kind.get(f"inverse_{lang}", row[C.KIND])
        else:
            continue
        year = row[C.YEAR]
        links.append(
            Link(
                label=label,
                other_id=other,
                other_name=names.get(other, other),
                year=None if pd.isna(year) else int(year),
                sources=tuple(s for s in row[C.SOURCES].split(";") if s),
            )
        )
    return sorted(links, key=lambda link: (link.label, link.other_name))


def build_milestones(dataset: Dataset, actor_id: str, lang: str) -> pd.DataFrame:
    """The actor's dated events, oldest first, in the reader's language."""
    rows = dataset.milestones[dataset.milestones[C.ACTOR_ID] == actor_id]
    return pd.DataFrame(
        {
            "date": rows[C.DATE].to_list(),
            "kind": [dataset.taxonomy.label("milestone_kinds", k, lang) for k in rows[C.KIND]],
            "title": rows[f"title_{lang}"].to_list(),
            "amount": [format_euros(a, lang) for a in rows[C.AMOUNT_EUR]],
            "sources": [s.split(";")[0] for s in rows[C.SOURCES]],
        }
    )


def find_actor(actors: pd.DataFrame, actor_id: str | None) -> pd.Series | None:
    if not actor_id:
        return None
    rows = actors[actors[C.ID] == actor_id]
    return rows.iloc[0] if len(rows) else None


def describe_position(actor: pd.Series, places: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> str:
    """What the map position stands for: 'On its campus or hospital site: Hôpital de la Timone'."""
    precision = taxonomy.label("precisions", actor[C.PRECISION], lang)
    place = places[places[C.ID] == actor[C.SITE]]
    colon = " : " if lang == "fr" else ": "  # French puts a space before the colon
    return f"{precision}{colon}{place.iloc[0][C.NAME]}" if len(place) else precision
