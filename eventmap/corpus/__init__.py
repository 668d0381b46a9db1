"""A corpus of events: PATH arguments loaded, the DuckDB event store, parallel ingest, merged reports."""
