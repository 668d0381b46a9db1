"""Fill a language's date table (eventmap/text/dates/vocab/<lang>.json) from dateparser's data.

dateparser ships, per language, the month and weekday names (with case forms, e.g. the
Ukrainian and Russian genitives), unit words, the "ago" word and number words, generated
from CLDR (dateparser/data/date_translation_data/<lang>.py, BSD-3-Clause). This script
merges those into our table: forms are added to the lists of the keys named in the
table's "generated" list, nothing is removed, hand-written keys are left alone. A new
language gets a skeleton table with every key the parser reads, to be completed by hand
(see docs/parsing.md, "Languages").

usage: python tools/vocab_from_dateparser.py LANG [LANG...] [--check]
  --check  exit 1 when a table would change (CI: the tables are up to date)
"""

from __future__ import annotations

import json
import re
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOCAB = ROOT / "eventmap" / "text" / "dates" / "vocab"
MONTHS = "january february march april may june july august september october november december".split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
UNITS = ("day", "week", "fortnight", "month", "year", "decade", "century")
GENERATED = ["months", "weekdays", "weekday_abbreviations", "units", "ago", "numbers"]
SKELETON: dict = {
    "language": "",
    "name": "",
    "sources": [],
    "generated": GENERATED,
    "date_order": "DMY",
    "numeric_dates": {"separators": "./-", "two_digit_years": False},
    "capitalised_names": False,
    "months": {},
    "weekdays": {},
    "weekday_abbreviations": {},
    "ordinal_suffixes": [],
    "units": {},
    "ago": {"before": [], "after": []},
    "numbers": {},
}


def dateparser_info(lang: str) -> dict:
    import dateparser

    path = Path(dateparser.__file__).parent / "data" / "date_translation_data" / f"{lang}.py"
    if not path.is_file():
        raise SystemExit(f"dateparser has no data for {lang!r}")
    return runpy.run_path(str(path))["info"]


def _forms(words: list[str], min_len: int) -> list[str]:
    out: list[str] = []
    for w in words:
        w = w.lower()
        if len(w.rstrip(".")) >= min_len and not re.search(r"\d", w) and w not in out:
            out.append(w)
    return out


def _expand(pattern: str) -> list[str]:
    """'дв(а|е|ух)' -> ['два', 'две', 'двух']; plain words as they are; other regexes: none."""
    m = re.fullmatch(r"([^\W\d_]+)\(([^()?*+\[\]\\]+)\)", pattern)
    if m:
        return [m.group(1) + end for end in m.group(2).split("|")]
    return [pattern] if re.fullmatch(r"[^\W\d_'’]+", pattern) else []


def generated_part(info: dict) -> dict:
    """The keys this script fills, read from dateparser's language data."""
    out: dict = {
        "months": {m: _forms(info.get(m, []), 3) for m in MONTHS},
        "weekdays": {d: _forms(info.get(d, []), 5) for d in WEEKDAYS},
        # 3-4 letters ("Tue", "Do."): read only before a full date; 2 letters ("zo") are words
        "weekday_abbreviations": {
            d: [w.rstrip(".") for w in _forms(info.get(d, []), 3) if len(w.rstrip(".")) <= 4]
            for d in WEEKDAYS
        },
        "units": {u: _forms(info.get(u, []), 3) for u in UNITS if info.get(u)},
    }
    ago = {"before": [], "after": []}
    for key, patterns in (info.get("relative-type-regex") or {}).items():
        if not key.endswith(" ago"):
            continue
        for p in patterns:
            words = p.replace("(\\d++[.,]?\\d*+)", "N").split()
            if "N" not in words:
                continue
            i = words.index("N")
            side, rest = ("before", words[:i]) if i > 0 else ("after", words[i + 2 :])
            if rest:
                ago[side].append(" ".join(rest).lower())
    out["ago"] = {k: sorted(set(v)) for k, v in ago.items()}
    numbers: dict[str, int] = {}
    for item in info.get("simplifications", []):
        for pattern, value in item.items():
            if value.isdigit() and 1 <= int(value) <= 60:
                for word in _expand(pattern):
                    numbers.setdefault(word.lower(), int(value))
    out["numbers"] = numbers
    out["date_order"] = info.get("date_order", "DMY")
    return out


def merge(table: dict, part: dict) -> dict:
    """Add generated forms to the table's generated keys (union, order kept), except the
    forms its `generated_excluded` lists: dateparser words that are ordinary words of the
    language (German "die" and "mit" as weekday abbreviations, Ukrainian "серед" "among")."""
    merged = dict(table)
    excluded = {k: set(v) for k, v in (table.get("generated_excluded") or {}).items()}
    for key in table.get("generated", GENERATED):
        new = part.get(key)
        if new is None:
            continue
        old = merged.get(key)
        skip = excluded.get(key, set())
        if isinstance(new, dict) and isinstance(old, dict):
            combined = dict(old)
            for k, v in new.items():
                if isinstance(v, list):
                    have = list(combined.get(k, []))
                    combined[k] = have + [w for w in v if w not in have and w not in skip]
                else:
                    combined.setdefault(k, v)
            merged[key] = combined
        elif old is None:
            merged[key] = new
    if not table.get("date_order"):
        merged["date_order"] = part["date_order"]
    return merged


def dumps(value, indent: int = 0, width: int = 110) -> str:
    """JSON with lists of words on as few lines as fit, dicts one key a line."""
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 2, width)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        words = [json.dumps(v, ensure_ascii=False) for v in value]
        lines, line = [], ""
        for w in words:
            if line and len(inner) + len(line) + len(w) + 2 > width:
                lines.append(line)
                line = ""
            line = f"{line}, {w}" if line else w
        lines.append(line)
        if len(lines) == 1 and len(pad) + len(lines[0]) + 2 <= width:
            return f"[{lines[0]}]"
        return "[\n" + ",\n".join(inner + ln for ln in lines) + "\n" + pad + "]"
    if isinstance(value, list):
        return "[\n" + ",\n".join(inner + dumps(v, indent + 2, width) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    langs = [a for a in argv if not a.startswith("-")]
    if not langs:
        print(__doc__)
        return 2
    changed = []
    for lang in langs:
        path = VOCAB / f"{lang}.json"
        table = (
            json.loads(path.read_text(encoding="utf-8")) if path.is_file() else dict(SKELETON, language=lang)
        )
        text = dumps(merge(table, generated_part(dateparser_info(lang)))) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            changed.append(lang)
            if not check:
                path.write_text(text, encoding="utf-8")
    if changed:
        print(("out of date: " if check else "written: ") + ", ".join(changed))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
