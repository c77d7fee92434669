"""Learned check-worthiness: how much a sentence looks like a claim worth checking (0..1).

The transparent rules in :mod:`vericlaim.claims.detect` say what a sentence
*is* (a count, a date, an event, a question, boilerplate); they cannot weigh
"Our unemployment rate is the lowest in 40 years" against "We have a great
team". A logistic regression trained on the ClaimBuster sentences does that.
Its inputs are the all-MiniLM-L6-v2 sentence embedding (already on every
machine that runs vericlaim) and TF-IDF over words and word pairs, because
wording ("percent", "voted", "million") carries as much as meaning.

The model ships as one JSON file (vocabulary, idf, weights, threshold): no
pickle, no scikit-learn at run time, only numpy. ``make checkworthy-model``
retrains it (:mod:`vericlaim.claims.train_checkworthy`).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

MODEL_FILE = "model.json"
BUNDLED_DIR = "checkworthy"
_TOKEN = re.compile(r"(?u)\b\w+\b")


def bundled_model_path() -> Path:
    return Path(str(resources.files("vericlaim") / "bundled" / BUNDLED_DIR / MODEL_FILE))


def terms(text: str) -> Counter:
    """Lower-cased words and adjacent word pairs with their counts.

    Training and scoring both call this, so the features match by construction.
    """
    words = _TOKEN.findall(text.lower())
    return Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)])


def tfidf(counts: Counter, vocabulary: dict[str, int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sparse L2-normalised TF-IDF (sublinear tf) as (indices, values) over known terms."""
    known = [(vocabulary[t], (1.0 + math.log(n))) for t, n in counts.items() if t in vocabulary]
    if not known:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    index = np.array([i for i, _ in known], dtype=np.int64)
    values = np.array([v for _, v in known]) * idf[index]
    norm = float(np.linalg.norm(values))
    return index, values / norm if norm else values


@dataclass(frozen=True)
class CheckworthyModel:
    """Logistic regression over [TF-IDF terms | sentence embedding]."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    term_weights: np.ndarray
    embedding_weights: np.ndarray
    bias: float
    threshold: float  # chosen on held-out ClaimBuster train sentences, see the model card
    embedding_model: str
    meta: dict

    @classmethod
    def load(cls, path: str | Path) -> CheckworthyModel:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            vocabulary = {t: i for i, t in enumerate(data["terms"])}
            return cls(vocabulary, np.asarray(data["idf"], dtype=np.float64),
                       np.asarray(data["term_weights"], dtype=np.float64),
                       np.asarray(data["embedding_weights"], dtype=np.float64),
                       float(data["bias"]), float(data["threshold"]), data["embedding_model"],
                       data.get("meta", {}))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a usable check-worthiness model ({exc})") from exc

    def score_with(self, texts: list[str], embeddings: np.ndarray) -> np.ndarray:
        """Probabilities given the texts' sentence embeddings (rows L2-normalised)."""
        logits = np.asarray(embeddings, dtype=np.float64) @ self.embedding_weights + self.bias
        for row, text in enumerate(texts):
            index, values = tfidf(terms(text), self.vocabulary, self.idf)
            logits[row] += float(values @ self.term_weights[index])
        return 1.0 / (1.0 + np.exp(-logits))

    def score(self, texts: list[str]) -> np.ndarray:
        """Check-worthiness of each text (0..1); embeds them with the model it was trained with."""
        if not texts:
            return np.zeros(0)
        from vericlaim.models.embedder import load_embedder

        return self.score_with(texts, load_embedder(self.embedding_model).encode(texts))


@lru_cache(maxsize=2)
def load_checkworthy(path: str = "") -> CheckworthyModel:
    """The bundled model (or the one at ``path``), loaded once per process."""
    return CheckworthyModel.load(path or bundled_model_path())
