from vericlaim.claims import extract_claims
from vericlaim.records import Document


def _claims(text, date=""):
    return list(extract_claims(Document("a1", "Title", text, date=date)))


def test_counts_dates_and_events_are_claims():
    claims = _claims("About 30 rockets hit Camp Alder on Friday.\n\nThe governor condemned the attack. "
                     "Six soldiers were wounded.", date="2019-12-28")
    assert [c.text for c in claims] == [
        "About 30 rockets hit Camp Alder on Friday.", "The governor condemned the attack.",
        "Six soldiers were wounded."]
    assert "quantity" in claims[0].types and "date" in claims[0].types
    assert "casualties" in claims[2].types
    assert claims[2].quantities[0].low == 6 and claims[2].quantities[0].event == "wounded"


def test_opinion_and_speculation_are_not_claims():
    text = ("Many analysts believe the region will never be calm again. "
            "It is hard to imagine how the base could be defended. "
            "Could this happen again? The weather was nice.")
    assert _claims(text) == []


def test_claim_records_offsets_ids_and_article():
    text = "Kirkuk, 28 December 2019 (Wire desk) - Militants fired 11 more rockets at the base."
    claims = _claims(text, date="2019-12-28")
    assert len(claims) == 1
    claim = claims[0]
    assert claim.text == "Militants fired 11 more rockets at the base."  # dateline stripped
    assert text[claim.start:claim.end] == claim.text
    assert claim.article_id == "a1" and claim.claim_id == "a1:1"
    q = claim.quantities[0]
    assert (q.low, q.high, q.counted) == (11, 11, "rockets")
    assert text[q.start:q.end] == "11"


def test_attribution_with_named_actor():
    claims = _claims("The Kestrel Brigade denied any role in the attack, its spokesman told reporters.")
    assert claims and "event" in claims[0].types


# --- issue 11: claims as people write them --------------------------------------------------------

ISSUE_EXAMPLES = [
    "Video shows soldiers crossing the river near the border in March 2021.",
    "Electric cars produce more emissions than petrol cars over their lifetime.",
    "Polar bear numbers are increasing.",
    "The vaccine contains microchips.",
    "Government plans to close all coal plants by 2030",
    "Unemployment is likely to double next year.",
]


def _article(*paragraphs, title="Title"):
    return Document("a1", title, "\n\n".join(paragraphs), date="2019-12-28")


def test_headline_hedged_and_actorless_statements_alone_are_claims():
    for text in ISSUE_EXAMPLES:
        claims = _claims(text)
        assert [c.text for c in claims] == [text], text
        assert 0.0 <= claims[0].checkworthiness <= 1.0
    assert "date" in _claims(ISSUE_EXAMPLES[4])[0].types  # "by 2030"


def test_a_hedge_word_no_longer_drops_a_report():
    doc = _article("Kirkuk, 28 December 2019 (Wire desk) - Militants fired 11 rockets at the base.",
                   "One was killed on Friday, according to the report, which could not be corroborated.",
                   "Unemployment is likely to double next year, the central bank said.")
    texts = [c.text for c in extract_claims(doc)]
    assert "One was killed on Friday, according to the report, which could not be corroborated." in texts
    assert "Unemployment is likely to double next year, the central bank said." in texts


def test_questions_opinion_and_boilerplate_are_not_claims():
    doc = _article(
        "Read more: Senate passes new budget after long debate",
        "Follow us on Facebook, Twitter and Instagram.",
        "By Jane Doe", "Photo: Reuters", "Related: Senate passes new budget",
        "Subscribe to our newsletter.", "Click here for the full story.",
        "Could this happen again?", "Many analysts believe the region will never be calm again.",
        "I think the minister should resign.",
        "An Islamic State car bomb killed 20 people in Deir ez-Zor on Friday a monitor said Tags Syria "
        "Islamic State Deir ez-Zor",
        "AFP Friday 17 Nov 2017 Print Tweet Views 1662 Russian jets struck 30 targets near Palmyra.")
    claims = list(extract_claims(doc))
    assert [c.text for c in claims] == [
        "An Islamic State car bomb killed 20 people in Deir ez-Zor on Friday a monitor said",
        "Russian jets struck 30 targets near Palmyra."]
    for claim in claims:  # offsets still point at the text
        assert doc.text[claim.start:claim.end] == claim.text


def test_reported_opinion_and_quoted_questions_are_claims():
    for text in ("Says Ron Paul insisted FEMA should be shut down.",
                 "Teen wakes up mid-brain surgery and asks doctors 'How's it going?'"):
        assert [c.text for c in _claims(text)] == [text]


def test_no_opinion_or_boilerplate_of_the_examples_is_flagged():
    from pathlib import Path

    from vericlaim.corpora import read_documents

    folder = Path(__file__).resolve().parent.parent / "examples" / "articles"
    texts = {c.text for d in read_documents(folder) for c in extract_claims(d)}
    assert "Many analysts believe the region will never be calm again." not in texts
    assert "It is hard to imagine how the base could be defended against such attacks." not in texts
    assert "Six soldiers were wounded in the attack, a coalition spokesman said." in texts


def test_a_short_paragraph_alone_is_one_statement_an_article_is_split():
    text = ("Meth production in MO has cratered over last decade. "
            "MO Hwy Patrol reported 1,326 meth lab seizures in 2006, only 50 in 2018.")
    assert [c.text for c in _claims(text)] == [text]
    separate = _claims("About 30 rockets hit Camp Alder on Friday.\n\nSix soldiers were wounded.")
    assert len(separate) == 2


def test_claims_leaning_on_an_earlier_sentence_carry_context():
    doc = _article("Militants fired 11 rockets at Camp Alder on Friday.",
                   "It said police found the launch site near the river.",
                   "The rockets were launched from a truck parked 50 kilometres west of the base.",
                   title="Rocket attack on Camp Alder")
    claims = {c.text: c for c in extract_claims(doc)}
    assert claims["It said police found the launch site near the river."].context == (
        "Rocket attack on Camp Alder. Militants fired 11 rockets at Camp Alder on Friday.")
    rockets = claims["The rockets were launched from a truck parked 50 kilometres west of the base."]
    assert rockets.context.endswith("Militants fired 11 rockets at Camp Alder on Friday.")
    assert claims["Militants fired 11 rockets at Camp Alder on Friday."].context == ""


def test_min_checkworthiness_cuts_article_sentences():
    doc = _article("About 30 rockets hit Camp Alder on Friday.", "The weather was nice and warm that day.")
    assert [c.text for c in extract_claims(doc)] == ["About 30 rockets hit Camp Alder on Friday."]
    assert list(extract_claims(doc, min_checkworthiness=1.0)) == []
    assert len(list(extract_claims(doc, min_checkworthiness=0.0))) == 2


def test_an_opinion_frame_around_a_number_keeps_the_number_checkable():
    doc = _article("Militants fired 11 rockets at Camp Alder on Friday.",
                   "And the prosecutions are up by about 68 percent, I believe, since 2019.",
                   "I think the minister should resign.")
    texts = [c.text for c in extract_claims(doc)]
    assert "And the prosecutions are up by about 68 percent, I believe, since 2019." in texts
    assert "I think the minister should resign." not in texts
