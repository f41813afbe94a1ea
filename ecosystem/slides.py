"""The presentation's scenes as HTML: a title, a lead and one figure that fills the rest of the screen.

Plain strings from plain data, so the page, the print view and the press kit draw
the same scenes, and tests read them without a browser. Every text is at least
20 px on a 1920x1080 screen; data is escaped.
"""

from html import escape

import pandas as pd

from .formatting import format_count

SCENE_CSS = """
.scene { box-sizing: border-box; height: 100vh; width: 100%; display: flex; flex-direction: column;
  padding: 26px 40px 22px; color: #111; background: #fff; font-family: "Source Sans Pro", "Source Sans 3", sans-serif;
  overflow: hidden; }
.scene-head h1 { font-size: 54px !important; line-height: 1.1 !important; margin: 0 !important; padding: 0 !important;
  font-weight: 700 !important; color: #111; font-family: inherit !important; }
.scene [data-testid="stHeaderActionElements"] { display: none !important; }
.scene p { margin-bottom: 0 !important; }
.scene-lead { font-size: 26px !important; line-height: 1.3; margin: 6px 0 0; color: #333; }
.scene-figure { flex: 1 1 auto; min-height: 0; margin-top: 18px; display: flex; flex-direction: column; gap: 12px; }
.scene-figure > svg { flex: 1 1 auto; min-height: 0; width: 100%; height: 100%; }
.scene-legend { display: flex; flex-wrap: wrap; gap: 6px 28px; font-size: 22px !important; color: #222; align-items: center; }
.scene-legend span { display: inline-flex; align-items: center; gap: 8px; }
.scene-legend i { display: inline-block; width: 26px; height: 14px; border-radius: 3px; }
.scene-cards { flex: 1 1 auto; display: grid; gap: 20px; min-height: 0; }
.scene-card { border: 2px solid #c9d3df; border-radius: 14px; padding: 18px 24px; display: flex; flex-direction: column;
  gap: 10px; background: #f7f9fc; min-height: 0; overflow: hidden; justify-content: center; }
.scene-card .words { font-size: 40px !important; font-weight: 700; line-height: 1.1; color: #1f3a5f; }
.scene-card .big { font-size: 88px !important; font-weight: 700; line-height: 1; color: #1f3a5f; }
.scene-card .name { font-size: 32px !important; font-weight: 700; line-height: 1.2; }
.scene-card .line { font-size: 28px !important; line-height: 1.3; color: #222; }
.scene-card .note { font-size: 26px !important; line-height: 1.3; color: #333; }
.scene-section { font-size: 30px !important; font-weight: 700; margin: 6px 0 0; }
.scene-matrix { flex: 1 1 auto; min-height: 0; display: grid; gap: 4px; font-size: 22px !important; }
.scene-matrix .cell { font-size: 40px !important; font-weight: 700; }
.scene-matrix div { display: flex; align-items: center; justify-content: center; text-align: center; border-radius: 6px;
  line-height: 1.15; padding: 2px 4px; }
.scene-matrix .head { font-weight: 700; color: #111; }
.scene-matrix .row { justify-content: flex-end; text-align: right; font-weight: 700; }
.scene-timeline { flex: 1 1 auto; min-height: 0; display: grid; grid-template-rows: 1fr 40px 1fr; column-gap: 14px;
  position: relative; }
.scene-timeline .axis { grid-row: 2; grid-column: 1 / -1; align-self: center; height: 6px; background: #1f3a5f;
  border-radius: 3px; }
.scene-timeline .dot { grid-row: 2; align-self: center; justify-self: start; width: 22px; height: 22px;
  margin-left: -8px; border-radius: 50%; background: #ffffff; border: 5px solid #1f3a5f; box-sizing: border-box; z-index: 1; }
.scene-event { border-left: 6px solid #1f3a5f; background: #f7f9fc; padding: 10px 14px; border-radius: 0 10px 10px 0;
  display: flex; flex-direction: column; gap: 4px; position: relative; }
.scene-event.up { grid-row: 1; justify-content: flex-end; }
.scene-event.down { grid-row: 3; }
.scene-event .year { font-size: 44px !important; font-weight: 700; color: #1f3a5f; line-height: 1; }
.scene-event .who { font-size: 30px !important; font-weight: 700; line-height: 1.2; }
.scene-event .what { font-size: 26px !important; line-height: 1.3; color: #222; }
.scene-promise { flex: 1 1 auto; display: grid; grid-template-columns: 3fr 2fr; gap: 48px; align-items: center; }
.scene-promise .quote { margin: 0 !important; padding: 0 !important; border: 0 !important; font-size: 52px !important; line-height: 1.25 !important; font-weight: 600; color: #1f3a5f !important; }
.scene-promise p { font-size: 32px !important; line-height: 1.4; margin: 18px 0 0 !important; }
.scene-promise .source { font-size: 24px !important; color: #333; }
.scene-goal-list { display: flex; flex-direction: column; gap: 24px; }
.scene-goal-list .scene-card { padding: 24px 32px; }
.scene-closing { flex: 1 1 auto; display: grid; grid-template-columns: auto 1fr; gap: 64px; align-items: center; }
.scene-closing img { width: 360px !important; height: 360px !important; max-width: none !important; }
.scene-closing p { font-size: 36px !important; line-height: 1.4; margin: 0 0 24px !important; }
.scene-closing .url { font-size: 40px !important; font-weight: 700; color: #1f3a5f; word-break: break-all; }
.scene-halves { flex: 1 1 auto; min-height: 0; display: grid; grid-template-columns: 3fr 2fr; gap: 48px; }
.scene-halves > div { display: flex; flex-direction: column; min-height: 0; gap: 8px; }
.scene-bars { flex: 1 1 auto; min-height: 0; display: grid; grid-template-columns: max-content 1fr; gap: 8px 18px;
  align-items: center; }
.scene-bar { display: contents; }
.scene-bar .label { font-size: 26px !important; font-weight: 700; text-align: right; line-height: 1.15; }
.scene-bar .track { display: flex; align-items: center; height: 78%; min-height: 22px; }
.scene-bar .track i { display: block; height: 100%; }
.scene-bar .track i:first-child { border-radius: 6px 0 0 6px; }
.scene-bar .value { font-size: 28px !important; font-weight: 700; margin-left: 14px; white-space: nowrap; color: #1f3a5f; }
@media (max-width: 800px) {  /* a phone opening a shared link: the scene reads top to bottom */
  .scene { height: auto; min-height: 100vh; padding: 16px; overflow: visible; }
  .scene-head h1 { font-size: 30px !important; }
  .scene-lead, .scene-legend, .scene-card .line, .scene-card .note, .scene-event .what { font-size: 16px !important; }
  .scene-figure > svg { height: auto; flex: none; aspect-ratio: 23 / 10; }
  .scene-cards, .scene-promise, .scene-closing, .scene-halves { display: flex; flex-direction: column; }
  .scene-bar .label, .scene-bar .value { font-size: 16px !important; }
  .scene-card .big { font-size: 40px !important; }
  .scene-promise .quote { font-size: 26px !important; }
  .scene-closing img { width: 240px !important; height: 240px !important; }
  .scene-timeline { display: flex; flex-direction: column; gap: 8px; }
  .scene-timeline .axis, .scene-timeline .dot { display: none; }
}
@media print {
  @page { size: A4 landscape; margin: 0; }
  html, body { height: auto !important; overflow: visible !important; }
  /* the scene as the room saw it (1920x1080), zoomed to the page's width */
  .scene { height: 1080px; width: 1920px; zoom: 0.58; break-after: page; page-break-after: always; break-inside: avoid; }
  .scene:last-child { break-after: auto; page-break-after: auto; }
}
"""


