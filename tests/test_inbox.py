"""The correction inbox: checks on what a reader sends, and storage that loses nothing under load.

Every storage test runs on SQLite and on PostgreSQL (a loopback cluster that
tools/postgres.py starts; with CI=true a missing PostgreSQL fails the run).
"""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from ecosystem.inbox import (
    LIMITS,
    TOO_LONG,
    RateLimited,
    Suggestion,
    check_suggestion,
    count_suggestions,
    format_reference,
    hash_client,
    is_web_url,
    list_suggestions,
    migrate,
    open_inbox,
    resolve_db_url,
    submit,
)
from tests.conftest import ROOT
from tools.postgres import ensure_postgres

GOOD = {
    "kind": "correction",
    "actor_id": "innate-pharma",
    "field": "stage",
    "proposed_value": "phase_3",
    "evidence_url": "https://example.org/press/2024",
}
NOW = datetime(2026, 12, 5, 10, 0, 0)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("ftp://example.org/file", False),
        ("https://", False),
        ("example.org/page", False),
        ("https://exa mple.org", False),
        ("", False),
    ],
)
def test_is_web_url(value, ok):
    assert is_web_url(value) is ok


@pytest.mark.parametrize(
    ("changes", "honeypot", "problems"),
    [
        ({}, "", []),
        ({"evidence_url": ""}, "", ["inbox_error_evidence"]),
        ({"evidence_url": "javascript:alert(1)"}, "", ["inbox_error_url"]),
        ({"proposed_value": "   "}, "", ["inbox_error_value"]),
        ({"kind": "delete_everything"}, "", ["inbox_error_kind"]),
        ({"field": ""}, "", ["inbox_error_target"]),
        ({"kind": "new_actor", "actor_id": "", "field": ""}, "", []),
        ({"note": "x" * (LIMITS["note"] + 1)}, "", ["inbox_error_long_note"]),
        ({}, "I am a robot", ["inbox_error_robot"]),
    ],
)
def test_check_suggestion(changes, honeypot, problems):
    suggestion, found = check_suggestion({**GOOD, **changes}, honeypot=honeypot)
    assert found == problems
    assert (suggestion is None) == bool(problems)


def test_every_limit_has_its_message():
    assert set(TOO_LONG) == set(LIMITS)


def test_check_suggestion_trims_and_keeps_the_values():
    suggestion, _ = check_suggestion({**GOOD, "proposed_value": "  phase_3 \n", "contact": " a@b.org "})
    assert suggestion == Suggestion(
        kind="correction",
        proposed_value="phase_3",
        evidence_url=GOOD["evidence_url"],
        actor_id="innate-pharma",
        field="stage",
        contact="a@b.org",
    )


def test_a_client_is_hashed_not_kept():
    assert hash_client("203.0.113.7", "salt") == hash_client("203.0.113.7", "salt")
    assert hash_client("203.0.113.7", "salt") != hash_client("203.0.113.8", "salt")
    assert "203.0.113.7" not in hash_client("203.0.113.7", "salt")


@pytest.mark.parametrize(
    ("env", "expected_start"),
    [
        ({"SUGGESTIONS_DB_URL": "postgresql+psycopg://u:p@127.0.0.1/db"}, "postgresql+psycopg://"),
        ({"SUGGESTIONS_DB_URL": "  "}, "sqlite:///"),
        ({}, "sqlite:///"),
    ],
)
def test_resolve_db_url(env, expected_start):
    url = resolve_db_url(env)
    assert url.startswith(expected_start)
    assert str(ROOT) not in url  # never inside the repository


def test_reference_numbers_are_stable():
    assert format_reference(42) == "S-000042"


