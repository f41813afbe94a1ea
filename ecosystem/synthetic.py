"""Synthetic datasets in the real schema, for the benchmark: actors spread around the real places.

Names are made of syllables, areas, modalities and texts are drawn from the real
data, so filters, the map and the exports see data shaped like the real one.
"""

import csv
import random
import shutil
from pathlib import Path

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .config import ROOT
from .schema import load_schema
from .taxonomy import load_taxonomy
from .text import fold, split_multi
from .validate import distance_km

_WORDS_A = ["Immu", "Cyto", "Lympho", "Onco", "Medi", "Theri", "Viro", "Genta", "Prote", "Anti", "Neo", "Cell"]
_WORDS_B = ["nova", "gen", "tech", "vance", "cure", "lys", "thera", "core", "pharm", "logix", "bio", "vita"]
_WORDS_C = ["Therapeutics", "Biotech", "SAS", "Lab", "Diagnostics", "Institute", "Platform", "Partners", "Pharma"]


def _jitter_inside(lat: float, lon: float, centre: tuple[float, float, float] | None, rng: random.Random):
    """A point up to about 2 km from (lat, lon), kept inside the city's radius."""
    for _ in range(5):
        new_lat = lat + rng.uniform(-0.018, 0.018)
        new_lon = lon + rng.uniform(-0.025, 0.025)
        if centre is None or distance_km(new_lat, new_lon, centre[0], centre[1]) < centre[2] * 0.9:
            return round(new_lat, 6), round(new_lon, 6)
    return lat, lon


def write_rows(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def generate_dataset(size: int, target: Path, source: Path = ROOT / "data", seed: int = 7) -> Path:
    """A dataset of `size` actors in the real schema, modelled on the real rows."""
    rng = random.Random(seed + size)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "datapackage.json", target)
    shutil.copytree(source / "taxonomy", target / "taxonomy", dirs_exist_ok=True)
    for path in source.glob("*.csv"):  # places, goals and any other file the descriptor names
        shutil.copy(path, target)
    read = lambda name: pd.read_csv(source / name, dtype=str, keep_default_na=False)  # noqa: E731
    real, places, relations, milestones = (
        read(n) for n in ("actors.csv", "places.csv", "relations.csv", "milestones.csv")
    )
    schema = load_schema(source)
    taxonomy = load_taxonomy(source, {name: schema.paths[name] for name in schema.vocabularies})
    city_kinds = taxonomy.ids_where(V.PLACE_KINDS, C.ROLE, C.ROLE_CITY)
    acquired = taxonomy.ids_where(V.STATUSES, C.ROLE, C.ROLE_ACQUIRED)
    acquirer_kinds = taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_ACQUIRER)
    own_point = next(p for p in taxonomy.ids(V.PRECISIONS) if not taxonomy.row(V.PRECISIONS, p).get(C.PLACE_KINDS))
    place_rows = places.to_dict("records")
    coords = {row["id"]: (float(row["lat"]), float(row["lon"])) for row in place_rows}
    cities = {
        fold(row["city"]): (float(row["lat"]), float(row["lon"]), float(row["radius_km"] or 10))
        for row in place_rows
        if row["kind"] in city_kinds
    }
    templates = real.to_dict("records")
    rows, ids = [], []
    for number in range(size):
        row = dict(rng.choice(templates))
        name = f"{rng.choice(_WORDS_A)}{rng.choice(_WORDS_B)} {rng.choice(_WORDS_C)} {number:05d}"
        row[C.ID] = f"synth-{number:05d}"
        row[C.NAME] = name
        row[C.ACRONYM] = ""
        for column in (C.WEBSITE, "siren", "ror", "rnsr", "finess", C.NOTES):  # unique per actor: left empty
            row[column] = ""
        if row[C.STATUS] in acquired:  # an acquisition needs its relation: leave the status unknown
            row[C.STATUS], row[C.STATUS_YEAR] = "", ""
        position = coords.get(row[C.SITE])
        if position is not None:
            row[C.LAT], row[C.LON] = _jitter_inside(*position, cities.get(fold(row[C.CITY])), rng)
            row[C.PRECISION], row[C.SITE] = own_point, ""
        rows.append(row)
        ids.append(row[C.ID])
    write_rows(target / "actors.csv", list(real.columns), rows)

    kinds = [kind for kind in relations[C.KIND] if kind not in acquirer_kinds]
    link_rows = relations[~relations[C.KIND].isin(acquirer_kinds)].to_dict("records")
    links, seen = [], set()
    for _ in range(int(size * len(relations) / max(len(real), 1))):
        source_id, target_id = rng.sample(ids, 2) if size > 1 else (ids[0], ids[0])
        kind = rng.choice(kinds)
        if source_id == target_id or (source_id, target_id, kind) in seen:
            continue
        seen.add((source_id, target_id, kind))
        links.append({**rng.choice(link_rows), C.SOURCE_ID: source_id, C.TARGET_ID: target_id, C.KIND: kind})
    write_rows(target / "relations.csv", list(relations.columns), links)

    events = milestones.to_dict("records")
    dated, taken = [], set()
    for _ in range(int(size * len(milestones) / max(len(real), 1))):
        event = {**rng.choice(events), C.ACTOR_ID: rng.choice(ids)}
        key = (event[C.ACTOR_ID], event[C.KIND], str(event[C.DATE])[:4])
        if key not in taken:  # one event of a kind a year per actor: the check would call a second a repeat
            taken.add(key)
            dated.append(event)
    write_rows(target / "milestones.csv", list(milestones.columns), dated)
    for name in ("programmes.csv", "deals.csv", "fact_sources.csv"):  # they name real actors, absent here
        if (source / name).exists():
            write_rows(target / name, list(read(name).columns), [])
    if (source / "sources.csv").exists():  # only the sources the synthetic rows still cite
        cited = {
            item
            for frame in (pd.DataFrame(rows), pd.DataFrame(links), pd.DataFrame(dated), places, read("goals.csv"))
            if C.SOURCES in frame
            for cell in frame[C.SOURCES]
            for item in split_multi(cell)
        }
        cited |= {item for cell in read("taxonomy/scopes.csv")[C.COMMUNES_SOURCES] for item in split_multi(cell)}
        sources = read("sources.csv")
        write_rows(target / "sources.csv", list(sources.columns), sources[sources[C.ID].isin(cited)].to_dict("records"))
    return target
