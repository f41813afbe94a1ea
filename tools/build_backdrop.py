"""Build the map's offline backdrop from the sourced extracts: `python tools/build_backdrop.py [GEO_DIR]`.

Writes static/geo/communes.geojson (commune outlines, simplified, coordinates
rounded to about 100 m) and static/geo/labels.csv (Marseille's arrondissements
and the towns of at least TOWN_POPULATION inhabitants). Sources and licences:
static/geo/README.md. Run again only when the extracts change.
"""

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "geo"
DEFAULT_GEO = ROOT.parent / "shared" / "geo"  # shared/ lies beside the project
DIGITS = 3  # 0.001 degree: about 110 m north-south, 80 m east-west here
TOLERANCE = 0.002  # Douglas-Peucker tolerance, in degrees (about 200 m)
TOWN_POPULATION = 10_000
ARTICLE = re.compile(r"^(La |Le |Les |L')")


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker on one ring (first and last points kept)."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5
    best, index = 0.0, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
        if d > best:
            best, index = d, i
    if best <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def simplify_ring(ring: list[list[float]]) -> list[list[float]] | None:
    rounded = []
    for lon, lat in simplify(ring, TOLERANCE):
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded if len(rounded) >= 4 else None


def build_outlines(source: dict) -> dict:
    features = []
    for feature in source["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        kept = []
        for polygon in polygons:
            rings = [r for r in (simplify_ring(ring) for ring in polygon) if r]
            if rings:
                kept.append(rings)
        if kept:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"code": feature["properties"]["code"], "nom": feature["properties"]["nom"]},
                    "geometry": {"type": "MultiPolygon", "coordinates": kept},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def build_labels(places: list[dict], communes: set[str]) -> list[dict]:
    """The sixteen arrondissements (district 1..16) and the larger towns (district 0)."""
    labels = []
    for row in places:
        match = re.fullmatch(r"Marseille (\d\d)", row["name"])
        if match:
            district = int(match.group(1))
        elif ARTICLE.sub("", row["name"]) in communes and int(row["population"]) >= TOWN_POPULATION:
            if row["name"] == "Marseille":
                continue
            district = 0
        else:
            continue
        labels.append(
            {
                "geonameid": row["geonameid"],
                "name": row["name"],
                "district": district,
                "lat": round(float(row["lat"]), 4),
                "lon": round(float(row["lon"]), 4),
            }
        )
    return sorted(labels, key=lambda label: (label["district"] == 0, label["district"], label["name"]))


def main(geo_dir: Path) -> int:
    source = json.loads((geo_dir / "communes-bouches-du-rhone.geojson").read_text(encoding="utf-8"))
    outlines = build_outlines(source)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "communes.geojson").write_text(json.dumps(outlines, separators=(",", ":"), ensure_ascii=False) + "\n")
    communes = {feature["properties"]["nom"] for feature in source["features"]}
    with (geo_dir / "geonames-places-bouches-du-rhone.csv").open(encoding="utf-8") as handle:
        labels = build_labels(list(csv.DictReader(handle)), communes)
    with (OUT / "labels.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(labels[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(labels)
    print(f"{len(outlines['features'])} communes, {len(labels)} labels written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GEO))
