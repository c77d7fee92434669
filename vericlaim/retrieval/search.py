"""Find the passages most similar to each claim."""

from __future__ import annotations

import numpy as np

from vericlaim.claims.quantities import frames_from_json
from vericlaim.records import Claim, Document, Passage
from vericlaim.retrieval.store import IndexStore


def _row_records(row) -> tuple[Passage, Document]:
    frames = getattr(row, "frames", None)
    quantities = frames_from_json(frames) if isinstance(frames, str) else None
    passage = Passage(row.doc_id, row.passage_id, row.text, int(row.start), int(row.end), quantities)
    doc = Document(row.doc_id, row.title, "", row.source or "", row.date or "", row.url or "")
    return passage, doc


def search(
    store: IndexStore, claims: list[Claim], vectors: np.ndarray, top_k: int, keep=None
) -> list[list[tuple[Passage, Document, float]]]:
    """Top-k passages per claim, never from the claim's own article.

    ``keep(claim, doc)``, when given, filters the reports a claim may use (e.g. by date).
    """
    if not claims or len(store) == 0:
        return [[] for _ in claims]
    if hasattr(store.faiss_index, "nprobe"):
        store.faiss_index.nprobe = 16
    # over-fetch so excluding the article's own passages still leaves k
    fetch = min(len(store), top_k * (4 if keep is None else 12) + 8)
    scores, ids = store.faiss_index.search(vectors, fetch)
    frame = store.passages
    results = []
    for claim, row_scores, row_ids in zip(claims, scores, ids, strict=False):
        hits = []
        for score, idx in zip(row_scores, row_ids, strict=False):
            if idx < 0:
                continue
            row = frame.iloc[int(idx)]
            if row.doc_id == claim.article_id:
                continue
            passage, doc = _row_records(row)
            if keep is not None and not keep(claim, doc):
                continue
            hits.append((passage, doc, float(score)))
            if len(hits) == top_k:
                break
        results.append(hits)
    return results
