"""One app server for the whole session, Debian's chromium, and no network beyond loopback."""

import os

import pytest

from tools.appserver import CHROMIUM_ARGS, block_external, find_chromium, run_app_server


@pytest.hookimpl(tryfirst=True)  # before xdist reads the group marks
def pytest_collection_modifyitems(config, items):
    # With `-n 2 --dist loadgroup` (make test) the browser tests run in the groups tests/conftest.py's
    # TOGETHER names, each on one worker with one app server and one Chromium.
    grouped = config.pluginmanager.hasplugin("xdist")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if grouped:
                item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def browser_type_launch_args():
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI: .ci/run installs Debian's package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return {"executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def app_url():
    with run_app_server() as base:
        yield base


@pytest.fixture
def context(browser, browser_context_args):
    context = browser.new_context(**{**browser_context_args, "viewport": {"width": 1400, "height": 900}})
    context.route("**/*", block_external)
    yield context
    context.close()
