"""The language knowledge of geoparse: word lists per language, read from geo/data.

Two kinds of file per language (the suffix is the ISO 639-1 code, or "any" for words that
reach news in every language):
- `notplace_<lang>.tsv`: words and names that are not places (roles "common", "first_name");
- `cues_<lang>.tsv`: context words ("provincie", "in", titles, "troops", ...; the roles are
  described in each file's header).
Each line is `role<TAB>entry|entry|...`; lines starting with "#" are comments (each file says
where its words come from). Adding a language is adding its two files: `load()` picks up
every file present. Entries are compared case-folded; an entry may hold spaces ("van der").

The rules read one merged `Lexicon` (all languages, as news quotes names across languages);
`load(langs)` gives the lists of some languages only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
KINDS = ("notplace", "cues")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Role -> entries (case-folded), merged over the languages it was loaded for."""

    langs: tuple[str, ...]
    roles: dict[str, frozenset[str]]

    def __getitem__(self, role: str) -> frozenset[str]:
        return self.roles.get(role, frozenset())


def languages() -> list[str]:
    """Language codes that have a file in geo/data ("any" included)."""
    found = {p.stem.split("_", 1)[1] for kind in KINDS for p in DATA_DIR.glob(f"{kind}_*.tsv")}
    return sorted(found)


def tsv_rows(path: Path, columns: int, form: str) -> list[list[str]]:
    """The rows of a tab-separated data file with `columns` columns, comments and blank lines
    left out; a malformed line is a ValueError naming it and the expected `form`."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != columns:
            raise ValueError(f"{path.name}:{n}: expected '{form}'")
        rows.append(parts)
    return rows


def read_file(path: Path) -> dict[str, set[str]]:
    """role -> entries of one data file (a malformed line is a ValueError naming it)."""
    out: dict[str, set[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        role, sep, entries = line.partition("\t")
        if not sep or not role:
            raise ValueError(f"{path.name}:{n}: expected 'role<TAB>entry|entry'")
        out.setdefault(role.strip(), set()).update(
            " ".join(e.casefold().split()) for e in entries.split("|") if e.strip()
        )
    return out


@cache
def load(langs: tuple[str, ...] | None = None) -> Lexicon:
    """The merged lists of `langs` (None: every language present, "any" always included)."""
    chosen = tuple(languages()) if langs is None else tuple(dict.fromkeys((*langs, "any")))
    roles: dict[str, set[str]] = {}
    for lang in chosen:
        for kind in KINDS:
            path = DATA_DIR / f"{kind}_{lang}.tsv"
            if path.exists():
                for role, entries in read_file(path).items():
                    roles.setdefault(role, set()).update(entries)
    return Lexicon(chosen, {role: frozenset(e) for role, e in roles.items()})


@cache
def name_tails() -> frozenset[str]:
    """Lower-case words inside curated place names after a capitalised one ("дім" in "Білий
    дім", "море" in "Чорне море"; geo/data/supplement.tsv): geoparse must see them as words."""
    out = set()
    for line in (DATA_DIR / "supplement.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for name in line.partition("\t")[0].split("|"):
            words = name.split()
            if len(words) > 1 and words[0][:1].isupper() and words[1][:1].islower():
                out.add(words[1].casefold())
    return frozenset(out)


@cache
def _common_by_language() -> dict[str, frozenset[str]]:
    return {lang: load((lang,))["common"] - load(("any",))["common"] for lang in languages() if lang != "any"}


def guess_language(words: set[str], minimum: int = 2) -> str | None:
    """The language whose not-a-place common words (mostly function words) the text uses most,
    from the set of its lowercase words; None when no language has `minimum` of them."""
    best, best_n = None, minimum - 1
    for lang, common in _common_by_language().items():
        n = len(common & words)
        if n > best_n:
            best, best_n = lang, n
    return best
