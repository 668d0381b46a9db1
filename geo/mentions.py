"""Finding place mentions in running text (step 1 of geoparse; resolution is geo.resolve).

Tokens come from one regex split (geo.tokens); candidate spans are capitalised token n-grams
(n <= 4, lowercase connectors like "of"/"van" allowed inside) looked up in the gazetteer,
longest first (geo.spans); the not-a-place filters (geo.notplace, geo.people) keep out words
inside other words ("Ottawa-verdrag" is a treaty), people, common words and acronyms; the
words around a name (geo.features) make it an organisation's ("Singapore Airlines": flagged
"organisation", context only) or a river, lake or mountain ("the river Reno").
"""

from __future__ import annotations

from operator import attrgetter

from geo.demonyms import demonym, may_start_demonym
from geo.features import (
    FEATURE_WORDS,
    ORG_AFTER,
    ORG_BEFORE,
    ORG_WORDS_BEFORE,
    TEAM_AFTER,
    TERRAIN_OF_TOWN,
    feature_candidates,
    feature_word,
    org_word_after,
    organisation_end,
    person_of,
    person_origin,
    possessive_before_person,
    street_name,
)
from geo.gazetteer import ABBREVIATIONS, Candidate, Gazetteer
from geo.inflection import adjective_bases, base_forms, best_lookup, inflected_match
from geo.informal import informal_mentions
from geo.lexicon import guess_language
from geo.memo import per_key
from geo.names import looks_slavic, name_key, strip_accents
from geo.notplace import Context, is_metonym, mentions_companies, rejected_single
from geo.people import TITLES, is_strong_place, named_after_it, people_in, person_named_like_a_village
from geo.spans import (
    CONNECTORS,
    DISTRICT_WORDS,
    LOCATIVE,
    PLACE_SUFFIXES,
    REGION_WORDS,
    SLAVIC_MIN_LEN,
    Mention,
    after_locative,
    compound_parts,
    fallback_region,
    governed,
    is_dateline,
    longest_match,
    lowercase_countries,
    mark_region,
    names_container,
    new_mention,
    party_state,
    region_named,
    spaced_state_abbreviation,
    state_abbreviation,
    stop_words,
    strip_possessive,
    variant_match,
)
from geo.tokens import adjacent, tokenize

__all__ = ["Mention", "find_mentions"]


