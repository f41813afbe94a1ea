"""Colours the code chooses itself; the types' own colours are the taxonomy's (`taxonomy/types.csv`)."""

import re

# A type without a usable colour: a neutral grey that keeps 4.5:1 on white.
DEFAULT_COLOUR = "#555555"


def pick_colour(colour: str | None) -> str:
    """`colour` when it is a '#rrggbb' colour, else the default: bad data never reaches a style."""
    return colour if isinstance(colour, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", colour) else DEFAULT_COLOUR


# Series the code colours itself (modalities, areas, round kinds): Okabe and Ito's colour-blind-safe set, then two more.
SERIES_COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#999999",
    "#882255",
)


def pick_series_colour(position: int) -> str:
    """The colour of the `position`-th series, cycling past the end."""
    return SERIES_COLOURS[position % len(SERIES_COLOURS)]