def build_scene(name: str, title: str, lead: str, figure: str, figure_class: str = "") -> str:
    """A scene: its heading and lead, then its figure, which takes the rest of the screen."""
    lead_html = f'<p class="scene-lead">{escape(lead)}</p>' if lead else ""
    return (
        f'<section class="scene" data-scene="{escape(name)}"><header class="scene-head"><h1>{escape(title)}</h1>'
        f'{lead_html}</header><div class="scene-figure {figure_class}">{figure}</div></section>'
    )


def build_legend(items: list[tuple[str, str]]) -> str:
    """A row of (colour, label) swatches."""
    return (
        '<div class="scene-legend">'
        + "".join(f'<span><i style="background:{colour}"></i>{escape(label)}</span>' for colour, label in items)
        + "</div>"
    )


def build_figure_cards(figures: list[tuple[str, str]], goals: list[tuple[str, str, str]], goals_title: str) -> str:
    """Headline figures as big numbers, then the goals chosen for the room: label, what is recorded, the target."""
    columns = max(1, min(len(figures), 6))
    top = "".join(
        f'<div class="scene-card"><div class="big">{escape(value)}</div><div class="line">{escape(label)}</div></div>'
        for label, value in figures
    )
    html = f'<div class="scene-cards" style="grid-template-columns:repeat({columns},1fr)">{top}</div>'
    if goals:
        cards = "".join(
            f'<div class="scene-card"><div class="name">{escape(label)}</div><div class="big">{escape(figure)}</div>'
            f'<div class="note">{escape(sentence)}</div></div>'
            for label, figure, sentence in goals
        )
        html += (
            f'<div class="scene-section">{escape(goals_title)}</div>'
            f'<div class="scene-cards" style="grid-template-columns:repeat({len(goals)},1fr)">{cards}</div>'
        )
    return html


