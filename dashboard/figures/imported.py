"""What the views show of imported data: actors, fatalities, sub-event types, areas, sources, media.

Imported files keep their own columns in ``Event.extra`` (eventmap.formats). The fields
below are the ones people look for in event data -- ACLED's actors, fatalities, sub-event
type, admin areas and source scale; UCDP's sides and deaths; USGS magnitudes; TimelineJS
headlines, media and groups -- found under the names those sources use, in any case. The
detail panel, the table, the filters and the hovers all read them through this module.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from eventmap.model import Event


@dataclass(frozen=True, slots=True)
class ImportedField:
    """One field of imported data: its table column, its label, and the extra keys that hold it."""

    key: str
    label: str
    names: tuple[str, ...]  # lower-case extra keys, joined in this order
    width: int = 160


FIELDS: tuple[ImportedField, ...] = (
    ImportedField("headline", "Headline", ("headline",), 220),
    ImportedField("sub_event_type", "Sub-event type", ("sub_event_type",)),
    ImportedField(
        "actors",
        "Actors",
        (
            "actor1",
            "assoc_actor_1",
            "ally_actor_1",
            "actor2",
            "assoc_actor_2",
            "ally_actor_2",
            "side_a",
            "side_b",
            "actor1name",
            "actor2name",
        ),
        260,
    ),
    ImportedField("fatalities", "Fatalities", ("fatalities",), 110),
    ImportedField("admin1", "Admin 1", ("admin1", "adm_1")),
    ImportedField("admin2", "Admin 2", ("admin2", "adm_2")),
    ImportedField("source_scale", "Source scale", ("source_scale",), 130),
    ImportedField("magnitude", "Magnitude", ("mag",), 110),
    ImportedField("group", "Group", ("group",), 130),
)
BY_KEY = {f.key: f for f in FIELDS}
# the fields that get a filter in the app (when the data have them)
FILTERED = ("actors", "sub_event_type")
_SPLIT = re.compile(r"\s*;\s*")


def extra_value(event: Event, *names: str) -> str:
    """The first non-empty extra field among `names` (compared in lower case), as text; '' if none."""
    if not event.extra:
        return ""
    lower = _lower_keys(event)
    for name in names:
        key = lower.get(name)
        if key is not None:
            value = event.extra[key]
            if value not in (None, ""):
                return value if isinstance(value, str) else str(value)
    return ""


def _lower_keys(event: Event) -> dict[str, str]:
    return {k.lower(): k for k in event.extra}


def fatalities(event: Event) -> int | None:
    """Reported deaths: ACLED ``fatalities``, UCDP ``best`` (with its ``deaths_*``); None when not given."""
    if not event.extra:
        return None
    raw = extra_value(event, "fatalities")
    if not raw and extra_value(event, "deaths_a"):
        raw = extra_value(event, "best")
    try:
        value = float(raw)
    except ValueError:
        return None
    return int(value) if math.isfinite(value) and value >= 0 else None


def actors(event: Event) -> list[str]:
    """Every actor of the event (ACLED actor1/2 and associated actors, UCDP sides, GDELT actors), once each."""
    out: list[str] = []
    if not event.extra:
        return out
    for name in BY_KEY["actors"].names:
        for part in _SPLIT.split(extra_value(event, name)):
            if part and part not in out:
                out.append(part)
    return out


def actors_line(event: Event) -> str:
    """'Military Forces of Russia (2000-) – Civilians (Ukraine)': who acted, against or with whom."""
    sides = []
    for main, *helpers in (
        ("actor1", "assoc_actor_1", "ally_actor_1"),
        ("actor2", "assoc_actor_2", "ally_actor_2"),
        ("side_a",),
        ("side_b",),
        ("actor1name",),
        ("actor2name",),
    ):
        who = extra_value(event, main)
        also = [h for name in helpers for h in _SPLIT.split(extra_value(event, name)) if h]
        if who or also:
            sides.append(who + (f" (with {', '.join(also)})" if also else "") if who else ", ".join(also))
    return " – ".join(sides)


def value(event: Event, key: str) -> Any:
    """The cell of an imported field for the table: text, or a number for fatalities ('' if none)."""
    if key == "fatalities":
        n = fatalities(event)
        return "" if n is None else n
    if key == "actors":
        return actors_line(event)
    return extra_value(event, *BY_KEY[key].names)


def present(events: Iterable[Event]) -> list[ImportedField]:
    """The imported fields some of `events` have, in FIELDS order."""
    found: set[str] = set()
    for e in events:
        if not e.extra:
            continue
        lower = _lower_keys(e)
        for f in FIELDS:
            if f.key not in found and any(
                n in lower and e.extra[lower[n]] not in (None, "") for n in f.names
            ):
                found.add(f.key)
        if len(found) == len(FIELDS):
            break
    if "fatalities" not in found and any(fatalities(e) is not None for e in events):
        found.add("fatalities")
    return [f for f in FIELDS if f.key in found]


def filter_values(event: Event, key: str) -> list[str]:
    """The values a filter of `key` matches the event by: each actor, or the sub-event type."""
    if key == "actors":
        return actors(event)
    v = extra_value(event, *BY_KEY[key].names)
    return [v] if v else []


def filter_options(events: Sequence[Event], key: str) -> list[str]:
    """Every value of `key` among `events`, sorted, for a filter's dropdown."""
    return sorted({v for e in events for v in filter_values(e, key)}, key=str.casefold)


def media_url(event: Event) -> str | None:
    """The http(s) URL of a TimelineJS slide's media, if any (other schemes are not links)."""
    media = event.extra.get("media") if event.extra else None
    url = media.get("url") if isinstance(media, dict) else None
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def fatalities_sum(events: Iterable[Event]) -> int | None:
    """Total reported deaths of `events`, None when none of them reports any."""
    total, any_given = 0, False
    for e in events:
        n = fatalities(e)
        if n is not None:
            total, any_given = total + n, True
    return total if any_given else None
