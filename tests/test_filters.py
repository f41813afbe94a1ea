"""Filters and facet counts, as a table of cases over the fictional dataset."""

import pytest

from ecosystem import columns as C
from ecosystem.filters import Filters, count_facet, count_scope, filter_actors, founded_bounds

ALL = {"alpha-lab", "beta-bio", "gamma-dx", "delta-pharma", "epsilon-hospital", "zeta-cluster", "eta-fund", "mib"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ALL),
        (Filters(type=frozenset({"biotech"})), {"beta-bio"}),
        (Filters(type=frozenset({"biotech", "pharma"})), {"beta-bio", "delta-pharma"}),
        (Filters(area=frozenset({"infectious"})), {"gamma-dx", "epsilon-hospital", "zeta-cluster"}),
        # OR within a facet
        (Filters(area=frozenset({"autoimmune", "transplantation"})), {"alpha-lab", "epsilon-hospital", "zeta-cluster"}),
        # AND across facets
        (
            Filters(area=frozenset({"oncology"}), modality=frozenset({"monoclonal_antibody"})),
            {"beta-bio", "delta-pharma", "zeta-cluster"},
        ),
        (Filters(area=frozenset({"oncology"}), type=frozenset({"hospital"})), {"epsilon-hospital"}),
        (Filters(status=frozenset({"acquired"})), {"gamma-dx"}),
        (Filters(stage=frozenset({"phase_3", "marketed"})), {"beta-bio", "gamma-dx"}),
        (Filters(founded=(1970, 2000)), {"alpha-lab", "beta-bio", "epsilon-hospital"}),
        # an actor with no founding year is left out once a range is chosen
        (Filters(founded=(1900, 2030)), ALL - {"eta-fund"}),
        (Filters(f2030=True), {"zeta-cluster"}),
        (Filters(mib=True), {"alpha-lab", "beta-bio"}),
        (Filters(scope="elsewhere"), {"delta-pharma", "eta-fund"}),
        (Filters(scope="marseille_area", type=frozenset({"pharma"})), set()),
        (Filters(type=frozenset({"biotech"}), area=frozenset({"infectious"})), set()),
    ],
)
def test_filter_actors(mini, filters, expected):
    assert set(filter_actors(mini, filters)[C.ID]) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("therapie", {"beta-bio"}),  # accent-insensitive: "Thérapie"
        ("THÉRAPIE", {"beta-bio"}),
        ("AIL", {"alpha-lab"}),  # acronym
        ("tumeurs", {"alpha-lab"}),  # French description
        ("rapid tests", {"gamma-dx"}),  # every word must appear
        ("rapid zebra", set()),
        ("paris", {"delta-pharma", "eta-fund"}),  # city
        ("<script>alert(1)</script>", set()),
        ("   ", ALL),
    ],
)
def test_search(mini, query, expected):
    assert set(filter_actors(mini, Filters(q=query))[C.ID]) == expected


@pytest.mark.parametrize(
    ("filters", "facet", "expected"),
    [
        # counts ignore the facet's own selection ...
        (
            Filters(type=frozenset({"biotech"})),
            "type",
            {
                "research_lab": 1,
                "biotech": 1,
                "diagnostics_medtech": 1,
                "pharma": 1,
                "hospital": 1,
                "france2030_project": 1,
                "investor": 1,
                "support_organisation": 1,
            },
        ),
        # ... but respect the other facets
        (
            Filters(area=frozenset({"infectious"})),
            "type",
            {"diagnostics_medtech": 1, "hospital": 1, "france2030_project": 1},
        ),
        (
            Filters(type=frozenset({"biotech", "pharma"})),
            "modality",
            {"monoclonal_antibody": 2, "multispecific_antibody": 1},
        ),
        (Filters(scope="elsewhere"), "area", {"oncology": 1, "chronic_inflammatory": 1}),
        (Filters(q="zebra"), "area", {}),
    ],
)
def test_count_facet(mini, filters, facet, expected):
    assert count_facet(mini, filters, facet) == expected


def test_founded_bounds(mini):
    assert founded_bounds(mini.actors) == (1950, 2023)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {"marseille_area": 6, "elsewhere": 2}),
        (Filters(scope="elsewhere"), {"marseille_area": 6, "elsewhere": 2}),  # its own choice aside
        (Filters(type=frozenset({"investor"})), {"marseille_area": 0, "elsewhere": 1}),
    ],
)
def test_count_scope(mini, filters, expected):
    assert count_scope(mini, filters) == expected


@pytest.mark.parametrize(
    ("names", "f2030", "mib"),
    [((), False, False), (("f2030",), True, False), (("mib", "f2030"), True, True)],
)
def test_with_flags_switches_on_the_named_restrictions(names, f2030, mib):
    filters = Filters(q="x").with_flags(*names)
    assert (filters.f2030, filters.mib, filters.q) == (f2030, mib, "x")


def test_with_flags_refuses_a_name_that_is_no_flag():
    with pytest.raises(ValueError, match="scope"):
        Filters().with_flags("scope")
