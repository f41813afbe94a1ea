"""The curator's view: the oldest records first, quiet or planned actors, missing registry ids, top sources."""

import shutil
import subprocess
import sys
from datetime import date

import pytest

from ecosystem import columns as C
from ecosystem.curation import (
    build_curation_report,
    count_sources,
    list_quiet_actors,
    list_records_by_age,
    list_without_registry,
    summarise,
)
from ecosystem.load import load_dataset
from tests.conftest import MINI, ROOT
from tests.test_validate import _edit, _edit_line

TODAY = date(2026, 12, 5)


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def test_records_come_oldest_first_and_the_old_ones_are_flagged(data):
    _edit(data, "actors.csv", "gamma-dx", C.LAST_VERIFIED, "2025-06-01")
    _edit_line(data / "relations.csv", 3, C.LAST_VERIFIED, "2024-01-15")
    ages = list_records_by_age(load_dataset(data), TODAY)
    assert list(ages.iloc[:2]["file"]) == ["relations.csv", "actors.csv"]
    assert list(ages.iloc[:2][C.LAST_VERIFIED]) == ["2024-01-15", "2025-06-01"]
    assert list(ages.iloc[:2]["stale"]) == [True, True]
    assert not ages.iloc[2:]["stale"].any()
    assert len(ages) == sum(len(getattr(load_dataset(data), name)) for name in ("actors", "relations", "milestones"))


@pytest.mark.parametrize(
    ("months", "stale"),
    [(12, 1), (6, 2), (36, 0)],
)
def test_the_threshold_is_in_months(data, months, stale):
    _edit(data, "actors.csv", "gamma-dx", C.LAST_VERIFIED, "2025-06-01")  # 18 months before TODAY
    _edit(data, "actors.csv", "beta-bio", C.LAST_VERIFIED, "2026-05-01")  # 7 months before TODAY
    assert int(list_records_by_age(load_dataset(data), TODAY, months=months)["stale"].sum()) == stale


def test_quiet_actors_are_the_planned_and_those_without_a_recent_milestone(data):
    _edit(data, "actors.csv", "delta-pharma", C.STATUS, "planned")
    quiet = list_quiet_actors(load_dataset(data), TODAY)
    # beta-bio's last milestone is 2020, gamma-dx's 2021: over three years before 2026; delta is planned
    assert dict(zip(quiet["actor"], quiet["why"], strict=True)) == {
        "beta-bio": "no milestone since 2020",
        "gamma-dx": "no milestone since 2021",
        "delta-pharma": "planned",
    }
    assert list_quiet_actors(load_dataset(data), date(2023, 1, 1))["actor"].to_list() == ["delta-pharma"]


def test_actors_without_any_registry_identifier(mini):
    bare = set(list_without_registry(mini)[C.ID])
    registries = [registry.column for registry in mini.schema.registries]
    expected = {
        actor
        for actor, *ids in zip(mini.actors[C.ID], *(mini.actors[c] for c in registries), strict=True)
        if not any(str(value or "").strip() for value in ids)
    }
    assert bare == expected
    assert bare != set(mini.actors[C.ID])  # some have one


def test_the_most_cited_sources_first(mini):
    sources = count_sources(mini)
    assert sources.iloc[0]["records"] >= sources.iloc[-1]["records"]
    beta = "https://example.org/beta"
    cited = sum(
        beta in str(cell)
        for table in (mini.actors, mini.relations, mini.milestones, mini.places)
        for cell in table[C.SOURCE_URLS]
    )
    assert int(sources.set_index("source").loc[beta, "records"]) == cited


def test_the_report_gives_the_same_counts_and_the_command_lists_them(data):
    dataset = load_dataset(data)
    counts = summarise(dataset, TODAY)
    text = build_curation_report(dataset, TODAY)
    assert f"**Planned, or no milestone for 3 years**: {counts['quiet']}" in text
    assert f"**Without a registry identifier**: {counts['without_registry']}" in text
    done = subprocess.run(
        [sys.executable, "-m", "ecosystem", "report", "--stale", str(data)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "**Sources cited most**" in done.stdout
    report = subprocess.run(
        [sys.executable, "-m", "ecosystem", "report", str(data)], cwd=ROOT, capture_output=True, text=True
    )
    assert f"| actors without a registry identifier | {counts['without_registry']} |" in report.stdout
