"""Public event tables as people download them: spreadsheet CSVs, split date columns, GTD, EM-DAT,
the TimelineJS sheet, ICEWS, GDACS and EONET GeoJSON (small copies of each shape, built here)."""

from __future__ import annotations

import json

import pytest

from eventmap.formats import ImportReport, loads_events, read_events
from eventmap.formats.categories import category_of


def _read(tmp_path, name: str, content: str | bytes, **kw):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    report = ImportReport(name)
    return read_events(path, report=report, **kw), report


def test_a_windows_spreadsheet_csv_keeps_its_accents_and_says_its_encoding(tmp_path):
    text = "date;city;lat;lon;text\r\n01-05-2024;Besançon;47,24;6,02;Manifestation près de la gare à midi\r\n"
    (event,), report = _read(tmp_path, "fr.csv", text.encode("cp1252"))
    assert event.text == "Manifestation près de la gare à midi"
    assert event.places[0].name == "Besançon" and event.lat == pytest.approx(47.24)
    assert "text read as cp1252 (not UTF-8)" in report.summary()


def test_a_bom_quoted_newlines_blank_rows_and_upper_case_headers_lose_nothing(tmp_path):
    text = (
        '\ufeffDATE,LATITUDE,LONGITUDE,DESCRIPTION\r\n2024-05-01,"50,45","30,52","Shelling,\r\nthen fire"\r\n'
        ",,,\r\n2024-05-02,50.0,36.2,Protest\r\n"
    )
    events, report = _read(tmp_path, "upper.csv", text)
    assert [e.text for e in events] == ["Shelling,\r\nthen fire", "Protest"]
    assert events[0].lat == pytest.approx(50.45) and events[0].lon == pytest.approx(30.52)
    assert report.skipped == 0 and report.items == 2


def test_spreadsheet_day_numbers_in_a_date_column_are_dates_and_said(tmp_path):
    text = "Date,Latitude,Longitude,Description\n45735,50.45,30.52,Shelling\n45736.5,50.0,36.2,Air strike\n"
    (a, b), report = _read(tmp_path, "serial.csv", text)
    assert (a.date, b.date, b.time) == ("2025-03-19", "2025-03-20", "12:00")
    assert "date=Date (spreadsheet day numbers)" in report.columns
    # five-digit ids are not dates: a column is only read so when its name says date
    ids = "id,when_utc,text\n45735,2025-03-18,a\n45736,2025-03-19,b\n"
    (c, _), report = _read(tmp_path, "ids.csv", ids)
    assert c.date == "2025-03-18" and c.id == "45735"


def test_a_date_split_over_year_month_and_day_columns_is_one_date(tmp_path):
    # GTD: iyear/imonth/iday, 0 for an unknown month or day; a numeric country code is no ISO code
    gtd = (
        "eventid,iyear,imonth,iday,country,country_txt,city,latitude,longitude,summary,attacktype1_txt,gname\n"
        "197001010001,1970,7,2,58,Dominican Republic,Santo Domingo,18.45,-69.95,,Assassination,MANO-D\n"
        "197001010002,1970,0,0,130,Mexico,Mexico city,19.37,-99.08,,Hostage Taking (Kidnapping),Unknown\n"
        "201701010004,2017,1,2,95,Iraq,Baghdad,33.3,44.4,A car bomb exploded.,Unknown,Unknown\n"
    )
    (a, b, c), report = _read(tmp_path, "gtd.csv", gtd)
    assert (a.date, a.date_precision, a.id) == ("1970-07-02", "day", "197001010001")
    assert (b.date, b.date_end, b.date_precision) == ("1970-01-01", "1970-12-31", "year")
    assert [e.category for e in (a, b, c)] == ["attack", "attack", "attack"]  # every GTD row is an attack
    assert a.text == "Assassination in Santo Domingo (MANO-D)" and c.text == "A car bomb exploded."
    assert a.places[0].country_code == "DO" and b.places[0].country_code == "MX"
    assert "date=iyear+imonth+iday" in report.columns and "GTD" in report.kind
    # NCEI hazard tables as downloaded: Year/Mo/Dy/Hr/Mn, years BCE, a search-parameters line
    head = "Search Parameters\tYear\tMo\tDy\tHr\tMn\tLocation Name\tLatitude\tLongitude\tMag\n"
    noaa = (
        head + '["Specified Parameters: Year >= -2150"]\t\t\t\t\t\t\t\t\t\n'
        "\t-2150\t\t\t\t\tJORDAN: BAB-A-DARAA\t31.1\t35.5\t7.3\n"
        "\t2023\t2\t6\t1\t17\tTURKEY: GAZIANTEP\t37.1\t37.0\t7.8\n"
    )
    (old, new), report = _read(tmp_path, "noaa.tsv", noaa)
    assert (old.date, old.date_precision) == ("-2150", "year")
    assert (new.date, new.time, new.date_precision) == ("2023-02-06", "01:17", "day")
    assert new.text == "Earthquake M 7.8 - TURKEY: GAZIANTEP" and new.category == old.category == "disaster"
    assert "date=Year+Mo+Dy+Hr+Mn" in report.columns
    assert report.skipped == 1 and "row 2: none of the columns read for an event" in report.skip_line()


