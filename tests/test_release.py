"""The data package as a release: one declaration of its version, served files, a zip that validates."""

import json
import re
import shutil
import tomllib
import zipfile

import frictionless
import pytest
import yaml

import ecosystem
from ecosystem.release import MANIFEST, build_release, hash_package, list_package_files, load_release, release_url
from tests.conftest import DATA, ROOT

DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def test_the_descriptor_declares_the_release():
    release = load_release(DATA)
    assert release.version == DESCRIPTOR["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", release.version)
    assert release.date == DESCRIPTOR["created"][:10]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.date)
    assert release.licence_id == "CC-BY-4.0"


def test_no_other_copy_of_the_data_version():
    assert not hasattr(ecosystem, "__version__")
    for path in (ROOT / "ecosystem").glob("*.py"):
        assert f'"{DESCRIPTOR["version"]}"' not in path.read_text(encoding="utf-8"), path.name


def test_the_release_is_the_newest_changelog_entry():
    changelog = (DATA / "README.md").read_text("utf-8").split("## Changelog", 1)[1]
    newest = re.search(r"^- \*\*(\S+) \((\d{4}-\d{2}-\d{2})\)\*\*", changelog, re.MULTILINE)
    assert newest.groups() == (DESCRIPTOR["version"], DESCRIPTOR["created"][:10])


def test_citation_cff_agrees_with_the_descriptor_and_pyproject():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    release = load_release(DATA)
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "dataset"
    assert str(cff["version"]) == release.version
    assert str(cff["date-released"]) == release.date
    assert cff["license"] == release.licence_id
    assert cff["title"] == release.title
    assert tuple(author["name"] for author in cff["authors"]) == release.authors
    (code,) = cff["references"]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert (code["type"], str(code["version"]), code["license"]) == ("software", pyproject["project"]["version"], "MIT")


def test_the_package_validates():
    report = frictionless.validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_release(DATA, tmp_path_factory.mktemp("static") / "release")


def test_release_copies_every_file_of_the_package(built):
    paths = [item.path for item in built.files]
    assert paths[0] == "datapackage.json"
    resources = [resource["path"] for resource in DESCRIPTOR["resources"]]
    assert paths == ["datapackage.json", *resources, "README.md"]
    for item in built.files:
        assert (built.folder / item.path).read_bytes() == (DATA / item.path).read_bytes()
        assert item.size == (DATA / item.path).stat().st_size
    assert built.zip.path == f"marseille-immunology-ecosystem-{DESCRIPTOR['version']}.zip"


def test_the_zip_unpacks_into_a_valid_package(built, tmp_path):
    with zipfile.ZipFile(built.folder / built.zip.path) as archive:
        archive.extractall(tmp_path)
        names = archive.namelist()
    folder = tmp_path / built.zip.path.removesuffix(".zip")
    assert {f"{folder.name}/{path}" for path in list_package_files(DATA)} | {f"{folder.name}/CITATION.cff"} == set(
        names
    )
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]


def test_release_is_rebuilt_only_when_the_data_changes(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    target = tmp_path / "static" / "release"
    first = build_release(data, target)
    manifest = (target / MANIFEST).stat().st_mtime_ns
    build_release(data, target)
    assert (target / MANIFEST).stat().st_mtime_ns == manifest  # up to date: untouched
    with (data / "places.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    second = build_release(data, target)
    assert json.loads((target / MANIFEST).read_text())["hash"] == hash_package(data)
    assert (target / "places.csv").read_bytes() == (data / "places.csv").read_bytes()
    assert second.zip.size != first.zip.size or (target / MANIFEST).stat().st_mtime_ns != manifest
    (target / "actors.csv").unlink()  # a damaged copy is replaced too
    build_release(data, target)
    assert (target / "actors.csv").is_file()


@pytest.mark.parametrize(
    ("path", "base", "expected"),
    [
        ("actors.csv", "", "app/static/release/actors.csv"),
        (
            "taxonomy/types.csv",
            "https://example.org/eco/",
            "https://example.org/eco/app/static/release/taxonomy/types.csv",
        ),
    ],
)
def test_release_url(path, base, expected):
    assert release_url(path, base) == expected