def find_mentions(
    text: str,
    gaz: Gazetteer,
    *,
    demonyms: bool = False,
    unknown_spans: bool = False,
    langs: tuple[str, ...] | None = None,
) -> tuple[list[Mention], list[str]]:
    """Candidate place spans in `text`, and the country codes of its adjectives of nationality.

    `unknown_spans` also returns capitalised spans after a locative preposition that the
    gazetteer does not know (for an online geocoder to try).
    """
    tokens, lower = tokenize(text)
    if langs is None:  # the article's language from its function words, when it has some
        guessed = guess_language(lower)
        langs = (guessed,) if guessed else None
    people, person_parts = people_in(text, tokens, gaz, lower, langs)
    context = Context(
        langs, _mid_sentence_capitals(text, tokens), person_parts, mentions_companies(lower, tokens)
    )
    stop = stop_words(langs)
    mentions: list[Mention] = []
    demonym_ccs: list[str] = []
    n_tok = len(tokens)
    known_nothing = starts_nothing.memo_for(gaz).get  # its memo, read inline (geo.memo)
    strong = is_strong_place.memo_for(gaz).get
    i = 0
    while i < n_tok:
        t = tokens[i]
        if not t.cap:
            i += 1
            continue
        # a state abbreviation follows ", " or is dotted ("S.C."): test that before the call
        state = (
            state_abbreviation(text, t, gaz)
            if "." in t.text or (t.start >= 2 and text.startswith(", ", t.start - 2))
            else None
        )
        if state is not None:
            end = t.end + 1 if text[t.end : t.end + 1] == "." else t.end
            mentions.append(Mention(t.start, end, text[t.start : end], only(gaz, state)))
            i += 1
            continue
        spaced = spaced_state_abbreviation(text, t, gaz) if len(t.text) == 1 else None  # "W. Va."
        if spaced is not None:
            state, end = spaced
            mentions.append(Mention(t.start, end, text[t.start : end], only(gaz, state)))
            while i < n_tok and tokens[i].start < end:
                i += 1
            continue
        nothing = known_nothing(t.text)
        if nothing is None:
            nothing = starts_nothing(gaz, t.text)
        if nothing:  # most capitalised words: no matcher can take them
            found = dm = None
        else:
            found = longest_match(text, tokens, i, gaz)
            if found is None:
                found = variant_match(text, tokens, i, gaz, people)
            if found is None:
                found = inflected_match(text, tokens, i, gaz, people)  # "у Харкові", "Kursker Gebiet"
            dm = None
            if found is None or (found[0] == i and not (strong(t.low) or is_strong_place(gaz, t.low))):
                # the people of a region ("Ohioans") only for a word that names no place itself
                dm = demonym(text, tokens, i, gaz, derive=found is None and not t.shout)
        if found is None or dm is not None:
            if dm is not None:
                cc, j, institution, entry = dm
                if cc:  # "" for a continent's or world region's people: no country's evidence
                    demonym_ccs.append(cc)
                country = gaz.country.get(cc) if entry is None else entry
                end_tok = tokens[j]
                m = Mention(
                    t.start,
                    end_tok.end,
                    text[t.start : end_tok.end],
                    only(gaz, country) if country is not None else [],
                    demonym=cc,
                )
                if not ((institution and cc) or demonyms):
                    # "Russian", "the Americans": context, not a place; a continent's
                    # institution is an organisation ("the European Parliament")
                    m.flags.add("adjective")
                mentions.append(m)
                i = j + 1
                continue
            party = party_state(text, t, gaz) if t.text[1:2] == "-" else None
            if party is not None:  # "Rep. Earl Pomeroy, D-N.D.": the state
                mentions.append(party)
                while i < n_tok and tokens[i].start < party.end:
                    i += 1
                continue
            if "-" in t.text and all(p[:1].isupper() for p in t.text.split("-")):
                mentions.extend(compound_parts(text, t, gaz))  # "Egyptian-US", "Arab-Israeli"
                i += 1
                continue
            if i and tokens[i - 1].adj and tokens[i - 1].low in REGION_WORDS and t.low not in stop:
                named = _region_after_word(text, tokens, i, gaz)
                if named is not None:  # "de gemeente Westerwolde": known only as a municipality
                    i = named[0] + 1
                    mentions.append(named[1])
                    continue
            fallback = (
                None
                if t.sent_start and not after_locative(text, tokens, i)
                else fallback_region(text, tokens, i, gaz)
            )
            if fallback is not None and t.low not in stop and t.low not in people and i not in person_parts:
                j, cands = fallback  # "the village of Zzyzx in Kherson province": that province
                m = Mention(t.start, tokens[j].end, text[t.start : tokens[j].end], cands)
                m.flags.add("fallback")
                mentions.append(m)
                i = j + 1
                continue
            if (
                unknown_spans
                and i > 0
                and tokens[i - 1].low in LOCATIVE
                and adjacent(text, tokens[i - 1], t)
                and not t.sent_start
                and t.low not in stop
            ):
                j = i
                while j + 1 < n_tok and tokens[j + 1].cap and adjacent(text, tokens[j], tokens[j + 1]):
                    j += 1
                mentions.append(
                    Mention(t.start, tokens[j].end, text[t.start : tokens[j].end], [], unknown=True)
                )
                i = j + 1
                continue
            i += 1
            continue
        j, cands, head_only = found
        span_text = text[t.start : tokens[j].end]
        prev_low = tokens[i - 1].low if i else ""
        next_low = tokens[j + 1].low if j + 1 < n_tok else ""
        feat = (
            feature_word(text, tokens, i, j)
            if prev_low in FEATURE_WORDS or prev_low in ("de", "the") or next_low in FEATURE_WORDS
            else None
        )
        if feat is not None:  # "the river Reno", "Lake X", "de rivier de Maas"
            what, word, after = feat
            found_cands = feature_candidates(gaz, strip_possessive(span_text), what, word)
            # "Kathmandu valley", "Reykjanes peninsula" unknown as terrain: the town of that name
            if found_cands or word not in TERRAIN_OF_TOWN:
                cands = found_cands
                j += 1 if after else 0
                if not cands:
                    i = j + 1
                    continue  # a river the gazetteer does not know is still no town
                span_text, head_only = text[t.start : tokens[j].end], "feature"
        org_end = (
            organisation_end(text, tokens, i, j)
            if next_low in ORG_AFTER
            or (i and (prev_low in ORG_WORDS_BEFORE or t.low in ORG_BEFORE))
            or (j + 2 < n_tok and tokens[j + 1].cap and org_word_after(text, tokens, j) is not None)
            else None
        )
        if (
            org_end is None
            and next_low in TEAM_AFTER
            and tokens[j].adj
            and not tokens[j + 1].cap
            and tokens[j].low not in REGION_WORDS  # "Charlton County manager": an official
        ):
            org_end = j  # "Former Chelsea manager Mauricio Pochettino": a team
        if org_end is not None and i == j and t.low in stop and _villages_only(gaz, cands):
            i = org_end + 1  # "the Met Gala": a common word naming a village is no place there
            continue
        if org_end is not None:  # "Singapore Airlines", "University of Texas": context only
            m = Mention(t.start, tokens[j].end, span_text, cands)
            m.flags.add("organisation")
            mentions.append(m)
            i = org_end + 1
            continue
        if street_name(text, t.start, tokens[j].end):
            m = Mention(t.start, tokens[j].end, span_text, cands)
            m.flags.add("street")  # "rue de Lyon", "Moscow Road": context
            mentions.append(m)
            i = j + 1
            continue
        key = name_key(span_text)
        single = j == i
        if single and not head_only:
            if rejected_single(text, tokens, i, key, cands, gaz, stop, lower, people, context):
                i += 1
                continue
        elif not single and not head_only and person_named_like_a_village(tokens, i, j, cands, gaz):
            people.add(tokens[j].low)  # "Pedro Sánchez": the prime minister, and "Sánchez" after it
            i = j + 1
            continue
        elif (
            not single
            and t.low in CONNECTORS
            and all(tokens[k].low in stop or tokens[k].low in CONNECTORS for k in range(i + 1, j + 1))
        ):
            i += 1
            continue  # "THE CITY" (an alternate name of Oakville) is an article + a common noun
        m = new_mention(t.start, tokens[j].end, span_text, cands)
        if head_only in ("variant", "inflected"):
            m.flags.add(head_only)
        elif head_only == "suffix" or _suffixed(text, tokens[j].end):
            m.flags.add("modifier")  # "Paris-based Amundi", "Iran-backed militias", "U.S.-owned": context
        if is_metonym(text, tokens, i, j, cands, gaz):
            m.flags.add("metonym")
        elif (
            person_origin(text, t.start, tokens[j].end)
            or person_of(text, t.start, people)
            or possessive_before_person(text, tokens[j].end, people, gaz)
        ):
            m.flags.add("origin")  # "een man uit Schiedam": a place, but no event's own
        if span_text.isupper() and is_dateline(text, tokens[j]) and text[t.start - 1 : t.start] in ("", "\n"):
            m.flags.add("dateline")  # "WASHINGTON (Reuters) -": a city
        word = mark_region(text, tokens, i, j, m)
        if word is not None:
            # "Lagos State", "provincie Antioquia", "the Nikopol district": the region or
            # district of that name when the gazetteer has one ("<core> region" keys)
            level = "district" if word in DISTRICT_WORDS else "region"
            core = strip_possessive(span_text)
            named = region_named(gaz, core, level)
            if not named and "inflected" in m.flags and cands:  # "Київській області": Kyiv's
                named = region_named(gaz, gaz.names[cands[0].id], level)
            if named:
                m.cands, m.region_of = named, False
            elif word in DISTRICT_WORDS:
                m.region_of = False  # placed at the town the district is named after (or is in)
        elif not m.region_of and governed(tokens, i, j):
            # "New York Governor", "the governor of Kursk": the region of that name
            named = [
                c for c in gaz.lookup(f"{strip_possessive(span_text)} region") if gaz.kind_codes[c.id] == "r"
            ]
            if named:
                m.cands = named
            elif any(named_after_it(gaz, c.id) for c in cands):
                m.region_of = True  # "gouverneur van Koersk": the region named after the town
        if word is not None and j + 1 < n_tok and tokens[j + 1].low == word and tokens[j].adj:
            m.end = tokens[j + 1].end
            m.text = text[m.start : m.end]
            j += 1
            if word in DISTRICT_WORDS:
                if names_container(text, m.end):
                    i = j + 1
                    continue  # "the Kirovsky district of Donetsk": Donetsk is the place
                m.flags.add("district")
        mentions.append(m)
        i = j + 1
    mentions.extend(lowercase_countries(text, tokens, gaz, mentions, lower))  # "protests in iran"
    mentions.extend(informal_mentions(text, tokens, gaz, mentions, lower))  # "hits nepal", "#prayforparis"
    mentions.sort(key=_START)
    return mentions, demonym_ccs


