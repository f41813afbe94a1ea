"""`python -m ecosystem.bench`: how long the work behind one rerun takes on the real dataset.

Speed is measured here, never asserted in tests.
"""

import statistics
import time
from collections.abc import Callable

from .filters import FACETS, Filters, count_facet, filter_actors
from .load import load_dataset
from .maps import build_map, build_marseille_view
from .validate import validate
from .views import build_directory_table, build_export_csv


def measure(name: str, work: Callable[[], object], repeat: int = 20) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    print(
        f"{name:<34} median {statistics.median(times) * 1000:8.1f} ms   max {max(times) * 1000:8.1f} ms   (n={repeat})"
    )


def main() -> None:
    dataset = load_dataset()
    actors, taxonomy = dataset.actors, dataset.taxonomy
    filters = Filters(area=frozenset({"oncology"}), q="anticorps")
    view = build_marseille_view(actors)
    print(f"{len(actors)} actors, {len(dataset.relations)} relations")
    measure("load_dataset (cached in the app)", load_dataset, repeat=5)
    measure("validate (cached in the app)", validate, repeat=3)
    measure("filter_actors", lambda: filter_actors(actors, filters))
    measure("facet counts (5 facets)", lambda: [count_facet(actors, filters, facet) for facet in FACETS])
    measure("build_directory_table", lambda: build_directory_table(actors, taxonomy, "fr"))
    measure("build_export_csv", lambda: build_export_csv(actors))
    measure("build_map + render (all actors)", lambda: build_map(actors, taxonomy, "fr", view=view).get_root().render())


if __name__ == "__main__":
    main()
