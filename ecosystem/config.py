"""Where the dataset lives: `ECOSYSTEM_DATA_DIR`, or `data/` beside the package."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_ENV = "ECOSYSTEM_DATA_DIR"
DESCRIPTOR = "datapackage.json"


def resolve_data_dir(data_dir: str | Path | None = None) -> Path:
    """The data directory: the argument, else the environment variable, else `data/`."""
    if data_dir:
        return Path(data_dir)
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else ROOT / "data"