# --- storage, on each database --------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_url():
    url = ensure_postgres()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI: .ci/run installs Debian's postgresql")
        pytest.skip("no PostgreSQL here (needs root and Debian's postgresql package)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'inbox' / 'suggestions.sqlite3'}"
    url = request.getfixturevalue("postgres_url")
    engine = sa.create_engine(url)
    with engine.begin() as connection:  # every test starts from an empty inbox
        connection.execute(sa.text("DROP TABLE IF EXISTS suggestions, schema_version"))
    engine.dispose()
    return url


def _suggestion(number: int = 0, **changes) -> Suggestion:
    return Suggestion(**{**GOOD, "proposed_value": f"value {number}", **changes})


def test_the_inbox_is_created_on_first_use_and_migrated_once(db_url):
    engine = open_inbox(db_url)
    assert count_suggestions(engine) == 0
    assert migrate(engine) == 1  # a second opening takes no step again
    with engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version FROM schema_version")).scalars().all()
    assert versions == [1]


def test_a_suggestion_is_stored_and_read_back(db_url):
    engine = open_inbox(db_url)
    stored = submit(engine, _suggestion(1), "client-a", now=NOW)
    assert stored.reference == format_reference(stored.id)
    (read,) = list_suggestions(engine)
    assert (read.id, read.status, read.proposed_value, read.created_at) == (stored.id, "pending", "value 1", NOW)


def test_hostile_text_is_stored_as_text(db_url):
    engine = open_inbox(db_url)
    hostile = "<script>alert(1)</script>'; DROP TABLE suggestions; -- \u202e\U0001f600 **bold** [x](javascript:1)"
    submit(engine, _suggestion(note=hostile, proposed_value=hostile), "client-a", now=NOW)
    (read,) = list_suggestions(engine)
    assert read.note == hostile
    assert read.proposed_value == hostile


def test_twenty_writers_fifty_each_lose_and_double_nothing(db_url):
    engine = open_inbox(db_url)

    def write(writer: int) -> list[int]:
        return [
            submit(
                engine, _suggestion(writer * 100 + n), f"client-{writer}", now=NOW, per_client=1000, overall=10**6
            ).id
            for n in range(50)
        ]

    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = [number for batch in pool.map(write, range(20)) for number in batch]
    stored = list_suggestions(engine)
    assert len(ids) == len(set(ids)) == 1000
    assert len(stored) == 1000
    assert sorted(s.proposed_value for s in stored) == sorted(
        f"value {w * 100 + n}" for w in range(20) for n in range(50)
    )


def test_the_rate_limits_hold_under_concurrency(db_url):
    engine = open_inbox(db_url)

    def try_once(number: int) -> str:
        try:
            submit(engine, _suggestion(number), "same-client", now=NOW, per_client=10)
        except RateLimited as limited:
            return limited.scope
        return "stored"

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(try_once, range(60)))
    assert outcomes.count("stored") == 10
    assert outcomes.count("client") == 50
    assert count_suggestions(engine) == 10


def test_the_overall_limit_and_its_window(db_url):
    engine = open_inbox(db_url)
    for number in range(3):
        submit(engine, _suggestion(number), f"client-{number}", now=NOW, overall=3)
    with pytest.raises(RateLimited) as limited:
        submit(engine, _suggestion(9), "client-9", now=NOW, overall=3)
    assert limited.value.scope == "overall"
    later = NOW + timedelta(hours=1, seconds=1)  # the window has passed
    assert submit(engine, _suggestion(10), "client-9", now=later, overall=3).id


WRITER = textwrap.dedent(
    """
    import sys
    import sqlalchemy as sa
    from ecosystem.inbox import SUGGESTIONS, Suggestion, open_inbox, submit

    engine = open_inbox(sys.argv[1])
    for number in range(5):
        submit(engine, Suggestion("correction", f"committed {number}", "https://example.org", "a", "stage"), "w")
    connection = engine.connect()
    transaction = connection.begin()
    connection.execute(SUGGESTIONS.insert().values(
        created_at=sa.func.now(), client="w", kind="correction", actor_id="a", field="stage", current_value="",
        proposed_value="never committed", evidence_url="https://example.org", contact="", note="",
        status="pending", reviewer_note="", accepted_value="", added_source=""))
    print("inside", flush=True)
    sys.stdin.read()  # killed here, mid-transaction
    """
)


def test_a_writer_killed_mid_transaction_leaves_every_committed_row(db_url):
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, db_url],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout.readline().strip() == "inside"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    engine = open_inbox(db_url)
    values = sorted(s.proposed_value for s in list_suggestions(engine))
    assert values == [f"committed {n}" for n in range(5)]
    if db_url.startswith("sqlite"):
        path = sa.engine.make_url(db_url).database
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    submit(engine, _suggestion(99), "after", now=NOW)  # and it takes new rows
    assert count_suggestions(engine) == 6