def _mix(count: int, top: int) -> str:
    """A cell's colour: white to the deep blue as its count nears the largest; the ink stays AA on it."""
    share = count / top if top else 0
    light, dark = (255, 255, 255), (31, 58, 95)
    rgb = tuple(round(a + (b - a) * (0.1 + 0.9 * share)) for a, b in zip(light, dark, strict=True))
    ink = "#ffffff" if share > 0.42 else "#111111"
    return f"background:rgb{rgb};color:{ink}"


def build_matrix_grid(points: pd.DataFrame, lang: str, header: str = "minmax(200px,1.4fr)") -> str:
    """The area x modality counts as a grid of shaded cells (rows: areas, columns: modalities)."""
    if points.empty:
        return ""
    areas = list(dict.fromkeys(points["area_label"]))
    modalities = list(dict.fromkeys(points["modality_label"]))
    counts = {
        (a, m): int(c) for a, m, c in zip(points["area_label"], points["modality_label"], points["count"], strict=True)
    }
    top = max(counts.values())
    cells = ["<div></div>"] + [f'<div class="head">{escape(m)}</div>' for m in modalities]
    for area in areas:
        cells.append(f'<div class="row">{escape(area)}</div>')
        for modality in modalities:
            count = counts.get((area, modality), 0)
            text = format_count(count, lang) if count else ""
            style = _mix(count, top) if count else "background:#f4f4f4"
            cells.append(f'<div class="cell" style="{style}">{text}</div>')
    template = f"grid-template-columns:{header} repeat({len(modalities)},minmax(0,1fr));"
    template += f"grid-template-rows:auto repeat({len(areas)},1fr)"
    return f'<div class="scene-matrix" style="{template}">{"".join(cells)}</div>'


