"""The network scene's story: who came from whom and who bought whom, in columns read left to right.

The full relations graph stays on /network. On a projected slide it is a hairball,
so the scene keeps only the lineage (spin-offs, subsidiaries, acquisitions): the
labs a company came from on the left, the company in the middle, whoever bought
it on the right. Each actor is a labelled box in a column, so no two names can
overlap; the actors with the most lineage links (the hubs) are drawn darker.
"""

from dataclasses import dataclass
from html import escape

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .i18n import t
from .placement import Box, measure_text
from .taxonomy import Taxonomy

# The relation kinds that tell the lineage, and which way it runs: (kind, the source comes after its target).
LINEAGE_KINDS = {"spin_off_of": True, "subsidiary_of": True, "acquired_by": False}
WIDTH, HEIGHT = 1840, 780
FONT = 22
ROW_GAP = 10
HUB_DEGREE = 3
DASHES = {
    "subsidiary_of": ' stroke-dasharray="12 6 3 6"'
}  # black as an acquisition in the taxonomy: told apart by its dash  # an actor with this many lineage links or more is a hub


@dataclass(frozen=True)
class Step:
    """One link of the lineage, drawn from `before` to `after` (a lab to its spin-off, a company to its buyer)."""

    before: str
    after: str
    kind: str
    year: str


def select_lineage(relations: pd.DataFrame, shown: set[str]) -> list[Step]:
    """The lineage links between shown actors, oldest first."""
    steps = []
    for row in relations.to_dict("records"):
        kind = row[C.KIND]
        if kind not in LINEAGE_KINDS or row["source_id"] not in shown or row["target_id"] not in shown:
            continue
        source, target = row["source_id"], row["target_id"]
        before, after = (target, source) if LINEAGE_KINDS[kind] else (source, target)
        year = "" if pd.isna(row.get("year")) else str(int(row["year"]))
        steps.append(Step(before, after, kind, year))
    return sorted(steps, key=lambda step: (step.year or "9999", step.before, step.after))


def assign_columns(steps: list[Step]) -> dict[str, int]:
    """Each actor's column: the longest chain of lineage before it (0: an origin)."""
    column = {name: 0 for step in steps for name in (step.before, step.after)}
    for _ in range(len(column)):
        changed = False
        for step in steps:
            if column[step.after] < column[step.before] + 1:
                column[step.after] = column[step.before] + 1
                changed = True
        if not changed:
            break
    return column


def order_rows(steps: list[Step], column: dict[str, int]) -> dict[int, list[str]]:
    """The actors of each column, ordered so that linked actors sit at about the same height (barycentres)."""
    columns: dict[int, list[str]] = {}
    for name in sorted(column):
        columns.setdefault(column[name], []).append(name)
    for _ in range(4):
        for index in sorted(columns)[1:]:
            before = {name: rank for rank, name in enumerate(columns[index - 1])}
            scale = len(columns[index]) / max(1, len(columns[index - 1]))

            def centre(name: str, rank: int, before=before, scale=scale) -> float:
                links = [before[s.before] * scale for s in steps if s.after == name and s.before in before]
                return sum(links) / len(links) if links else rank

            columns[index] = [n for _, n in sorted((centre(n, r), n) for r, n in enumerate(columns[index]))]
        for index in sorted(columns, reverse=True)[1:]:
            after = {name: rank for rank, name in enumerate(columns[index + 1])} if index + 1 in columns else {}
            scale = len(columns[index]) / max(1, len(columns.get(index + 1, [])))

            def centre_back(name: str, rank: int, after=after, scale=scale) -> float:
                links = [after[s.after] * scale for s in steps if s.before == name and s.after in after]
                return sum(links) / len(links) if links else rank

            columns[index] = [n for _, n in sorted((centre_back(n, r), n) for r, n in enumerate(columns[index]))]
    return columns


def fit_text(text: str, width: float, font: float) -> str:
    """`text` cut with an ellipsis to fit `width` pixels at `font` (whole when it fits)."""
    while len(text) > 4 and measure_text(text, font)[0] > width:
        text = text[:-2].rstrip() + "…"
    return text


@dataclass(frozen=True)
class LineageLayout:
    boxes: dict[str, Box]
    names: dict[str, str]
    hubs: set[str]
    font: float


