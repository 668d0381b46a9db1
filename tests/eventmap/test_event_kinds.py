"""Which sentences are events: occurrence, statement or context, with a confidence; the
story's day for undated events; categories for disasters and deployments (texts written
for these tests, Dutch and English)."""

from __future__ import annotations

import pytest

import eventmap
from eventmap.text.categories import categorize
from eventmap.text.eventness import judge


@pytest.mark.parametrize(
    "sentence, lang, kind",
    [
        ("Drie mensen zijn bij een aanrijding in Gouda om het leven gekomen.", "nl", "occurrence"),
        ("De trein vertrok om 14.30 uur uit Utrecht.", "nl", "occurrence"),
        ("De politie zette traangas in toen betogers een barricade opwierpen.", "nl", "occurrence"),
        ("Het kabinet kondigde aan dat de accijns omlaag gaat.", "nl", "statement"),
        ("De burgemeester zei dat de schade in de miljoenen loopt.", "nl", "statement"),
        ("Mogelijk probeert Rusland tijd te winnen.", "nl", "context"),
        ("Het vredesplan heeft de Europeanen niet overtuigd.", "nl", "context"),
        ("Geen doden gemeld.", "nl", "context"),
        ("A magnitude 6.1 earthquake struck the coast, killing four people.", "en", "occurrence"),
        ("Lawmakers rejected the budget by a wide margin.", "en", "occurrence"),
        ("The bridge was rebuilt within a year.", "en", "occurrence"),
        ("The old town was overrun and its walls were torn down.", "en", "occurrence"),
        ("The talks will resume in Geneva.", "en", "occurrence"),
        ("The company said it would cut 2,000 jobs.", "en", "statement"),
        ("The minister warned that prices could rise further.", "en", "statement"),
        ("Analysts expect a close race.", "en", "context"),
        ("Roughly 100 children die in an average flu season.", "en", "context"),
        ("No casualties were reported.", "en", "context"),
        ("The deal's critics remain unconvinced.", "en", "context"),
    ],
)
def test_kinds_of_sentences(sentence, lang, kind):
    assert judge(sentence, lang, dated=False).kind == kind


def test_a_dated_sentence_is_more_certain_and_hedges_lower_it():
    plain = judge("Troops shelled the town.", "en", dated=False).confidence
    dated = judge("Troops shelled the town on 3 March.", "en", dated=True).confidence
    hedged = judge("Troops may have shelled the town on 3 March.", "en", dated=True).confidence
    assert dated > plain and dated > hedged and all(0 <= c <= 1 for c in (plain, dated, hedged))


@pytest.mark.parametrize(
    "sentence, lang",
    [
        ("Het lijkt erop dat een drone op 3 mei een munitiedepot in Brest heeft getroffen.", "nl"),
        ("It appears a missile was used to strike a depot near Lyon on 3 May.", "en"),
    ],
)
def test_a_hedged_attribution_of_a_dated_attack_is_still_an_occurrence(sentence, lang):
    assert judge(sentence, lang, dated=True, keyword=True).kind == "occurrence"


def test_a_hedged_event_noun_with_only_a_relative_date_stays_context():
    sentence = "Mogelijk volgt volgende week een nieuwe aanval."
    assert judge(sentence, "nl", dated=True, keyword=True, relative_only=True).kind == "context"


def test_quotes_are_what_someone_said_not_what_happened():
    assert judge("‘We shot down twelve drones,’ the governor said.", "en", dated=False).kind == "statement"
    assert judge("‘We schieten ze allemaal neer.’", "nl", dated=False).kind == "context"


def test_context_is_no_event_unless_it_names_its_own_date():
    text = (
        "Poetins vredesplan heeft de Europeanen niet overtuigd.\n"
        "Sinds maandag is het vredesplan onderwerp van debat.\n"
    )
    evs = eventmap.parse_text(text, document_date="2025-03-20", lang="nl")
    assert [(e.kind, e.date) for e in evs] == [("context", "2025-03-17")]


def test_undated_events_take_the_storys_day():
    text = (
        "Police raided a house in Leeds on Friday.\n"
        "Officers arrested two men and seized weapons.\n"
        "Last month, a similar raid took place in York.\n"
        "A third man was detained.\n"
    )
    evs = eventmap.parse_text(text, document_date="2025-03-24", lang="en")
    arrest = next(e for e in evs if e.text.startswith("Officers"))
    assert (arrest.date, arrest.date_source, arrest.extra["anchor"]) == ("2025-03-21", "anchored", "story")
    third = next(e for e in evs if e.text.startswith("A third"))
    assert (third.date, third.date_source) == ("2025-03-24", "document")  # "last month" ended the day


def test_a_present_tense_statement_is_made_when_the_article_is_written():
    text = "Op 14 maart werd de raffinaderij in Toeapse geraakt. De schade is groot, zegt een bron.\n"
    evs = eventmap.parse_text(text, document_date="2025-03-20", lang="nl")
    source = next(e for e in evs if "zegt" in e.text)
    assert (source.kind, source.date, source.date_source) == ("statement", "2025-03-20", "document")


