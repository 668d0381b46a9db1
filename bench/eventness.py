"""Event-ness precision and recall: which sentences does the parser show as events?

The gold set (bench/eventness_gold.json) labels every sentence of a set of Dutch and English
news texts by hand as `occurrence` (something happened or will happen at a time and place),
`statement` (someone said or announced something) or `context` (analysis, background,
headlines, bylines, quotes without a speaker). The texts: the seed article, the test
articles of tests/data/news and tests/data/merge (written for this project), and texts of
TempEval-3 (UzZaman et al. 2013) and MEANTIME (Minard et al. 2016) read from the shared
benchmark folder; the gold file keeps only document ids, character offsets and labels.

A gold sentence counts as predicted an event when the parser returns an event of kind
occurrence or statement whose sentence overlaps it (what the dashboard shows by default).
Precision/recall/F1 are over the occurrence+statement sentences; kind accuracy is the share
of the found events whose kind (occurrence or statement) matches the label.

usage: python bench/eventness.py [--verbose] [--any-kind] [--dump DOC_ID]
  --any-kind  count every event the parser returns, whatever its kind (the parser before kinds)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
GOLD = ROOT / "bench" / "eventness_gold.json"
SHARED = ROOT.parent / "shared" / "bench"
SHOWN = ("occurrence", "statement")


def load_doc(doc_id: str) -> tuple[str, str | None, str]:
    """(text, document date, language) of a document id of the gold file."""
    source, _, name = doc_id.partition("/")
    if source == "seed":
        return (ROOT / "seeds" / name).read_text(encoding="utf-8"), None, "nl"
    if source in ("news", "merge"):
        folder = ROOT / "tests" / "data" / ("news" if source == "news" else "merge/articles")
        return (folder / name).read_text(encoding="utf-8"), None, name[:2]
    if source == "tempeval":
        from tempeval_dates import load

        text, dct, _ = load(SHARED / "tempeval3" / f"{name}.tml")
        return text, dct, "en"
    if source == "meantime":
        from meantime_dates import load

        path = next((SHARED / "meantime_en" / "intra-doc_annotation").glob(f"*/{name}.xml"))
        _, text, dct, _ = load(path)
        return text, dct if re.fullmatch(r"\d{4}-\d\d-\d\d", dct or "") else None, "en"
    raise ValueError(f"unknown document id {doc_id}")


def predicted(doc_id: str) -> list[tuple[int, int, str]]:
    import eventmap

    text, dct, lang = load_doc(doc_id)
    return [
        (e.source.start, e.source.end, e.kind or "")
        for e in eventmap.parse_text(text, document_date=dct, lang=lang)
    ]


def score(verbose: bool = False, any_kind: bool = False) -> dict:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    tp = fp = fn = kind_ok = 0
    for doc_id, labels in gold.items():
        events = predicted(doc_id)
        text = load_doc(doc_id)[0] if verbose else ""
        for start, end, label in labels:
            kinds = [k for s, e, k in events if s < end and start < e]
            shown = [k or "event" for k in kinds if any_kind or k in SHOWN]
            positive = label in SHOWN
            if positive and shown:
                tp += 1
                kind_ok += label in shown
            elif shown:
                fp += 1
            elif positive:
                fn += 1
            if verbose and (positive != bool(shown) or (shown and label not in shown)):
                tag = "FP" if shown and not positive else "FN" if positive and not shown else "KIND"
                print(f"{tag:4} {doc_id} [{label} -> {','.join(kinds) or '-'}] {text[start:end][:140]!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "documents": len(gold),
        "sentences": sum(len(v) for v in gold.values()),
        "event sentences (gold)": tp + fn,
        "precision (%)": round(100 * p, 1),
        "recall (%)": round(100 * r, 1),
        "F1 (%)": round(100 * (2 * p * r / (p + r) if p + r else 0.0), 1),
        "kind accuracy (%)": round(100 * kind_ok / tp, 1) if tp else 0.0,
    }


def dump(doc_id: str) -> None:
    """The parser's sentences of a document with their offsets (to label a new document)."""
    from eventmap.text.document import prepare_document
    from eventmap.text.sentences import cut_spans, split_sentences

    text, dct, lang = load_doc(doc_id)
    doc = prepare_document(text, document_date=dct, lang=lang)
    for s in cut_spans(split_sentences(text, doc.body_start, lang=lang), text, doc.skipped_spans()):
        print(f'[{s.start}, {s.end}, ""],  # {s.text[:150]!r}')


def main(argv: list[str]) -> int:
    if "--dump" in argv:
        dump(argv[argv.index("--dump") + 1])
        return 0
    if not (SHARED / "tempeval3").is_dir():
        print(f"no shared benchmark data at {SHARED}")
        return 1
    s = score(verbose="--verbose" in argv, any_kind="--any-kind" in argv)
    print(
        f"event-ness on {s['sentences']} hand-labelled sentences of {s['documents']} documents "
        f"({s['event sentences (gold)']} events): precision {s['precision (%)']}  recall {s['recall (%)']}  "
        f"F1 {s['F1 (%)']}  kind accuracy {s['kind accuracy (%)']}"
    )
    if "--any-kind" not in argv:
        from results import record

        record("eventness", s, command="python bench/eventness.py")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