def test_em_dat_disasters_have_start_and_end_dates_and_are_disasters(tmp_path):
    text = (
        "DisNo.,Disaster Group,Disaster Subgroup,Disaster Type,Disaster Subtype,Event Name,ISO,Country,"
        "Location,Latitude,Longitude,Start Year,Start Month,Start Day,End Year,End Month,End Day,Total Deaths\n"
        "2023-0002-LBY,Natural,Hydrological,Flood,Flash flood,Storm Daniel,LBY,Libya,Derna,,,2023,9,10,2023,9,12,12352\n"
        "2020-0003-IND,Technological,Industrial accident,Explosion (Industrial),Explosion (Industrial),,IND,India,"
        "Visakhapatnam,,,2020,5,,,,,12\n"
    )
    (flood, blast), report = _read(tmp_path, "emdat.csv", text)
    assert (flood.id, flood.date, flood.date_end) == ("2023-0002-LBY", "2023-09-10", "2023-09-12")
    assert flood.text == "Flood (Flash flood) in Derna, Libya: Storm Daniel"
    assert (blast.date, blast.date_end, blast.date_precision) == ("2020-05-01", "2020-05-31", "month")
    assert flood.category == blast.category == "disaster"
    assert flood.extra["Disaster Type"] == "Flood" and flood.extra["Total Deaths"] == "12352"
    assert "date_end=End Year+End Month+End Day" in report.columns


def test_the_timelinejs_google_sheet_as_csv_is_read_as_a_story(tmp_path):
    text = (
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
        "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
        "2020,,,,,,,,,My story,Intro,,,,,title,,\n"
        '1969,7,20,8:17 PM,,,,,,Moon landing,"<p>Apollo 11 lands.</p>",https://example.org/a.jpg,NASA,,,,,#000\n'
        "-500,,,,-400,,,,,Classical Athens,Athens in its prime,,,,,,Greece,\n"
        "1939,9,1,,1945,9,2,,,World War II,,,,,,era,,\n"
        ",,,,,,,,,No date,Nothing,,,,,,,\n"
    )
    events, report = _read(tmp_path, "sheet.csv", text)
    moon, athens, war = events
    assert (
        report.kind == "TimelineJS sheet (CSV)"
        and report.skipped == 1
        and "needs a year" in report.first_skip
    )
    assert (moon.date, moon.time, moon.text) == ("1969-07-20", "20:17", "Apollo 11 lands.")
    assert moon.extra["headline"] == "Moon landing"
    assert moon.extra["media"] == {"url": "https://example.org/a.jpg", "credit": "NASA"}
    assert (athens.date, athens.date_end, athens.date_precision) == ("-500", "-400", "year")
    assert athens.extra["group"] == "Greece"
    assert any(p.name == "Athens" for p in athens.places) and athens.place_source == "sentence"
    assert war.kind == "context" and (war.date, war.date_end) == ("1939-09-01", "1945-09-02")
    assert all(e.text != "Intro" for e in events)  # the title row is the story's title