def test_a_headline_starts_a_new_story():
    text = "Op 14 maart werd Toeapse aangevallen.\n\nNieuwe gesprekken in Riyad\n\nDe delegaties vertrokken naar Riyad.\n"
    evs = eventmap.parse_text(text, document_date="2025-03-20", lang="nl")
    assert next(e for e in evs if "vertrokken" in e.text).date_source == "document"


@pytest.mark.parametrize(
    "sentence, lang, category",
    [
        ("Firefighters battled the blaze for hours after an explosion at the plant.", "en", "disaster"),
        ("An aftershock and a landslide hit the valley.", "en", "disaster"),
        ("A fire broke out at the refinery after a drone strike.", "en", "attack"),
        ("NATO deployed 300 troops to Estonia.", "en", "other"),
        ("Troops fought rebels near Goma.", "en", "fighting"),
        ("Na de dijkdoorbraak stond het dorp onder water.", "nl", "disaster"),
        ("Een explosie verwoestte een fabriek; de brandweer bluste de brand.", "nl", "disaster"),
        ("Een drone-aanval veroorzaakte een brand in de raffinaderij.", "nl", "attack"),
        ("De NAVO bracht troepen in de hoogste staat van paraatheid.", "nl", "other"),
        # severe weather
        ("Two people died after torrential rain in Valencia.", "en", "disaster"),
        ("Het KNMI gaf code oranje af; windstoten ontwortelden bomen.", "nl", "disaster"),
        ("Nach tagelangem Starkregen kamen zwei Menschen ums Leben.", "de", "disaster"),
        ("Les intempéries ont fait deux morts dans le Var.", "fr", "disaster"),
        # an arrest is no protest unless protesters are named
        ("A 25-year-old man was arrested on Monday on suspicion of murder.", "en", "other"),
        ("Police arrested 20 protesters at the rally.", "en", "protest"),
        ("Des migrants ont été arrêtés à la frontière.", "fr", "other"),
        ("Die Feuerpause wurde verlängert.", "de", "diplomacy"),
        ("Oekraïne heeft een olieraffinaderij aangevallen met drones.", "nl", "attack"),
        # "according to" is no accord, a bank no ban
        ("Forty people were killed, according to the ministry.", "en", "other"),
        ("The bank raised its rates.", "en", "policy"),
        ("The peace accord was signed in Geneva.", "en", "diplomacy"),
        # storming a building is no storm
        ("Protesters stormed the parliament building.", "en", "attack"),
        ("Demonstranten bestormden het parlement.", "nl", "attack"),
        # to demonstrate is to show, a market rally no protest
        ("McConnell said Hegseth had failed to demonstrate he was ready.", "en", "other"),
        ("Thousands demonstrated in Paris on Saturday.", "en", "protest"),
        ("Stocks rallied on Monday.", "en", "other"),
    ],
)
def test_disasters_and_deployments(sentence, lang, category):
    assert categorize(sentence, lang) == category


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "Putin's peace initiative has not convinced the Europeans.\n"
            "Since Monday the peace initiative has been debated in parliament.\n",
            "en",
        ),
        (
            "Poetins vredesinitiatief heeft de Europeanen niet overtuigd.\n"
            "Sinds maandag wordt het vredesinitiatief in het parlement besproken.\n",
            "nl",
        ),
    ],
)
def test_commentary_is_context_and_no_event_without_a_date_of_its_own(text, lang):
    evs = eventmap.parse_text(text, document_date="2025-03-20", lang=lang)
    assert [e.date for e in evs] == ["2025-03-17"]  # only the dated sentence
    assert not any("convinced" in e.text or "overtuigd" in e.text for e in evs)


@pytest.mark.parametrize(
    "sentence",
    [
        "In Gent is dinsdagochtend een vrachtwagen in het kanaal beland.",
        "Bij de brand is een brandweerman overleden.",
        "De man werd vrijdag tot vier jaar cel veroordeeld.",
    ],
)
def test_dutch_participles_without_ge_are_occurrences(sentence):
    assert judge(sentence, "nl", dated=False).kind == "occurrence"


@pytest.mark.parametrize(
    "sentence",
    [
        "Vorig jaar stapte ook de burgemeester op.",
        "Inbrekers sloegen vannacht toe bij een juwelier.",
        "Dieven braken in bij een school.",
    ],
)
def test_dutch_separable_verbs_split_around_the_sentence_are_occurrences(sentence):
    assert judge(sentence, "nl", dated=True).kind == "occurrence"


def test_states_of_mind_are_not_past_events_and_a_noun_after_zijn_is_no_participle():
    from eventmap.text.eventness import _participles, lexicon
    from eventmap.text.wordset import tokens

    assert judge("The Europeans have not been convinced by the plan.", "en", dated=False).kind == "context"
    assert _participles(lexicon("nl"), tokens("De minister las zijn bericht voor.")) == 0
    assert _participles(lexicon("nl"), tokens("Hij is in het kanaal beland.")) == 1


