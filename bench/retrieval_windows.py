"""Choose passage windowing on the real sets' DEV splits only (issue: retrieval that finds the evidence).

    python bench/retrieval_windows.py [--cache out/real] [--shared ../shared/data] [--sets a,b]
                                      [--windows 1:1,2:1,3:1,2:2,3:2] [--title-dense]

For each windowing (sentences per passage : stride) it splits every dev corpus into passages,
embeds them with the default embedding model, builds BM25 beside them, and scores recall@1/5/20
and MRR of the gold evidence document with the default retrieval (hybrid, context + claim query).
``--title-dense`` also scores each windowing with the document title put before every passage in
the dense embedding (BM25 always has it). Held-out splits are never read.

Quantity frames are not parsed (they do not change what is retrieved), so this runs about twice
as fast as building the suite's indexes; the passages, embedder, BM25 and fusion are the ones
``vericlaim index`` and ``check`` use.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from vericlaim.config import Config
from vericlaim.corpora.passages import split_passages
from vericlaim.corpora.readers import read_documents
from vericlaim.eval.real_sets import available, prepare
from vericlaim.eval.retrieval import (
    MAX_RANK,
    document_ranking,
    gold_documents,
    query_texts,
    read_jsonl,
    score_rankings,
)
from vericlaim.records import Document
from vericlaim.retrieval.search import rank_passages
from vericlaim.retrieval.store import IndexStore


def build_store(docs: list[Document], sentences: int, stride: int, title_dense: bool, embedder) -> IndexStore:
    """An in-memory index of ``docs`` with this windowing (no frames: retrieval does not read them)."""
    by_id = {d.id: d for d in docs}
    passages = [p for d in docs for p in split_passages(d, sentences, stride)]
    texts = [f"{by_id[p.doc_id].title}\n{p.text}" if title_dense and by_id[p.doc_id].title else p.text
             for p in passages]
    store = IndexStore.empty(embedder.name, embedder.dimension)
    store.add(by_id, passages, embedder.encode(texts, cache=False))
    return store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default="out/real")
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--sets", default="politihop,liar_plus,check_covid")
    ap.add_argument("--windows", default="1:1,2:1,3:1,2:2,3:2")
    ap.add_argument("--title-dense", action="store_true")
    args = ap.parse_args()

    from vericlaim.models.embedder import load_embedder

    config = Config.from_env()
    embedder = load_embedder(config.embedding_model)
    windows = [tuple(int(x) for x in w.split(":")) for w in args.windows.split(",")]
    splits = [s for s in available(Path(args.shared)) if s.split == "dev" and s.set_name in args.sets.split(",")]
    print("| split | sentences | stride | title in dense | passages | R@1 | R@5 | R@20 | MRR | build s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for split in splits:
        folder = prepare(split, Path(args.cache), Path(args.shared))
        docs = [d for d in read_documents(folder / "corpus.jsonl") if isinstance(d, Document)]
        rows = read_jsonl(folder / "gold.jsonl")
        gold = gold_documents(split, folder, Path(args.shared))
        texts = query_texts(folder, rows, "context+claim")
        vectors = embedder.encode(texts)
        for sentences, stride in windows:
            for title_dense in ((False, True) if args.title_dense else (False,)):
                start = time.perf_counter()
                store = build_store(docs, sentences, stride, title_dense, embedder)
                built = time.perf_counter() - start
                doc_of_row = store.passages["doc_id"].tolist()
                ranked = rank_passages(store, vectors, texts, MAX_RANK * 8, "hybrid", config.rrf_k, config.bm25_weight)
                rankings = {row["article"]: document_ranking([i for i, _ in r], doc_of_row)
                            for row, r in zip(rows, ranked, strict=True)}
                n, recall, mrr = score_rankings(rankings, gold)
                print(f"| {split.name} | {sentences} | {stride} | {'yes' if title_dense else 'no'} | {len(store)} | "
                      f"{recall[1]:.3f} | {recall[5]:.3f} | {recall[20]:.3f} | {mrr:.3f} | {built:.0f} |", flush=True)
                print(f"  {split.name} {sentences}:{stride} title={title_dense} n={n}", file=sys.stderr)


if __name__ == "__main__":
    main()