@pytest.mark.parametrize(
    ("raw", "category"),
    [
        ("Floods", "disaster"),
        ("Flash flood", "disaster"),
        ("Volcanoes", "disaster"),
        ("Tropical cyclone", "disaster"),
        ("Explosion (Industrial)", "disaster"),
        ("Bombing/Explosion", "attack"),
        ("Hostage Taking (Kidnapping)", "attack"),
        ("Violent protest", "protest"),
        ("Armed clashes", "fighting"),
        ("EQ", "disaster"),
        ("Demonstratie", "protest"),
        ('[{"id": "wildfires", "title": "Wildfires"}]', "disaster"),
        ("quarry blast", "other"),
        ("Unknown", "other"),
    ],
)
def test_type_names_of_other_tables_find_their_category(raw, category):
    assert category_of(raw) == category


def test_icews_cameo_codes_gdacs_and_eonet_get_their_categories(tmp_path):
    icews = (
        "Event ID\tEvent Date\tSource Name\tEvent Text\tCAMEO Code\tCity\tCountry\tLatitude\tLongitude\n"
        "926685\t1995-01-01\tExtremists\tDemonstrate or rally\t141\tMoscow\tRussian Federation\t55.75\t37.61\n"
        "926687\t1995-01-01\tMilitary\tUse conventional military force\t190\tGrozny\tRussian Federation\t43.3\t45.7\n"
    )
    (rally, force), _ = _read(tmp_path, "icews.tsv", icews)
    assert (rally.category, force.category) == ("protest", "fighting")
    assert rally.extra["CAMEO Code"] == "141"
    gdacs = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [120.0, 15.0]},
                "properties": {
                    "eventtype": "TC",
                    "eventid": 1000,
                    "description": "Tropical Cyclone DOKSURI-23",
                    "fromdate": "2023-07-21T00:00:00",
                    "todate": "2023-07-29T00:00:00",
                    "url": {"report": "https://www.gdacs.org/report.aspx?eventid=1000", "details": "x"},
                },
            }
        ],
    }
    (storm,), report = _read(tmp_path, "gdacs.geojson", json.dumps(gdacs))
    assert (storm.category, storm.date, storm.date_end) == ("disaster", "2023-07-21", "2023-07-29")
    assert storm.source.document == "https://www.gdacs.org/report.aspx?eventid=1000"
    assert storm.extra["eventtype"] == "TC" and storm.id == "1000"
    eonet = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [-71.5, -33.0]},
                "properties": {
                    "id": "EONET_6300",
                    "title": "Wildfire in Chile",
                    "description": None,
                    "date": "2024-02-03T00:00:00Z",
                    "categories": [{"id": "wildfires", "title": "Wildfires"}],
                },
            }
        ],
    }
    (fire,), report = _read(tmp_path, "eonet.geojson", json.dumps(eonet))
    assert (fire.text, fire.category) == ("Wildfire in Chile", "disaster")  # an empty column is no text
    assert "text=title" in report.columns


def test_features_without_properties_or_with_polygons_are_kept_and_nothing_is_dropped_silently():
    fc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": None,
                "properties": {"date": "2024-01-02", "description": "Flood"},
            },
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]},
                "properties": {"date": "2024-01-03", "description": "Wildfire"},
            },
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": ["5,1", "52"]},
                "properties": None,
            },
            {"type": "Feature", "geometry": None, "properties": None},
        ],
    }
    report = ImportReport("mixed.geojson")
    events = loads_events(json.dumps(fc), origin="mixed.geojson", report=report)
    assert [(e.text, e.lat, e.lon) for e in events] == [
        ("Flood", None, None),
        ("Wildfire", 1.0, 1.0),
        ("", 52.0, 5.1),
    ]
    assert report.items == 4 and report.skipped == 1
    assert "feature #4: no properties and no geometry" in report.skip_line()


