"""GDELT event tables: the tab-separated exports (no header) and tables with GDELT's column names.

The raw files of GDELT 1.0 (57 columns; 58 with SOURCEURL from April 2013) and GDELT 2.0
(61 columns: ADM2 codes added) have no header line; :func:`header_for` recognises them by
their column count and a ``yyyymmdd`` second column and gives the codebook's names
(GDELT Event Codebook V1.03 and V2.0, data.gdeltproject.org/documentation). Tables exported
with a header (BigQuery, pandas) are recognised by ``GLOBALEVENTID``/``SQLDATE`` names.

The category comes from the CAMEO root code (``EventRootCode``, else the first digits of
``EventCode``; ``data/cameo_roots.tsv``); the point from ``ActionGeo_Lat``/``ActionGeo_Long``;
the text, as GDELT has none, from the actors and the root code's name ("Police (Kyiv) -
Protest - Ukraine"). ``ActionGeo_Type`` (1 country, 2/5 a state or province, 3/4 a city)
gives the place's kind; country codes are FIPS, not ISO, and stay in ``extra``.
"""

from __future__ import annotations

from eventmap.formats.categories import cameo_names, cameo_root
from eventmap.formats.dialect import Dialect, Row, first

_ACTOR = (
    "Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code "
    "Type1Code Type2Code Type3Code"
).split()
_EVENT = "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone".split()


def _geo(prefix: str, adm2: bool) -> list[str]:
    parts = [
        "Type",
        "FullName",
        "CountryCode",
        "ADM1Code",
        *(["ADM2Code"] if adm2 else []),
        "Lat",
        "Long",
        "FeatureID",
    ]
    return [f"{prefix}Geo_{p}" for p in parts]


def _columns(adm2: bool) -> list[str]:
    return [
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        *(f"Actor1{p}" for p in _ACTOR),
        *(f"Actor2{p}" for p in _ACTOR),
        *_EVENT,
        *_geo("Actor1", adm2),
        *_geo("Actor2", adm2),
        *_geo("Action", adm2),
        "DATEADDED",
    ]


V1_COLUMNS: tuple[str, ...] = tuple(_columns(False))  # 57
V1_URL_COLUMNS: tuple[str, ...] = (*V1_COLUMNS, "SOURCEURL")  # 58
V2_COLUMNS: tuple[str, ...] = (*_columns(True), "SOURCEURL")  # 61
HEADERS = {len(h): h for h in (V1_COLUMNS, V1_URL_COLUMNS, V2_COLUMNS)}


def header_for(first_line: str) -> tuple[str, ...] | None:
    """GDELT's column names when `first_line` is a row of a raw GDELT export, else None."""
    cells = first_line.rstrip("\r\n").split("\t")
    header = HEADERS.get(len(cells))
    if header is None or not cells[0].isdigit() or not (len(cells[1]) == 8 and cells[1].isdigit()):
        return None
    return header


def describe(row: Row) -> str:
    """ "Police (Kyiv) - Protest - Ukraine" (actors and the CAMEO root's name) for a GDELT row."""
    code = first(row, "eventrootcode") or first(row, "eventcode")
    what = cameo_names().get(cameo_root(code), f"CAMEO {code}" if code else "Event")
    actors = [first(row, "actor1name"), first(row, "actor2name")]
    parts = [a for a in (actors[0], what, actors[1]) if a]
    where = first(row, "actiongeo_fullname")
    return " - ".join(parts) + (f" in {where}" if where else "")


DIALECT = Dialect(
    key="gdelt",
    name="GDELT events",
    markers=frozenset({"globaleventid", "sqldate"}),
    columns={
        "id": ("globaleventid",),
        "date": ("sqldate",),
        "text": (),
        "lat": ("actiongeo_lat",),
        "lon": ("actiongeo_long",),
        "location": ("actiongeo_fullname",),
        "country": (),
        "country_code": (),
        "document": ("sourceurl",),
        "category": (),
    },
    categories=(("eventrootcode", "cameo"), ("eventcode", "cameo")),
    geo_precision=(
        "actiongeo_type",
        {"1": "country", "2": "region", "3": "city", "4": "city", "5": "region"},
    ),
    describe=describe,
)
