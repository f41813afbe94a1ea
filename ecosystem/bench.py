"""`python -m ecosystem.bench`: how long the work behind one rerun takes on the real dataset.

Speed is measured here, never asserted in tests.
"""

import statistics
import time
from collections.abc import Callable

from .about import build_dictionary
from .exports import Provenance, build_export_csv, build_export_xlsx, build_map_file
from .filters import Filters, count_facet, filter_actors
from .load import load_dataset
from .maps import build_home_view, build_map
from .validate import validate
from .views import build_directory_table


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
    view = build_home_view(actors, dataset.home_scope)
    print(f"{len(actors)} actors, {len(dataset.relations)} relations")
    measure("load_dataset (cached in the app)", load_dataset, repeat=5)
    measure("validate (cached in the app)", validate, repeat=3)
    measure("filter_actors", lambda: filter_actors(dataset, filters))
    measure(
        "facet counts",
        lambda: [count_facet(dataset, filters, facet.name) for facet in dataset.schema.facets],
    )
    measure("build_directory_table", lambda: build_directory_table(dataset, actors, "fr"))
    measure("build_export_csv", lambda: build_export_csv(dataset, actors))
    measure("build_map + render (all actors)", lambda: build_map(actors, taxonomy, "fr", view=view).get_root().render())
    provenance = Provenance(url="https://example.org/", citation="", licence="", release="", data_as_of="")
    dictionary = build_dictionary(dataset.data_dir)
    measure(
        "build_export_xlsx (all actors)", lambda: build_export_xlsx(dataset, actors, dictionary, provenance, "", "fr")
    )
    measure(
        "build_map_file (download, all actors)",
        lambda: build_map_file(build_map(actors, taxonomy, "fr", view=view), title="map", provenance=provenance),
        repeat=5,
    )


if __name__ == "__main__":
    main()
