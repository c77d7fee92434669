"""Score claim/evidence pairs with an NLI cross-encoder on torch.

The model is any ``AutoModelForSequenceClassification`` with entailment,
neutral and contradiction among its ``id2label`` names (our bundled model,
cross-encoder/nli-deberta-v3-base, roberta-large-mnli...). This is the
reference backend: the ONNX export is checked against it. Which backend a
run uses is decided in ``vericlaim.models.loader``.
"""

from __future__ import annotations

from vericlaim.models.nli_base import (
    NLI_LABELS,
    BatchedNLIScorer,
    NLIModelError,
    NLIScores,
    label_indices,
)
from vericlaim.models.resolve import resolve_model
from vericlaim.verbosity import library_output


class NLIScorer(BatchedNLIScorer):
    """A loaded NLI cross-encoder run by torch."""

    backend = "torch"

    def __init__(self, name_or_path: str, max_length: int = 192, threads: int | None = None):
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        if threads:
            torch.set_num_threads(threads)
        self.name = name_or_path
        self.path = resolve_model(name_or_path, "nli")
        with library_output():
            self.tokenizer = AutoTokenizer.from_pretrained(self.path)
            self.model = AutoModelForSequenceClassification.from_pretrained(
                self.path, dtype=torch.float32
            ).eval()
        self.indices = label_indices(self.model.config.id2label)
        self.max_length = max_length

    def _probabilities(self, premises: list[str], hypotheses: list[str]) -> list[list[float]]:
        import torch

        encoded = self.tokenizer(premises, hypotheses, padding=True, truncation="only_first",
                                 max_length=self.max_length, return_tensors="pt")
        with torch.inference_mode():
            return self.model(**encoded).logits.float().softmax(-1).tolist()


__all__ = ["NLI_LABELS", "NLIModelError", "NLIScorer", "NLIScores"]
