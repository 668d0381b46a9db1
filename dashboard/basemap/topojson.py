"""TopoJSON to shapely: decode quantized arcs, build geometries, and split shared from outer arcs.

Enough of the TopoJSON specification for the Natural Earth files the base map is built from
(Polygon, MultiPolygon, LineString, MultiLineString, Point; quantized or not). `mesh` gives
the arcs two geometries share (borders between countries or regions) apart from the arcs only
one uses (coasts, outer edges): the lines a map draws without drawing each border twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from shapely import make_valid
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry


class Topology:
    """One decoded TopoJSON topology: its arcs as coordinate lists, its objects by name."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        transform = doc.get("transform")
        self.arcs: list[list[tuple[float, float]]] = [self._decode(arc, transform) for arc in doc["arcs"]]
        self.objects: dict[str, Any] = doc["objects"]

    @staticmethod
    def _decode(arc: list[list[float]], transform: dict[str, Any] | None) -> list[tuple[float, float]]:
        if not transform:
            return [(float(p[0]), float(p[1])) for p in arc]
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0.0
        out = []
        for p in arc:
            x += p[0]
            y += p[1]
            out.append((x * sx + tx, y * sy + ty))
        return out

    def line(self, indexes: list[int]) -> list[tuple[float, float]]:
        """The coordinates of a chain of arcs (a negative index ~i is arc i reversed)."""
        coords: list[tuple[float, float]] = []
        for i in indexes:
            arc = self.arcs[i] if i >= 0 else self.arcs[~i][::-1]
            coords.extend(arc if not coords else arc[1:])
        return coords

    def geometry(self, geom: dict[str, Any]) -> BaseGeometry | None:
        """A shapely geometry for one TopoJSON geometry object (None when it is empty or null)."""
        kind = geom.get("type")
        if kind == "Polygon":
            shape: BaseGeometry = self._polygon(geom["arcs"]) or Polygon()
        elif kind == "MultiPolygon":
            parts = [self._polygon(p) for p in geom["arcs"]]
            shape = MultiPolygon([p for p in parts if p is not None])
        elif kind == "LineString":
            shape = LineString(self.line(geom["arcs"]))
        elif kind == "MultiLineString":
            shape = MultiLineString([self.line(a) for a in geom["arcs"]])
        elif kind == "Point":
            shape = Point(*self._position(geom["coordinates"]))
        else:
            return None
        if shape.is_empty:
            return None
        if shape.is_valid:
            return shape
        if kind in ("Polygon", "MultiPolygon"):  # keep an area an area (no stray line fragments)
            return make_valid(shape, method="structure", keep_collapsed=False)
        return make_valid(shape)

    def _polygon(self, rings: list[list[int]]) -> Polygon | None:
        """A polygon from its rings (None when it has none, or its outer ring is degenerate: under
        four points; Natural Earth's 1:50m topojson has empty polygons)."""
        if not rings:
            return None
        shell, *holes = (self.line(r) for r in rings)
        if len(shell) < 4:
            return None
        return Polygon(shell, [h for h in holes if len(h) >= 4])

    def _position(self, p: list[float]) -> tuple[float, float]:
        t = self.doc.get("transform")
        if not t:
            return float(p[0]), float(p[1])
        return p[0] * t["scale"][0] + t["translate"][0], p[1] * t["scale"][1] + t["translate"][1]

    def features(self, name: str) -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
        """(geometry object, shapely geometry) for each non-empty geometry of object `name`."""
        for geom in self.objects[name].get("geometries", []):
            shape = self.geometry(geom)
            if shape is not None:
                yield geom, shape

    def mesh(self, name: str) -> tuple[list[LineString], list[LineString]]:
        """(shared, outer) arcs of the polygons of object `name`, as lines."""
        uses: Counter[int] = Counter()
        for geom in self.objects[name].get("geometries", []):
            for ring in _rings(geom):
                for i in ring:
                    uses[i if i >= 0 else ~i] += 1
        shared = [LineString(self.arcs[i]) for i, n in uses.items() if n > 1 and len(self.arcs[i]) > 1]
        outer = [LineString(self.arcs[i]) for i, n in uses.items() if n == 1 and len(self.arcs[i]) > 1]
        return shared, outer


def _rings(geom: dict[str, Any]) -> Iterator[list[int]]:
    if geom.get("type") == "Polygon":
        yield from geom["arcs"]
    elif geom.get("type") == "MultiPolygon":
        for polygon in geom["arcs"]:
            yield from polygon
