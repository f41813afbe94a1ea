"""Links on the public address, and citations in the reader's language."""

from urllib.parse import parse_qs, urlsplit

import pytest

from ecosystem.filters import Filters
from ecosystem.release import Release
from ecosystem.share import build_citation, build_public_url, derive_app_root, resolve_public_base
from ecosystem.urlstate import ViewState, decode_state, encode_state
from tests.urls import page_path


@pytest.mark.parametrize(
    ("env", "secrets", "expected"),
    [
        ({}, None, None),
        ({}, {}, None),
        ({"PUBLIC_BASE_URL": "https://example.org/eco"}, None, "https://example.org/eco"),
        ({"PUBLIC_BASE_URL": " https://example.org/eco/ "}, None, "https://example.org/eco"),
        ({}, {"PUBLIC_BASE_URL": "https://eco.example.org"}, "https://eco.example.org"),
        ({"PUBLIC_BASE_URL": "https://a.example"}, {"PUBLIC_BASE_URL": "https://b.example"}, "https://a.example"),
        ({"PUBLIC_BASE_URL": ""}, {"PUBLIC_BASE_URL": "http://b.example:8080/x"}, "http://b.example:8080/x"),
        ({"PUBLIC_BASE_URL": "javascript:alert(1)"}, None, None),
        ({"PUBLIC_BASE_URL": "example.org/eco"}, None, None),
        ({"PUBLIC_BASE_URL": "https://example.org/?a=1"}, None, None),
    ],
)
def test_resolve_public_base(env, secrets, expected):
    assert resolve_public_base(env, secrets) == expected


@pytest.mark.parametrize(
    ("url", "page_path", "expected"),
    [
        ("http://127.0.0.1:8501/somepage", "somepage", "http://127.0.0.1:8501"),
        ("http://127.0.0.1:8501/", "", "http://127.0.0.1:8501"),
        ("https://host.example/eco/otherpage", "otherpage", "https://host.example/eco"),
        ("https://host.example/eco/otherpage?tag=red", "otherpage", "https://host.example/eco"),
        ("https://host.example/eco/otherpage#top", "otherpage", "https://host.example/eco"),
        ("https://host.example/eco/somepage/", "somepage", "https://host.example/eco"),
        ("https://host.example/somepages", "somepage", "https://host.example/somepages"),
        (None, "somepage", None),
        ("", "somepage", None),
    ],
)
def test_derive_app_root(url, page_path, expected):
    assert derive_app_root(url, page_path) == expected


@pytest.mark.parametrize(
    ("base", "page_path", "params", "expected"),
    [
        (
            "https://example.org/eco",
            "somepage",
            {"tags": "red,green", "id": "some-thing"},
            "https://example.org/eco/somepage?tags=red,green&id=some-thing",
        ),
        ("https://example.org/eco/", "", {"k": "v"}, "https://example.org/eco/?k=v"),
        ("https://example.org/eco", "somepage", {}, "https://example.org/eco/somepage"),
        ("https://example.org/eco", "/somepage/", {}, "https://example.org/eco/somepage"),
        (None, "somepage", {"id": "x"}, "/somepage?id=x"),
        (
            "http://127.0.0.1:8501",
            "otherpage",
            {"text": "thérapie & co #1 + 50%"},
            "http://127.0.0.1:8501/otherpage?text=th%C3%A9rapie%20%26%20co%20%231%20%2B%2050%25",
        ),
    ],
)
def test_build_public_url(base, page_path, params, expected):
    assert build_public_url(base, page_path, params) == expected


@pytest.mark.parametrize(
    "state",
    [
        ViewState(),
        ViewState(filters=Filters(area=frozenset({"oncology", "infectious"})), actor="beta-bio", lang="en"),
        ViewState(filters=Filters(q="thérapie & co #1 + 50%, vite", founded=(1990, 2020), mib=True)),
        ViewState(filters=Filters(scope="elsewhere", f2030=True, type=frozenset({"biotech", "pharma"}))),
    ],
)
def test_a_public_link_opens_the_same_view(mini, state):
    url = build_public_url("https://example.org/eco", page_path("map"), encode_state(state, mini))
    decoded, ignored = decode_state(parse_qs(urlsplit(url).query), mini)
    assert ignored == []
    assert decoded == state


RELEASE = Release(
    name="marseille-immunology-ecosystem",
    title="Marseille immunology ecosystem",
    version="0.3.0",
    date="2026-12-01",
    licence_id="CC-BY-4.0",
    licence="Creative Commons Attribution 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Marseille immunology ecosystem, release 0.3.0 of 1 December 2026. https://example.org/eco/somepage?tag=red. Licence: CC BY 4.0.",
        ),
        (
            "fr",
            "Écosystème de l'immunologie à Marseille, version 0.3.0 du 1er décembre 2026. https://example.org/eco/somepage?tag=red. Licence\u00a0: CC BY 4.0.",
        ),
    ],
)
def test_citation_in_the_readers_language(lang, expected):
    assert build_citation(RELEASE, "https://example.org/eco/somepage?tag=red", lang) == expected
