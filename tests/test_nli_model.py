"""The shipped NLI model: loads offline, has the right labels, gets clear pairs right."""

import pytest
from conftest import bundled_model_or_skip

from vericlaim.models.nli import NLIScorer
from vericlaim.models.resolve import DEFAULT_NLI_MODEL, ModelNotFoundError, resolve_model

CLEAR_PAIRS = [
    ("Six soldiers were wounded in the rocket attack on the base on Friday.",
     "Six soldiers were wounded in the attack.", "entailment"),
    ("The governor condemned the attack and ordered an investigation.",
     "The governor praised the attack.", "contradiction"),
    ("The port handles nearly 300,000 containers a year.",
     "The port director was born in 1961.", "neutral"),
    ("A man is playing a guitar on stage.", "A woman is swimming in the sea.", "contradiction"),
]


@pytest.fixture(scope="module")
def scorer():
    bundled_model_or_skip()
    return NLIScorer(DEFAULT_NLI_MODEL)


def test_labels(scorer):
    assert set(scorer.indices) == {"entailment", "neutral", "contradiction"}


def test_clear_pairs(scorer):
    scores = scorer.predict([(p, h) for p, h, _ in CLEAR_PAIRS])
    assert [s.label for s in scores] == [label for _, _, label in CLEAR_PAIRS]


def test_missing_model_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotFoundError, match="HF_HUB_OFFLINE"):
        resolve_model("someone/no-such-model", "nli")
    with pytest.raises(ModelNotFoundError, match="config.json"):
        resolve_model(str(tmp_path), "nli")


# "X said S" reports that X made the claim; it is not evidence that S is true (issue 13).
ATTRIBUTED = [
    ("A local activist claimed that 40 civilians were killed in the air strike on Idlib.",
     "40 civilians were killed in the air strike on Idlib."),
    ("Senator Smith said that unemployment doubled last year.", "Unemployment doubled last year."),
    ("A viral post claims the vaccine contains microchips.", "The vaccine contains microchips."),
    ("Rubens said an average of 18 people die each year from the disease.",
     "An average of 18 people die each year from the disease."),
    ("The opposition alleged that government forces used chemical weapons in Douma.",
     "Government forces used chemical weapons in Douma."),
]
# Controls: the same facts stated in the report's own voice, or the claim itself about what was said.
OWN_VOICE = [
    ("40 civilians were killed in the air strike on Idlib on Friday.",
     "40 civilians were killed in the air strike on Idlib."),
    ("Senator Smith said that unemployment doubled last year.", "Senator Smith said that unemployment doubled."),
    ("Unemployment doubled last year, official figures show.", "Unemployment doubled last year."),
]


@pytest.mark.xfail(strict=True, reason="the shipped model (v2) reads 'X said S' as entailing S; "
                   "issue 13 trains v3 on attribution pairs: drop this mark when a model passes")
def test_attribution_does_not_entail(scorer):
    scores = scorer.predict(ATTRIBUTED)
    entailed = [h for (_, h), s in zip(ATTRIBUTED, scores, strict=True) if s.label == "entailment"]
    assert not entailed, f"attributed claims read as entailed: {entailed}"


def test_own_voice_and_reported_speech_entail(scorer):
    scores = scorer.predict(OWN_VOICE)
    assert [s.label for s in scores] == ["entailment"] * len(OWN_VOICE)
