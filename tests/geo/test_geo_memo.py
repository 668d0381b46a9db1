"""The speed helpers of geoparse (geo.memo, Token.adj) change no answer."""

from __future__ import annotations

import random

import geo
from geo.memo import per_list
from geo.tokens import _FAST_SPLIT_RE, _TOKEN_SPLIT_RE, TOKEN_RE, adjacent, tokenize


def test_a_per_list_memo_answers_once_per_list_and_never_for_another_list():
    calls = []

    @per_list
    def total(gaz, items):
        calls.append(items)
        return sum(items)

    gaz = object()
    a, b = [1, 2], [1, 2]
    assert total(gaz, a) == 3 and total(gaz, a) == 3
    assert len(calls) == 1
    assert total(gaz, b) == 3 and len(calls) == 2  # an equal list is another list
    assert total(object(), a) == 3 and len(calls) == 3  # another gazetteer: asked again


def test_a_tokens_adj_says_what_adjacent_says_of_it_and_the_next_token():
    text = "Bij een brand in Den Haag, St. Paul en d'Odessa zei burgemeester Van Zanen:\nNew  York."
    tokens, _lower = tokenize(text)
    for a, b in zip(tokens, tokens[1:]):
        assert a.adj == adjacent(text, a, b), (a.text, b.text)
    assert tokens[-1].adj is False


def test_memoised_rankings_carry_no_context_from_one_article_to_the_next():
    texts = [
        "Police in Paris, Texas, and in Lamar County arrested two men.",
        "Protesters marched in Paris and Lyon on Saturday.",
        "Police in Paris, Texas, and in Lamar County arrested two men.",
    ]
    first, second, third = (geo.geoparse(t, lang="en")[0] for t in texts)
    assert first.country_code == "US" and second.country_code == "FR"
    assert third == first


def test_geoparses_fast_place_mention_is_the_dataclass_built_the_usual_way():
    from geo.mention import PlaceMention, place_mention

    args = (3, 7, "Kiev", "Kyiv", 50.45, 30.52, "UA", "city", "geonames:703448", 0.98)
    fast, usual = place_mention(*args), PlaceMention(*args)
    assert fast == usual and hash(fast) == hash(usual) and repr(fast) == repr(usual)


WORDY = [
    "U.S. Army",
    "the U.S.A. and St. Paul, Mt. Pleasant",
    "Ph.D. A.B Ab.C. x. end- l' a'-b O'Neil's rock'n'roll",
    "d'Odessa L’Estonie al-Balah x-y-z Zürich-based ĀB. ÇD.E. Київ-Пасажирський",
]


def test_the_fast_word_split_gives_the_words_and_gaps_of_the_plain_pattern():
    """_FAST_SPLIT_RE (letters as ranges, the usual word as its first branch) splits every
    text as the plain pattern does, abbreviations, elisions and compounds included."""
    rng = random.Random(7)
    alphabet = "aZé.-'’ ,\nЖ1UuS"
    texts = WORDY + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for text in texts:
        pieces = _FAST_SPLIT_RE.split(text)
        assert pieces == _TOKEN_SPLIT_RE.split(text), text
        assert pieces[1::2] == TOKEN_RE.findall(text), text


def test_tokens_keep_their_lookup_key_and_kind_from_the_word_memo():
    text = (
        "Het kabinet in Den Haag en d'Odessa; KYIV, NEW YORK en Rock’n’Roll Hall zei burgemeester Van Zanen."
    )
    for _ in range(2):  # the second time every word comes from the memo
        tokens, lower = tokenize(text)
        for t in tokens:
            assert t.text == text[t.start : t.end]
            assert t.cap == t.text[0].isupper()
            assert t.low == (t.text.lower().replace("’", "'") if t.cap else t.text.lower())
        assert "kabinet" in lower and "Den" not in lower


def test_the_age_positions_found_in_one_scan_are_where_the_age_pattern_matches_after_a_word():
    """people_in reads ", 83, " after a name from one finditer over the text: at every place a
    word can end (after a letter) that is exactly where AGE_RE.match would succeed."""
    from geo.namepairs import AGE_RE

    rng = random.Random(11)
    texts = ["Ford, 83, told reporters; Smith, aged 40, 12, 7, said", "a, 1, 2, 3, b, 45, c"]
    texts += ["".join(rng.choice("ab, 1aged") for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        ages = {m.start() for m in AGE_RE.finditer(text)}
        for end in range(1, len(text) + 1):
            if text[end - 1].isalpha():
                assert (end in ages) == bool(AGE_RE.match(text, end)), (text, end)
