"""Choose the hybrid fusion (RRF k, BM25 weight) on the real sets' DEV splits only.

    python bench/retrieval_fusion.py [--cache out/real] [--shared ../shared/data] [--sets a,b]

Prints recall@5 and MRR of the gold document per dev split for each setting, and the
setting with the best mean MRR (ties: best mean recall@5). Held-out splits are never read.
Uses the suite's cached converted data and indexes (``make eval-real`` builds them).
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from vericlaim.config import Config
from vericlaim.eval.real_sets import available, prepare
from vericlaim.eval.retrieval import (
    document_ranking,
    gold_documents,
    query_texts,
    read_jsonl,
    score_rankings,
    split_index,
)
from vericlaim.retrieval.search import rank_passages

RRF_KS = (10, 30, 60, 120)
WEIGHTS = (0.5, 1.0, 1.5, 2.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default="out/real")
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--sets", help="comma-separated set names (default: every dev split available)")
    args = ap.parse_args()
    wanted = set(args.sets.split(",")) if args.sets else None

    from vericlaim.models.embedder import load_embedder

    config = Config.from_env()
    embedder = load_embedder(config.embedding_model)
    loaded = []
    for split in (s for s in available(Path(args.shared)) if s.split == "dev"
                  and (wanted is None or s.set_name in wanted)):
        folder = prepare(split, Path(args.cache), Path(args.shared))
        store = split_index(folder, config)
        rows = read_jsonl(folder / "gold.jsonl")
        texts = query_texts(folder, rows, "context+claim")
        loaded.append((split, store, rows, texts, embedder.encode(texts), gold_documents(split, folder, args.shared)))
    results = []
    for rrf_k, weight in itertools.product(RRF_KS, WEIGHTS):
        cells, r5s, mrrs = [], [], []
        for split, store, rows, texts, vectors, gold in loaded:
            ranked = rank_passages(store, vectors, texts, 800, "hybrid", rrf_k, weight)
            doc_of_row = store.passages["doc_id"].tolist()
            rankings = {row["article"]: document_ranking([i for i, _ in r], doc_of_row)
                        for row, r in zip(rows, ranked, strict=True)}
            _, recall, mrr = score_rankings(rankings, gold)
            cells.append(f"{split.set_name} {recall[5]:.3f}/{mrr:.3f}")
            r5s.append(recall[5])
            mrrs.append(mrr)
        mean_r5, mean_mrr = sum(r5s) / len(r5s), sum(mrrs) / len(mrrs)
        results.append((mean_mrr, mean_r5, rrf_k, weight))
        print(f"rrf_k={rrf_k:<4} bm25_weight={weight:<4} mean R@5 {mean_r5:.4f} MRR {mean_mrr:.4f} | "
              + "  ".join(cells), flush=True)
    best = max(results)
    print(f"best on dev: rrf_k={best[2]} bm25_weight={best[3]} (mean MRR {best[0]:.4f}, R@5 {best[1]:.4f})")


if __name__ == "__main__":
    main()
