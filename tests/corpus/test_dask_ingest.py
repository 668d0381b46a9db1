"""Ingest on a Dask cluster (a LocalCluster with one worker process): Parquet out, store in."""

from __future__ import annotations

import importlib

import distributed
import pytest
from test_ingest import line_events, write_corpus

from eventmap.corpus import dask_ingest as dask_module
from eventmap.corpus.dask_ingest import dask_ingest
from eventmap.corpus.store import EventStore
from eventmap.errors import UserError


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None, silence_logs=40
    ) as c:
        yield c


def test_dask_ingest_writes_parquet_that_the_store_reads(cluster, tmp_path):
    expected = write_corpus(tmp_path / "corpus", 20)
    (tmp_path / "corpus" / "broken.txt").write_text("no header\n")
    store = EventStore(tmp_path / "events.duckdb")
    report = dask_ingest(
        [tmp_path / "corpus"],
        cluster.scheduler_address,
        tmp_path / "parquet",
        store=store,
        progress=False,
        parse_file=line_events,
        chunk_size=4,
    )
    assert (report.files, report.parsed, len(report.failed)) == (21, 20, 1)
    assert "no date header" in report.failed[0][1]
    assert report.events == expected == store.count()
    assert len(list((tmp_path / "parquet" / "events").glob("*.parquet"))) == 6  # 21 files / 4 per chunk

    direct = EventStore(tmp_path / "parquet")  # the folder is a read-only store on its own
    assert direct.count() == expected
    assert direct.aggregate(by="day") == store.aggregate(by="day")
    assert len(direct.file_hashes()) == 21

    again = dask_ingest(
        [tmp_path / "corpus"],
        cluster.scheduler_address,
        tmp_path / "parquet",
        store=store,
        progress=False,
        parse_file=line_events,
    )
    assert (again.parsed, again.unchanged, again.events) == (0, 21, 0)


def test_a_changed_file_is_taken_from_its_newest_part(cluster, tmp_path):
    write_corpus(tmp_path / "corpus", 6)
    out = tmp_path / "parquet"
    with distributed.Client(cluster.scheduler_address) as client:  # a Client works as well
        dask_ingest([tmp_path / "corpus"], client, out, progress=False, parse_file=line_events)
        before = EventStore(out).count()
        target = sorted((tmp_path / "corpus").rglob("*.txt"))[0]
        old = target.read_text().count("\n") - 1
        target.write_text("date 2025-07-01\nOnly line now.\n")
        report = dask_ingest([tmp_path / "corpus"], client, out, progress=False, parse_file=line_events)
    assert (report.parsed, report.unchanged) == (1, 5)  # known from the Parquet of the first run
    direct = EventStore(out)
    assert direct.count() == before - old + 1
    assert [e.text for e in direct.events(start="2025-07-01")] == ["Only line now."]
    store = EventStore()
    store.import_parquet(out)
    assert store.count() == direct.count()


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setattr(dask_module, "CONNECT_TIMEOUT", "1s")
    (tmp_path / "a.txt").write_text("date 2025-03-14\nx\n")
    with pytest.raises(UserError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        dask_ingest([tmp_path], "tcp://127.0.0.1:9", tmp_path / "out", progress=False, parse_file=line_events)


def test_the_project_parser_runs_on_the_cluster(cluster, tmp_path, seed_path):
    importlib.import_module("eventmap.text.pipeline")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / seed_path.name).write_bytes(seed_path.read_bytes())
    store = EventStore()
    report = dask_ingest(
        [tmp_path / "corpus"], cluster.scheduler_address, tmp_path / "parquet", store=store, progress=False
    )
    assert report.failed == [] and report.parsed == 1 and store.count() == report.events > 0
    assert store.count(start="2025-03-18", end="2025-03-18") >= 1  # the seed's phone call


def test_parts_of_an_interrupted_run_never_imported_are_parsed_again(cluster, tmp_path):
    write_corpus(tmp_path / "corpus", 4)
    out = tmp_path / "parquet"
    dask_ingest(
        [tmp_path / "corpus"], cluster.scheduler_address, out, progress=False, parse_file=line_events
    )  # as if the import into the store never happened
    store = EventStore()
    report = dask_ingest(
        [tmp_path / "corpus"],
        cluster.scheduler_address,
        out,
        store=store,
        progress=False,
        parse_file=line_events,
    )
    assert report.parsed == 4 and store.count() == report.events > 0
