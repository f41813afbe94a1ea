"""Shared fixtures: the small fictional dataset, and the real one."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# The app tests run pages in this process on several datasets: they publish the data release to a
# folder of their own, never over the copy that a test server (tools/appserver.py) serves.
_RELEASES = tempfile.mkdtemp(prefix="ecosystem-test-release-")
atexit.register(shutil.rmtree, _RELEASES, ignore_errors=True)
os.environ["ECOSYSTEM_RELEASE_DIR"] = str(Path(_RELEASES) / "release")

import pytest  # noqa: E402

from ecosystem.load import load_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def build_mini(target: Path) -> Path:
    """The fictional CSVs of tests/fixtures/mini with the real descriptor and taxonomy."""
    shutil.copytree(
        Path(__file__).resolve().parent / "fixtures" / "mini", target, ignore=shutil.ignore_patterns("*.md")
    )
    shutil.copy(DATA / "datapackage.json", target)
    shutil.copytree(DATA / "taxonomy", target / "taxonomy")
    from tests.tiny import declare_sources  # the real taxonomy cites real sources: their rows join the fixture's

    declare_sources(target)
    return target


_WORK = Path(tempfile.mkdtemp(prefix="ecosystem-tests-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)
MINI = build_mini(_WORK / "mini")


# Tests that share one service run on one worker: path prefix -> group (the first prefix that matches).
# The browser tests are two groups, each with its own app server: the presentation's walk and the
# accessibility walk are long enough to balance the other worker, which runs the rest of the suite.
TOGETHER = {
    "tests/browser/test_present_browser.py": "browser-show",
    "tests/browser/test_a11y.py": "browser-show",
    "tests/browser/": "browser",
    "tests/test_inbox.py": "inbox",
}


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` that keeps each group of browser tests together on one worker (one app server per
    worker), and the storage tests on one worker (they share one PostgreSQL database).

    tests/browser/conftest.py gives them an xdist_group mark, but pytest-xdist 3.8 carries the group
    in the test's node id, which pytest 9.2 no longer lets it change (pytest-dev/pytest-xdist#1386):
    the mark alone is silently ignored. The scheduler groups them by their folder instead.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class BrowserTogether(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            for prefix, group in TOGETHER.items():
                if nodeid.startswith(prefix):
                    return group
            return super()._split_scope(nodeid)

    return BrowserTogether(config, log)


@pytest.fixture(scope="session")
def mini():
    return load_dataset(MINI)


@pytest.fixture(scope="session")
def real():
    return load_dataset(DATA)
