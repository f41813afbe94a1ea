"""Controlled vocabularies (data/taxonomy/*.csv) with their English and French labels.

Which vocabularies exist, and where their files are, is the descriptor's to say
(`schema.vocabularies`). Extra columns of a vocabulary give items a role the
code relies on (a relation kind that makes a member, a status that needs a year),
so that no id is written in the code.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

TRUE = "true"


@dataclass(frozen=True)
class Taxonomy:
    """Vocabulary name -> ordered {id: row}. Ids are stable; labels may change."""

    vocabularies: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def ids(self, vocabulary: str) -> tuple[str, ...]:
        return tuple(self.vocabularies.get(vocabulary, {}))

    def row(self, vocabulary: str, item: str) -> dict[str, str]:
        return self.vocabularies.get(vocabulary, {}).get(item, {})

    def label(self, vocabulary: str, item: str, lang: str) -> str:
        """The label in `lang`; the id itself when the item is unknown."""
        return self.row(vocabulary, item).get(f"label_{lang}") or item

    def label_in_text(self, vocabulary: str, item: str, lang: str) -> str:
        """The label as it reads inside a sentence: 'les cancers' / 'cancers' (`label_<lang>_in_text`).

        A vocabulary without that column gives its label, lower-cased in English mid-sentence.
        """
        row = self.row(vocabulary, item)
        written = row.get(f"label_{lang}_in_text")
        if written:
            return written
        label = self.label(vocabulary, item, lang)
        return label[:1].lower() + label[1:] if lang == "en" and row else label

    def labels(self, vocabulary: str, items, lang: str) -> list[str]:
        return [self.label(vocabulary, item, lang) for item in items]

    def ids_where(self, vocabulary: str, column: str, value: str = TRUE) -> tuple[str, ...]:
        """The items whose `column` holds `value` (a role, or 'true' for a flag)."""
        return tuple(i for i, row in self.vocabularies.get(vocabulary, {}).items() if row.get(column) == value)

    def first_where(self, vocabulary: str, column: str, value: str = TRUE) -> str | None:
        found = self.ids_where(vocabulary, column, value)
        return found[0] if found else None


def load_taxonomy(data_dir: Path, paths: dict[str, str]) -> Taxonomy:
    """Every vocabulary of `paths` (name -> path in the data directory); a missing file is an empty one."""
    vocabularies: dict[str, dict[str, dict[str, str]]] = {}
    for name, relative in paths.items():
        path = Path(data_dir) / relative
        if not path.exists():
            vocabularies[name] = {}
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            vocabularies[name] = {row["id"]: row for row in csv.DictReader(handle) if row.get("id")}
    return Taxonomy(vocabularies)