@pytest.mark.parametrize(
    "sentence, lang",
    [
        ("Trump will meet Putin in Helsinki on Monday.", "en"),
        ("Zelenskyy is due to meet European leaders in Brussels on Thursday.", "en"),
        ("The new rules take effect on January 1.", "en"),
        ("De Tweede Kamer debatteert donderdag over de begroting.", "nl"),
        ("Rutte ontmoet Zelensky maandag in Kyiv.", "nl"),
        ("De nieuwe regels gaan op 1 januari in.", "nl"),
        ("Scholz trifft am Montag Macron in Paris.", "de"),
        ("Der Bundestag stimmt am Donnerstag über den Haushalt ab.", "de"),
        ("Macron rencontrera Scholz lundi à Berlin.", "fr"),
        ("Les ministres se réuniront jeudi à Bruxelles.", "fr"),
        ("Зеленський зустрінеться з Трампом у понеділок.", "uk"),
        ("Путин встретится с Трампом в понедельник.", "ru"),
    ],
)
def test_a_planned_meeting_or_vote_with_a_date_ahead_is_an_occurrence(sentence, lang):
    assert judge(sentence, lang, dated=True, ahead=True).kind == "occurrence"


@pytest.mark.parametrize(
    "sentence, lang",
    [
        ("Rusland wil met de Verenigde Staten praten over de hoofden van Oekraïne heen.", "nl"),
        ("Prices may rise when the provisions kick in next year, a subject of rigorous debate.", "en"),
    ],
)
def test_a_wish_or_a_noun_that_looks_like_a_plan_stays_context(sentence, lang):
    assert judge(sentence, lang, dated=True, ahead=True).kind == "context"


def test_a_planned_event_in_an_article_is_shown_by_default():
    text = "Rutte ontmoet Zelensky donderdag in Kyiv. De twee spreken over wapensteun."
    events = eventmap.parse_text(text, document_date="2025-03-18", lang="nl")
    meeting = next(e for e in events if "ontmoet" in e.text)
    assert (meeting.kind, meeting.date) == ("occurrence", "2025-03-20")


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Jordan Bardella, the leader of France's National Rally, visited Calais on Saturday.", "diplomacy"),
        ("Thousands joined a rally in Paris on Saturday.", "protest"),
        ("Tropical Storm Helene hit the coast on Friday, as Tropical Storm Helene grew.", "disaster"),
    ],
)
def test_a_keyword_inside_a_name_is_no_keyword_unless_the_name_is_a_disasters(sentence, category):
    assert categorize(sentence, "en") == category


@pytest.mark.parametrize(
    "text, lang",
    [
        ("КИЇВ. 14 березня. Російські війська атакували Одесу.", "uk"),
        ("Maandag 3 maart\n\nDe trein ontspoorde bij Zwolle.", "nl"),
    ],
)
def test_a_line_that_is_only_a_date_is_no_event(text, lang):
    events = eventmap.parse_text(text, document_date="2025-03-14", lang=lang)
    assert events and all(any(ch.isalpha() for ch in e.text.replace(e.date_text or "", "")) for e in events)


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "La bataille commence le 21 février 1916. Le 25 février, le fort tombe aux mains des "
            "Allemands. Le lendemain, Pétain prend le commandement. En juin, les Allemands "
            "s'emparent du fort de Vaux.",
            "fr",
        ),
        (
            "Het beleg begint op 8 september 1941. In november zakt het rantsoen tot 125 gram. "
            "De volgende winter herstelt het leger de weg. Op 27 januari 1944 eindigt het beleg.",
            "nl",
        ),
    ],
)
def test_a_history_told_in_the_present_is_made_of_occurrences(text, lang):
    evs = eventmap.parse_text(text, lang=lang)
    assert len(evs) == 4 and {e.kind for e in evs} == {"occurrence"}


def test_news_in_the_present_without_an_event_verb_stays_context():
    evs = eventmap.parse_text(
        "Het rantsoen blijft op 14 maart laag. De regering overweegt nieuwe steun.",
        document_date="2025-03-14",
        lang="nl",
    )
    assert [e.kind for e in evs] == ["context"]


@pytest.mark.parametrize(
    ("sentence", "lang", "kind"),
    [
        ("If convicted, he faces up to 20 years in prison.", "en", "context"),
        ("Indien hij wordt veroordeeld, riskeert hij twintig jaar cel.", "nl", "context"),
        ("Wenn die Gespräche scheitern, geht der Streik weiter.", "de", "context"),
        # must stay: "als" is also "as"; a dated condition is news of its own
        ("Als premier bezocht hij vorige week Kyiv.", "nl", "occurrence"),
        ("If the vote fails on Friday, the strike will continue.", "en", "occurrence"),
    ],
)
def test_an_undated_sentence_opening_with_a_condition_is_context(sentence, lang, kind):
    dated = "Friday" in sentence or "vorige week" in sentence
    assert judge(sentence, lang, dated=dated, keyword=True).kind == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Last week, drone sightings also disrupted flights in Copenhagen and Oslo.",
        "On Friday all flights were grounded.",
        "On Friday the plane was diverted to Shannon.",
    ],
)
def test_travel_disruption_is_an_occurrence(sentence):
    assert judge(sentence, "en", dated=True).kind == "occurrence"
