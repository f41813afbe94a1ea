"""The URL contract: tables of links and what they open, and a round-trip property."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecosystem import vocabularies as V
from ecosystem.filters import FLAGS, Filters
from ecosystem.load import load_dataset
from ecosystem.urlstate import ACTOR, FOUNDED, LANG, SCOPE, Ignored, Q, ViewState, decode_state, encode_state
from tests.conftest import MINI

ACTORS = ["alpha-lab", "beta-bio", "gamma-dx"]


def decode(mini, params):
    return decode_state(params, mini)


@pytest.mark.parametrize(
    ("params", "state", "ignored"),
    [
        ({}, ViewState(), []),
        ({"type": "biotech"}, ViewState(Filters(type=frozenset({"biotech"}))), []),
        ({"type": "biotech,pharma"}, ViewState(Filters(type=frozenset({"biotech", "pharma"}))), []),
        # repeated keys are a union
        ({"type": ["biotech", "pharma"]}, ViewState(Filters(type=frozenset({"biotech", "pharma"}))), []),
        (
            {"area": "oncology", "modality": "monoclonal_antibody"},
            ViewState(Filters(area=frozenset({"oncology"}), modality=frozenset({"monoclonal_antibody"}))),
            [],
        ),
        (
            {"area": "oncology,nonsense"},
            ViewState(Filters(area=frozenset({"oncology"}))),
            [Ignored("area", "nonsense")],
        ),
        ({"area": " oncology , ,"}, ViewState(Filters(area=frozenset({"oncology"}))), []),
        (
            {"status": "acquired", "stage": "phase_3"},
            ViewState(Filters(status=frozenset({"acquired"}), stage=frozenset({"phase_3"}))),
            [],
        ),
        ({"stage": "phase_9"}, ViewState(), [Ignored("stage", "phase_9")]),
        ({"founded": "1990-2010"}, ViewState(Filters(founded=(1990, 2010))), []),
        ({"founded": "2010-1990"}, ViewState(), [Ignored("founded", "2010-1990")]),
        ({"founded": "abc"}, ViewState(), [Ignored("founded", "abc")]),
        ({"q": "thérapie"}, ViewState(Filters(q="thérapie")), []),
        ({"q": "x" * 500}, ViewState(Filters(q="x" * 200)), []),
        ({"f2030": "1", "mib": "1"}, ViewState(Filters(f2030=True, mib=True)), []),
        ({"f2030": "0"}, ViewState(), []),
        ({"mib": "yes"}, ViewState(), [Ignored("mib", "yes")]),
        ({"scope": "elsewhere"}, ViewState(Filters(scope="elsewhere")), []),
        ({"scope": "moon"}, ViewState(), [Ignored("scope", "moon")]),
        ({"actor": "beta-bio"}, ViewState(actor="beta-bio"), []),
        ({"actor": "no-such-actor"}, ViewState(), [Ignored("actor", "no-such-actor")]),
        ({"lang": "en"}, ViewState(lang="en"), []),
        ({"lang": "de"}, ViewState(), [Ignored("lang", "de")]),
        ({"unknown": "whatever"}, ViewState(), []),
        ({"type": "<script>alert(1)</script>"}, ViewState(), [Ignored("type", "<script>alert(1)</script>")]),
    ],
)
def test_decode(mini, params, state, ignored):
    assert decode(mini, params) == (state, ignored)


@pytest.mark.parametrize(
    ("state", "params"),
    [
        (ViewState(), {}),
        # ids in taxonomy order, whatever order they were picked in
        (ViewState(Filters(type=frozenset({"pharma", "biotech"}))), {"type": "biotech,pharma"}),
        (ViewState(Filters(founded=(1990, 2010), f2030=True)), {"founded": "1990-2010", "f2030": "1"}),
        (
            ViewState(Filters(q="  therapie "), actor="beta-bio", lang="en"),
            {"q": "therapie", "actor": "beta-bio", "lang": "en"},
        ),
        (ViewState(Filters(scope="marseille_area", mib=True)), {"mib": "1", "scope": "marseille_area"}),
        (ViewState(lang="fr"), {}),  # the default language stays out of the URL
    ],
)
def test_encode(mini, state, params):
    assert encode_state(state, mini) == params


MINI_DATASET = load_dataset(MINI)
TAXONOMY = MINI_DATASET.taxonomy


def _ids(vocabulary):
    return st.frozensets(st.sampled_from(TAXONOMY.ids(vocabulary)))


_YEARS = st.tuples(st.integers(1900, 2030), st.integers(0, 50)).map(lambda pair: (pair[0], pair[0] + pair[1]))
# Every facet the descriptor declares, every flag: a facet added to the descriptor is tested here unedited.
_FILTERS = st.builds(
    Filters,
    founded=st.none() | _YEARS,
    q=st.text(max_size=40).map(str.strip),
    scope=st.sampled_from([None, *TAXONOMY.ids(V.SCOPES)]),
    **{facet.name: _ids(facet.vocabulary) for facet in MINI_DATASET.schema.facets},
    **dict.fromkeys(FLAGS, st.booleans()),
)
_STATES = st.builds(
    ViewState, filters=_FILTERS, actor=st.none() | st.sampled_from(ACTORS), lang=st.sampled_from(["fr", "en"])
)


@settings(max_examples=200, deadline=None)
@given(_STATES)
def test_round_trip(state):
    """Any view survives encode then decode unchanged, with nothing ignored."""
    params = encode_state(state, MINI_DATASET)
    assert decode_state(params, MINI_DATASET) == (state, [])


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [*(f.name for f in MINI_DATASET.schema.facets), Q, FOUNDED, ACTOR, LANG, SCOPE, *FLAGS, "other"]
        ),
        st.lists(st.text(max_size=30), max_size=3),
    )
)
def test_decode_never_raises(params):
    """Junk in the URL still opens a view, and every dropped value is reported."""
    state, ignored = decode_state(params, MINI_DATASET)
    assert isinstance(state, ViewState)
    assert all(item.param in params for item in ignored)
