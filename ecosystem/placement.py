"""Labels placed beside their markers without covering each other or any marker.

Plain geometry in screen pixels, so the map and network scenes can promise (and a
test can check) that no two label boxes overlap: each label tries a few spots
around its anchor, most important labels first, and is left out when none is free.
"""

from dataclasses import dataclass

CHAR_WIDTH = 0.58  # an average character's width, in font sizes (sans-serif, mixed case)
LINE_HEIGHT = 1.25
PADDING = 6  # pixels of box around the text, each side
GAP = 4  # pixels kept between a label and what it must not touch


@dataclass(frozen=True)
class Box:
    """A rectangle on screen: left, top, width and height in pixels."""

    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: "Box", gap: float = 0) -> bool:
        return not (
            self.x + self.w + gap <= other.x
            or other.x + other.w + gap <= self.x
            or self.y + self.h + gap <= other.y
            or other.y + other.h + gap <= self.y
        )

    def inside(self, width: float, height: float) -> bool:
        return self.x >= 0 and self.y >= 0 and self.x + self.w <= width and self.y + self.h <= height


NARROW = set("fijlrt.,;:'!|() ")
WIDE = set("mwMW")


def char_width(char: str) -> float:
    """A character's width in font sizes, roughly as sans-serif draws it (capitals and m, w are wider)."""
    if char in NARROW:
        return 0.34
    if char in WIDE:
        return 0.86
    if char.isupper() or char.isdigit():
        return 0.7
    return CHAR_WIDTH


def measure_text(text: str, font: float) -> tuple[float, float]:
    """The box a one-line text takes at `font` pixels, padding included (a generous estimate)."""
    return sum(char_width(char) for char in text) * font + 2 * PADDING, font * LINE_HEIGHT + PADDING


@dataclass(frozen=True)
class Label:
    """A text to place near an anchor (a marker's centre and radius); `movable` False: at the anchor or nowhere."""

    key: str
    text: str
    x: float
    y: float
    radius: float = 0
    font: float = 22
    movable: bool = True
    far: bool = False  # may stand well away from its anchor (drawn with a leader line) rather than be left out


def candidate_boxes(label: Label) -> list[Box]:
    """Where a label may go, in order of preference: right, left, above, below, then the corners, then further."""
    w, h = measure_text(label.text, label.font)
    if not label.movable:
        return [Box(label.x - w / 2, label.y - h / 2, w, h)]
    boxes = []
    reaches = (GAP, GAP + 14, GAP + 34) + ((80, 130, 190, 260, 340) if label.far else ())
    for reach in reaches:
        r = label.radius + reach
        boxes += [
            Box(label.x + r, label.y - h / 2, w, h),
            Box(label.x - r - w, label.y - h / 2, w, h),
            Box(label.x - w / 2, label.y - r - h, w, h),
            Box(label.x - w / 2, label.y + r, w, h),
            Box(label.x + r * 0.7, label.y - r * 0.7 - h, w, h),
            Box(label.x + r * 0.7, label.y + r * 0.7, w, h),
            Box(label.x - r * 0.7 - w, label.y - r * 0.7 - h, w, h),
            Box(label.x - r * 0.7 - w, label.y + r * 0.7, w, h),
        ]
    return boxes


def place_labels(labels: list[Label], obstacles: list[Box], width: float, height: float) -> dict[str, Box]:
    """The box each label gets, in the order given (most important first); a label with no free spot is left out.

    `obstacles` are the markers' boxes: no label covers one, nor another label, nor leaves the frame.
    """
    taken = list(obstacles)
    placed: dict[str, Box] = {}
    for label in labels:
        for box in candidate_boxes(label):
            if box.inside(width, height) and not any(box.overlaps(other, GAP) for other in taken):
                placed[label.key] = box
                taken.append(box)
                break
    return placed


def leader_end(box: Box, x: float, y: float) -> tuple[float, float]:
    """The point of `box` nearest to (x, y): where a leader line from the anchor meets its label."""
    return max(box.x, min(x, box.x + box.w)), max(box.y, min(y, box.y + box.h))


def find_overlaps(boxes: list[Box]) -> list[tuple[int, int]]:
    """Pairs of boxes that overlap (for checks)."""
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


def spread_circles(
    circles: list[tuple[float, float, float]], gap: float = 4, rounds: int = 200
) -> list[tuple[float, float]]:
    """Centres moved apart just enough that no two circles (x, y, radius) overlap; the larger ones move less."""
    points = [[x, y] for x, y, _ in circles]
    radii = [r for _, _, r in circles]
    for _ in range(rounds):
        moved = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                dx, dy = points[j][0] - points[i][0], points[j][1] - points[i][1]
                distance = (dx * dx + dy * dy) ** 0.5
                room = radii[i] + radii[j] + gap
                if distance >= room:
                    continue
                if distance < 1e-6:  # the same point: part them along a fixed direction
                    dx, dy, distance = 1.0, 0.3 * (j - i), (1 + 0.09 * (j - i) ** 2) ** 0.5
                push = (room - distance) / distance
                share_i = radii[j] ** 2 / (radii[i] ** 2 + radii[j] ** 2)
                points[i][0] -= dx * push * share_i
                points[i][1] -= dy * push * share_i
                points[j][0] += dx * push * (1 - share_i)
                points[j][1] += dy * push * (1 - share_i)
                moved = True
        if not moved:
            break
    return [(x, y) for x, y in points]
