"""One object that fully describes a run, readable in one screen.

Every threshold the verdict logic uses lives here with its reason, so a
run can be reproduced from the config alone and tuned in one place.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from pathlib import Path

from vericlaim.models.resolve import DEFAULT_EMBEDDING_MODEL, DEFAULT_NLI_MODEL


@dataclass(frozen=True)
class Config:
    # Models: any Hugging Face name or local folder; defaults work offline.
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    nli_model: str = DEFAULT_NLI_MODEL
    # Retrieval: how many passages each claim is checked against.
    top_k: int = 5
    # How passages are found: "dense" (FAISS), "bm25" (lexical) or "hybrid" (both, fused by
    # reciprocal rank: weight / (rrf_k + rank)). Chosen on the real sets' dev splits
    # (bench/retrieval_fusion.py: best mean MRR of the gold document; docs/BENCHMARKS.md).
    retrieval: str = "hybrid"
    rrf_k: int = 10
    bm25_weight: float = 1.0
    # IVF lists searched per query by the ivf/ivfpq index kinds (flat ignores it; more = slower, higher recall).
    nprobe: int = 64  # recall@5 against flat at 100k real passages: ivf 0.974, ivfpq 0.968 (BENCHMARKS)
    # Passages whose cosine similarity is below this are too far off-topic
    # for NLI to be meaningful; they are never scored (saves time, avoids
    # contradictions against unrelated text).
    min_retrieval_score: float = 0.35
    # Supported: best entailment at least this high...
    entail_threshold: float = 0.60
    # ...and above that passage's contradiction by at least this margin.
    entail_margin: float = 0.20
    # Contradicted: a passage contradicts at least this strongly...
    contradict_threshold: float = 0.70
    # ...and is clearly about the claim (similarity at least this), so a
    # weakly related passage can only leave the claim unverified.
    contradict_min_relevance: float = 0.55
    # A numeric conflict counts only when the passage entails the claim with the passage's own
    # number put in (NLI entailment at least this): otherwise the two differ in more than the
    # number (another event, period or place). Chosen on the numeric gold set's dev split.
    numeric_alignment_min: float = 0.017
    # "auto": the model's fp32 ONNX export, made and checked against torch on first use and cached
    # (about 2x torch's speed on CPU, same labels), else torch with a warning; "torch"; or "onnx"
    # for a folder made by `vericlaim export-onnx` (e.g. the opt-in int8 one).
    nli_backend: str = "auto"
    # NLI batching: pairs per forward pass and premise truncation (tokens).
    nli_batch_size: int = 32
    max_length: int = 192
    # Passage windows: sentences per passage and overlap between windows.
    passage_sentences: int = 2
    passage_stride: int = 1
    # Time-aware evidence, off by default (a newsroom wants the latest reports):
    # "article" keeps passages dated on or before the claim's article, "YYYY-MM-DD" before that day;
    # undated passages are then kept ("keep") or dropped ("drop").
    evidence_until: str = ""
    undated: str = "keep"
    # A passage that only reports that someone said the claim is neither support nor refutation
    # (vericlaim/attribution.py); False only to measure what that rule changes.
    attribution_aware: bool = True
    # confidence = P(verdict right), mapped by the calibration that `vericlaim eval suite --fit`
    # fits on the real dev splits; "" = the package's calibration.json.
    calibration_file: str = ""
    # Sentences whose learned check-worthiness is below this are not checked; None = the cut
    # chosen on held-out data and stored with the bundled model (docs/BENCHMARKS.md).
    min_checkworthiness: float | None = None
    # Retrieve a claim that leans on an earlier sentence ("It said ...") with its context
    # (title + antecedent sentence) in the query; the report still shows the claim as written.
    # On the dev splits: gold-document recall@5 0.906 -> 0.934 on LIAR-PLUS (the speaker), equal on
    # PolitiHop and Check-COVID; WiCE dev verdict macro-F1 0.5684 without, 0.5666 with (dense, stop 18).
    context_query: bool = True

    @classmethod
    def from_env(cls, tuned: bool = True, **overrides) -> Config:
        """Defaults, then VERICLAIM_* environment variables, then overrides.

        With ``tuned``, the thresholds written by ``vericlaim eval tune`` replace
        the defaults, but only for the NLI model they were tuned for: another
        model's probabilities live on another scale. Explicit overrides win.
        """
        values = {}
        if os.environ.get("VERICLAIM_NLI_MODEL"):
            values["nli_model"] = os.environ["VERICLAIM_NLI_MODEL"]
        if os.environ.get("VERICLAIM_EMBEDDING_MODEL"):
            values["embedding_model"] = os.environ["VERICLAIM_EMBEDDING_MODEL"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        if tuned:
            model = _source_model(values.get("nli_model", cls.nli_model))
            values = {**load_tuned(model=model), **values}
        return cls(**values)


def _source_model(nli_model: str) -> str:
    """The model an ONNX export was made from (its thresholds carry over), else the model itself."""
    record = Path(nli_model) / "onnx_export.json"
    if record.is_file():
        return json.loads(record.read_text(encoding="utf-8")).get("source", nli_model)
    return nli_model


TUNED_FILE = Path(__file__).parent / "tuned_thresholds.json"
TUNABLE = ("entail_threshold", "entail_margin", "contradict_threshold", "contradict_min_relevance")


def load_tuned(path: Path = TUNED_FILE, model: str | None = None) -> dict:
    """Thresholds written by ``vericlaim eval tune`` (only the tunable fields).

    Empty when the file is missing or, given ``model``, was tuned for another model.
    """
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if model is not None and data.get("nli_model") != model:
        return {}
    known = {f.name for f in fields(Config)}
    return {k: float(v) for k, v in data.get("thresholds", {}).items() if k in TUNABLE and k in known}