def test_excel_sep_lines_repeated_column_names_and_long_rows_lose_no_cell(tmp_path):
    text = "sep=;\r\ndate;text;text;lat;lon\r\n2024-01-05;First;Second;50,1;30,2;beyond\r\n2024-01-06;Fire;;50;30\r\n"
    (a, b), report = _read(tmp_path, "excel.csv", text)
    assert (a.text, a.lat, a.extra["text (3)"], a.extra["(column 6)"]) == ("First", 50.1, "Second", "beyond")
    assert b.text == "Fire" and report.skipped == 0
    warnings = " ".join(report.warnings)
    assert "1 column name repeats ('text')" in warnings
    assert "1 row has more cells than the header has columns" in warnings


def test_json_lines_and_api_answers_are_read_as_records(tmp_path):
    lines = (
        '{"date": "2024-01-05", "text": "a", "lat": 1, "lon": 2, "kind_of": "x"}\n\n'
        "{not json}\n"
        '{"date": "2024-01-06", "text": "b", "lat": 1, "lon": 2}\n'
    )
    (a, b), report = _read(tmp_path, "recs.jsonl", lines)
    assert (a.text, a.extra["kind_of"], b.date) == ("a", "x", "2024-01-06")
    assert report.skipped == 1 and "line 3" in report.first_skip
    features = "\n".join(
        json.dumps(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30, 50]}, "properties": p}
        )
        for p in ({"date": "2024-01-05", "title": "x"}, {"date": "2024-01-06", "title": "y"})
    )
    events, _ = _read(tmp_path, "quakes.geojsonl", features)
    assert [(e.text, e.lat) for e in events] == [("x", 50.0), ("y", 50.0)]
    ucdp_api = {
        "TotalCount": 1,
        "Result": [
            {
                "id": 7,
                "date_start": "2024-01-05",
                "type_of_violence": 3,
                "date_prec": 1,
                "where_prec": 1,
                "latitude": 48.0,
                "longitude": 37.8,
                "source_headline": "Shelling of a market",
                "where_description": "Donetsk",
                "country": "Ukraine",
            }
        ],
    }
    (event,), report = _read(tmp_path, "ged_api.json", json.dumps(ucdp_api))
    assert (event.id, event.category, event.text) == ("7", "attack", "Shelling of a market")
    assert report.kind == "JSON records"


@pytest.mark.parametrize(
    "cell",
    [
        "POINT (-87.6 41.8)",
        "SRID=4326;POINT(-87.6 41.8)",
        "(41.8, -87.6)",
        "41.8,-87.6",
        '{"type": "Point", "coordinates": [-87.6, 41.8]}',
        '{"latitude": "41.8", "longitude": "-87.6", "human_address": "{}"}',
    ],
)
def test_a_point_in_one_column_gives_the_coordinates(tmp_path, cell):
    quoted = '"' + cell.replace('"', '""') + '"'
    text = f"Date,Description,Location\n2024-01-05,Shooting,{quoted}\n"
    (event,), report = _read(tmp_path, "portal.csv", text)
    assert (event.lat, event.lon) == (41.8, -87.6)
    assert "point=Location" in report.columns and "location=" not in report.columns


def test_someone_elses_events_list_keeps_its_fields():
    obj = {
        "events": [
            {"text": "Clash near Kyiv", "date": "2024-01-05", "actor": "Unit 1", "lat": 50.4, "lon": 30.5}
        ]
    }
    report = ImportReport("other.json")
    (event,) = loads_events(json.dumps(obj), origin="other.json", report=report)
    assert event.extra["actor"] == "Unit 1" and event.date == "2024-01-05" and event.lat == 50.4
    assert report.kind == "JSON records"


