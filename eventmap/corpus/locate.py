"""Events of an event file that name a place but give no point: looked up by name.

A table with a `location` column and no coordinates ("Tuapse, Russia", "Kursk") is common in
hand-made event lists. Each distinct name is looked up once in the offline gazetteer (or the
geocoder the user asked for), biased to the row's country when the file gives one; the
import line says how many events were placed so and which names were not found. A name
the gazetteer does not know keeps its event unlocated, as before.
"""

from __future__ import annotations

from typing import Any

from eventmap.formats.report import ImportReport
from eventmap.model import Event

MISSING_SHOWN = 3  # names not found, quoted in the import line


def locate_named_places(events: list[Event], geocoder: Any = None, report: ImportReport | None = None) -> int:
    """Give a point to each event without one whose first place has a name; the number placed."""
    todo = [e for e in events if e.lat is None and e.places and not e.places[0].located and _query(e)]
    if not todo:
        return 0
    if geocoder is None:
        from geo.geocoder import OfflineGeocoder

        geocoder = OfflineGeocoder()
    answers: dict[tuple[str, str | None], Any] = {}
    placed = 0
    missing: list[str] = []
    for event in todo:
        place = event.places[0]
        key = (_query(event), place.country_code)
        if key not in answers:
            kwargs = {"country_codes": place.country_code} if place.country_code else {}
            answers[key] = geocoder.geocode(key[0], **kwargs)
        found = answers[key]
        if found is None:
            if key[0] not in missing:
                missing.append(key[0])
            continue
        raw = getattr(found, "raw", None) or {}
        place.lat, place.lon = float(found.latitude), float(found.longitude)
        place.name = raw.get("name") or place.name
        place.country_code = raw.get("country_code") or place.country_code
        place.kind = raw.get("kind") or place.kind
        place.source_id = raw.get("source_id") or place.source_id
        event.lat, event.lon = place.lat, place.lon
        placed += 1
    if report is not None:
        service = type(geocoder).__name__
        line = f"placed {placed} of {len(todo)} events without coordinates by their place name ({service})"
        if missing:
            shown = ", ".join(repr(m) for m in missing[:MISSING_SHOWN])
            more = f" and {len(missing) - MISSING_SHOWN} more" if len(missing) > MISSING_SHOWN else ""
            line += f"; not found: {shown}{more}"
        (report.warn if missing else report.note)(line)
    return placed


def _query(event: Event) -> str:
    place = event.places[0]
    return (place.name or place.text or "").strip()
