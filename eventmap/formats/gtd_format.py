"""Global Terrorism Database (GTD, START) CSV exports: one row per attack.

Recognised by ``iyear``, ``imonth``, ``iday`` and ``attacktype1_txt``. The date is split over
``iyear``/``imonth``/``iday`` (0 for an unknown month or day: :mod:`eventmap.formats.dateparts`);
``eventid`` is the id, ``summary`` the text (else "Bombing/Explosion in Baghdad (Islamic State
of Iraq and the Levant (ISIL))"), ``city`` the place, ``country_txt`` its country (``country``
is GTD's own number, not an ISO code); ``attacktype1_txt`` gives the category, and a row whose
attack type no table knows ("Unknown") is still an attack. The other columns stay in ``extra``.
"""

from __future__ import annotations

from eventmap.formats.dialect import Dialect, Row, first


def describe(row: Row) -> str:
    what = first(row, "attacktype1_txt") or "Attack"
    where = first(row, "city", "provstate", "country_txt")
    who = first(row, "gname")
    text = f"{what} in {where}" if where and where.lower() != "unknown" else what
    return f"{text} ({who})" if who and who.lower() != "unknown" else text


DIALECT = Dialect(
    key="gtd",
    name="GTD",
    markers=frozenset({"iyear", "imonth", "iday", "attacktype1_txt"}),
    columns={
        "id": ("eventid",),
        "text": ("summary",),
        "location": ("city",),
        "country": ("country_txt",),
        "category": ("attacktype1_txt",),
        "document": (),
    },
    describe=describe,
    default_category="attack",
)
