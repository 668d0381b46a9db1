"""Real sources' files, in small copies of their shape: ACLED (old and new types), USGS, GDELT, TimelineJS 3 and 2."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eventmap.errors import InputError
from eventmap.formats import ImportReport, loads_events, read_events
from eventmap.formats.categories import lookup

from conftest import DATA_DIR

DATA = DATA_DIR / "formats"

# The ACLED codebook (2019 and later): event type -> its sub-event types, with the category we
# expect. Written from the codebook, not from our data file, so a mistake there shows here.
ACLED_NEW = {
    ("Battles", "fighting"): [
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ],
    ("Explosions/Remote violence", "attack"): [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    ("Violence against civilians", "attack"): ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    ("Protests", "protest"): [
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ],
    ("Riots", "protest"): ["Violent demonstration", "Mob violence"],
}
ACLED_STRATEGIC = {
    "Agreement": "diplomacy",
    "Arrests": "other",
    "Change to group/activity": "other",
    "Disrupted weapons use": "other",
    "Headquarters or base established": "other",
    "Looting/property destruction": "other",
    "Non-violent transfer of territory": "other",
    "Other": "other",
}
ACLED_OLD = {
    "Battle-No change of territory": "fighting",
    "Battle-Government regains territory": "fighting",
    "Battle-Non-state actor overtakes territory": "fighting",
    "Headquarters or base established": "other",
    "Strategic development": "other",
    "Riots/Protests": "protest",
    "Violence against civilians": "attack",
    "Non-violent transfer of territory": "other",
    "Remote violence": "attack",
}


def _acled_csv(rows: list[tuple[str, str]]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(
        ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1"]
        + ["country", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
    )
    for i, (etype, sub) in enumerate(rows, start=1):
        w.writerow(
            [f"X{i}", "2024-05-0" + str(1 + i % 9), "1", etype, sub, "Someone", "Sudan", "Khartoum"]
            + ["15.55", "32.53", "1", "Radio Dabanga", "", "0"]
        )
    return out.getvalue()


def test_every_acled_event_and_sub_event_type_since_2019_gets_its_category():
    rows = [(etype, sub) for (etype, _), subs in ACLED_NEW.items() for sub in subs]
    rows += [("Strategic developments", sub) for sub in ACLED_STRATEGIC]
    events = loads_events(_acled_csv(rows), "csv", origin="acled.csv")
    expected = [cat for (_, cat), subs in ACLED_NEW.items() for _ in subs] + list(ACLED_STRATEGIC.values())
    assert [e.category for e in events] == expected
    # the original types stay with the event; a row without notes says what and where
    first = events[0]
    assert (first.extra["event_type"], first.extra["sub_event_type"]) == ("Battles", "Armed clash")
    assert first.text == "Armed clash in Khartoum"
    for (etype, cat), _ in ACLED_NEW.items():
        assert lookup("acled", etype) == cat


def test_old_acled_files_with_the_nine_old_types_and_upper_case_headers():
    report = ImportReport("acled_old_types.csv")
    events = read_events(DATA / "acled_old_types.csv", report=report)
    assert report.kind == "ACLED table" and report.skipped == 0
    by_type = {e.extra["EVENT_TYPE"]: e.category for e in events}
    for name, category in ACLED_OLD.items():
        assert by_type[name] == category, name
    assert by_type["RIots/Protests"] == "protest"  # a typo found in published ACLED files
    first = events[0]
    assert first.id == "DRC1" and first.extra["source_id"] == "DRC1"
    assert (first.date, first.date_precision) == ("2018-01-13", "day")  # 13-Jan-18
    assert first.extra["FATALITIES"] == "4" and first.extra["ACTOR2"].startswith("ADF")
    uvira = events[2]
    assert (uvira.date, uvira.date_end, uvira.date_precision) == ("2018-01-15", "2018-01-21", "week")
    kinshasa = events[3]
    assert kinshasa.source.document == "AFP; Reuters" and kinshasa.extra["ALLY_ACTOR_1"] == "Catholic Church"
    assert [p.kind for p in events[1].places] == ["area"]  # GEO_PRECISION 2


def test_every_old_and_new_acled_type_in_the_data_file_maps_to_a_category():
    for name in [*ACLED_OLD, *(t for t, _ in ACLED_NEW), *(s for subs in ACLED_NEW.values() for s in subs)]:
        assert lookup("acled", name) is not None, name
    assert lookup("acled", "Battle - No change of territory") == "fighting"  # spacing differs


def test_usgs_feed_with_epoch_milliseconds_and_event_types():
    report = ImportReport("usgs_week.geojson")
    quake, blast, ice, kern, test = read_events(DATA / "usgs_week.geojson", report=report)
    assert report.kind == "USGS earthquakes GeoJSON"
    assert "date=time (epoch milliseconds)" in report.summary()
    assert (quake.date, quake.time, quake.date_precision) == ("2025-03-18", "09:26", "day")
    assert kern.date == "1952-06-13"  # negative milliseconds: before 1970
    assert [e.category for e in (quake, blast, ice, kern, test)] == [
        "disaster",
        "other",
        "disaster",
        "disaster",
        "other",
    ]
    assert (quake.extra["type"], blast.extra["type"]) == ("earthquake", "quarry blast")
    assert quake.id == "ci40000001" and quake.extra["source_id"] == "ci40000001"
    assert quake.text == "M 4.6 - 12 km SW of Ridgecrest, CA"
    assert (quake.lat, quake.lon) == (35.55, -117.74)  # depth ignored
    assert quake.places[0].text == "12 km SW of Ridgecrest, CA"
    assert quake.source.document.endswith("usgs_week.geojson")  # the event page stays in extra
    assert quake.extra["url"].startswith("https://earthquake.usgs.gov/") and quake.extra["mag"] == "4.6"


def test_usgs_csv_with_iso_times_and_no_title():
    text = (
        "time,latitude,longitude,depth,mag,magType,nst,gap,dmin,rms,net,id,updated,place,type,status\n"
        "2025-03-18T09:26:40.120Z,35.55,-117.74,7.9,4.6,ml,61,35,0.05,0.18,ci,ci40000001,"
        '2025-03-18T10:00:00.000Z,"12 km SW of Ridgecrest, CA",earthquake,reviewed\n'
        "2025-03-17T11:13:20.000Z,33.4,-86.9,0,2.6,mb_lg,20,80,0.4,0.6,us,us7000q1,"
        '2025-03-17T12:00:00.000Z,"5 km E of Bessemer, Alabama",quarry blast,reviewed\n'
    )
    quake, blast = loads_events(text, "csv", origin="query.csv")
    assert (quake.date, quake.time, quake.category) == ("2025-03-18", "09:26", "disaster")
    assert quake.text == "M 4.6 earthquake - 12 km SW of Ridgecrest, CA"
    assert (blast.category, blast.id) == ("other", "us7000q1")


def _gdelt_line(values: dict[str, str], columns: tuple[str, ...]) -> str:
    return "\t".join(values.get(c, "") for c in columns)


def test_a_raw_gdelt_export_without_header_reads_with_cameo_root_codes():
    from eventmap.formats.gdelt_format import V1_URL_COLUMNS, V2_COLUMNS

    protest = {
        "GLOBALEVENTID": "1220000001",
        "SQLDATE": "20250318",
        "Actor1Name": "PROTESTER",
        "Actor2Name": "POLICE",
        "EventCode": "141",
        "EventBaseCode": "141",
        "EventRootCode": "14",
        "ActionGeo_Type": "4",
        "ActionGeo_FullName": "Kyiv, Kyyiv, Misto, Ukraine",
        "ActionGeo_CountryCode": "UP",
        "ActionGeo_Lat": "50.4333",
        "ActionGeo_Long": "30.5167",
        "DATEADDED": "20250318120000",
        "SOURCEURL": "https://example.org/news/1",
    }
    fight = dict(
        protest, GLOBALEVENTID="1220000002", EventCode="190", EventBaseCode="190", EventRootCode="19"
    )
    text = "\n".join(_gdelt_line(v, V2_COLUMNS) for v in (protest, fight)) + "\n"
    report = ImportReport("20250318120000.export.CSV")
    a, b = loads_events(text, "csv", origin="20250318120000.export.CSV", report=report)
    assert report.kind.startswith("GDELT export without header (61 columns)")
    assert (a.date, a.category, b.category) == ("2025-03-18", "protest", "fighting")
    assert a.text == "PROTESTER - Protest - POLICE in Kyiv, Kyyiv, Misto, Ukraine"
    assert (a.lat, a.lon, a.places[0].kind) == (50.4333, 30.5167, "city")
    assert a.source.document == "https://example.org/news/1" and a.extra["EventRootCode"] == "14"
    assert a.id == "1220000001"
    # GDELT 1.0 files (58 columns) read the same way
    v1 = _gdelt_line(protest, V1_URL_COLUMNS) + "\n"
    (old,) = loads_events(v1, "csv", origin="20150101.export.CSV")
    assert (old.category, old.date) == ("protest", "2025-03-18")
    # and a table with GDELT's column names (BigQuery) too, code without its root column
    header = "GLOBALEVENTID,SQLDATE,Actor1Name,EventCode,ActionGeo_Lat,ActionGeo_Long,SOURCEURL\n"
    (bq,) = loads_events(
        header + "7,20250318,ARMY,0231,48.5,35.0,https://example.org/x\n", "csv", origin="bq.csv"
    )
    assert bq.category == "diplomacy" and bq.extra["EventCode"] == "0231"  # root 02: Appeal


def test_timelinejs3_places_headlines_media_groups_eras_and_deep_time():
    report = ImportReport("history.timeline.json")
    events = read_events(DATA / "history.timeline.json", report=report)
    origin, marathon, waterloo, apollo, era = events
    # the bad slide (month 13) is skipped with its reason, the rest is read
    assert report.skipped == 1 and "slide #5" in report.first_skip and "month" in report.first_skip
    assert (origin.date, origin.date_end, origin.date_precision) == ("-13800000000", "-13800000000", "year")
    assert origin.text == "Space and time expand from a hot, dense state."
    assert origin.extra["headline"] == "The universe begins" and origin.extra["group"] == "Cosmos"
    # a BCE day is held as its year; the slide's own date object (and display_date) is kept
    assert (marathon.date, marathon.date_precision) == ("-490", "year")
    assert marathon.extra["start_date"]["display_date"] == "September 490 BCE"
    assert marathon.extra["media"]["url"] == "https://example.org/marathon.jpg"
    # no location: headline and text are geoparsed, in their language
    assert marathon.lang == "en" and {"Marathon", "Greece"} <= {p.text for p in marathon.places}
    assert marathon.place_source == "sentence"
    # a slide location is the place, with its name
    (place,) = waterloo.places
    assert (place.name, place.lat, place.lon) == ("Waterloo, Belgium", 50.68, 4.41)
    assert (waterloo.lat, waterloo.lon) == (50.68, 4.41)
    assert (apollo.date, apollo.time) == ("1969-07-20", "20:17")
    assert "Florida" in {p.text for p in apollo.places}
    assert (era.kind, era.date, era.date_end, era.text) == ("context", "-800", "-480", "Archaic Greece")
    assert [e.id for e in events[:4]] == ["origin", "marathon", "waterloo", "apollo"]


def test_timelinejs3_round_trip_keeps_deep_time_headlines_media_and_eras():
    events = read_events(DATA / "history.timeline.json")
    from eventmap.formats import dumps_events

    obj = json.loads(dumps_events(events, "timelinejs"))
    assert obj["scale"] == "cosmological" and len(obj["eras"]) == 1 and len(obj["events"]) == 4
    slides = {s["unique_id"]: s for s in obj["events"]}
    assert slides["origin"]["start_date"] == {"year": "-13800000000"}
    assert slides["marathon"]["start_date"]["day"] == "12"  # the original date object comes back
    assert slides["marathon"]["text"]["headline"] == "Battle of Marathon"
    assert slides["marathon"]["media"]["caption"] == "The plain of Marathon"
    assert slides["marathon"]["group"] == "Wars"
    back = loads_events(json.dumps(obj), origin="again.json")
    key = [(e.date, e.date_end, e.date_precision, e.text, e.extra.get("headline"), e.kind) for e in events]
    assert [
        (e.date, e.date_end, e.date_precision, e.text, e.extra.get("headline"), e.kind) for e in back
    ] == key


def test_timelinejs2_files_are_read_with_their_format_named():
    report = ImportReport("story.timeline2.json")
    maidan, crimea, caesar, era = read_events(DATA / "story.timeline2.json", report=report)
    assert report.kind == "TimelineJS 2" and report.skipped == 1 and "start_date" in report.first_skip
    assert (maidan.date, maidan.date_end, maidan.time) == ("2014-02-18", "2014-02-20", "07:30")
    assert (
        maidan.text == "Protesters and police clashed in Kyiv."
        and maidan.extra["headline"] == "Clashes on the Maidan"
    )
    assert maidan.category == "protest" and maidan.extra["group"] == "Protests"  # tag -> group
    assert maidan.extra["media"] == {
        "url": "https://example.org/maidan.jpg",
        "credit": "Example",
        "caption": "Independence Square",
    }
    assert maidan.extra["classname"] == "maidan"
    assert "Kyiv" in {p.text for p in maidan.places}
    assert (crimea.date, crimea.date_end, crimea.date_precision, crimea.category) == (
        "2014-03-01",
        "2014-03-31",
        "month",
        "fighting",
    )
    assert (caesar.date, caesar.date_precision) == ("-44", "year")
    assert era.kind == "context" and era.date_end == "2014-03-18"


@pytest.mark.parametrize(
    "content, words",
    [
        ('{"timeline": {"headline": "x", "date": 5}}', ["TimelineJS 2", "'date'"]),
        ('{"timeline": {"headline": "x"}}', ["TimelineJS 2", "'date'"]),
        ('{"stories": []}', ["eventmap JSON", "TimelineJS 3", "TimelineJS 2", "GeoJSON"]),
    ],
)
def test_json_that_is_no_known_format_is_refused_with_the_formats_named(tmp_path, content, words):
    from eventmap.errors import InputError

    path = tmp_path / "story.json"
    path.write_text(content)
    with pytest.raises(InputError) as err:
        read_events(path)
    for word in words:
        assert word in str(err.value)


EONET = {
    "title": "EONET Events",
    "events": [
        {
            "id": "EONET_6516",
            "title": "Park Fire, California",
            "description": None,
            "categories": [{"id": "wildfires", "title": "Wildfires"}],
            "geometry": [
                {"date": "2024-07-24T20:00:00Z", "type": "Point", "coordinates": [-121.83, 39.82]},
                {"date": "2024-07-26T00:00:00Z", "type": "Point", "coordinates": [-121.9, 39.9]},
            ],
        },
        {
            "id": "EONET_6600",
            "title": "Tropical Storm Debby",
            "categories": [{"id": "severeStorms", "title": "Severe Storms"}],
            "geometry": [
                {
                    "magnitudeValue": 35,
                    "magnitudeUnit": "kts",
                    "date": "2024-08-03T12:00:00Z",
                    "type": "Point",
                    "coordinates": [-80.5, 22.1],
                }
            ],
        },
    ],
}


def test_an_eonet_event_track_gives_one_event_per_dated_position():
    report = ImportReport("eonet.json")
    events = loads_events(json.dumps(EONET), origin="eonet.json", report=report)
    assert [(e.id, e.date, e.lat, e.lon) for e in events] == [
        ("EONET_6516/1", "2024-07-24", 39.82, -121.83),
        ("EONET_6516/2", "2024-07-26", 39.9, -121.9),
        ("EONET_6600/1", "2024-08-03", 22.1, -80.5),
    ]
    assert {e.category for e in events} == {"disaster"}
    assert events[2].extra["magnitude"] == "35 kts"
    assert "2 records with a track of dated positions (geometry) read as 3 events" in report.summary()
    assert not report.warnings


KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
<Placemark><name>Drone strike on Tuapse refinery</name><description>Fire at the refinery</description>
<TimeStamp><when>2025-03-14</when></TimeStamp>
<ExtendedData><Data name="reporter"><value>Reuters</value></Data></ExtendedData>
<Point><coordinates>39.08,44.10,0</coordinates></Point></Placemark>
<Placemark><name>Fighting near Sudzha</name><TimeSpan><begin>2025-03-10</begin><end>2025-03-12</end></TimeSpan>
<Polygon><outerBoundaryIs><LinearRing><coordinates>35.2,51.1 35.4,51.1 35.4,51.3 35.2,51.1</coordinates>
</LinearRing></outerBoundaryIs></Polygon></Placemark>
</Folder></Document></kml>"""

GEORSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"
 xmlns:georss="http://www.georss.org/georss" xmlns:gdacs="http://www.gdacs.org"><channel>
<item><title>Green earthquake alert (Magnitude 5.1M) in Indonesia</title>
<pubDate>Mon, 02 Dec 2024 10:15:00 GMT</pubDate><gdacs:fromdate>Mon, 02 Dec 2024 09:58:00 GMT</gdacs:fromdate>
<gdacs:eventtype>EQ</gdacs:eventtype><georss:point>-7.5 110.2</georss:point></item>
<item><title>Orange flood alert in Spain</title><pubDate>Tue, 29 Oct 2024 12:00:00 GMT</pubDate>
<gdacs:fromdate>Tue, 29 Oct 2024 00:00:00 GMT</gdacs:fromdate><gdacs:todate>Fri, 01 Nov 2024 00:00:00 GMT</gdacs:todate>
<gdacs:eventtype>FL</gdacs:eventtype><geo:Point><geo:lat>39.47</geo:lat><geo:long>-0.38</geo:long></geo:Point></item>
</channel></rss>"""


def test_kml_placemarks_are_events_with_their_time_point_and_data(tmp_path):
    path = tmp_path / "incidents.kml"
    path.write_text(KML, encoding="utf-8")
    report = ImportReport(str(path))
    strike, fighting = read_events(path, report=report)
    assert report.kind == "KML"
    assert (strike.text, strike.date, strike.lat, strike.lon) == (
        "Drone strike on Tuapse refinery",
        "2025-03-14",
        44.1,
        39.08,
    )
    assert strike.extra["description"] == "Fire at the refinery"
    assert (fighting.date, fighting.date_end, fighting.lat, fighting.lon) == (
        "2025-03-10",
        "2025-03-12",
        51.2,
        35.3,
    )
    # no type column: the categories are read from the text, and the import line says so
    assert (strike.category, fighting.category) == ("attack", "fighting")
    assert "categories of 2 events read from their text (en)" in report.summary()


def test_a_georss_feed_s_items_are_events_with_their_points_and_periods(tmp_path):
    path = tmp_path / "gdacs.rss"
    path.write_text(GEORSS, encoding="utf-8")
    report = ImportReport(str(path))
    quake, flood = read_events(path, report=report)
    assert report.kind == "GeoRSS feed"
    assert (quake.date, quake.time, quake.lat, quake.lon) == ("2024-12-02", "09:58", -7.5, 110.2)
    assert (flood.date, flood.date_end, flood.lat, flood.lon) == ("2024-10-29", "2024-11-01", 39.47, -0.38)
    assert (quake.category, flood.category) == ("disaster", "disaster")  # GDACS EQ and FL


def test_an_xml_file_that_is_no_event_feed_is_refused_in_one_line(tmp_path):
    path = tmp_path / "notes.kml"
    path.write_text("<kml><Document></Document></kml>", encoding="utf-8")
    with pytest.raises(InputError, match="without any Placemark"):
        read_events(path)


WIKIDATA_CSV = """item,itemLabel,date,coord,countryLabel
http://www.wikidata.org/entity/Q115889011,2023 Turkey–Syria earthquakes,2023-02-06T00:00:00Z,Point(37.203 37.166),Turkey
http://www.wikidata.org/entity/Q104544592,Storming of the Capitol,2021-01-06T00:00:00Z,Point(-77.009 38.8899),United States
"""


def test_a_wikidata_query_export_reads_its_labels_points_and_dates(tmp_path):
    path = tmp_path / "query.csv"
    path.write_text(WIKIDATA_CSV, encoding="utf-8")
    report = ImportReport(str(path))
    quake, capitol = read_events(path, report=report)
    assert (quake.text, quake.date, quake.lat, quake.lon) == (
        "2023 Turkey–Syria earthquakes",
        "2023-02-06",
        37.166,
        37.203,
    )
    assert (capitol.category, quake.category) == ("attack", "disaster")  # storming is no storm
    assert capitol.extra["item"].endswith("Q104544592")
    assert "text=itemLabel" in report.summary() and "point=coord" in report.summary()
