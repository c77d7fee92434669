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
