"""The validator: the fixture is valid, and each rule catches one deliberately bad row."""

import csv
import shutil
import subprocess
import sys
from datetime import date

import pytest

from ecosystem.validate import validate
from tests.conftest import MINI, ROOT

TODAY = date(2026, 12, 5)


def _edit(directory, file, row_id, column, value):
    path = directory / file
    with path.open(newline="", encoding="utf-8") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    _edit_line(path, ids.index(row_id) + 2, column, value)


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def test_fixture_is_valid():
    assert validate(MINI, today=TODAY) == []


# (file, row id (or the line's owner, for relations and milestones), column, bad value, expected line, expected column, words in the message)
CASES = [
    ("actors.csv", "beta-bio", "type", "biotechnology", 3, "type", "not found"),
    (
        "actors.csv",
        "beta-bio",
        "therapeutic_areas",
        "oncology;cardiology",
        3,
        "therapeutic_areas",
        "not in taxonomy/areas.csv",
    ),
    ("actors.csv", "beta-bio", "modalities", "monoclonal_antibody;monoclonal_antibody", 3, "modalities", "repeated"),
    ("actors.csv", "beta-bio", "modalities", "Monoclonal antibody", 3, "modalities", "does not match the pattern"),
    ("actors.csv", "beta-bio", "id", "Beta Bio", 3, "id", "does not match the pattern"),
    ("actors.csv", "beta-bio", "id", "alpha-lab", 3, "id", "already used on line 2"),
    ("actors.csv", "beta-bio", "name", "", 3, "name", "required cell is empty"),
    ("actors.csv", "beta-bio", "description_fr", "", 3, "description_fr", "required cell is empty"),
    ("actors.csv", "beta-bio", "founded", "199x", 3, "founded", "not a valid integer"),
    ("actors.csv", "beta-bio", "status", "bankrupt", 3, "status", "not found"),
    ("actors.csv", "beta-bio", "scope", "moon", 3, "scope", "not found"),
    ("actors.csv", "beta-bio", "website", "beta.example.org", 3, "website", "does not match the pattern"),
    ("actors.csv", "beta-bio", "website", "https://alpha.example.org/", 3, "website", "same as line 2"),
    ("actors.csv", "beta-bio", "name", "ALPHA immunology lab", 3, "name", "same as line 2"),
    ("actors.csv", "beta-bio", "siren", "12345", 3, "siren", "does not match the pattern"),
    ("actors.csv", "beta-bio", "rnsr", "2000000", 3, "rnsr", "does not match the pattern"),
    ("actors.csv", "beta-bio", "sources", "", 3, "sources", "required cell is empty"),
    ("actors.csv", "beta-bio", "sources", "https://example.org/beta", 3, "sources", "a URL, not a source id"),
    ("actors.csv", "beta-bio", "sources", "s2;s99", 3, "sources", "'s99' not found in sources.csv"),
    ("sources.csv", "s2", "id", "s-unused", 3, "id", "cited by no row"),
    ("sources.csv", "s2", "url", "example.org/beta", 3, "url", "does not match the pattern"),
    ("sources.csv", "s2", "url", "https://example.org/alpha", 3, "url", "already used on line 2"),
    ("sources.csv", "s2", "kind", "rumour", 3, "kind", "not found"),
    ("sources.csv", "s2", "kind", "", 3, "kind", "required cell is empty"),
    ("sources.csv", "s2", "published", "15/10/2026", 3, "published", "does not match the pattern"),
    ("sources.csv", "s2", "published", "2026-13", 3, "published", "not a valid date"),
    ("sources.csv", "s2", "published", "2031", 3, "published", "future"),
    ("sources.csv", "s2", "read", "", 3, "read", "required cell is empty"),
    ("sources.csv", "s2", "language", "French", 3, "language", "does not match the pattern"),
    ("sources.csv", "s2", "kind", "mirror", 3, "notes", "a copy kept needs notes"),
    ("fact_sources.csv", "beta-bio", "sources", "s1", 2, "sources", "not among the sources of beta-bio"),
    ("fact_sources.csv", "beta-bio", "field", "finess", 2, "field", "beta-bio has no value for finess"),
    ("fact_sources.csv", "beta-bio", "field", "colour", 2, "field", "not one of"),
    ("fact_sources.csv", "beta-bio", "actor_id", "omega-bio", 2, "actor_id", "not found"),
    ("actors.csv", "beta-bio", "last_verified", "27/11/2026", 3, "last_verified", "not a valid date"),
    ("actors.csv", "beta-bio", "last_verified", "2027-01-01", 3, "last_verified", "future"),
    ("actors.csv", "beta-bio", "site", "west-campus", 3, "site", "not found"),
    ("actors.csv", "beta-bio", "site", "", 3, "site", "site precision needs a site"),
    ("actors.csv", "beta-bio", "location_precision", "street", 3, "location_precision", "not found"),
    ("actors.csv", "beta-bio", "lat", "43.5", 3, "lat", "disagree with place south-campus"),
    ("actors.csv", "beta-bio", "city", "Lyon", 3, "city", "no place of kind city"),
    ("actors.csv", "delta-pharma", "site", "south-campus", 5, "site", "city precision needs a place of kind city"),
    ("actors.csv", "delta-pharma", "city", "Marseille", 5, "lat", "outside its 16 km radius"),
    ("actors.csv", "epsilon-hospital", "lat", "", 6, "lat", "address precision needs lat and lon"),
    ("actors.csv", "epsilon-hospital", "lat", "95", 6, "lat", "above the maximum 90"),
    ("actors.csv", "zeta-cluster", "france2030", "", 7, "france2030", "requires france2030"),
    ("actors.csv", "gamma-dx", "status", "active", 4, "status", "says it was acquired"),
    ("actors.csv", "gamma-dx", "status_year", "", 4, "status_year", "needs its year"),
    ("actors.csv", "beta-bio", "status", "acquired", 3, "status", "no acquired_by relation"),
    ("actors.csv", "beta-bio", "scope", "elsewhere", 3, "scope", "Marseille is a commune of scope marseille_area"),
    ("actors.csv", "delta-pharma", "scope", "marseille_area", 5, "scope", "Paris is not one of the communes"),
    ("actors.csv", "delta-pharma", "city", "Marseille", 5, "scope", "the scope must be marseille_area"),
    ("places.csv", "marseille", "radius_km", "", 2, "radius_km", "a city needs radius_km"),
    ("places.csv", "north-campus", "lat", "44.5", 4, "lat", "outside its 16 km radius"),
    ("places.csv", "north-campus", "kind", "village", 4, "kind", "not found"),
    ("places.csv", "north-campus", "lon", "", 4, "lon", "required cell is empty"),
    ("relations.csv", "gamma-dx", "target_id", "omega-corp", 3, "target_id", "not found"),
    ("relations.csv", "gamma-dx", "kind", "bought_by", 3, "kind", "not found"),
    ("relations.csv", "gamma-dx", "target_id", "gamma-dx", 3, "target_id", "related to itself"),
    ("milestones.csv", "beta-bio", "date", "2021-13", 2, "date", "not a valid date"),
    ("milestones.csv", "beta-bio", "date", "2031", 2, "date", "future"),
    ("milestones.csv", "beta-bio", "amount_eur", "-5", 2, "amount_eur", "below the minimum 0"),
    ("milestones.csv", "beta-bio", "kind", "party", 2, "kind", "not found"),
    ("milestones.csv", "beta-bio", "kind", "funding_round", 2, "kind", "belongs in deals.csv"),
    ("relations.csv", "gamma-dx", "year", "2019", 3, "year", "deals.csv dates this acquisition 2021"),
    ("programmes.csv", "beta-bio-bt101", "trial_ids", "NCT0123456", 2, "trial_ids", "not a trial id"),
    ("programmes.csv", "beta-bio-bt101", "trial_ids", "NCT01234567;2019-1234-56", 2, "trial_ids", "not a trial id"),
    ("programmes.csv", "beta-bio-bt202", "trial_ids", "EU-2023-501234", 3, "trial_ids", "not a trial id"),
    ("programmes.csv", "beta-bio-bt101", "actor_id", "omega-bio", 2, "actor_id", "not found"),
    ("programmes.csv", "beta-bio-bt101", "partner_id", "omega-pharma", 2, "partner_id", "not found"),
    ("programmes.csv", "beta-bio-bt101", "phase", "phase_4", 2, "phase", "not found"),
    ("programmes.csv", "beta-bio-bt101", "modality", "antibody", 2, "modality", "not found"),
    ("programmes.csv", "beta-bio-bt101", "status", "paused", 2, "status", "not found"),
    ("programmes.csv", "beta-bio-bt101", "therapeutic_areas", "oncology;cardiology", 2, "therapeutic_areas", "not in"),
    ("deals.csv", "beta-bio-2020-series_b", "amount", "48M", 2, "amount", "not a valid number"),
    ("deals.csv", "beta-bio-2020-series_b", "currency", "", 2, "currency", "an amount needs its currency"),
    ("deals.csv", "beta-bio-2020-series_b", "currency", "euro", 2, "currency", "does not match the pattern"),
    ("deals.csv", "gamma-dx-2021-acquisition", "currency", "EUR", 3, "currency", "a currency without an amount"),
    ("deals.csv", "beta-bio-2020-series_b", "amount_eur", "45000000", 2, "amount_eur", "differs from the amount"),
    ("deals.csv", "beta-bio-2022-licence", "amount_eur", "14000000", 4, "amount_eur", "say in notes"),
    ("deals.csv", "gamma-dx-2021-acquisition", "amount_eur", "1000", 3, "amount_eur", "without the stated amount"),
    ("deals.csv", "beta-bio-2020-series_b", "date", "15/06/2020", 2, "date", "does not match the pattern"),
    ("deals.csv", "beta-bio-2020-series_b", "date", "2020-13", 2, "date", "not a valid date"),
    ("deals.csv", "beta-bio-2020-series_b", "date", "2031", 2, "date", "future"),
    ("deals.csv", "beta-bio-2020-series_b", "kind", "series_z", 2, "kind", "not found"),
    ("deals.csv", "beta-bio-2020-series_b", "lead_ids", "omega-fund", 2, "lead_ids", "'omega-fund' not found"),
    ("deals.csv", "beta-bio-2020-series_b", "investor_ids", "omega-fund", 2, "investor_ids", "not found"),
    ("deals.csv", "gamma-dx-2021-acquisition", "counterparty_id", "omega-corp", 3, "counterparty_id", "not found"),
    (
        "deals.csv",
        "beta-bio-2020-series_b",
        "investor_ids",
        "delta-pharma;mib",
        2,
        "investor_ids",
        "no funded_by relation",
    ),
    ("deals.csv", "beta-bio-2020-series_b", "date", "2019-06", 2, "lead_ids", "a year without its round"),
    ("deals.csv", "gamma-dx-2021-acquisition", "counterparty_id", "eta-fund", 3, "counterparty_id", "no acquired_by"),
]


