"""The learned check-worthiness model: shipped small, scored with numpy, trained reproducibly."""

from __future__ import annotations

import math

import numpy as np
import pytest

from vericlaim.claims.checkworthy import bundled_model_path, load_checkworthy, terms, tfidf
from vericlaim.claims.train_checkworthy import balanced_prf, best_threshold, fit_vocabulary


def test_bundled_model_is_small_json_trained_on_train_only():
    path = bundled_model_path()
    assert path.is_file() and path.stat().st_size < 5 * 1024 * 1024
    model = load_checkworthy()
    assert model.meta["data"] == "train.json" and 0.0 < model.threshold < 1.0
    assert len(model.term_weights) == len(model.vocabulary) == len(model.idf)
    assert model.embedding_weights.shape == (384,)


def test_scores_rank_factual_claims_above_chit_chat():
    model = load_checkworthy()
    scores = model.score(["Unemployment rose to 9 percent in 2010, the highest in 25 years.",
                          "Thank you very much, it is good to be here tonight."])
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] > model.threshold > scores[1]


def test_score_is_a_logistic_regression_over_terms_and_embedding():
    model = load_checkworthy()
    embedding = np.zeros((1, 384))
    embedding[0, 0] = 1.0
    text = "the unemployment rate"
    index, values = tfidf(terms(text), model.vocabulary, model.idf)
    logit = model.bias + model.embedding_weights[0] + float(values @ model.term_weights[index])
    assert model.score_with([text], embedding)[0] == pytest.approx(1 / (1 + math.exp(-logit)))


def test_terms_and_tfidf_features():
    assert terms("The rate, the RATE") == {"the": 2, "rate": 2, "the rate": 2, "rate the": 1}
    vocab, idf = fit_vocabulary(["a b", "a c", "a b"])
    assert vocab == ["a", "a b", "b"]  # seen in at least two texts
    assert idf[0] == pytest.approx(math.log(4 / 4) + 1) and idf[2] == pytest.approx(math.log(4 / 3) + 1)
    index, values = tfidf(terms("b b a z"), dict(zip(vocab, range(3), strict=True)), idf)
    assert sorted(index.tolist()) == [0, 2] and np.linalg.norm(values) == pytest.approx(1.0)


def test_threshold_is_chosen_by_class_balanced_f1():
    labels = np.array([1, 1, 0, 0, 0, 0])
    scores = np.array([0.9, 0.6, 0.7, 0.2, 0.1, 0.1])
    threshold, (p, r, f1) = best_threshold(labels, scores)
    assert 0.2 < threshold <= 0.6 and r == 1.0
    assert balanced_prf(labels, (scores >= threshold).astype(int)) == (p, r, f1)
