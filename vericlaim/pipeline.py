"""Wire the stages for a batch: records in, records out, no files or formats.

Articles stream through in small batches so memory stays flat however many
there are, and NLI runs once per batch over every claim/passage pair (sorted
by length, deduplicated) because batching is what makes CPU inference fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from vericlaim.claims import extract_claims
from vericlaim.config import Config
from vericlaim.corpora import split_passages
from vericlaim.models.embedder import load_embedder
from vericlaim.models.nli import load_nli
from vericlaim.records import Claim, Document, Evidence, Verdict
from vericlaim.retrieval import IndexStore, search
from vericlaim.verify import decide

ARTICLES_PER_BATCH = 16


def add_documents(
    store: IndexStore, docs: Iterable[Document], config: Config, progress: bool = False
) -> tuple[int, int, int]:
    """Embed and add documents not yet in ``store``; returns (added, skipped, passages)."""
    from tqdm import tqdm

    embedder = load_embedder(config.embedding_model)
    present = store.doc_ids
    new_docs = {}
    skipped = 0
    for doc in docs:
        if doc.id in present or doc.id in new_docs:
            skipped += 1
            continue
        new_docs[doc.id] = doc
    passages = []
    for doc in tqdm(new_docs.values(), desc="split", unit="doc", file=sys.stderr,
                    disable=not progress or len(new_docs) < 50):
        passages += split_passages(doc, config.passage_sentences, config.passage_stride)
    chunk = 2048
    bar = tqdm(total=len(passages), desc="embed", unit="passage", file=sys.stderr, disable=not progress)
    for start in range(0, len(passages), chunk):
        part = passages[start : start + chunk]
        store.add(new_docs, part, embedder.encode([p.text for p in part]))
        bar.update(len(part))
    bar.close()
    return len(new_docs), skipped, len(passages)


def gather_evidence(claims: list[Claim], store: IndexStore, config: Config) -> list[list[Evidence]]:
    """Retrieve and NLI-score the evidence for each claim (the slow part)."""
    if not claims:
        return []
    embedder = load_embedder(config.embedding_model)
    hits = search(store, claims, embedder.encode([c.text for c in claims]), config.top_k)
    pairs = []
    for claim, found in zip(claims, hits, strict=False):
        pairs += [(p.text, claim.text) for p, _, score in found if score >= config.min_retrieval_score]
    scores = iter(load_nli(config.nli_model, config.max_length, config.nli_backend).predict(pairs, config.nli_batch_size))
    gathered = []
    for found in hits:
        evidence = []
        for passage, doc, score in found:
            if score >= config.min_retrieval_score:
                s = next(scores)
                evidence.append(Evidence(passage, doc, score, s.entailment, s.contradiction, s.neutral))
        gathered.append(evidence)
    return gathered


def _verify_batch(claims: list[Claim], store: IndexStore, config: Config) -> list[Verdict]:
    evidence = gather_evidence(claims, store, config)
    return [decide(claim, found, config) for claim, found in zip(claims, evidence, strict=False)]


def check_documents(
    articles: Iterable[Document], store: IndexStore, config: Config
) -> Iterator[tuple[Document, list[Verdict]]]:
    """Verdicts for every claim, yielded article by article in input order."""
    batch: list[tuple[Document, list[Claim]]] = []

    def flush():
        claims = [c for _, cs in batch for c in cs]
        verdicts = iter(_verify_batch(claims, store, config))
        for doc, cs in batch:
            yield doc, [next(verdicts) for _ in cs]

    for doc in articles:
        batch.append((doc, list(extract_claims(doc))))
        if len(batch) >= ARTICLES_PER_BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
