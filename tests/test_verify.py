"""The decision rules, given evidence whose NLI scores are stated explicitly.

These test the rules of verify.decide (numbers beat NLI, newer reports win,
ties stay unverified, weak relevance never contradicts). Model quality is
tested against the real bundled model in test_end_to_end and test_nli_model.
"""

from vericlaim.claims.quantities import extract_quantities
from vericlaim.config import Config
from vericlaim.records import Claim, Document, Evidence, Passage
from vericlaim.verify import decide

CONFIG = Config()


def _claim(text):
    return Claim("art", "art:1", text, 0, len(text), ("quantity",), tuple(extract_quantities(text)))


def _ev(text, doc_id="r1", date="2019-12-28", score=0.8, e=0.1, c=0.1):
    passage = Passage(doc_id, f"{doc_id}#0", text, 0, len(text))
    return Evidence(passage, Document(doc_id, "t", "", doc_id.upper(), date), score, e, c, 1 - e - c)


def test_numeric_conflict_beats_nli_entailment():
    verdict = decide(_claim("52 fighters were killed."), [_ev("25 fighters were killed.", e=0.9, c=0.05)], CONFIG)
    assert verdict.label == "contradicted"
    assert verdict.reason == "claim says 52 fighters killed; evidence says 25 fighters killed"


def test_matching_numbers_with_entailment_support():
    verdict = decide(_claim("Six soldiers were wounded."), [_ev("Six soldiers were wounded.", e=0.8, c=0.1)], CONFIG)
    assert verdict.label == "supported" and verdict.reason_code == "NUMBERS_AGREE"
    assert 0.0 < verdict.confidence <= 1.0  # calibrated P(right), see test_calibration


def test_number_no_passage_mentions_is_not_supported_by_topic_alone():
    verdict = decide(_claim("Six soldiers were wounded."),
                     [_ev("Soldiers were wounded in the attack on the base.", e=0.9, c=0.05)], CONFIG)
    assert verdict.label == "unverified"
    assert verdict.reason == "related reports do not give this number"


def test_newer_report_wins_when_counts_change():
    old = _ev("Four soldiers were wounded.", "wire", "2019-12-28", e=0.1, c=0.7)
    new = _ev("Six soldiers were wounded.", "gazette", "2019-12-29", e=0.8, c=0.1)
    verdict = decide(_claim("Six soldiers were wounded."), [old, new], CONFIG)
    assert verdict.label == "supported"
    assert verdict.evidence.doc.id == "gazette" and verdict.counter_evidence.doc.id == "wire"
    assert "most recent report" in verdict.reason
    flipped = decide(_claim("Four soldiers were wounded."), [old, new], CONFIG)
    assert flipped.label == "contradicted" and flipped.evidence.doc.id == "gazette"


def test_equally_recent_disagreement_is_unverified_with_both_cited():
    a = _ev("The raid killed 25 fighters.", "monitor", "2019-12-30", e=0.8, c=0.1)
    b = _ev("The raid killed 19 fighters.", "dispatch", "2019-12-30", e=0.1, c=0.8)
    verdict = decide(_claim("The raid killed 25 fighters."), [a, b], CONFIG)
    assert verdict.label == "unverified"
    assert {verdict.evidence.doc.id, verdict.counter_evidence.doc.id} == {"monitor", "dispatch"}
    assert "sources disagree" in verdict.reason


def test_weakly_related_passage_never_contradicts():
    weak = _ev("The governor praised the football team.", score=0.40, e=0.02, c=0.95)
    text = "The governor condemned the attack."
    claim = Claim("art", "art:1", text, 0, len(text), ("event",), ())
    assert decide(claim, [weak], CONFIG).label == "unverified"
    strong = _ev("The governor praised the attack.", score=0.8, e=0.02, c=0.95)
    assert decide(claim, [strong], CONFIG).label == "contradicted"


def test_no_evidence_is_unverified():
    verdict = decide(_claim("Six soldiers were wounded."), [], CONFIG)
    assert verdict.label == "unverified" and verdict.evidence is None


def test_nli_only_disagreement_is_unverified_whatever_the_dates():
    text = "The Kestrel Brigade denied any role in the attack."
    claim = Claim("art", "art:1", text, 0, len(text), ("event",), ())
    old = _ev("The Kestrel Brigade denied any role.", "gazette", "2019-12-29", score=0.8, e=0.9, c=0.05)
    new = _ev("The Kestrel Brigade vowed to retaliate.", "monitor", "2019-12-30", score=0.6, e=0.1, c=0.75)
    verdict = decide(claim, [old, new], CONFIG)
    assert verdict.label == "unverified" and verdict.counter_evidence.doc.id == "monitor"
