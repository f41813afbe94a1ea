"""The real dataset meets its own standard: valid, sourced, located, documented."""

import pytest

from ecosystem import columns as C
from ecosystem.about import SECTIONS, read_sections
from ecosystem.report import README_END, README_START, build_readme_report
from ecosystem.validate import validate
from tests.conftest import DATA


def test_dataset_is_valid():
    problems = validate(DATA)
    assert problems == [], "\n".join(map(str, problems))


def test_size_and_every_type(real):
    assert len(real.actors) >= 150
    counts = real.actors[C.TYPE].value_counts()
    for item in real.taxonomy.ids("types"):
        assert counts.get(item, 0) >= 5, item


@pytest.mark.parametrize("column", [C.SOURCES, C.LAST_VERIFIED, C.DESCRIPTION_EN, C.DESCRIPTION_FR, C.CITY])
def test_every_actor_has(real, column):
    missing = real.actors[real.actors[column].astype(str).str.strip() == ""][C.ID].tolist()
    assert missing == []


def test_every_actor_is_on_the_map(real):
    missing = real.actors[real.actors[C.LAT].isna() | real.actors[C.LON].isna()][C.ID].tolist()
    assert missing == []


# Positions are sourced one by one (no geocoder is used). This ceiling only ever goes
# down as campus, hospital and building coordinates are found; the goal is 10%.
MAX_LOCAL_CITY_ONLY = 19


def test_local_actors_at_city_precision_do_not_grow(real):
    local = real.actors[real.actors[C.SCOPE] == "marseille_area"]
    city_only = local[local[C.PRECISION] == "city"]
    assert len(city_only) <= MAX_LOCAL_CITY_ONLY, city_only[C.ID].tolist()


def test_readme_report_is_current():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    block = readme.split(README_START, 1)[1].split(README_END, 1)[0].strip()
    assert block == build_readme_report(DATA), "run: python -m ecosystem report --write-readme"


@pytest.mark.parametrize("heading", [h for headings in SECTIONS.values() for h in headings.values()] + ["Licence"])
def test_readme_sections(heading):
    assert read_sections(DATA / "README.md").get(heading)


def test_district_points_match_postcodes():
    """An actor at district precision sits on a district place whose postcode is its own."""
    import pandas as pd

    actors = pd.read_csv(DATA / "actors.csv", dtype=str, keep_default_na=False)
    places = pd.read_csv(DATA / "places.csv", dtype=str, keep_default_na=False).set_index("id")
    wrong = []
    for _, row in actors[actors["location_precision"] == "district"].iterrows():
        place = places.loc[row["site"]] if row["site"] in places.index else None
        if place is None or place["kind"] != "district" or place["postcode"] != row["postcode"]:
            wrong.append(row["id"])
    assert wrong == []


def test_every_place_has_a_source():
    import pandas as pd

    places = pd.read_csv(DATA / "places.csv", dtype=str, keep_default_na=False)
    assert places[places["sources"].str.strip() == ""]["id"].tolist() == []


def test_the_home_scope_lists_the_92_communes_of_the_metropolis(real):
    home = real.home_scope
    communes = real.taxonomy.row("scopes", home)[C.COMMUNES].split(";")
    assert len(communes) == len(set(communes)) == 92
    # 90 in the Bouches-du-Rhône, and these two outside it; the Arles side of the département is not in it
    assert {"Pertuis", "Saint-Zacharie", "Marseille", "Port-Saint-Louis-du-Rhône"} <= set(communes)
    assert not {"Arles", "Tarascon", "Saint-Rémy-de-Provence"} & set(communes)
