"""A correction end to end in a real Chromium: suggested on a profile, reviewed with the password, in the patch."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_browser import TIMEOUT, wait_for_app
from tests.urls import ACTOR, LANG, page_url
from tools.appserver import block_external, run_app_server

PASSWORD = "a passphrase for the test"
VALUE = "Checked again: <b>still</b> true"


@pytest.fixture
def desk_server(tmp_path):
    env = {"SUGGESTIONS_DB_URL": f"sqlite:///{tmp_path / 'inbox.sqlite3'}", "REVIEW_PASSWORD": PASSWORD}
    with run_app_server(env=env) as base:
        yield base


def test_a_correction_goes_from_the_profile_to_the_patch(browser, desk_server):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    context.route("**/*", block_external)
    page = context.new_page()
    page.goto(page_url(desk_server, "actor", {ACTOR: "innate-pharma", LANG: "en"}))
    wait_for_app(page)

    page.get_by_text("Suggest a correction").click()
    expect(page.locator('[class*="suggest_website"]')).to_be_hidden()  # the robots' field, never shown to people
    page.get_by_label("Which fact").click()
    page.keyboard.type("notes")
    page.keyboard.press("Enter")
    page.get_by_label("What it should say").fill(VALUE)
    page.get_by_label(re.compile("^Evidence")).fill("https://example.org/evidence")
    page.get_by_role("button", name="Send to the curators").click()
    thanks = page.get_by_text(re.compile(r"Your reference: S-\d{6}"))
    expect(thanks).to_be_visible(timeout=TIMEOUT)
    reference = re.search(r"S-\d{6}", thanks.inner_text())[0]

    page.goto(page_url(desk_server, "review", {LANG: "en"}))
    wait_for_app(page)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Open the desk").click()
    expect(page.get_by_text(reference)).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(VALUE).first).to_be_visible()  # shown as text, the tags included
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.get_by_text("Suggestions to review: 0")).to_be_visible(timeout=TIMEOUT)

    with page.expect_download(timeout=TIMEOUT) as download:
        page.get_by_role("button", name=re.compile("Download the accepted changes")).click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert [(row["reference"], row["actor_id"], row["column"], row["new_value"]) for row in rows] == [
        (reference, "innate-pharma", "notes", VALUE)
    ]
    context.close()