_START = attrgetter("start")


def _region_after_word(text: str, tokens: list, i: int, gaz: Gazetteer) -> tuple[int, Mention] | None:
    """A name the gazetteer knows only as a region or district, after its kind's word ("de
    gemeente Westerwolde", "district Nikopol"): that region or district (longest name first)."""
    level = "district" if tokens[i - 1].low in DISTRICT_WORDS else "region"
    last = i
    while last + 1 < len(tokens) and last < i + 2 and tokens[last + 1].cap and tokens[last].adj:
        last += 1
    for j in range(last, i - 1, -1):
        span = text[tokens[i].start : tokens[j].end]
        cands = [c for c in gaz.lookup(f"{name_key(span)} {level}") if gaz.kind_codes[c.id] in "rk"]
        if cands:
            return j, Mention(tokens[i].start, tokens[j].end, span, cands)
    return None


@per_key
def starts_nothing(gaz: Gazetteer, word: str) -> bool:
    """No reading of a place or people can start with this capitalised word, whatever its
    context: it is no place alone (nor its accent-free form), no place's name starts with it,
    it is no case form of one, no transliteration variant can be tried for it, and it begins
    no adjective of nationality. geoparse then skips the matchers for it (its fast path);
    a word with a hyphen, an apostrophe or a dot is always tried (each has its own rules).
    Memoised per word."""
    if "-" in word or "'" in word or "’" in word or "." in word:
        return False
    key = name_key(word)
    if key in ABBREVIATIONS or gaz.lookup(word) or gaz.has_prefix(key + " "):
        return False
    if not key.isascii():
        plain = strip_accents(key)
        if plain != key and (gaz.has_prefix(plain + " ") or gaz.codes(plain)):
            return False
    if len(word) >= SLAVIC_MIN_LEN and looks_slavic(key):
        return False
    if best_lookup(gaz, base_forms(word)) or best_lookup(gaz, adjective_bases(word)):
        return False
    low = word.lower()
    return not may_start_demonym(gaz, low) and not may_start_demonym(gaz, key)


