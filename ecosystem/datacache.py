"""Work done once per data version: the data's content hash, and the check result kept on disk.

The full check (frictionless plus custom rules) takes seconds; the app only
needs its outcome, which cannot change until the data, the rules or the day
change. CI and `python -m ecosystem validate` always run it in full.
"""

import contextlib
import hashlib
import json
import os
import subprocess
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from .config import ROOT, resolve_data_dir
from .hashing import hash_files

CACHE_DIR_ENV = "ECOSYSTEM_CACHE_DIR"
DATA_SUFFIXES = (".csv", ".json")
# Longer than the check takes on 50,000 actors.
CHECK_TIMEOUT_S = 600


def resolve_cache_dir(cache_dir: str | Path | None = None) -> Path:
    """Where derived results are kept: the argument, `ECOSYSTEM_CACHE_DIR`, or `.cache/` (git-ignored)."""
    if cache_dir:
        return Path(cache_dir)
    env = os.environ.get(CACHE_DIR_ENV)
    return Path(env) if env else ROOT / ".cache"


def hash_data_dir(data_dir: str | Path | None = None) -> str:
    """A content hash of every data file (CSV and JSON) under the data directory."""
    directory = resolve_data_dir(data_dir)
    if not directory.is_dir():
        return ""
    return hash_files([p for p in directory.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES], directory)


def hash_rules() -> str:
    """A hash of the package's code, so that new or changed rules invalidate old results."""
    here = Path(__file__).resolve().parent
    return hash_files(list(here.glob("*.py")), here)


def validation_key(data_dir: str | Path | None = None, today: date | None = None) -> str:
    today = today or date.today()
    text = f"{hash_data_dir(data_dir)}:{hash_rules()}:{today.isoformat()}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def validate_with_cache(
    data_dir: str | Path | None = None, *, cache_dir: str | Path | None = None, today=None, isolated: bool = False
):
    """The check's problems, read from the cache when this data was checked today with these rules.

    `isolated` runs a missing check in a child process (`python -m ecosystem validate --keep`):
    frictionless and the check's peak memory then stay out of a long-running server.
    """
    from .validate import Problem, validate  # looked up at each call, so a test may stand in for the check

    path = resolve_cache_dir(cache_dir) / "validation" / f"{validation_key(data_dir, today)}.json"
    if isolated and today is None and not path.is_file():
        run_check_apart(data_dir, cache_dir)
    try:
        return [Problem(**item) for item in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        pass
    problems = validate(data_dir, today=today)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps([asdict(p) for p in problems], ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass  # a read-only checkout still works, it just checks again next time
    return problems


def run_check_apart(data_dir: str | Path | None, cache_dir: str | Path | None) -> None:
    """Run the check in a child process that keeps its outcome in the cache; a failure is left to the caller."""
    command = [sys.executable, "-m", "ecosystem", "validate", "--keep", str(resolve_data_dir(data_dir))]
    env = {**os.environ, CACHE_DIR_ENV: str(resolve_cache_dir(cache_dir))}
    with contextlib.suppress(OSError, subprocess.SubprocessError):  # the caller then checks in-process
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=CHECK_TIMEOUT_S, check=False)
