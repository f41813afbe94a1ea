"""Content hashes of files: the dataset's version and the key of the kept check result."""

import hashlib
from pathlib import Path


def hash_files(paths: list[Path], root: Path) -> str:
    """A SHA-256 of the files' paths (relative to `root`) and contents, in a fixed order."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
