"""The one-page press kit: headline figures, the map, who works on what, the France 2030 laureates, sources and
the data date, in one language, as an HTML page that a browser prints to an A4 landscape PDF.

Built from the presentation's own functions (the same map, matrix, figures and
cards), so the kit says what the scenes say. `tools/presskit.py` (`make
presskit`) prints it with the test browser (Debian's chromium, offline, no
new dependency); the about page offers the files it leaves in `static/presskit/`.
"""

from html import escape
from pathlib import Path

from .formatting import format_count, format_day
from .goals import load_goals
from .i18n import LANGS, t
from .load import Dataset
from .matrix import build_matrix_points
from .paths import STATIC_DIR
from .present import select_laureates
from .scenefacts import build_laureate_cards
from .scenemap import build_map_svg, build_type_legend
from .slides import build_legend, build_matrix_grid
from .views import build_headline_figures

PRESSKIT_DIR = STATIC_DIR / "presskit"
SEED_SOURCE = "https://presseagence.fr/marseille-comment-la-ville-veut-devenir-la-capitale-europeenne-de-limmunologie/"

KIT_CSS = """
@page { size: A4 landscape; margin: 9mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.3 "Source Sans Pro", "Source Sans 3", sans-serif; color: #111; }
.kit { height: 190mm; display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); grid-template-rows: auto auto 1fr auto;
  gap: 3mm 6mm; }
.kit header { grid-column: 1 / -1; display: flex; justify-content: space-between; align-items: baseline;
  border-bottom: 2px solid #1f3a5f; padding-bottom: 1.5mm; }
.kit h1 { font-size: 19pt; margin: 0; color: #1f3a5f; }
.kit h2 { font-size: 11pt; margin: 0 0 1mm; color: #1f3a5f; }
.kit .date { font-size: 11pt; font-weight: 700; }
.kit .figures { grid-column: 1 / -1; display: grid; gap: 3mm; }
.kit .figure { border: 1px solid #c9d3df; border-radius: 2mm; padding: 1.5mm 3mm; background: #f7f9fc; }
.kit .figure b { display: block; font-size: 18pt; color: #1f3a5f; line-height: 1.1; }
.kit .map svg { width: 100%; height: auto; display: block; }
.kit .map .scene-legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; font-size: 8pt; margin-top: 1mm; }
.kit .scene-legend span { display: inline-flex; align-items: center; gap: 1mm; }
.kit .scene-legend i { display: inline-block; width: 5mm; height: 2.5mm; border-radius: 0.5mm; }
.kit .scene-matrix { display: grid; gap: 0.6mm; font-size: 6.5pt; hyphens: auto; }
.kit .scene-matrix div { display: flex; align-items: center; justify-content: center; text-align: center;
  min-height: 6mm; border-radius: 0.8mm; padding: 0.3mm; line-height: 1.1; }
.kit .scene-matrix .row { justify-content: flex-end; text-align: right; font-weight: 700; }
.kit .scene-matrix .head { font-weight: 700; font-size: 6pt; overflow-wrap: anywhere; }
.kit .scene-matrix .cell { font-size: 9pt; font-weight: 700; }
.kit ul { margin: 0; padding-left: 4mm; }
.kit li { margin: 0 0 0.8mm; }
.kit footer { grid-column: 1 / -1; font-size: 8pt; color: #333; border-top: 1px solid #c9d3df; padding-top: 1.5mm; }
"""


def build_presskit_html(dataset: Dataset, lang: str, public_url: str | None = None) -> str:
    """The press kit as one HTML document, titled for the PDF's metadata, fitting one A4 landscape page."""
    actors = dataset.actors
    date = format_day(dataset.data_as_of, lang)
    title = t("presskit_title", lang)
    figures = build_headline_figures(dataset, actors, lang)
    figure_html = "".join(
        f'<div class="figure"><b>{escape(format_count(value, lang))}</b>{escape(label)}</div>'
        for label, value in figures
    )
    svg, groups = build_map_svg(actors, dataset.places, dataset.taxonomy, lang, dataset.home_scope)
    legend = build_legend(build_type_legend(groups, dataset.taxonomy, lang))
    matrix = build_matrix_grid(build_matrix_points(actors, dataset.taxonomy, lang), lang, "20mm")
    cards = build_laureate_cards(select_laureates(actors), dataset, lang)
    laureates = "".join(
        f"<li><b>{escape(card.name)}</b> · {escape(card.programme)} · {escape(card.amount)}</li>" for card in cards
    )
    sources = sorted({url for goal in load_goals(dataset.data_dir) for url in goal.sources} | {SEED_SOURCE})
    link = f" · {escape(public_url)}" if public_url else ""
    footer = t("presskit_sources", lang, date=date, count=format_count(len(actors), lang)) + link
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<style>{KIT_CSS}</style></head><body><div class="kit">'
        f'<header><h1>{escape(title)}</h1><span class="date">{escape(t("data_as_of", lang, date=date))}</span></header>'
        f'<section class="figures" style="grid-template-columns:repeat({len(figures)},1fr)">{figure_html}</section>'
        f'<section class="map"><h2>{escape(t("scene_map", lang))}</h2>{svg}{legend}</section>'
        f"<section><h2>{escape(t('scene_matrix', lang))}</h2>{matrix}"
        f'<h2 style="margin-top:3mm">{escape(t("scene_laureates", lang))}</h2><ul>{laureates}</ul></section>'
        f"<footer>{escape(footer)}<br>{' · '.join(escape(url) for url in sources)}</footer>"
        "</div></body></html>"
    )


def presskit_path(lang: str, directory: Path = PRESSKIT_DIR) -> Path:
    """Where `make presskit` leaves the press kit in `lang`."""
    return directory / f"presskit-{lang}.pdf"


def find_presskit(lang: str, directory: Path = PRESSKIT_DIR) -> Path | None:
    """The built press kit in `lang`, or None when `make presskit` has not been run."""
    path = presskit_path(lang if lang in LANGS else LANGS[0], directory)
    return path if path.is_file() else None
