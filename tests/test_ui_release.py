"""The app publishes the data package under static/ again when the copy disappears."""

import shutil

import pytest

from ecosystem.release import MANIFEST, read_published_hash
from ecosystem.ui.cache import publish_release


@pytest.fixture
def target(tmp_path):
    return tmp_path / "static" / "release"


def test_a_deleted_release_folder_is_published_again(real, target):
    files, error = publish_release(real, target)
    assert error is None
    assert files is not None
    assert (target / files.zip.path).is_file()
    shutil.rmtree(target)  # a clean-up, a deploy, another process

    files, error = publish_release(real, target)
    assert error is None
    assert (target / MANIFEST).is_file()
    assert all((target / item.path).is_file() for item in files.files)
    assert (target / files.zip.path).is_file()


def test_a_present_release_is_not_copied_again(real, target):
    publish_release(real, target)
    stamp = (target / MANIFEST).stat().st_mtime_ns
    publish_release(real, target)
    assert (target / MANIFEST).stat().st_mtime_ns == stamp
    assert read_published_hash(target)


def test_a_copy_replaced_by_another_version_is_published_again(real, target):
    publish_release(real, target)
    (target / MANIFEST).write_text('{"hash": "another version"}', encoding="utf-8")
    publish_release(real, target)
    assert read_published_hash(target) not in (None, "another version")