@pytest.mark.parametrize(("file", "row", "column", "value", "line", "where", "words"), CASES)
def test_bad_row(data, file, row, column, value, line, where, words):
    if file in ("relations.csv", "milestones.csv", "fact_sources.csv"):
        _edit_line(data / file, line, column, value)  # rows there have no id of their own
    else:
        _edit(data, file, row, column, value)
    problems = validate(data, today=TODAY)
    matching = [p for p in problems if p.file == file and p.line == line and p.column == where and words in p.message]
    assert matching, "\n".join(map(str, problems))


def _edit_line(path, line, column, value):
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0].keys())
    rows[line - 2][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _drop_column(directory, file, column):
    path = directory / file
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields = [name for name in rows[0] if name != column]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("file", "column"), [("actors.csv", "lat"), ("relations.csv", "year"), ("milestones.csv", "sources")]
)
def test_a_missing_column_is_one_problem_not_one_per_row(data, file, column):
    _drop_column(data, file, column)
    problems = validate(data, today=TODAY)
    assert [(p.file, p.column, p.message) for p in problems] == [(file, column, f"column {column} is missing")]


def test_an_unknown_column_is_named(data):
    path = data / "places.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",colour", *(line + "," for line in lines[1:])]) + "\n", encoding="utf-8")
    problems = validate(data, today=TODAY)
    assert [(p.file, p.column, p.message) for p in problems] == [
        ("places.csv", "colour", "column colour is not in the descriptor")
    ]


