"""Find the passages most relevant to each claim: dense, BM25, or both fused.

Whatever ranks the passages, each hit carries its *dense cosine similarity* to
the claim as its score, because the verdict thresholds (``min_retrieval_score``,
``contradict_min_relevance``) are calibrated on that scale. Ranking and score
are separate on purpose: BM25 decides *which* passages are read, the cosine
still says how close each one is.
"""

from __future__ import annotations

import numpy as np

from vericlaim.claims.quantities import frames_from_json
from vericlaim.records import Claim, Document, Passage
from vericlaim.retrieval.dedupe import near_duplicates, shingles
from vericlaim.retrieval.store import IndexStore

MODES = ("dense", "bm25", "hybrid")
MAX_COPIES = 4  # copies of one text kept as its sources (enough to count outlets, bounded NLI-free work)


def _row_records(row) -> tuple[Passage, Document]:
    frames = getattr(row, "frames", None)
    quantities = frames_from_json(frames) if isinstance(frames, str) else None
    passage = Passage(row.doc_id, row.passage_id, row.text, int(row.start), int(row.end), quantities)
    doc = Document(row.doc_id, row.title, "", row.source or "", row.date or "", row.url or "")
    return passage, doc


def rrf(rankings: list[list[int]], weights: list[float], k: int) -> list[int]:
    """Reciprocal-rank fusion: sum of weight / (k + rank) over the rankings, best first."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, idx in enumerate(ranking):
            fused[idx] = fused.get(idx, 0.0) + weight / (k + rank + 1)
    return sorted(fused, key=lambda i: (-fused[i], i))


def _cosines(store: IndexStore, vector: np.ndarray, ids: list[int]) -> dict[int, float]:
    """Dense similarity of passages found by BM25 alone (their exact vectors read back, any index kind)."""
    if not ids:
        return {}
    vectors = store.faiss_index.reconstruct_batch(np.asarray(ids, dtype=np.int64))
    return dict(zip(ids, (vectors @ vector).astype(float).tolist(), strict=True))


def rank_passages(store: IndexStore, vectors: np.ndarray, queries: list[str], fetch: int,
                  mode: str = "dense", rrf_k: int = 60, bm25_weight: float = 1.0
                  ) -> list[list[tuple[int, float]]]:
    """Row ids of the best ``fetch`` passages per query, best first, each with its dense cosine."""
    if mode not in MODES:
        raise ValueError(f"retrieval mode {mode!r}: choose one of {', '.join(MODES)}")
    fetch = min(fetch, len(store))
    # any kind, any number of shards; IVF kinds probe store.faiss_index.nprobe lists (Config.nprobe)
    dense_scores, dense_ids = (store.faiss_index.search(vectors, fetch) if mode != "bm25"
                               else (None, None))
    lexical = store.lexical_index() if mode != "dense" else None
    ranked = []
    for q, query in enumerate(queries):
        cosine: dict[int, float] = {}
        dense: list[int] = []
        if dense_ids is not None:
            for score, idx in zip(dense_scores[q], dense_ids[q], strict=True):
                if idx >= 0:
                    dense.append(int(idx))
                    cosine[int(idx)] = float(score)
        if lexical is None:
            order = dense
        else:
            lexical_ids = lexical.top(query, fetch)[0].tolist()
            order = lexical_ids if mode == "bm25" else rrf([dense, lexical_ids], [1.0, bm25_weight], rrf_k)
            cosine.update(_cosines(store, vectors[q], [i for i in order if i not in cosine]))
        ranked.append([(i, cosine[i]) for i in order])
    return ranked


def search(
    store: IndexStore, claims: list[Claim], vectors: np.ndarray, top_k: int, keep=None,
    mode: str = "dense", queries: list[str] | None = None, rrf_k: int = 60, bm25_weight: float = 1.0,
) -> list[list[tuple[Passage, Document, float]]]:
    """Top-k distinct passages per claim, never from the claim's own article.

    Near-identical copies of a passage already found (the same wire story in another
    outlet, see ``dedupe``) ride along with it instead of taking one of the k places, so
    k distinct texts are read and each copy is still cited as a source.
    ``keep(claim, doc)``, when given, filters the reports a claim may use (e.g. by date).
    ``queries`` are the texts BM25 searches with (default: the claims' texts); ``vectors``
    are the same queries embedded.
    """
    if not claims or len(store) == 0:
        return [[] for _ in claims]
    queries = queries if queries is not None else [c.text for c in claims]
    # over-fetch so excluding the article's own passages still leaves k
    fetch = top_k * (4 if keep is None else 12) + 8
    frame = store.passages
    results = []
    for claim, ranked in zip(claims, rank_passages(store, vectors, queries, fetch, mode, rrf_k, bm25_weight),
                             strict=True):
        hits, distinct = [], []
        for idx, score in ranked:
            row = frame.iloc[idx]
            if row.doc_id == claim.article_id:
                continue
            passage, doc = _row_records(row)
            if keep is not None and not keep(claim, doc):
                continue
            sh = shingles(passage.text)
            copies = [d for d in distinct if near_duplicates(sh, d[0])]
            if copies:
                if copies[0][1] < MAX_COPIES:
                    copies[0][1] += 1
                    hits.append((passage, doc, score))
                continue
            hits.append((passage, doc, score))
            distinct.append([sh, 1])
            if len(distinct) == top_k:
                break
        results.append(hits)
    return results
