"""Wire the stages for a batch: records in, records out, no files or formats.

Articles stream through in small batches so memory stays flat however many
there are, and NLI runs once per batch over every claim/passage pair (sorted
by length, deduplicated) because batching is what makes CPU inference fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace

from vericlaim.claims import extract_quantities
from vericlaim.claims.detect import claim_types, extract_claims_many
from vericlaim.claims.quantities import extract_many
from vericlaim.config import Config
from vericlaim.corpora import split_passages
from vericlaim.corpora.claim_lists import ClaimRow
from vericlaim.models.embedder import load_embedder
from vericlaim.models.loader import load_nli
from vericlaim.records import Claim, Document, Evidence, Verdict
from vericlaim.retrieval import IndexStore, search
from vericlaim.retrieval.dedupe import group_near_duplicates
from vericlaim.verify import decide

ARTICLES_PER_BATCH = 16
CLAIMS_PER_BATCH = 64  # a claim list is verified this many claims per NLI batch


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
    bar = tqdm(total=len(passages), desc="parse+embed", unit="passage", file=sys.stderr, disable=not progress)
    for start in range(0, len(passages), chunk):
        part = passages[start : start + chunk]
        # quantity frames are parsed once here and stored with the passages
        frames = extract_many([p.text for p in part], [new_docs[p.doc_id].date for p in part])
        part = [replace(p, quantities=q) for p, q in zip(part, frames, strict=True)]
        store.add(new_docs, part, embedder.encode([p.text for p in part], cache=False))
        bar.update(len(part))
    bar.close()
    return len(new_docs), skipped, len(passages)


def date_filter(config: Config):
    """``keep(claim, doc)`` for ``evidence_until`` (None when off): nothing published after the claim."""
    if not config.evidence_until:
        return None

    def keep(claim: Claim, doc: Document) -> bool:
        until = claim.article_date if config.evidence_until == "article" else config.evidence_until
        if not until:
            return True  # an undated article: no cut-off to apply
        if not doc.date:
            return config.undated != "drop"
        return doc.date[:10] <= until[:10]

    return keep


def retrieval_query(claim: Claim, config: Config) -> str:
    """What a claim is retrieved with: its context first when it leans on an earlier sentence."""
    if config.context_query and claim.context:
        return f"{claim.context} {claim.text}"
    return claim.text


def gather_evidence(claims: list[Claim], store: IndexStore, config: Config) -> list[list[Evidence]]:
    """Retrieve and NLI-score the evidence for each claim (the slow part)."""
    if not claims:
        return []
    embedder = load_embedder(config.embedding_model)
    queries = [retrieval_query(c, config) for c in claims]
    hits = search(store, claims, embedder.encode(queries), config.top_k, keep=date_filter(config),
                  mode=config.retrieval, queries=queries, rrf_k=config.rrf_k, bm25_weight=config.bm25_weight)
    # near-identical copies (one wire story, several outlets) are scored once, through their lead
    hits = [[h for h in found if h[2] >= config.min_retrieval_score] for found in hits]
    groups = [group_near_duplicates([p.text for p, _, _ in found]) for found in hits]
    pairs = [(found[i][0].text, claim.text) for claim, found, group in zip(claims, hits, groups, strict=True)
             for i, lead in enumerate(group) if i == lead]
    scores = iter(load_nli(config.nli_model, config.max_length, config.nli_backend).predict(pairs, config.nli_batch_size))
    gathered = []
    for found, group in zip(hits, groups, strict=True):
        lead_scores = {i: next(scores) for i, lead in enumerate(group) if i == lead}
        evidence = []
        for (passage, doc, score), lead in zip(found, group, strict=True):
            s = lead_scores[lead]
            evidence.append(Evidence(passage, doc, score, s.entailment, s.contradiction, s.neutral))
        gathered.append(evidence)
    return align_numeric_conflicts(claims, gathered, config)


def align_numeric_conflicts(claims: list[Claim], gathered: list[list[Evidence]], config: Config
                            ) -> list[list[Evidence]]:
    """NLI-check every numeric conflict before it can become a verdict.

    The passage's number is put into the claim; if the passage does not entail that
    sentence, the two differ in more than the number and the conflict is dropped
    (``verify.numeric_check`` reads ``aligned_entailment``). Only conflicts are
    checked, so this costs a handful of NLI pairs per batch.
    """
    from vericlaim.numbers import substitute
    from vericlaim.verify import numeric_check

    jobs = []
    for ci, (claim, evidence) in enumerate(zip(claims, gathered, strict=True)):
        for ei, ev in enumerate(evidence):
            check = numeric_check(claim, ev)
            if check.status == "conflict":
                hypothesis = substitute(claim.text, claim.start, check.claim_quantity, check.evidence_quantity)
                jobs.append((ci, ei, ev.passage.text, hypothesis))
    if not jobs:
        return gathered
    nli = load_nli(config.nli_model, config.max_length, config.nli_backend)
    scores = nli.predict([(premise, hypothesis) for _, _, premise, hypothesis in jobs], config.nli_batch_size)
    for (ci, ei, _, _), score in zip(jobs, scores, strict=True):
        entailment = round(float(score.entailment), 4)
        gathered[ci][ei] = replace(gathered[ci][ei], aligned_entailment=entailment,
                                   numbers_aligned=entailment >= config.numeric_alignment_min)
    return gathered


def _verify_batch(claims: list[Claim], store: IndexStore, config: Config) -> list[Verdict]:
    evidence = gather_evidence(claims, store, config)
    return [decide(claim, found, config) for claim, found in zip(claims, evidence, strict=False)]


def check_documents(
    articles: Iterable[Document], store: IndexStore, config: Config
) -> Iterator[tuple[Document, list[Verdict]]]:
    """Verdicts for every claim, yielded article by article in input order."""
    batch: list[Document] = []

    def flush():
        found = extract_claims_many(batch, config.min_checkworthiness)  # one scoring pass per batch
        verdicts = iter(_verify_batch([c for cs in found for c in cs], store, config))
        for doc, cs in zip(batch, found, strict=True):
            yield doc, [next(verdicts) for _ in cs]

    for doc in articles:
        batch.append(doc)
        if len(batch) >= ARTICLES_PER_BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def claim_as_written(row: ClaimRow) -> Claim:
    """A user's claim exactly as written: no splitting, no detection, the user's id kept."""
    quantities = tuple(extract_quantities(row.text, row.date))
    return Claim(row.id, row.id, row.text, 0, len(row.text), claim_types(row.text, quantities),
                 quantities, row.date, context=row.context)


def check_claim_rows(rows: Iterable[ClaimRow], store: IndexStore, config: Config) -> Iterator[Verdict]:
    """One verdict per listed claim, in input order, verified CLAIMS_PER_BATCH at a time.

    Each claim is scored for check-worthiness (shown in the report) but never dropped for it:
    the user asked about it.
    """
    from vericlaim.claims.checkworthy import load_checkworthy

    def flush(batch: list[Claim]) -> list[Verdict]:
        scores = load_checkworthy().score([c.text for c in batch])
        scored = [replace(c, checkworthiness=round(float(s), 4)) for c, s in zip(batch, scores, strict=True)]
        return _verify_batch(scored, store, config)

    batch: list[Claim] = []
    for row in rows:
        batch.append(claim_as_written(row))
        if len(batch) >= CLAIMS_PER_BATCH:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)
