"""Shared fixtures: the small fictional dataset, and the real one."""

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

from ecosystem.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def build_mini(target: Path) -> Path:
    """The fictional CSVs of tests/fixtures/mini with the real descriptor and taxonomy."""
    shutil.copytree(
        Path(__file__).resolve().parent / "fixtures" / "mini", target, ignore=shutil.ignore_patterns("*.md")
    )
    shutil.copy(DATA / "datapackage.json", target)
    shutil.copytree(DATA / "taxonomy", target / "taxonomy")
    return target


_WORK = Path(tempfile.mkdtemp(prefix="ecosystem-tests-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)
MINI = build_mini(_WORK / "mini")


@pytest.fixture(scope="session")
def mini():
    return load_dataset(MINI)


@pytest.fixture(scope="session")
def real():
    return load_dataset(DATA)
