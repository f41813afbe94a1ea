"""What the app says about the dataset itself, read from data/README.md and the descriptor."""

import re
from pathlib import Path

import pandas as pd

from .i18n import t
from .load import ACTORS
from .schema import load_schema
from .views import escape_markdown, link_markdown

# Section headings of data/README.md shown in the app, per language.
SECTIONS = {
    "criteria": {"en": "Inclusion criteria", "fr": "Critères d'inclusion"},
    "corrections": {"en": "How to propose a correction", "fr": "Proposer une correction"},
    "changelog": {"en": "Changelog", "fr": "Journal des modifications"},
}


# The deployment settings naming who publishes this copy and where corrections go (environment or secrets).
PUBLISHER_SETTING, CONTACT_SETTING = "PUBLISHER", "CORRECTIONS_CONTACT"
_EMAIL = re.compile(r"[^@\s<>()\[\]]+@[^@\s<>()\[\]]+\.[A-Za-z]{2,}")


def describe_contact(contact: str) -> str:
    """An e-mail address as a mail link, a web address as a link, anything else as inert text."""
    contact = contact.strip()
    if _EMAIL.fullmatch(contact):
        return f"[{escape_markdown(contact)}](mailto:{contact})"
    return link_markdown(contact)


def describe_publisher(publisher: str, contact: str, contributors: str, lang: str) -> str:
    """Who publishes the data and where to send a correction, as Markdown; the contributors when unset."""
    lines = [t("publisher_line", lang, publisher=escape_markdown(publisher.strip() or contributors))]
    if contact.strip():
        lines.append(t("contact_line", lang, contact=describe_contact(contact)))
    else:
        lines.append(t("contact_form", lang))
    return "\n\n".join(lines)


def read_sections(path: Path) -> dict[str, str]:
    """Level-two Markdown sections of a file, by heading."""
    if not path.exists():
        return {}
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^## (.+?)\s*$", line)
        if match:
            current = match[1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return {heading: "\n".join(lines).strip() for heading, lines in sections.items()}


def build_about(data_dir: str | Path, lang: str) -> dict[str, str]:
    """Section key -> Markdown in `lang` (English when the translation is missing)."""
    sections = read_sections(Path(data_dir) / "README.md")
    about = {}
    for key, headings in SECTIONS.items():
        text = sections.get(headings.get(lang, "")) or sections.get(headings["en"], "")
        if text:
            about[key] = text
    return about


# A Table Schema type as the reader calls it (catalogue keys).
VALUE_TYPES = {
    "string": "value_type_string",
    "integer": "value_type_integer",
    "number": "value_type_number",
    "date": "value_type_date",
    "boolean": "value_type_boolean",
}


def describe_field(field: dict, lang: str) -> str:
    """A field's description in `lang`: the descriptor's `description_<lang>` (`description` is the English)."""
    english = field.get("description", "")
    return (field.get(f"description_{lang}") or english) if lang != "en" else english


def build_dictionary(data_dir: str | Path, lang: str = "en", resource: str = ACTORS) -> pd.DataFrame:
    """The columns of a resource as the descriptor declares them, headers and descriptions in `lang`.

    Column names stay as they are in the files (they are what a reader joins on).
    """
    fields = load_schema(data_dir).fields(resource)
    headers = [t("dictionary_column", lang), t("dictionary_type", lang), t("dictionary_description", lang)]
    rows = [
        (f["name"], t(VALUE_TYPES[f["type"]], lang) if f["type"] in VALUE_TYPES else f["type"], describe_field(f, lang))
        for f in fields
    ]
    return pd.DataFrame(rows, columns=headers)
