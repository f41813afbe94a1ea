"""The descriptor is the schema: columns, vocabularies, facets, registries, version and licence.

`data/datapackage.json` declares each of these once. Everything else in the code
asks this module, so a column or vocabulary added there reaches the validator,
the facets and the URL contract without another edit.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from .config import DESCRIPTOR

# Resources whose path lies here are controlled vocabularies (taxonomy/*.csv).
TAXONOMY_FOLDER = "taxonomy/"


@dataclass(frozen=True)
class Facet:
    """A column the reader filters on; `name` is also its URL parameter."""

    name: str
    column: str
    vocabulary: str
    multi: bool


@dataclass(frozen=True)
class VocabularyColumn:
    """A column whose values (or ';'-separated items) come from a taxonomy file."""

    resource: str
    column: str
    vocabulary: str
    multi: bool


@dataclass(frozen=True)
class ReferenceColumn:
    """A column whose ';'-separated items are ids of another data file (the sources a row cites)."""

    resource: str
    column: str
    target: str


@dataclass(frozen=True)
class Registry:
    """A registry identifier column and where its public record lives."""

    column: str
    label: str
    record_url: str

    def url(self, identifier: str) -> str:
        return self.record_url.format(identifier)


@dataclass(frozen=True, eq=False)
class Schema:
    """What the descriptor says, in the shapes the code needs."""

    name: str
    title: str
    version: str
    created: str
    licence_name: str
    licence_url: str
    resources: dict[str, tuple[str, ...]]
    paths: dict[str, str]
    vocabularies: tuple[str, ...]
    vocabulary_columns: tuple[VocabularyColumn, ...]
    facets: tuple[Facet, ...]
    registries: tuple[Registry, ...]
    references: tuple[ReferenceColumn, ...]
    descriptor: dict

    def columns(self, resource: str) -> tuple[str, ...]:
        return self.resources.get(resource, ())

    def multi_valued(self, resource: str) -> tuple[str, ...]:
        return tuple(v.column for v in self.vocabulary_columns if v.resource == resource and v.multi)

    def facet(self, name: str) -> Facet | None:
        return next((facet for facet in self.facets if facet.name == name), None)

    def facet_name(self, column: str) -> str:
        """The URL parameter of the facet over `column` (KeyError when the descriptor makes it none)."""
        for facet in self.facets:
            if facet.column == column:
                return facet.name
        raise KeyError(f"no facet over column {column!r} in the descriptor")

    def fields(self, resource: str) -> list[dict]:
        for item in self.descriptor.get("resources", []):
            if item.get("name") == resource:
                return item.get("schema", {}).get("fields", [])
        return []


def _foreign_vocabularies(resource: dict, vocabularies: set[str]) -> dict[str, str]:
    """Column -> vocabulary, from the resource's foreign keys into taxonomy resources."""
    found = {}
    for key in resource.get("schema", {}).get("foreignKeys", []):
        fields, target = key.get("fields"), key.get("reference", {}).get("resource")
        if isinstance(fields, str) and target in vocabularies:
            found[fields] = target
    return found


def build_schema(descriptor: dict) -> Schema:
    """Read a descriptor dict (tests build their own)."""
    resources = descriptor.get("resources", [])
    vocabularies = tuple(r["name"] for r in resources if str(r.get("path", "")).startswith(TAXONOMY_FOLDER))
    vocabulary_columns, facets, registries, references = [], [], [], []
    for resource in resources:
        foreign = _foreign_vocabularies(resource, set(vocabularies))
        for field in resource.get("schema", {}).get("fields", []):
            column = field["name"]
            multi = bool(field.get("multiValued"))
            vocabulary = field.get("vocabulary") or foreign.get(column)
            if vocabulary:
                vocabulary_columns.append(VocabularyColumn(resource["name"], column, vocabulary, multi))
            if field.get("facet") and vocabulary:
                # A facet declared on another file's field filters the actors on the column derived from it.
                facets.append(Facet(field["facet"], field.get("actorColumn", column), vocabulary, multi))
            if field.get("references"):
                references.append(ReferenceColumn(resource["name"], column, field["references"]))
            if field.get("recordUrl"):
                registries.append(Registry(column, field.get("registry", column), field["recordUrl"]))
    licence = (descriptor.get("licenses") or [{}])[0]
    return Schema(
        name=descriptor.get("name", ""),
        title=descriptor.get("title", ""),
        version=str(descriptor.get("version", "")),
        created=str(descriptor.get("created", "")),
        licence_name=licence.get("title") or licence.get("name", ""),
        licence_url=licence.get("path", ""),
        resources={r["name"]: tuple(f["name"] for f in r.get("schema", {}).get("fields", [])) for r in resources},
        paths={r["name"]: r.get("path", "") for r in resources},
        vocabularies=vocabularies,
        vocabulary_columns=tuple(vocabulary_columns),
        facets=tuple(facets),
        registries=tuple(registries),
        references=tuple(references),
        descriptor=descriptor,
    )


def load_schema(data_dir: str | Path) -> Schema:
    """The schema of the data package in `data_dir`."""
    path = Path(data_dir) / DESCRIPTOR
    return build_schema(json.loads(path.read_text(encoding="utf-8")))
