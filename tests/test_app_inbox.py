"""The correction inbox in the running app (AppTest): suggest, review behind a password, export the patch."""

import pytest

from ecosystem.inbox import list_suggestions, open_inbox
from ecosystem.patch import build_patch_rows
from tests.test_app import open_page, texts
from tests.urls import ACTOR, LANG

SEND = "Send to the curators"


@pytest.fixture
def inbox_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'inbox.sqlite3'}"
    monkeypatch.setenv("SUGGESTIONS_DB_URL", url)
    monkeypatch.delenv("REVIEW_PASSWORD", raising=False)
    return url


def suggest(app, key: str, value: str, evidence: str, field: str | None = None):
    if field is not None:
        app.selectbox(key=f"{key}_field").select(field)
    app.text_area(key=f"{key}_value").input(value)
    app.text_input(key=f"{key}_evidence").input(evidence)
    next(button for button in app.button if button.label == SEND).click()
    return app.run()


def test_a_correction_from_an_actor_page_lands_in_the_inbox(inbox_url):
    app = open_page("actor", {ACTOR: "innate-pharma", LANG: "en"})
    suggest(app, "suggest_innate-pharma", "2000", "https://example.org/press", field="founded")
    assert not app.exception
    (stored,) = list_suggestions(open_inbox(inbox_url))
    assert (stored.actor_id, stored.field, stored.proposed_value) == ("innate-pharma", "founded", "2000")
    assert stored.current_value  # what the reader saw, to detect a conflict later
    assert any(stored.reference in element.value for element in app.success)


@pytest.mark.parametrize(
    ("evidence", "message"),
    [("", "Give the address of a page"), ("javascript:alert(1)", "must be a web address")],
)
def test_a_suggestion_without_usable_evidence_is_refused_with_a_message(inbox_url, evidence, message):
    app = open_page("actor", {ACTOR: "innate-pharma", LANG: "en"})
    suggest(app, "suggest_innate-pharma", "2000", evidence, field="founded")
    assert any(message in element.value for element in app.error)
    assert list_suggestions(open_inbox(inbox_url)) == []


def test_a_missing_actor_can_be_suggested_from_the_directory(inbox_url):
    app = open_page("directory", {LANG: "en"})
    suggest(app, "suggest_new", "Nouvelle Bio, Luminy, anticorps", "https://example.org/nouvelle")
    (stored,) = list_suggestions(open_inbox(inbox_url))
    assert (stored.kind, stored.actor_id) == ("new_actor", "")


def test_the_review_desk_is_locked_without_a_password(inbox_url):
    app = open_page("review", {LANG: "en"})
    assert "REVIEW_PASSWORD" in texts(app)
    assert not [box for box in app.text_input if box.key == "review_given"]  # no password box


def test_the_review_desk_shows_everything_with_the_password_and_accepting_puts_it_in_the_patch(inbox_url, monkeypatch):
    hostile = "<script>alert('x')</script> **bold** [link](javascript:alert(1))"
    app = open_page("actor", {ACTOR: "innate-pharma", LANG: "en"})
    suggest(app, "suggest_innate-pharma", hostile, "https://example.org/evidence", field="notes")
    monkeypatch.setenv("REVIEW_PASSWORD", "correct horse")
    desk = open_page("review", {LANG: "en"})
    assert hostile not in [code.value for code in desk.code]  # nothing shown before the password
    desk.text_input(key="review_given").input("wrong")
    next(b for b in desk.button if b.label == "Open the desk").click().run()
    assert any("Wrong password" in e.value for e in desk.error)
    assert hostile not in [code.value for code in desk.code]
    desk.text_input(key="review_given").input("correct horse")
    next(b for b in desk.button if b.label == "Open the desk").click().run()
    assert not desk.exception
    assert hostile in [code.value for code in desk.code]  # shown as text
    assert not any("<script>" in str(m.value) for m in desk.markdown)
    next(b for b in desk.button if b.label == "Accept").click().run()
    (stored,) = list_suggestions(open_inbox(inbox_url))
    assert stored.status == "accepted"
    (row,) = build_patch_rows([stored])
    assert (row["actor_id"], row["column"], row["new_value"]) == ("innate-pharma", "notes", hostile)
