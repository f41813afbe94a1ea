"""Colours the code chooses itself; the types' own colours are the taxonomy's (`taxonomy/types.csv`)."""

import re

# A type without a usable colour: a neutral grey that keeps 4.5:1 on white.
DEFAULT_COLOUR = "#555555"


def pick_colour(colour: str | None) -> str:
    """`colour` when it is a '#rrggbb' colour, else the default: bad data never reaches a style."""
    return colour if isinstance(colour, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", colour) else DEFAULT_COLOUR