def lay_out_lineage(
    steps: list[Step], names: dict[str, str], width: float = WIDTH, height: float = HEIGHT
) -> LineageLayout:
    """A box per actor: columns spread across the width, rows down the height, the font shrunk to fit (not under 20)."""
    column = assign_columns(steps)
    columns = order_rows(steps, column)
    degree: dict[str, int] = {}
    for step in steps:
        for name in (step.before, step.after):
            degree[name] = degree.get(name, 0) + 1
    rows = max((len(items) for items in columns.values()), default=1)
    font = FONT
    while font > 21 and rows * (measure_text("x", font)[1] + ROW_GAP) > height:
        font -= 1
    box_height = measure_text("x", font)[1]
    fit = max(1, int(height // (box_height + ROW_GAP)))  # rows a column holds; past that it wraps beside itself
    wraps = {index: -(-len(items) // fit) for index, items in columns.items()}
    slot = width / max(1, sum(wraps.values()))
    boxes, shown, left = {}, dict(names), 0.0
    for index in sorted(columns):
        items = columns[index]
        per = -(-len(items) // wraps[index])
        for part in range(wraps[index]):
            chunk = items[part * per : (part + 1) * per]
            pitch = height / max(1, len(chunk))
            for rank, name in enumerate(chunk):
                text = fit_text(names.get(name, name), slot - 24, font)
                shown[name] = text
                w = measure_text(text, font)[0]
                boxes[name] = Box(left + (slot - w) / 2, rank * pitch + (pitch - box_height) / 2, w, box_height)
            left += slot
    return LineageLayout(boxes, shown, {name for name, count in degree.items() if count >= HUB_DEGREE}, font)


def build_lineage_svg(steps: list[Step], layout: LineageLayout, taxonomy: Taxonomy, lang: str) -> str:
    """The lineage as SVG: curved arrows coloured by kind, then the labelled boxes on top."""
    colours = {kind: taxonomy.row(V.RELATION_KINDS, kind).get("colour", "#555555") for kind in LINEAGE_KINDS}
    paths = []
    for step in steps:
        a, b = layout.boxes[step.before], layout.boxes[step.after]
        x1, y1, x2, y2 = a.x + a.w, a.y + a.h / 2, b.x, b.y + b.h / 2
        middle = (x1 + x2) / 2
        paths.append(
            f'<path d="M{x1:.0f} {y1:.0f}C{middle:.0f} {y1:.0f} {middle:.0f} {y2:.0f} {x2 - 8:.0f} {y2:.0f}" '
            f'fill="none" stroke="{colours[step.kind]}" stroke-width="3"{DASHES.get(step.kind, "")} marker-end="url(#arrow-{step.kind})"/>'
        )
    markers = "".join(
        f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="2" refY="5" markerWidth="4" markerHeight="4" '
        f'orient="auto"><path d="M0 0L10 5L0 10z" fill="{colour}"/></marker>'
        for kind, colour in colours.items()
    )
    boxes = []
    for name, box in layout.boxes.items():
        hub = name in layout.hubs
        fill, ink = ("#1f3a5f", "#ffffff") if hub else ("#ffffff", "#111111")
        boxes.append(
            f'<g class="scene-label{" scene-hub" if hub else ""}"><rect x="{box.x:.1f}" y="{box.y:.1f}" '
            f'width="{box.w:.1f}" height="{box.h:.1f}" rx="6" fill="{fill}" stroke="#1f3a5f" stroke-width="1.5"/>'
            f'<text x="{box.x + box.w / 2:.1f}" y="{box.y + box.h / 2:.1f}" dy="0.35em" text-anchor="middle" '
            f'font-size="{layout.font}" font-weight="{700 if hub else 400}" fill="{ink}">'
            f"{escape(layout.names.get(name, name))}</text></g>"
        )
    label = escape(t("present_lineage_alt", lang, count=len(steps)))
    return (
        f'<svg class="scene-network" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">'
        f"<defs>{markers}</defs>{''.join(paths)}{''.join(boxes)}</svg>"
    )


def build_lineage_legend(taxonomy: Taxonomy, lang: str) -> list[tuple[str, str]]:
    """(CSS background, label) per lineage kind, worded the way its arrow reads (origin → spin-off: "Spin-off")."""
    items = []
    for kind, reversed_ in LINEAGE_KINDS.items():
        row = taxonomy.row(V.RELATION_KINDS, kind)
        colour = row.get("colour", "#555555")
        label = row.get(f"inverse_{lang}") if reversed_ else taxonomy.label(V.RELATION_KINDS, kind, lang)
        if kind in DASHES:
            colour = f"repeating-linear-gradient(90deg,{colour} 0 8px,transparent 8px 12px)"
        items.append((colour, label or kind))
    return items
