"""Word lists the index derives from registry packages: given names and frequent common words.

- Given names: `gender-guesser`'s name dictionary (Jörg Michael's `nam_dict.txt`, 48,000
  names with a frequency class 1..13 in each of 55 countries; GNU FDL 1.2, read where the
  package installed it, not copied). A name whose class reaches GIVEN_NAME_MIN_CLASS in some
  country is a given name: "Victoria Beckham", "Florence Welch" are people.
- Common words: `wordfreq` (Apache-2.0 code; its word lists are CC BY-SA 4.0, read from the
  installed package, not copied) gives each word's Zipf frequency per language. Only the
  words that are also one-word names in the index are kept, with their frequency (x10), for
  each language that has word lists in geo/data: "Elk" (Dutch "each") is a common word in
  Dutch before it is Ełk in Poland.
- Surnames: `names` (MIT; the US Census Bureau's 1990 surname frequencies, `dist.all.last`,
  read where the package installed it): the SURNAME_MAX_RANK most frequent, which a frequent
  common word does not keep from being a person's surname after a given name ("Serena
  Williams", "Madison Keys", "India Knight").
Without a package the list is empty and the rules that use it do nothing.
"""

from __future__ import annotations

from functools import cache

from geo.build_regions import package_file

GIVEN_NAME_MIN_CLASS = 5
# any class: rarer given names ("Chelsea", "Paris", "Nicky") open a person's name only before
# a surname that names nothing but small towns ("Chelsea Clinton", "Paris Hilton"; geo.people)
RARE_GIVEN_NAME_MIN_CLASS = 1
RARE_GIVEN_NAME_MAX_ZIPF = 5.8  # "paris" (5.7 in French) is frequent because of the city
GIVEN_NAME_MAX_ZIPF = 5.0  # "The", "To", "In", "Will" are given names somewhere, and words here
COMMON_MIN_ZIPF = 3.0  # for one-word names of the index
WORD_MIN_ZIPF = 4.0  # for any word (is "Arts" in "Tennessee Arts Commission" a common word?)
SURNAME_MAX_RANK = 2000  # "Keys" is 1,333th, "London" 1,821th: a given name before them says who
# the frequency columns of nam_dict.txt: one character per country from column 30 on
_NAM_DICT_COUNTRY_COLUMN = 30


def given_names(
    langs: list[str] = (), min_class: int = GIVEN_NAME_MIN_CLASS, max_zipf: float = GIVEN_NAME_MAX_ZIPF
) -> list[str]:
    """Lower-case given names of at least frequency class `min_class` in some country
    (gender-guesser's dictionary), less those that are very frequent words in `langs` ("the",
    "to", "will")."""
    path = package_file("gender_guesser", "data", "nam_dict.txt")
    if path is None:
        return []
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        values = line[_NAM_DICT_COUNTRY_COLUMN:-1]
        best = max((int(ch, 16) for ch in values if ch.strip() and ch in "0123456789abcdefABCDEF"), default=0)
        if best < min_class:
            continue
        for form in {parts[1].replace("+", ""), parts[1].replace("+", " "), parts[1].replace("+", "-")}:
            out.add(form.casefold())
    too_common = {w for lang in langs for w, z in zipf_table(lang).items() if z >= max_zipf}
    return sorted(out - too_common)


@cache
def zipf_table(lang: str) -> dict[str, float]:
    """word -> Zipf frequency in `lang` ({} for a language wordfreq does not have)."""
    import math

    try:
        from wordfreq import available_languages, get_frequency_dict
    except ImportError:  # pragma: no cover - the package is a dependency
        return {}
    if lang not in available_languages():
        return {}
    return {w: math.log10(f) + 9 for w, f in get_frequency_dict(lang, wordlist="best").items() if f > 0}


def common_words(keys: list[str], langs: list[str]) -> dict[str, dict[str, int]]:
    """{lang: {word: round(10 * zipf)}}: one-word index keys with Zipf >= COMMON_MIN_ZIPF and
    any word with Zipf >= WORD_MIN_ZIPF."""
    single = {k for k in keys if " " not in k and k.isalpha()}
    out: dict[str, dict[str, int]] = {}
    for lang in langs:
        table = zipf_table(lang)
        if table:
            out[lang] = {
                w: round(z * 10)
                for w, z in table.items()
                if z >= WORD_MIN_ZIPF or (z >= COMMON_MIN_ZIPF and w in single)
            }
    return out


# another name of one word this frequent (wordfreq Zipf) in a language of the region names is
# a nickname or a word, never a bare name of a region ("love" 5.9; "holland" 3.6 stays)
NICKNAME_MIN_ZIPF = 4.5


def frequent_words(langs: tuple[str, ...]) -> frozenset[str]:
    """Words with Zipf >= NICKNAME_MIN_ZIPF in any of `langs` (wordfreq)."""
    return frozenset(w for lang in langs for w, z in zipf_table(lang).items() if z >= NICKNAME_MIN_ZIPF)


def surnames(max_rank: int = SURNAME_MAX_RANK) -> list[str]:
    """The `max_rank` most frequent US surnames, lower case (the `names` package's Census list:
    one "NAME frequency cumulative rank" line each, most frequent first)."""
    path = package_file("names", "dist.all.last")
    if path is None:
        return []
    out = []
    with path.open(encoding="ascii", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and int(parts[3]) <= max_rank:
                out.append(parts[0].lower())
            elif len(parts) == 4:
                break
    return sorted(out)