def test_the_command_line_says_a_missing_column_in_one_line(data):
    _drop_column(data, "actors.csv", "lat")
    result = subprocess.run(
        [sys.executable, "-m", "ecosystem", "validate", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["actors.csv [lat]: column lat is missing"]


# A second event appended to milestones.csv (line 3), against beta-bio's founding in 1999 (line 2):
# (date, actor, kind, title, amount, the same event as line …)
SECOND_EVENTS = [
    ("1999-05", "beta-bio", "founded", "Beta is founded", "", 2),  # same year, same title
    ("1999", "beta-bio", "founded", "Beta opens its lab", "", None),  # same year, another event
    ("2000", "beta-bio", "founded", "Beta is founded", "", None),  # another year
    ("1999", "alpha-lab", "founded", "Beta is founded", "", None),  # another actor
]


@pytest.mark.parametrize(("when", "actor", "kind", "title", "amount", "same_as"), SECOND_EVENTS)
def test_an_event_recorded_twice_is_found(data, when, actor, kind, title, amount, same_as):
    with (data / "milestones.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [when, actor, kind, title, title, amount, "https://example.org/x", "2026-11-01"]
        )
    found = [p for p in validate(data, today=TODAY) if "the same event" in p.message]
    expected = [("milestones.csv", 3, f"the same event as line {same_as}")] if same_as else []
    assert [(p.file, p.line, p.message) for p in found] == expected


def test_quoted_facts_resting_only_on_copies_are_reported_where_they_are(data):
    """beta-bio and gamma-dx cite one page each: once those are copies, their years, statuses and deals stand on nothing."""
    for source in ("s2", "s3"):
        _edit(data, "sources.csv", source, "kind", "mirror")
        _edit(data, "sources.csv", source, "notes", "the original is gone")
    found = sorted((p.file, p.line, p.message.split(" rests")[0]) for p in validate(data, today=TODAY))
    assert found == [
        ("actors.csv", 3, "beta-bio: founded 1999"),
        ("actors.csv", 3, "beta-bio: status active"),
        ("actors.csv", 4, "gamma-dx: founded 2014"),
        ("actors.csv", 4, "gamma-dx: status acquired"),
        ("deals.csv", 2, "beta-bio: series_b 2020-06-15 48000000 EUR"),
        ("deals.csv", 3, "gamma-dx: acquisition 2021-03"),
        ("deals.csv", 4, "beta-bio: licence 2022 15000000 USD"),  # a licence with an amount
        ("milestones.csv", 2, "beta-bio: founded 1999"),  # the founding event states the year too
    ]


def test_a_funded_by_relation_dated_as_a_round_without_its_investor_is_reported(data):
    """beta-bio's 2020 round names eta-fund only: a 2020 funded_by relation to zeta-cluster is reported."""
    with (data / "relations.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["beta-bio", "zeta-cluster", "funded_by", "2020", "s2", "2026-11-01", ""]
        )
    found = [(p.file, p.line, p.column, p.value, p.message) for p in validate(data, today=TODAY)]
    assert found == [
        (
            "relations.csv",
            7,
            "target_id",
            "zeta-cluster",
            "deals.csv has a 2020 round of beta-bio without this investor",
        )
    ]


def test_missing_descriptor(tmp_path):
    problems = validate(tmp_path, today=TODAY)
    assert [p.message for p in problems] == [f"no descriptor in {tmp_path}"]


@pytest.mark.parametrize(("directory", "code", "words"), [(MINI, 0, "valid"), (None, 1, "problem(s)")])
def test_command_line(data, directory, code, words):
    if directory is None:
        _edit(data, "actors.csv", "beta-bio", "type", "biotechnology")
        directory = data
    result = subprocess.run(
        [sys.executable, "-m", "ecosystem", "validate", str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == code
    assert words in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("site", "postcode", "column", "words"),
    [
        ("marseille-09", "13009", None, None),  # the district point of the actor's postcode
        ("marseille-09", "13005", "postcode", "marseille-09 is the point of postcode 13009"),
        ("marseille-09", "", "postcode", "district precision needs the actor's postcode"),
        ("south-campus", "13009", "site", "district precision needs a place of kind district"),
    ],
)
def test_district_point_matches_postcode(data, site, postcode, column, words):
    for name, value in (("location_precision", "district"), ("site", site), ("postcode", postcode)):
        _edit(data, "actors.csv", "beta-bio", name, value)
    problems = [p for p in validate(data, today=TODAY) if p.file == "actors.csv" and p.line == 3]
    if words is None:
        assert problems == []
    else:
        assert [p for p in problems if p.column == column and words in p.message], "\n".join(map(str, problems))


@pytest.mark.parametrize(
    ("site", "words"),
    [
        ("south-campus", None),  # a programme drawn at one of its sites
        ("marseille", "multi_site precision needs a place of kind campus or hospital or technopole or building"),
        ("", "multi_site precision needs a site"),
    ],
)
def test_multi_site_programme_stands_on_one_of_its_sites(data, site, words):
    for name, value in (("location_precision", "multi_site"), ("site", site)):
        _edit(data, "actors.csv", "zeta-cluster", name, value)
    problems = [p for p in validate(data, today=TODAY) if p.file == "actors.csv" and p.line == 7]
    if words is None:
        assert problems == []
    else:
        assert [p for p in problems if p.column == "site" and words in p.message], "\n".join(map(str, problems))


def test_every_data_file_has_its_multi_valued_items_checked(data):
    """goals.csv names types and stages: an unknown item there is reported like one in actors.csv."""
    header = (ROOT / "data" / "goals.csv").read_text(encoding="utf-8").splitlines()[0]
    row = {column: "" for column in header.split(",")}
    row.update(
        id="startups",
        label_en="Start-ups",
        label_fr="Start-up",
        target="30",
        unit="count",
        since="2023-05-12",
        measure="companies_created",
        types="biotech;unicorn",
        scope="marseille_area",
        sources="s14",
        published="2024-11",
        last_verified="2026-11-01",
    )
    with (data / "goals.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row), lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)
    problems = [p for p in validate(data, today=TODAY) if p.file == "goals.csv"]
    assert [(p.line, p.column, p.value, p.message) for p in problems] == [
        (2, "types", "unicorn", "not in taxonomy/types.csv")
    ]
