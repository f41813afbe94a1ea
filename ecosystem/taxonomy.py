"""Controlled vocabularies (data/taxonomy/*.csv) with their English and French labels."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

VOCABULARIES = (
    "types",
    "areas",
    "modalities",
    "statuses",
    "stages",
    "relation_kinds",
    "milestone_kinds",
    "scopes",
    "precisions",
    "place_kinds",
)


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

    def labels(self, vocabulary: str, items, lang: str) -> list[str]:
        return [self.label(vocabulary, item, lang) for item in items]


def load_taxonomy(data_dir: Path) -> Taxonomy:
    vocabularies = {}
    for name in VOCABULARIES:
        path = Path(data_dir) / "taxonomy" / f"{name}.csv"
        if not path.exists():
            vocabularies[name] = {}
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            vocabularies[name] = {row["id"]: row for row in csv.DictReader(handle) if row.get("id")}
    return Taxonomy(vocabularies)
