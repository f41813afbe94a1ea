"""The data's content hash and the check result kept on disk per data version."""

import shutil
from datetime import date

import pytest

from ecosystem import datacache
from ecosystem.datacache import hash_data_dir, validate_with_cache
from ecosystem.validate import validate
from tests.conftest import MINI


@pytest.fixture
def data(tmp_path):
    return shutil.copytree(MINI, tmp_path / "data")


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda d: None, True),
        (lambda d: (d / "README.md").write_text("notes only"), True),
        (lambda d: (d / "actors.csv").write_text((d / "actors.csv").read_text() + "\n"), False),
        (lambda d: (d / "taxonomy" / "types.csv").write_text("id\n"), False),
        (lambda d: (d / "places.csv").rename(d / "places2.csv"), False),
    ],
)
def test_hash_follows_the_data_files(data, change, same):
    before = hash_data_dir(data)
    change(data)
    assert (hash_data_dir(data) == before) is same


def test_missing_directory_has_an_empty_hash(tmp_path):
    assert hash_data_dir(tmp_path / "nowhere") == ""


def test_check_runs_once_per_data_version(data, tmp_path, monkeypatch):
    calls = []

    def counting_validate(data_dir, today=None):
        calls.append(data_dir)
        return validate(data_dir, today=today)

    monkeypatch.setattr("ecosystem.validate.validate", counting_validate)
    cache = tmp_path / "cache"
    today = date(2026, 12, 1)
    first = validate_with_cache(data, cache_dir=cache, today=today)
    assert validate_with_cache(data, cache_dir=cache, today=today) == first
    assert len(calls) == 1
    # a broken row: a new version, checked again, and the problem is found
    actors = data / "actors.csv"
    lines = actors.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("biotech", "not-a-type", 1).replace("research_lab", "not-a-type", 1)
    actors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = validate_with_cache(data, cache_dir=cache, today=today)
    assert len(calls) == 2
    assert any("not-a-type" in str(problem) for problem in again)
    assert again == validate(data, today=today)
    # another day: dates may have become future or stale, so check again
    validate_with_cache(data, cache_dir=cache, today=date(2026, 12, 2))
    assert len(calls) == 3


def test_unreadable_cache_is_ignored(data, tmp_path):
    cache = tmp_path / "cache"
    today = date(2026, 12, 1)
    path = cache / "validation" / f"{datacache.validation_key(data, today)}.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert validate_with_cache(data, cache_dir=cache, today=today) == validate(data, today=today)


def test_isolated_check_runs_apart_and_keeps_its_outcome(data, tmp_path, monkeypatch):
    """The server's check runs in a child process, whose outcome is then read from the cache."""
    calls = []
    monkeypatch.setattr("ecosystem.validate.validate", lambda *args, **kwargs: calls.append(args) or [])
    cache = tmp_path / "cache"
    actors = data / "actors.csv"
    lines = actors.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("biotech", "not-a-type", 1).replace("research_lab", "not-a-type", 1)
    actors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate_with_cache(data, cache_dir=cache, isolated=True)
    assert not calls  # checked by the child, not in this process
    assert any("not-a-type" in str(problem) for problem in problems)
    assert list((cache / "validation").glob("*.json"))


def test_isolated_check_falls_back_in_process_when_the_child_fails(data, tmp_path, monkeypatch):
    monkeypatch.setattr(datacache.sys, "executable", str(tmp_path / "no-such-python"))
    assert validate_with_cache(data, cache_dir=tmp_path / "cache", isolated=True) == validate(data)