def test_polygons_across_the_antimeridian_are_placed_there_and_it_is_said():
    fiji = {
        "type": "Polygon",
        "coordinates": [[[177, -18], [-179, -18], [-179, -16], [177, -16], [177, -18]]],
    }
    fc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": fiji, "properties": {"date": "2024-01-05", "name": "Cyclone"}}
        ],
    }
    report = ImportReport("fiji.geojson")
    (event,) = loads_events(json.dumps(fc), origin="fiji.geojson", report=report)
    assert event.lon == pytest.approx(179.0) and event.lat == pytest.approx(-17.0)
    assert "1 Polygon placed at the middle of its bounds" in report.summary()


def test_a_time_column_beside_the_date_gives_the_time_of_day(tmp_path):
    text = "date,time,text\n2024-01-05,14:30:00,a\n2024-01-06,2:15 PM,b\n2024-01-07,morning,c\n2024-01-08,around noon,d\n"
    events, report = _read(tmp_path, "times.csv", text)
    assert [e.time for e in events] == ["14:30", "14:15", "morning", None]
    assert events[3].extra["time"] == "around noon"  # kept as written, not lost
    assert "time_of_day=time" in report.columns


def test_a_timelinejs_title_slide_is_said_to_be_the_title():
    story = {
        "title": {"text": {"headline": "A history of Rome", "text": "From the founding"}},
        "events": [
            {"start_date": {"year": "-753"}, "text": {"headline": "Founding", "text": "Rome is founded."}}
        ],
    }
    report = ImportReport("rome.json")
    (event,) = loads_events(json.dumps(story), origin="rome.json", report=report)
    assert event.date == "-753"
    assert "title slide 'A history of Rome' read as the story's title, not an event" in report.summary()


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        ("50.45°", "30.52°", (50.45, 30.52)),
        ("33.9 S", "151.2 E", (-33.9, 151.2)),
        ("50°27'N", "30°31'12\"E", (50.45, 30.52)),
        ("W 87.6", "N 41.8", None),  # latitude given a west longitude: out of range or refused, never silent
    ],
)
def test_coordinates_written_in_degrees_and_hemispheres_are_read(tmp_path, lat, lon, expected):
    quoted = ['"' + v.replace('"', '""') + '"' for v in (lat, lon)]
    text = f"date,text,lat,lon\n2024-01-05,Fire,{quoted[0]},{quoted[1]}\n2024-01-06,Flood,1,2\n"
    events, report = _read(tmp_path, "dms.csv", text)
    if expected is None:
        assert report.skipped == 1 and len(events) == 1
    else:
        assert (events[0].lat, events[0].lon) == pytest.approx(expected)


def test_a_period_written_in_one_date_cell_gives_both_ends(tmp_path):
    text = (
        "date,text\n5–7 January 2024,a\n2024-01-05/2024-01-07,b\n30 December 2023 - 2 January 2024,c\n"
        "1939–1945,d\n"
    )
    events, report = _read(tmp_path, "ranges.csv", text)
    assert [(e.date, e.date_end) for e in events] == [
        ("2024-01-05", "2024-01-07"),
        ("2024-01-05", "2024-01-07"),
        ("2023-12-30", "2024-01-02"),
        ("1939-01-01", "1945-12-31"),
    ]
    assert report.skipped == 0


def test_an_old_geojson_in_web_mercator_is_converted_and_said():
    fc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [3397460.0, 6522930.0]},
                "properties": {"date": "2024-01-05", "description": "Shelling"},
            }
        ],
    }
    report = ImportReport("old.geojson")
    (event,) = loads_events(json.dumps(fc), origin="old.geojson", report=report)
    assert event.lon == pytest.approx(30.52, abs=0.01) and event.lat == pytest.approx(50.45, abs=0.01)
    assert "converted from Web Mercator" in report.summary()
