"""Sources as data: citations resolved to URLs, a profile's numbered references, copies reported, history across forms."""

import csv
import shutil

import pytest

from ecosystem.about import describe_contact, describe_publisher
from ecosystem.history import archive_release, build_record_history, load_history
from ecosystem.load import load_dataset, resolve_urls
from ecosystem.references import Reference, build_reference_list, describe_reference, list_references, mark_facts
from ecosystem.report import build_report
from ecosystem.views import build_source_links
from tests.conftest import MINI
from tests.tiny import rewrite_rows

URLS = {"a": "https://a.example/page", "b": "https://b.example/"}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("a", "https://a.example/page"),
        ("b;a", "https://b.example/;https://a.example/page"),
        ("a;unknown", "https://a.example/page"),  # an undeclared id links nowhere (the check reports it)
        ("https://written.example", "https://written.example"),  # a URL left in place still links
        ("javascript:alert(1)", ""),
        ("", ""),
    ],
)
def test_cited_ids_resolve_to_their_urls(cell, expected):
    assert resolve_urls(cell, URLS) == expected


def test_a_profile_numbers_its_sources_then_its_sites(mini):
    beta = mini.find_actor("beta-bio")
    references = list_references(mini, beta)
    assert [(ref.number, ref.source_id) for ref in references] == [(1, "s2"), (2, "s12")]  # s12: south-campus
    assert mark_facts(mini, beta, references) == {
        "founded": ":small[[\\[1\\]](https://example.org/beta)]",
        "address": ":small[[\\[1\\]](https://example.org/beta)]",
        "stage": ":small[[\\[1\\]](https://example.org/beta)]",  # its phase 3 programme cites s2
        "location": ":small[[\\[2\\]](https://example.org/south)]",
    }


@pytest.mark.parametrize(
    ("ref", "lang", "expected"),
    [
        (
            Reference(
                3,
                "x",
                "https://copy.example/wiki/Luminy",
                "Luminy",
                "Wikipedia",
                "",
                "2019",
                "2026-12-05",
                "",
                "mirror",
                True,
            ),
            "en",
            "[Luminy](https://copy.example/wiki/Luminy) — Wikipedia, 2019 · a copy on copy\\.example: the original could "
            "not be found · read on 5 December 2026",
        ),
        (
            Reference(1, "y", "https://www.news.example/2024/story", "", "", "", "", "", "", "press", False),
            "fr",
            "[news\\.example/2024/story](https://www.news.example/2024/story) · _Presse_",
        ),
        (
            Reference(5, "w", "https://long.example/" + "a" * 80, kind="press"),
            "en",
            f"[long\\.example/{'a' * 46}…](https://long.example/{'a' * 80}) · _Press_",
        ),
        (
            Reference(6, "q", "https://www.site.example/?p=57984", kind="press"),
            "en",
            "[site\\.example/?p=57984](https://www.site.example/?p=57984) · _Press_",
        ),
        (
            Reference(2, "gone", ""),
            "en",
            "gone",
        ),
        (
            Reference(
                4, "z", "https://z.example", "A [bold] *title*", "Pub", "", "2024-03-12", "", "", "registry", False
            ),
            "en",
            "[A \\[bold\\] \\*title\\*](https://z.example) — Pub, 12 March 2024 · _Registry_",
        ),
    ],
)
def test_a_reference_reads_title_publisher_date_kind_and_reading(mini, ref, lang, expected):
    assert describe_reference(ref, mini, lang) == expected


def test_the_reference_list_is_numbered(mini):
    text = build_reference_list(mini, list_references(mini, mini.find_actor("beta-bio")), "en")
    assert [line.split(". ", 1)[0] for line in text.splitlines()] == ["1", "2"]


