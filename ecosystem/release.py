"""The data package as a citable release: version and date from the descriptor, files served and zipped.

The descriptor (data/datapackage.json) is the one place that declares the
release: `version`, and `created` (its date). The app, the citation, the
exports and CITATION.cff read them from there.

Streamlit serves only files under `static/`, so the package is copied to
`static/release/` (gitignored) when it is missing or stale: `build_release`
compares a hash of the package's files with the one recorded beside the copy.
The app calls it once per process and data version, and `make run` runs it
before starting the server (`python -m ecosystem release`), so the stable URLs
answer even before the first visit.
"""

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .config import DESCRIPTOR, ROOT
from .paths import RELEASE_DIR, RELEASE_URL
from .schema import Schema, load_schema

MANIFEST = ".manifest.json"
# Documentation that travels with the package.
EXTRA_FILES = ("README.md",)
CITATION_FILE = ROOT / "CITATION.cff"


@dataclass(frozen=True)
class Release:
    """What identifies a release of the dataset."""

    name: str
    title: str
    version: str
    date: str  # ISO day of the release
    licence_id: str  # e.g. CC-BY-4.0
    licence: str  # its title
    licence_url: str
    authors: tuple[str, ...] = ()  # the descriptor's contributors with the role "author"


def build_release_info(schema: Schema) -> Release:
    """The release the descriptor declares; empty fields when it says nothing."""
    licence = (schema.descriptor.get("licenses") or [{}])[0]
    return Release(
        name=schema.name,
        title=schema.title,
        version=schema.version,
        date=schema.created[:10],
        licence_id=licence.get("name", ""),
        licence=schema.licence_name,
        licence_url=schema.licence_url,
        authors=tuple(
            person.get("title", "")
            for person in schema.descriptor.get("contributors", [])
            if person.get("role", "author") == "author" and person.get("title")
        ),
    )


def load_release(data_dir: str | Path) -> Release:
    return build_release_info(load_schema(data_dir))


def list_package_files(data_dir: str | Path) -> list[str]:
    """Paths, relative to the data directory, of every file in the package: descriptor, resources, README."""
    data_dir = Path(data_dir)
    paths = [DESCRIPTOR]
    for path in load_schema(data_dir).paths.values():
        if path and path not in paths and (data_dir / path).is_file():
            paths.append(path)
    paths += [name for name in EXTRA_FILES if (data_dir / name).is_file()]
    return paths


def hash_package(data_dir: str | Path) -> str:
    """A hash of the package's files (names and bytes): a new one means a new copy is due."""
    digest = hashlib.sha256()
    for path in list_package_files(data_dir):
        digest.update(path.encode() + b"\0" + (Path(data_dir) / path).read_bytes() + b"\0")
    if CITATION_FILE.is_file():
        digest.update(CITATION_FILE.read_bytes())
    return digest.hexdigest()[:16]


def zip_name(release: Release) -> str:
    return f"{release.name or 'datapackage'}-{release.version or 'unversioned'}.zip"


def write_zip(data_dir: Path, target: Path, folder: str) -> None:
    """The whole package in one zip, under one folder, so that it unpacks tidily and validates."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in list_package_files(data_dir):
            archive.write(data_dir / path, f"{folder}/{path}")
        if CITATION_FILE.is_file():
            archive.write(CITATION_FILE, f"{folder}/{CITATION_FILE.name}")


@dataclass(frozen=True)
class ReleaseFile:
    path: str  # relative to the release folder, also its URL path under RELEASE_URL
    size: int


@dataclass(frozen=True)
class ReleaseFiles:
    release: Release
    folder: Path
    zip: ReleaseFile
    files: tuple[ReleaseFile, ...]


def _describe(folder: Path, release: Release, paths: list[str]) -> ReleaseFiles:
    name = zip_name(release)
    return ReleaseFiles(
        release=release,
        folder=folder,
        zip=ReleaseFile(name, (folder / name).stat().st_size),
        files=tuple(ReleaseFile(path, (folder / path).stat().st_size) for path in paths),
    )


def read_published_hash(target: str | Path = RELEASE_DIR) -> str | None:
    """The hash recorded with the copy under static/, None when there is none."""
    try:
        return json.loads((Path(target) / MANIFEST).read_text(encoding="utf-8")).get("hash")
    except (OSError, ValueError, AttributeError):
        return None


def build_release(data_dir: str | Path, target: str | Path = RELEASE_DIR) -> ReleaseFiles:
    """Copy the package and its zip to `target` unless an identical copy is there already.

    The copy is written beside the target and swapped in, so a server never
    serves half a release, and two processes building at once do no harm.
    """
    data_dir, target = Path(data_dir), Path(target)
    release = load_release(data_dir)
    paths = list_package_files(data_dir)
    fingerprint = hash_package(data_dir)
    if read_published_hash(target) == fingerprint and all((target / p).is_file() for p in [*paths, zip_name(release)]):
        return _describe(target, release, paths)

    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".release-", dir=target.parent))
    fresh.chmod(0o755)
    try:
        for path in paths:
            (fresh / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(data_dir / path, fresh / path)
        folder = zip_name(release).removesuffix(".zip")
        write_zip(data_dir, fresh / zip_name(release), folder)
        (fresh / MANIFEST).write_text(json.dumps({"hash": fingerprint, "version": release.version}), encoding="utf-8")
        old = target.parent / f".release-old-{os.getpid()}"
        if target.exists():
            target.rename(old)
        fresh.rename(target)
    except OSError:
        shutil.rmtree(fresh, ignore_errors=True)
        if not (target / MANIFEST).is_file():  # no other process finished a copy meanwhile
            raise
    shutil.rmtree(target.parent / f".release-old-{os.getpid()}", ignore_errors=True)
    return _describe(target, release, paths)


def release_url(path: str, base: str = "") -> str:
    """The stable URL of a release file: under the public base when there is one, else relative to the app."""
    relative = f"{RELEASE_URL}/{path}"
    return f"{base.rstrip('/')}/{relative}" if base else relative


def build_release_list(files: ReleaseFiles, base: str, format_size) -> str:
    """The package's files as a Markdown list: each name links to its stable URL, its size beside it."""
    return "\n".join(f"- [`{f.path}`]({release_url(f.path, base)}) · {format_size(f.size)}" for f in files.files)


def build_zip_bytes(data_dir: str | Path) -> bytes:
    """The package's zip in memory, for a server that cannot write under static/."""
    release = load_release(data_dir)
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / zip_name(release)
        write_zip(Path(data_dir), target, zip_name(release).removesuffix(".zip"))
        return target.read_bytes()


__all__ = [
    "Release",
    "ReleaseFiles",
    "build_release",
    "build_release_list",
    "build_zip_bytes",
    "hash_package",
    "list_package_files",
    "load_release",
    "release_url",
]
