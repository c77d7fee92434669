"""What every NLI backend shares: label names, score records and batched prediction.

The torch scorer (``nli.py``) and the ONNX Runtime scorer (``onnx_backend.py``)
differ only in how one padded batch becomes probabilities. Everything else
(deduplication, sorting by length, label lookup) lives here, so both backends
import this module and neither imports the other.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

NLI_LABELS = ("entailment", "neutral", "contradiction")


class NLIModelError(RuntimeError):
    """The model loaded but is not a usable 3-way NLI classifier."""


@dataclass(frozen=True)
class NLIScores:
    entailment: float
    neutral: float
    contradiction: float

    @property
    def label(self) -> str:
        scores = {"entailment": self.entailment, "neutral": self.neutral,
                  "contradiction": self.contradiction}
        return max(scores, key=scores.get)


def label_indices(id2label: dict) -> dict[str, int]:
    """Position of each NLI label in the model's output, read from ``id2label``.

    Public models order their labels differently, so the order is never assumed.
    """
    found = {}
    for index, name in id2label.items():
        key = str(name).strip().lower()
        for label in NLI_LABELS:
            if key.startswith(label[:7]):  # "entail", "contrad", "neutral"
                found[label] = int(index)
    missing = [label for label in NLI_LABELS if label not in found]
    if missing:
        raise NLIModelError(
            f"model labels {dict(id2label)} lack {', '.join(missing)}; pass a 3-way NLI model"
        )
    return found


class BatchedNLIScorer:
    """Batched, padding-aware ``predict``; subclasses set ``indices`` and ``_probabilities``.

    ``name`` is what the user asked for, ``path`` the model folder it resolved to
    (where its card and training record live), ``backend`` which runtime scores.
    """

    name: str
    path: str
    backend: str
    indices: dict[str, int]
    max_length: int

    def predict(
        self, pairs: list[tuple[str, str]], batch_size: int = 32, progress: bool = False
    ) -> list[NLIScores]:
        """NLI probabilities for each (premise, hypothesis) pair, in input order.

        Pairs are deduplicated and sorted by length before batching: on CPU,
        padding is wasted time.
        """
        from tqdm import tqdm

        unique = list(dict.fromkeys(pairs))
        lengths = [len(p) + len(h) for p, h in unique]
        order = sorted(range(len(unique)), key=lengths.__getitem__)
        results: dict[tuple[str, str], NLIScores] = {}
        e, n, c = (self.indices[label] for label in NLI_LABELS)
        for start in tqdm(range(0, len(order), batch_size), desc="nli", file=sys.stderr,
                          disable=not progress, unit="batch"):
            chunk = [unique[i] for i in order[start : start + batch_size]]
            probs = self._probabilities([p for p, _ in chunk], [h for _, h in chunk])
            for pair, row in zip(chunk, probs, strict=False):
                results[pair] = NLIScores(row[e], row[n], row[c])
        return [results[pair] for pair in pairs]

    def _probabilities(self, premises: list[str], hypotheses: list[str]) -> list[list[float]]:
        raise NotImplementedError
