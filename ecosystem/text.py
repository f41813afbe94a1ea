"""Text normalisation shared by search and the validator's duplicate check."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip accents, so that "therapie" matches "Thérapie"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def split_multi(value: str) -> tuple[str, ...]:
    """Items of a ';'-separated cell, trimmed, empty items dropped."""
    return tuple(item.strip() for item in (value or "").split(";") if item.strip())
