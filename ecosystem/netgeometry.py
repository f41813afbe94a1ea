"""Where the network's labels go: text boxes estimated in pixels, and positions tried until none overlap.

Plain geometry on the layout's positions, as plotly will draw them (equal axes,
the chart's margins and legends taken out), so it is tested without a browser.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# The drawing's geometry, as label placement estimates it: text in pixels, the chart's width assumed
# narrower than a laptop's page (a wider chart spreads nodes further apart, labels keep their size).
LABEL_FONT = 12
LABEL_COLOUR = "#1a1a1a"
CHAR_WIDTH = 0.62  # an average character's width, in font sizes
LINE_HEIGHT = 1.3
LABEL_GAP = 3
ASSUMED_WIDTH = 900
MARGINS = {"l": 10, "r": 10, "t": 50, "b": 10}
LEGEND_ALLOWANCE = 130  # the legends above and under the graph: their rows take this much of the chart's height
RANGE_PAD = 0.12  # room around the nodes for the outer labels, as a share of the span
NEIGHBOURHOOD_SIDE_ROOM = 0.3
LABEL_POSITIONS = (
    "top center",
    "bottom center",
    "middle right",
    "middle left",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)


@dataclass(frozen=True)
class Box:
    """A rectangle in screen pixels (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return (
            self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom
        )


@dataclass(frozen=True)
class LabelSpot:
    """A node to label: its id, centre in pixels, marker radius in pixels, and text."""

    id: str
    x: float
    y: float
    radius: float
    text: str


def estimate_label_box(spot: LabelSpot, position: str, font: float = LABEL_FONT) -> Box:
    """Where plotly writes `spot.text` for a `textposition`: beside the marker, a few pixels off its edge."""
    width = len(spot.text) * font * CHAR_WIDTH
    height = font * LINE_HEIGHT
    vertical, horizontal = position.split()
    reach = spot.radius + LABEL_GAP
    if horizontal == "center":
        left = spot.x - width / 2
    elif horizontal == "right":
        left = spot.x + (reach if vertical == "middle" else 0)
    else:
        left = spot.x - width - (reach if vertical == "middle" else 0)
    if vertical == "middle":
        top = spot.y - height / 2
    elif vertical == "top":
        top = spot.y - reach - height
    else:
        top = spot.y + reach
    return Box(left, top, left + width, top + height)


def order_positions(spot: LabelSpot, centre: tuple[float, float]) -> list[str]:
    """The text positions to try for a node, the one pointing away from the drawing's centre first."""
    dx, dy = spot.x - centre[0], spot.y - centre[1]
    length = math.hypot(dx, dy) or 1.0

    def away(position: str) -> float:
        vertical, horizontal = position.split()
        hx = {"left": -1.0, "center": 0.0, "right": 1.0}[horizontal]
        vy = {"top": -1.0, "middle": 0.0, "bottom": 1.0}[vertical]
        norm = math.hypot(hx, vy) or 1.0
        return -(hx * dx + vy * dy) / (norm * length)

    return sorted(LABEL_POSITIONS, key=lambda position: (round(away(position), 6), LABEL_POSITIONS.index(position)))


def place_labels(
    spots: Sequence[LabelSpot],
    *,
    font: float = LABEL_FONT,
    centre: tuple[float, float] | None = None,
) -> dict[str, str]:
    """A text position for each spot whose label fits, in the order given (most important first).

    Each label tries the positions around its node, away from the centre first, and takes the
    first whose box overlaps no label already placed and no marker of a spot as important or
    more (a label may cover a lesser node, drawn under it); a label that fits nowhere is dropped.
    """
    if centre is None and spots:
        centre = (sum(item.x for item in spots) / len(spots), sum(item.y for item in spots) / len(spots))
    placed: dict[str, str] = {}
    boxes: list[Box] = []
    markers: list[Box] = []
    for spot in spots:
        markers.append(Box(spot.x - spot.radius, spot.y - spot.radius, spot.x + spot.radius, spot.y + spot.radius))
        for position in order_positions(spot, centre or (spot.x, spot.y)):
            box = estimate_label_box(spot, position, font)
            if not any(box.overlaps(other) for other in boxes) and not any(box.overlaps(m) for m in markers):
                placed[spot.id] = position
                boxes.append(box)
                break
    return placed


def marker_size(degree: int) -> int:
    """A node's marker diameter in pixels: larger for the more connected, within bounds."""
    return 10 + min(16, 2 * degree)


def compute_ranges(
    positions: Iterable[tuple[float, float]], *, side_room: float = RANGE_PAD
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The axes' ranges: the nodes' extent and some room for the outer labels (`side_room` left and right)."""
    points = list(positions) or [(0.0, 0.0)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    pad_x = max(max(xs) - min(xs), 0.2) * side_room
    pad_y = max(max(ys) - min(ys), 0.2) * RANGE_PAD
    return (min(xs) - pad_x, max(xs) + pad_x), (min(ys) - pad_y, max(ys) + pad_y)


def project_to_pixels(
    positions: Mapping[str, tuple[float, float]],
    height: int,
    width: int = ASSUMED_WIDTH,
    *,
    side_room: float = RANGE_PAD,
) -> dict[str, tuple[float, float]]:
    """Layout positions as screen pixels, at the scale plotly draws them (equal axes, the tighter side decides)."""
    (x0, x1), (y0, y1) = compute_ranges(positions.values(), side_room=side_room)
    plot_width = width - MARGINS["l"] - MARGINS["r"]
    plot_height = height - MARGINS["t"] - MARGINS["b"] - LEGEND_ALLOWANCE
    scale = min(plot_width / (x1 - x0), max(plot_height, 1) / (y1 - y0))
    return {node: ((x - x0) * scale, (y1 - y) * scale) for node, (x, y) in positions.items()}
