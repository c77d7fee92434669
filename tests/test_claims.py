from vericlaim.claims import extract_claims
from vericlaim.records import Document


def _claims(text, date=""):
    return list(extract_claims(Document("a1", "Title", text, date=date)))


def test_counts_dates_and_events_are_claims():
    claims = _claims("About 30 rockets hit Camp Alder on Friday. The governor condemned the attack. "
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
