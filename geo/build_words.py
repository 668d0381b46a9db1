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
Without a package the list is empty and the rules that use it do nothing.
"""

from __future__ import annotations

from geo.build_regions import package_file

GIVEN_NAME_MIN_CLASS = 5
COMMON_MIN_ZIPF = 3.0
# the frequency columns of nam_dict.txt: one character per country from column 30 on
_NAM_DICT_COUNTRY_COLUMN = 30


def given_names() -> list[str]:
    """Lower-case given names frequent in at least one country (gender-guesser's dictionary)."""
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
        if best < GIVEN_NAME_MIN_CLASS:
            continue
        for form in {parts[1].replace("+", ""), parts[1].replace("+", " "), parts[1].replace("+", "-")}:
            out.add(form.casefold())
    return sorted(out)


def common_words(keys: list[str], langs: list[str]) -> dict[str, dict[str, int]]:
    """{lang: {word: round(10 * zipf)}} for one-word index keys that are frequent words."""
    import math

    try:
        from wordfreq import available_languages, get_frequency_dict
    except ImportError:  # pragma: no cover - the package is a dependency
        return {}
    supported = set(available_languages())
    single = {k for k in keys if " " not in k and k.isalpha()}
    out: dict[str, dict[str, int]] = {}
    for lang in langs:
        if lang not in supported:
            continue
        freqs = get_frequency_dict(lang, wordlist="best")
        words = {}
        for word, f in freqs.items():
            if word in single and f > 0:
                z = math.log10(f) + 9  # the Zipf scale
                if z >= COMMON_MIN_ZIPF:
                    words[word] = round(z * 10)
        out[lang] = words
    return out
