"""Score claim/evidence pairs with an NLI cross-encoder.

The model is any ``AutoModelForSequenceClassification`` with entailment,
neutral and contradiction among its ``id2label`` names (our bundled model,
cross-encoder/nli-deberta-v3-base, roberta-large-mnli...). Labels are read
from the config, never assumed by position, because public models order
them differently. Pairs are deduplicated and sorted by length before
batching: on CPU, padding is wasted time.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache

from vericlaim.models.resolve import resolve_model

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


def _label_indices(id2label: dict) -> dict[str, int]:
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


class NLIScorer:
    """A loaded NLI cross-encoder with a batched, padding-aware ``predict``."""

    def __init__(self, name_or_path: str, max_length: int = 192, threads: int | None = None):
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        if threads:
            torch.set_num_threads(threads)
        self.name = name_or_path
        self.path = resolve_model(name_or_path, "nli")
        self.tokenizer = AutoTokenizer.from_pretrained(self.path)
        self.model = AutoModelForSequenceClassification.from_pretrained(
            self.path, dtype=torch.float32
        ).eval()
        self.indices = _label_indices(self.model.config.id2label)
        self.max_length = max_length

    def predict(
        self, pairs: list[tuple[str, str]], batch_size: int = 32, progress: bool = False
    ) -> list[NLIScores]:
        """NLI probabilities for each (premise, hypothesis) pair, in input order."""
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
        import torch

        encoded = self.tokenizer(premises, hypotheses, padding=True, truncation="only_first",
                                 max_length=self.max_length, return_tensors="pt")
        with torch.inference_mode():
            return self.model(**encoded).logits.float().softmax(-1).tolist()


@lru_cache(maxsize=4)
def load_nli(name_or_path: str, max_length: int = 192, backend: str = "torch") -> NLIScorer:
    """Load once per process; ``backend`` is "torch" or "onnx" (an exported folder)."""
    if backend == "onnx":
        from vericlaim.models.onnx_backend import OnnxNLIScorer

        return OnnxNLIScorer(resolve_model(name_or_path, "nli"), max_length)
    return NLIScorer(name_or_path, max_length)
