"""Document names fit to hand out: relative paths as the user gave them, absolute ones made relative.

A served workspace names its files by absolute path (the corpus ingest resolves them), and a
download from the app must not show the server's folders. :func:`public_documents` rewrites
every absolute document path of the events (their own, their merged sources', and those of
the reports kept in ``extra["merged_from"]``) relative to the deepest folder all of them
share: the folder that was served. Names that are not paths (ACLED sources, URLs) and
relative paths stay as they are.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from eventmap.model import Event


def public_documents(events: Sequence[Event]) -> list[Event]:
    """Copies of the events whose absolute document paths are relative to their shared folder."""
    paths = {d for e in events for d in _documents(e) if _is_absolute(d)}
    if not paths:
        return list(events)
    root = _shared_folder(paths)
    out = []
    for e in events:
        docs = list(_documents(e))
        if not any(_is_absolute(d) for d in docs):
            out.append(e)
            continue
        e = copy.deepcopy(e)
        e.source.document = _relative(e.source.document, root)
        for s in e.sources:
            s.document = _relative(s.document, root)
        for report in e.extra.get("merged_from") or []:
            src = report.get("source") if isinstance(report, dict) else None
            if isinstance(src, dict) and isinstance(src.get("document"), str):
                src["document"] = _relative(src["document"], root)
        out.append(e)
    return out


def _documents(event: Event) -> Iterable[str]:
    yield event.source.document
    for s in event.sources:
        yield s.document
    for report in event.extra.get("merged_from") or [] if event.extra else []:
        src = report.get("source") if isinstance(report, dict) else None
        if isinstance(src, dict) and isinstance(src.get("document"), str):
            yield src["document"]


def _is_absolute(doc: str) -> bool:
    return bool(doc) and "://" not in doc and os.path.isabs(doc)


def _shared_folder(paths: set[str]) -> str:
    folders = {str(PurePath(p).parent) for p in paths}
    return os.path.commonpath(sorted(folders)) if len(folders) > 1 else folders.pop()


def _relative(doc: str, root: str) -> str:
    if not _is_absolute(doc):
        return doc
    rel = os.path.relpath(doc, root)
    return PurePath(doc).name if rel.startswith("..") else rel