@per_key
def only(gaz: Gazetteer, entry: int) -> list[Candidate]:
    """The candidate list of a name with one reading (a state's abbreviation, an adjective's
    country): one shared list per entry, so that resolve ranks it once (geo.memo.per_list)."""
    return [Candidate(entry, True)]


def _mid_sentence_capitals(text: str, tokens) -> set[str]:
    """Keys of words the text writes capitalised inside a sentence, not after a title: "in
    Split" makes a sentence-initial "Split" a place too."""
    # one set comprehension over (previous token, token): a loop with add() costs more
    return {
        t.low
        for prev, t in zip([None, *tokens], tokens)
        if t.cap
        and not t.sent_start
        and not t.shout
        and (prev is None or not prev.adj or prev.low.rstrip(".") not in TITLES)
    }


ORG_VILLAGE_MAX_POP = 5_000  # "the Met Gala": Met (India, 2,107 people); "Delta police": Delta, BC


def _villages_only(gaz: Gazetteer, cands) -> bool:
    """Every candidate is a town of fewer than ORG_VILLAGE_MAX_POP people."""
    return all(gaz.kind_codes[c.id] == "c" and gaz.pop[c.id] < ORG_VILLAGE_MAX_POP for c in cands)


def _suffixed(text: str, end: int) -> bool:
    """ "U.S.-owned", "EU-funded": a name that ends in a full stop or a capital, then a hyphen and
    a place suffix (the hyphenated word itself is read by geo.spans.longest_match)."""
    if text[end : end + 1] != "-":
        return False
    k = end + 1
    while k < len(text) and text[k].isalpha():
        k += 1
    return text[end + 1 : k] in PLACE_SUFFIXES
