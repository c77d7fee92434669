"""Attribution-aware evidence: a passage that only reports that someone made the claim
neither supports nor refutes it (issue 12).

The passages are written for these tests in the style of PolitiFact rulings, which
restate the claim they check before checking it. The verdict tests score them with the
real bundled NLI model (no stubs): the model reads "Rubens said 18 people die each year"
as entailing "18 people die each year", and vericlaim must not call that support.
"""

import pytest

from vericlaim.attribution import attribution
from vericlaim.claims.quantities import extract_quantities
from vericlaim.config import Config
from vericlaim.records import Claim, Document, Evidence, Passage
from vericlaim.verify import REASON_CODES, decide

RESTATEMENTS = [
    ("18 people die each year from falls in Florida homes.",
     "Rubens said 18 people die each year from falls in Florida homes."),
    ("The national debt exploded by more than $3 trillion in two years.",
     "Escobar said in a tweet that the national debt exploded by more than $3 trillion in two years."),
    ("Barack Obama was sworn in on a Koran.",
     "A chain email circulating since 2009 claims that Barack Obama was sworn in on a Koran."),
    ("A 736-pound catfish was caught in the Mississippi River.",
     "A viral Facebook post says a 736-pound catfish was caught in the Mississippi River."),
    ("Wisconsin lost 40,000 manufacturing jobs last year.",
     "Gov. Walker has repeatedly said that Wisconsin lost 40,000 manufacturing jobs last year."),
    ("Crime in Chicago rose 40 percent in 2016.",
     "The mailer alleges that crime in Chicago rose 40 percent in 2016, and Jones repeated it in a debate."),
    # abbreviations do not end the sentence that carries the hedge ("U.S. Rep.", "Dec.")
    ("Sen. Hale staged a fake hearing in his garage.",
     "A satirical story claiming U.S. Sen. Hale staged a fake hearing in his garage is being shared widely."),
    # a photo, clip or post "shows" or "reads": the vehicle's content
    ("The mayor wore a shirt printed with Vote Blue at the rally.",
     "Posted on Facebook on Oct. 2, the photo shows what looks like the mayor wearing a shirt printed with "
     "Vote Blue at the rally."),
    ("Drinking lemon water every morning flushes toxins from the liver.",
     "A decade-old chain email warns readers that drinking lemon water every morning flushes toxins from "
     "the liver."),
    # inside a quotation that an earlier sentence opened
    ("All the polls point to the governor running for the Senate next year.",
     'The Oct. 3 email said, "Have you heard the news? All the polls point to the governor running for '
     'the Senate next year. Wonderful!"'),
    # first-person words in a third-person report are someone's speech
    ("I found the votes to pass the farm bill.",
     "I found the votes to pass the farm bill, and I would do it again."),
    # "a claim on Facebook that ..."
    ("The council rejected a $40 raise for teachers but approved $900 for itself.",
     "We looked into a claim on Facebook that the council rejected a $40 raise for teachers but approved "
     "$900 for itself."),
]
OWN_VOICE = [
    ("18 people die each year from falls in Florida homes.",
     "State health data show that 18 people die each year from falls in Florida homes."),
    ("9 soldiers died in Monday's attack.",
     "The defence ministry said 9 soldiers died in Monday's attack and 14 were wounded."),
    ("Coalition jets struck the base, killing 25 fighters.",
     "Coalition jets struck the base on Sunday, killing 25 fighters, a militia commander said."),
    # the claim is about what was said: reporting the statement confirms it
    ("Rubens said 18 people die each year from falls.", "Rubens said 18 people die each year from falls."),
    # a restatement followed by the report's own confirmation
    ("18 people die each year from falls in Florida homes.",
     "Rubens said 18 people die each year from falls in Florida homes. Health department records "
     "confirm that 18 people die each year from falls in Florida homes."),
]


@pytest.mark.parametrize(("claim", "passage"), RESTATEMENTS)
def test_restated_claims_are_attributed(claim, passage):
    assert attribution(claim, passage).attributed


@pytest.mark.parametrize(("claim", "passage"), OWN_VOICE)
def test_sourced_facts_and_own_assertions_are_not(claim, passage):
    assert not attribution(claim, passage).attributed


def _claim(text):
    return Claim("art", "art:1", text, 0, len(text), ("quantity",), tuple(extract_quantities(text)))


@pytest.fixture(scope="module")
def nli():
    from conftest import bundled_model_or_skip

    from vericlaim.models.loader import load_nli

    return load_nli(str(bundled_model_or_skip()))


def _scored(nli, claim, passages, score=0.8):
    scores = nli.predict([(p, claim) for p in passages], 16)
    return [Evidence(Passage(f"r{i}", f"r{i}#0", p, 0, len(p)), Document(f"r{i}", "t", "", f"S{i}"),
                     score, s.entailment, s.contradiction, s.neutral)
            for i, (p, s) in enumerate(zip(passages, scores, strict=True))]


@pytest.mark.parametrize(("claim", "passage"), RESTATEMENTS)
def test_restatement_never_supports_with_the_real_model(nli, claim, passage):
    verdict = decide(_claim(claim), _scored(nli, claim, [passage]), Config())
    assert verdict.label == "unverified"
    assert verdict.reason_code in ("ATTRIBUTED_ONLY", "NEITHER", "COUNT_NOT_REPORTED")


