"""Realistic synthetic events for the dashboard tests (no parser or geocoder needed).

`sample_events()` mixes categories, precisions (day/week/month/year), two documents, events
without a place, one without a date, and several events at one place (Kyiv).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from eventmap.model import CATEGORIES, Event, Place, Source

KYIV = ("Kyiv", 50.4501, 30.5234, "UA")
TUAPSE = ("Tuapse", 44.1053, 39.0802, "RU")
BERLIN = ("Berlin", 52.5244, 13.4105, "DE")
KURSK = ("Kursk", 51.7373, 36.1874, "RU")
TALLINN = ("Tallinn", 59.4370, 24.7536, "EE")


def make_event(
    text: str,
    *,
    day: str | None,
    end: str | None = None,
    precision: str | None = "day",
    date_text: str | None = None,
    category: str = "other",
    place: tuple | None = None,
    document: str = "docs/a.txt",
    start: int = 0,
) -> Event:
    """One event whose sentence sits at `start` in `document`, at `place` (name, lat, lon, cc)."""
    places = []
    if place is not None:
        name, lat, lon, cc = place
        places.append(Place(text=name, name=name, lat=lat, lon=lon, country_code=cc, kind="city"))
    return Event(
        text=text,
        source=Source(document, start, start + len(text), date_text),
        date=day,
        date_end=end or day,
        date_precision=precision if day else None,
        date_text=date_text,
        category=category,
        places=places,
        lang="en",
    )


def sample_events() -> list[Event]:
    """Eight hand-made events over two documents, Feb–Mar 2025."""
    a, b = "docs/a.txt", "docs/b.txt"
    return [
        make_event(
            "A refinery in Tuapse was hit by drones on 14 March.",
            day="2025-03-14",
            date_text="on 14 March",
            category="attack",
            place=TUAPSE,
            document=a,
            start=0,
        ),
        make_event(
            "Air raid sirens sounded in Kyiv on 18 March.",
            day="2025-03-18",
            date_text="on 18 March",
            category="attack",
            place=KYIV,
            document=a,
            start=60,
        ),
        make_event(
            "Talks were held in Kyiv last week.",
            day="2025-03-10",
            end="2025-03-16",
            precision="week",
            date_text="last week",
            category="diplomacy",
            place=KYIV,
            document=a,
            start=120,
        ),
        make_event(
            "Protesters gathered in Kyiv in March.",
            day="2025-03-01",
            end="2025-03-31",
            precision="month",
            date_text="in March",
            category="protest",
            place=KYIV,
            document=b,
            start=0,
        ),
        make_event(
            "Troops were pushed out of the Kursk region last month.",
            day="2025-02-01",
            end="2025-02-28",
            precision="month",
            date_text="last month",
            category="fighting",
            place=KURSK,
            document=b,
            start=50,
        ),
        make_event(
            "The Bundestag voted on 18 March to loosen the debt brake.",
            day="2025-03-18",
            date_text="on 18 March",
            category="policy",
            place=BERLIN,
            document=b,
            start=120,
        ),
        make_event(
            "Both presidents spoke by phone on 18 March.",
            day="2025-03-18",
            date_text="on 18 March",
            category="diplomacy",
            place=None,
            document=a,
            start=200,
        ),
        make_event(
            "Nobody knows when the ceasefire will come.",
            day=None,
            category="other",
            place=TALLINN,
            document=b,
            start=200,
        ),
    ]


def many_events(n: int, *, seed: int = 7, n_places: int = 2000, n_documents: int = 500) -> list[Event]:
    """`n` random events over two years and `n_places` places (for size and speed checks)."""
    rng = random.Random(seed)
    places = [
        (f"Place {i}", round(rng.uniform(-55, 70), 4), round(rng.uniform(-170, 175), 4), "XX")
        for i in range(n_places)
    ]
    base = date(2024, 1, 1)
    out = []
    for i in range(n):
        d = base + timedelta(days=rng.randrange(730))
        prec = rng.choices(["day", "week", "month", "year"], [70, 10, 15, 5])[0]
        if prec == "day":
            start, end = d, d
        elif prec == "week":
            start = d - timedelta(days=d.weekday())
            end = start + timedelta(days=6)
        elif prec == "month":
            start = d.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        else:
            start, end = d.replace(month=1, day=1), d.replace(month=12, day=31)
        place = None if rng.random() < 0.1 else rng.choice(places)
        out.append(
            make_event(
                f"Event number {i} happened somewhere, reported in the news.",
                day=start.isoformat(),
                end=end.isoformat(),
                precision=prec,
                date_text=f"date {i}",
                category=rng.choice(CATEGORIES),
                place=place,
                document=f"docs/doc{rng.randrange(n_documents)}.txt",
                start=i * 100,
            )
        )
    return out


def merged_tuapse():
    """The Tuapse strike as two articles report it, merged into one event with two sources."""
    from eventmap.corpus.merge import merge_events

    first = sample_events()[0]
    second = make_event(
        "Drones hit the <b>Tuapse</b> oil refinery on Friday, 14 March.",
        day="2025-03-14",
        date_text="Friday, 14 March",
        category="attack",
        place=TUAPSE,
        document="docs/c.txt",
        start=40,
    )
    (merged,) = merge_events([first, second])
    return merged, first, second


def agreement_events() -> list:
    """Day, week, month, year and multi-day events over two years, some undated and unplaced."""
    events = sample_events() + many_events(1500, seed=11, n_places=300)
    rng = random.Random(5)
    for i in range(60):
        start = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
        end = start + timedelta(days=rng.choice([1, 2, 9, 40]))
        events.append(
            make_event(
                f"A spell of events number {i} from one day to another.",
                day=start.isoformat(),
                end=end.isoformat(),
                precision="day",
                document="docs/ranges.txt",
                start=i * 80,
            )
        )
    for i in range(20):
        events.append(make_event(f"Undated event {i}.", day=None, document="docs/undated.txt", start=i * 40))
    return events


def agreement_windows(n: int = 80) -> list[list[str]]:
    """Axis values as the timeline sends them: days, times with fractions, one-day windows, edges."""
    rng = random.Random(3)
    out = [
        ["2025-03-13", "2025-03-15 23:59:59.999"],
        ["2024-02-29", "2024-02-29"],
        ["2023-01-01", "2023-06-01"],
    ]
    for _ in range(n):
        a = date(2023, 11, 1) + timedelta(days=rng.randrange(820))
        b = a + timedelta(days=rng.choice([0, 0, 1, 3, 7, 30, 120, 400]))
        fa = f" {rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(10**6):06d}"
        fb = f" {rng.randrange(24):02d}:{rng.randrange(60):02d}:00"
        out.append(
            [
                a.isoformat() + (fa if rng.random() < 0.5 else ""),
                b.isoformat() + (fb if rng.random() < 0.5 else ""),
            ]
        )
    return out
