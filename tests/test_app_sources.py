"""A profile a journalist can quote: numbered references to titled, dated sources, a citation, and the record's history."""

import json
import shutil

import pytest

from ecosystem.history import archive_release
from ecosystem.i18n import t
from tests.conftest import MINI
from tests.test_app import open_page
from tests.tiny import rewrite_rows
from tests.urls import ACTOR, LANG

BETA = "https://example.org/beta"


def _markdown(app) -> list[str]:
    return [element.value for element in app.markdown]


@pytest.fixture
def mini_app(monkeypatch):
    monkeypatch.setenv("ECOSYSTEM_DATA_DIR", str(MINI))


@pytest.mark.parametrize(
    ("lang", "founded", "reference", "checked"),
    [
        (
            "en",
            f"**Founded** — 1999 :small[[\\[1\\]]({BETA})]",
            f"1. [Beta Thérapie raises its Series A]({BETA}) — Example Daily, A\\. Writer, 15 October 2026 · _Press_ · "
            "read on 1 November 2026 · [archived copy](https://archive.example.org/beta)",
            "Last verified on 1 November 2026",
        ),
        (
            "fr",
            f"**Création** — 1999 :small[[\\[1\\]]({BETA})]",
            f"1. [Beta Thérapie raises its Series A]({BETA}) — Example Daily, A\\. Writer, 15 octobre 2026 · _Presse_ · "
            "lu le 1er novembre 2026 · [copie archivée](https://archive.example.org/beta)",
            "Vérifié le 1er novembre 2026",
        ),
    ],
)
def test_a_fact_points_to_its_numbered_source_titled_and_dated(mini_app, lang, founded, reference, checked):
    app = open_page("actor", {ACTOR: "beta-bio", LANG: lang})
    markdown = _markdown(app)
    assert founded in markdown
    assert reference in "\n".join(markdown).splitlines()
    assert checked in app.caption[0].value  # the check date sits under the name, not at the bottom


def test_the_address_is_marked_with_its_source_and_an_untied_fact_is_not(mini_app):
    markdown = _markdown(open_page("actor", {ACTOR: "beta-bio", LANG: "en"}))
    assert f"**Address** — 1 avenue Example, 13009, Marseille :small[[\\[1\\]]({BETA})]" in markdown
    website = next(line for line in markdown if line.startswith("**Website**"))
    assert "\\[1\\]" not in website  # fact_sources.csv ties no source to the website


def test_cite_this_actor_names_the_actor_and_the_version(mini_app):
    app = open_page("actor", {ACTOR: "beta-bio", LANG: "en"})
    line = next(code.value for code in app.get("code") if code.value.startswith("“Beta Thérapie"))
    version = json.loads((MINI / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert line.startswith(f"“Beta Thérapie”, in Marseille immunology ecosystem, release {version} of ")


def _set_version(data, version: str, created: str) -> None:
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.update(version=version, created=f"{created}T00:00:00Z")
    (data / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def test_the_history_shows_a_change_made_between_two_releases(tmp_path, monkeypatch):
    data = shutil.copytree(MINI, tmp_path / "data")
    _set_version(data, "0.1.0", "2026-10-01")
    archive_release(data)

    def add_source(rows):
        rows.append({**rows[0], "id": "registry-beta", "url": "https://registry.example/beta", "title": "Beta SA"})

    def refound(rows):
        beta = next(row for row in rows if row["id"] == "beta-bio")
        beta.update(founded="1998", sources="s2;registry-beta")

    rewrite_rows(data / "sources.csv", add_source)
    rewrite_rows(data / "actors.csv", refound)
    _set_version(data, "0.2.0", "2026-11-15")
    archive_release(data)
    monkeypatch.setenv("ECOSYSTEM_DATA_DIR", str(data))
    app = open_page("actor", {ACTOR: "beta-bio", LANG: "en"})
    changes = next(frame.value for frame in app.dataframe if "field" in frame.value.columns)
    row = changes[changes["field"] == t("col_founded", "en")].iloc[0]
    assert (row["old"], row["new"], row["source"]) == ("1999", "1998", "https://registry.example/beta")
    assert row["release"] == "0.2.0 (15 November 2026)"
    assert "In the dataset since release 0.1.0" in " ".join(caption.value for caption in app.caption)


def test_the_about_page_names_the_publisher_and_the_corrections_contact(mini_app, monkeypatch):
    monkeypatch.setenv("PUBLISHER", "Eurobiomed")
    monkeypatch.setenv("CORRECTIONS_CONTACT", "data@example.org")
    markdown = _markdown(open_page("about", {LANG: "en"}))
    assert "Published by Eurobiomed." in " ".join(markdown)
    assert any("[data@example\\.org](mailto:data@example.org)" in text for text in markdown)