def test_rubens_restatement_is_attributed_only_and_says_who(nli):
    claim = RESTATEMENTS[0][0]
    evidence = _scored(nli, claim, [RESTATEMENTS[0][1]])
    assert evidence[0].entailment > 0.6  # the model alone would call it support
    verdict = decide(_claim(claim), evidence, Config())
    assert (verdict.label, verdict.reason_code) == ("unverified", "ATTRIBUTED_ONLY")
    assert "Rubens said" in verdict.reason


def test_own_voice_confirmation_supports_with_the_real_model(nli):
    claim = "18 people die each year from falls in Florida homes."
    passages = [RESTATEMENTS[0][1], OWN_VOICE[0][1]]
    verdict = decide(_claim(claim), _scored(nli, claim, passages), Config())
    assert verdict.label == "supported" and verdict.reason_code in ("NUMBERS_AGREE", "ENTAILED")
    assert verdict.evidence.passage.text == OWN_VOICE[0][1]


def test_every_reason_code_is_documented():
    import pathlib

    readme = (pathlib.Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for code in REASON_CODES:
        assert f"`{code}`" in readme


DENIALS = [
    ("Drinking bleach cures the flu.", "There is no scientific evidence that drinking bleach cures the flu."),
    ("The singer and her son were killed in a car crash.",
     "The singer and her son were not killed, injured or involved in a car crash."),
    ("Students were required to wear hijabs in class.", "But students were not required to wear hijabs in class."),
]


@pytest.mark.parametrize(("claim", "passage"), DENIALS)
def test_a_restatement_with_a_negation_is_marked(claim, passage):
    found = attribution(claim, passage)
    assert found.negated and not found.attributed


def test_a_negated_claim_restated_with_its_negation_is_not_a_denial():
    claim = "The singer was not hurt in the crash."
    assert not attribution(claim, "The singer was not hurt in the crash, her agent said.").negated


@pytest.mark.parametrize(("claim", "passage"), DENIALS)
def test_a_denial_never_supports_with_the_real_model(nli, claim, passage):
    verdict = decide(_claim(claim), _scored(nli, claim, [passage]), Config())
    assert verdict.label != "supported", verdict.reason


def test_a_negation_in_another_clause_is_not_a_denial():
    claim = "Three workers were injured in the drone attack."
    assert not attribution(claim, "Three workers were injured in the drone attack and no one was killed.").negated


def test_a_restatement_the_report_confirms_in_its_own_voice_is_support():
    claim = "The state produces more wind power than any other state."
    passage = "Haley said the state produces more wind power than any other state. Federal figures show she is correct."
    found = attribution(claim, passage)
    assert found.attributed and found.confirmed
    assert not attribution(claim, passage.replace("she is correct", "she is not correct")).confirmed


def test_a_confirmed_restatement_supports_with_the_real_model(nli):
    claim = "The state produces more wind power than any other state."
    passage = "Haley said the state produces more wind power than any other state. Federal figures show she is correct."
    verdict = decide(_claim(claim), _scored(nli, claim, [passage]), Config())
    assert verdict.label == "supported", verdict.reason


@pytest.mark.parametrize(("claim", "passage"), [
    # "right next to" confirms nothing
    ("The U.S. deployed 20,000 troops to Poland.",
     "Trump claimed the U.S. deployed 30,000 troops to Poland. Poland is right next to Ukraine."),
])
def test_ordinary_right_is_not_a_confirmation(claim, passage):
    found = attribution(claim, passage)
    assert found.attributed and not found.confirmed


@pytest.mark.parametrize(("claim", "passage"), [
    ("Unemployment fell to 3.5 percent last month.", 'economy," he said. Unemployment fell to 3.5 percent last month.'),
    ("12 people were arrested after the protest.",
     "After the video went viral, police records show that 12 people were arrested after the protest."),
    ("Unemployment fell in Florida.", "I-95 traffic aside, unemployment fell in Florida."),
    ("Inflation hit 9 percent in the U.S. this year.", "Analysts were surprised. Inflation hit 9 percent in the U.S. this year."),
])
def test_own_voice_news_sentences_stay_own_voice(claim, passage):
    assert not attribution(claim, passage).attributed


@pytest.mark.parametrize(("claim", "passage"), [
    ("The storm killed 12 people.", "The storm killed 12 people, leaving thousands without power."),
    ("The senator voted for the bill.", "The senator, who never misses a vote, voted for the bill."),
    ("The debate lasted an hour.", "The debate lasted no more than an hour."),
])
def test_negations_elsewhere_are_not_denials(claim, passage):
    assert not attribution(claim, passage).negated


def test_a_sentence_ending_in_us_ends_there():
    from vericlaim.attribution import split_sentences

    assert split_sentences("Inflation hit 9 percent in the U.S. Analysts said it would fall.") == [
        "Inflation hit 9 percent in the U.S.", "Analysts said it would fall."]
    assert len(split_sentences("A story claiming U.S. Rep. Omar hosted a party spread on Dec. 8 online.")) == 1