@pytest.mark.parametrize(
    ("publisher", "contact", "lang", "expected"),
    [
        (
            "Eurobiomed",
            "data@example.org",
            "en",
            "Published by Eurobiomed.\n\nCorrections: [data@example\\.org](mailto:data@example.org), or "
            "**Suggest a correction** on any actor's page.",
        ),
        (
            "",
            "https://example.org/corrections",
            "fr",
            "Publié par Les contributeurs.\n\nCorrections\u00a0: [https\\://example\\.org/corrections]"
            "(https://example.org/corrections), ou **Proposer une correction** sur la page de chaque acteur.",
        ),
        (
            "**Me**",
            "",
            "en",
            "Published by \\*\\*Me\\*\\*.\n\nCorrections: use **Suggest a correction** on any actor's page.",
        ),
    ],
)
def test_the_publisher_and_the_corrections_contact(publisher, contact, lang, expected):
    assert describe_publisher(publisher, contact, "Les contributeurs", lang) == expected


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("a@b.org", "[a@b\\.org](mailto:a@b.org)"),
        ("javascript:alert(1)", "javascript\\:alert\\(1\\)"),
        ("call [us](x)", "call \\[us\\]\\(x\\)"),
    ],
)
def test_a_contact_is_a_link_only_when_it_is_one(contact, expected):
    assert describe_contact(contact) == expected


def test_the_report_counts_facts_resting_on_copies_and_lists_the_copies(tmp_path):
    data = shutil.copytree(MINI, tmp_path / "data")

    def copy_s2(row):
        if row["id"] == "s2":
            row.update(kind="mirror", notes="the publisher's page is gone")

    rewrite_rows(data / "sources.csv", lambda rows: [copy_s2(row) for row in rows])
    report = build_report(data).splitlines()
    assert "| founding years | 2 |" in report  # beta-bio's year and its founding event
    assert "| statuses | 1 |" in report
    assert "| rounds, grants and acquisitions | 2 |" in report  # its series B and its licence with an amount
    assert "| amounts of other events | 0 |" in report  # the founding event counts once, as a founding year
    assert "| Copy on a third-party site | 1 | 6% |" in report
    assert "**Copies kept** (1: the original could not be found)" in report
    assert "| `s2` | Beta Thérapie raises its Series A | Example Daily | the publisher's page is gone |" in report


def test_the_real_report_has_no_quoted_fact_resting_on_copies_alone(real):
    report = build_report(real.data_dir).splitlines()
    for facts in ("founding years", "statuses", "rounds, grants and acquisitions", "amounts of other events"):
        assert f"| {facts} | 0 |" in report


def test_citing_ids_instead_of_urls_is_no_change_of_evidence(tmp_path):
    """A release that cited URLs, then one citing the same pages by id: the record did not change."""
    data = shutil.copytree(MINI, tmp_path / "data")
    urls = {row["id"]: row["url"] for row in csv.DictReader((data / "sources.csv").open(encoding="utf-8"))}
    citing = ("actors.csv", "relations.csv", "milestones.csv", "programmes.csv", "deals.csv")
    ids = {name: (data / name).read_text(encoding="utf-8") for name in (*citing, "sources.csv")}
    for name in citing:
        rewrite_rows(data / name, lambda rows: [row.update(sources=resolve_urls(row["sources"], urls)) for row in rows])
    (data / "sources.csv").unlink()
    archive_release(data)
    for name, text in ids.items():
        (data / name).write_text(text, encoding="utf-8")
    history = load_history(data)
    assert len(history) == 1  # the data now tells what the kept release told
    assert build_record_history(history, "beta-bio")[0].sources == ("https://example.org/beta",)
    assert load_dataset(data).find_actor("beta-bio")["source_urls"] == "https://example.org/beta"


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ("https://www.gomet.net/a-long-article/", ["[gomet\\.net](https://www.gomet.net/a-long-article/)"]),
        (
            "https://x.example/?p=1;http://y.example",
            ["[x\\.example](https://x.example/?p=1)", "[y\\.example](http://y.example)"],
        ),
        ("not a link", ["not a link"]),
    ],
)
def test_a_source_link_is_named_by_its_site(sources, expected):
    assert build_source_links(sources) == expected
