"""Marseille immunology ecosystem: the curated dataset and the logic behind the dashboard.

The dataset's release version and date live in data/datapackage.json (see ecosystem.release);
the code's version, in pyproject.toml.
"""

import os

# pandas keeps its strings in pyarrow, whose own allocator (mimalloc) holds about 14 MB more
# than the system's for this dataset: a long-running server is leaner with the latter. pyarrow
# reads this when it loads, and every page imports this package before pandas.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