def build_timeline(events: list[tuple[str, str, str]]) -> str:
    """Landmarks on a time axis, oldest left, alternately above and below it: (year, actor, what)."""
    if not events:
        return ""
    columns = len(events) + 1
    items = []
    for index, (year, actor, text) in enumerate(events):
        side = "up" if index % 2 == 0 else "down"
        items.append(
            f'<div class="scene-event {side}" style="grid-column:{index + 1} / span 2">'
            f'<span class="year">{escape(year)}</span><span class="who">{escape(actor)}</span>'
            f'<span class="what">{escape(text)}</span></div>'
            f'<div class="dot" style="grid-column:{index + 1} / span 2"></div>'  # where the card meets the axis
        )
    return (
        f'<div class="scene-timeline" style="grid-template-columns:repeat({columns},1fr)">'
        f'<div class="axis"></div>{"".join(items)}</div>'
    )


def build_laureate_grid(cards: list) -> str:
    """One card per laureate, as many columns as fit three rows at most."""
    if not cards:
        return ""
    columns = 3 if len(cards) > 4 else max(1, len(cards))
    html = []
    for card in cards:
        lead = f'<div class="note">{escape(card.lead)}</div>' if card.lead else ""
        html.append(
            f'<div class="scene-card"><div class="name">{escape(card.name)}</div>'
            f'<div class="line">{escape(card.kind)} · {escape(card.programme)}</div>'
            f'<div class="{"big" if card.stated else "words"}">{escape(card.amount)}</div>{lead}</div>'
        )
    return f'<div class="scene-cards" style="grid-template-columns:repeat({columns},1fr)">{"".join(html)}</div>'


def build_promise(
    quote: str, paraphrase: str, source: str, goals: list[tuple[str, str]], data_date: str, goals_title: str = ""
) -> str:
    """The opening: the cluster's ambition (short quote, attributed), what it covers, its ten-year goals, the data date."""
    goal_cards = "".join(
        f'<div class="scene-card"><div class="big">{escape(target)}</div><div class="line">{escape(label)}</div></div>'
        for target, label in goals
    )
    return (
        f'<div class="scene-promise"><div><p class="quote">{escape(quote)}</p>'
        f'<p>{escape(paraphrase)}</p><p class="source">{escape(source)}</p>'
        f'<p class="source">{escape(data_date)}</p></div>'
        f'<div class="scene-goal-list"><div class="scene-section">{escape(goals_title)}</div>{goal_cards}</div></div>'
    )


def build_closing(qr_uri: str | None, qr_alt: str, lines: list[str], url: str | None) -> str:
    """The closing: the QR code to the live map (when the app has a public address), where to go, how to correct."""
    image = f'<img src="{qr_uri}" alt="{escape(qr_alt, quote=True)}">' if qr_uri else ""
    columns = "auto 1fr" if qr_uri else "1fr"
    link = f'<p class="url">{escape(url)}</p>' if url else ""
    text = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return f'<div class="scene-closing" style="grid-template-columns:{columns}">{image}<div>{link}{text}</div></div>'


def build_bars(rows: list[tuple[str, list[tuple[str, float]], str]], top: float | None = None) -> str:
    """Horizontal bars, one per row: its label, its stacked (colour, value) segments, the figure at its end.

    Widths are shares of the longest bar (or of `top`), so rows compare at a glance from the back of a room.
    """
    longest = top or max((sum(value for _, value in segments) for _, segments, _ in rows), default=0) or 1
    html = "".join(
        f'<div class="scene-bar"><div class="label">{escape(label)}</div><div class="track">'
        + "".join(
            f'<i style="width:{88 * value / longest:.2f}%;background:{colour}"></i>'
            for colour, value in segments
            if value > 0
        )
        + f'<span class="value">{escape(figure)}</span></div></div>'
        for label, segments, figure in rows
    )
    return f'<div class="scene-bars" style="grid-template-rows:repeat({max(1, len(rows))},minmax(0,1fr))">{html}</div>'


def build_halves(left_title: str, left: str, right_title: str, right: str) -> str:
    """Two figures side by side, each under its own heading."""
    return (
        f'<div class="scene-halves"><div><div class="scene-section">{escape(left_title)}</div>{left}</div>'
        f'<div><div class="scene-section">{escape(right_title)}</div>{right}</div></div>'
    )
