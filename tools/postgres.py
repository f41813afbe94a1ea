"""A PostgreSQL on loopback for the storage tests: Debian's cluster, started and given a role and a database.

`python -m tools.postgres` prints the URL (and is what .ci/run calls); the tests
call `ensure_postgres()`. Needs root (pg_ctlcluster, runuser) and Debian's
`postgresql` package; returns None where either is missing.
"""

import os
import shutil
import subprocess
import sys

ROLE = "ecosystem"
PASSWORD = "ecosystem-tests"  # a throwaway role on a loopback-only test cluster
DATABASE = "ecosystem_tests"
URL_ENV = "SUGGESTIONS_TEST_DB_URL"


def _run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _clusters() -> list[list[str]]:
    """pg_lsclusters rows: version, name, port, status, owner, data directory, log."""
    if not shutil.which("pg_lsclusters"):
        return []
    done = _run(["pg_lsclusters", "--no-header"])
    return [line.split() for line in done.stdout.splitlines() if line.strip()]


def _psql(sql: str, port: str) -> subprocess.CompletedProcess:
    return _run(["runuser", "-u", "postgres", "--", "psql", "-p", port, "-v", "ON_ERROR_STOP=1", "-qtAc", sql])


def ensure_postgres() -> str | None:
    """The URL of a running test database on 127.0.0.1, starting the cluster if needed; None if impossible."""
    if os.environ.get(URL_ENV):
        return os.environ[URL_ENV]
    if os.geteuid() != 0 or not shutil.which("pg_ctlcluster") or not shutil.which("runuser"):
        return None
    clusters = _clusters()
    if not clusters:
        return None
    version, name, port, status = clusters[0][:4]
    if status != "online":
        # The socket folder lives in /run, which a fresh container may not have made yet.
        _run(["install", "-d", "-o", "postgres", "-g", "postgres", "-m", "2775", "/var/run/postgresql"])
        started = _run(["pg_ctlcluster", version, name, "start"])
        if started.returncode != 0:
            raise RuntimeError(f"pg_ctlcluster {version} {name} start failed: {started.stderr.strip()}")
    exists = _psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}'", port)
    if exists.stdout.strip() != "1":
        _check(_psql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'", port))
    else:
        _check(_psql(f"ALTER ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'", port))
    exists = _psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'", port)
    if exists.stdout.strip() != "1":
        _check(_psql(f"CREATE DATABASE {DATABASE} OWNER {ROLE}", port))
    return f"postgresql+psycopg://{ROLE}:{PASSWORD}@127.0.0.1:{port}/{DATABASE}"


def _check(done: subprocess.CompletedProcess) -> None:
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or done.stdout.strip())


if __name__ == "__main__":
    url = ensure_postgres()
    if url is None:
        print("no PostgreSQL here (needs root and Debian's postgresql package)", file=sys.stderr)
        sys.exit(1)
    print(url)
