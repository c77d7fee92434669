"""How often retrieval finds the gold evidence document: recall@1/5/20 and MRR.

A claim can only be decided if its evidence is read, so this measures the
ranking alone, before NLI. Passages are ranked, then collapsed to documents in
rank order (a document counts at the rank of its best passage). A claim is a
hit at k when any of its gold documents is among the first k documents.

Gold documents per set, following how each set's ``to_vericlaim.py`` names ids:

| set | claim id | gold document(s) |
|---|---|---|
| LIAR-PLUS | ``liarplus-claim-K`` | ``liarplus-just-K`` (its PolitiFact justification) |
| PolitiHop | ``politihop-claim-K`` | ``politihop-ruling-K`` (its fact-check article) |
| WiCE | ``wice-ID`` | the web articles the claim cites (ids hash their text) |
| FNC-1 | ``fnc1-headline-N`` | bodies paired with the headline as agree / disagree / discuss |
| Check-COVID | ``covid-claim-ID`` | ``covid-CORD_ID`` (the abstract the claim was written from) |
"""

from __future__ import annotations

import collections
import csv
import hashlib
import importlib.util
import json
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from vericlaim.config import Config
from vericlaim.eval.real_sets import DEFAULT_SHARED, Split, prepare

KS = (1, 5, 20)
# "claim": the claim alone; "context+claim": with the context a claim list would carry (the set's
# title for the claim: the speaker for LIAR-PLUS / PolitiHop, the Wikipedia page for WiCE).
QUERY_FORMS = ("claim", "context+claim")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def claim_contexts(folder: Path) -> dict[str, str]:
    """Each claim's context in a converted set: its title, unless that is only the claim again."""
    contexts = {}
    for row in read_jsonl(folder / "claims.jsonl"):
        title = (row.get("title") or "").strip()
        if title and title != row["id"] and title != (row.get("text") or "").strip():
            contexts[row["id"]] = title
    return contexts


def query_texts(folder: Path, rows: list[dict], form: str) -> list[str]:
    """The retrieval query of each gold row in one query form (see ``QUERY_FORMS``)."""
    if form not in QUERY_FORMS:
        raise ValueError(f"query form {form!r}: choose from {', '.join(QUERY_FORMS)}")
    contexts = claim_contexts(folder) if form == "context+claim" else {}
    return [f"{contexts[r['article']]} {r['claim']}" if r["article"] in contexts else r["claim"] for r in rows]


def _converter(shared: Path, folder: str):
    """A set's own converter module, so gold ids are made exactly as its corpus ids were."""
    path = Path(shared) / folder / "to_vericlaim.py"
    spec = importlib.util.spec_from_file_location(f"_vericlaim_convert_{folder}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wice_gold(shared: Path, upstream_splits: list[str]) -> dict[str, set[str]]:
    conv = _converter(shared, "wice")
    gold: dict[str, set[str]] = {}
    for split in upstream_splits:
        count = 0
        for line in conv.FILES[split].read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            docs = {"wice-ev-" + hashlib.sha1("\n\n".join(a["body"]).encode("utf-8")).hexdigest()[:16]
                    for a in conv.articles(row["evidence"])}
            meta = row.get("meta", {})
            gold[f"wice-{meta.get('id') or split + str(count)}"] = docs
            count += 1
    return gold


def _fnc1_gold(shared: Path) -> dict[str, set[str]]:
    conv = _converter(shared, "fnc1")
    bodies: dict[str, set[str]] = collections.OrderedDict()
    csv.field_size_limit(1 << 30)
    with (Path(shared) / "fnc1" / "competition_test_stances.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            related = bodies.setdefault(conv.clean(row["Headline"]), set())
            if row["Stance"] != "unrelated":
                related.add(f"fnc1-body-{row['Body ID']}")
    return {f"fnc1-headline-{number}": docs for number, docs in enumerate(bodies.values(), 1)}


def _covid_gold(shared: Path) -> dict[str, set[str]]:
    gold = {}
    for path in (Path(shared) / "check_covid" / "Check-COVID").glob("*/covidCheck_*.json"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold[f"covid-claim-{row['id']}"] = {f"covid-{row['cord_id']}"}
    return gold


def gold_documents(split: Split, folder: Path, shared: Path = DEFAULT_SHARED) -> dict[str, set[str]]:
    """Claim id -> the ids of the documents that hold its evidence (empty set: none in the corpus)."""
    corpus = {row["id"] for row in read_jsonl(folder / "corpus.jsonl")}
    claims = [row["article"] for row in read_jsonl(folder / "gold.jsonl")]
    if split.set_name == "liar_plus":
        gold = {c: {c.replace("liarplus-claim-", "liarplus-just-", 1)} for c in claims}
    elif split.set_name == "politihop":
        gold = {c: {c.replace("politihop-claim-", "politihop-ruling-", 1)} for c in claims}
    elif split.set_name == "wice":
        gold = _wice_gold(shared, split.upstream.split("+"))
    elif split.set_name == "fnc1":
        gold = _fnc1_gold(shared)
    elif split.set_name == "check_covid":
        gold = _covid_gold(shared)
    else:
        raise ValueError(f"no gold evidence documents known for set {split.set_name!r}")
    return {c: gold.get(c, set()) & corpus for c in claims}


@dataclass(frozen=True)
class RetrievalScore:
    """Recall of the gold document at each k, and mean reciprocal rank (over ``MAX_RANK``)."""

    split: str
    mode: str
    query: str
    claims: int  # claims with at least one gold document in the corpus
    recall: dict[int, float]
    mrr: float
    seconds: float


MAX_RANK = 100  # documents ranked per claim; a gold document below this counts 0 in MRR


def document_ranking(passage_rows: list[int], doc_of_row) -> list[str]:
    """Passages in rank order -> documents in rank order (each at its best passage)."""
    seen: dict[str, None] = {}
    for row in passage_rows:
        seen.setdefault(doc_of_row[row], None)
        if len(seen) == MAX_RANK:
            break
    return list(seen)


def score_rankings(rankings: dict[str, list[str]], gold: dict[str, set[str]]) -> tuple[int, dict[int, float], float]:
    """(claims scored, recall at each k, MRR) of document rankings against the gold documents."""
    hits = {k: 0 for k in KS}
    reciprocal = 0.0
    scored = 0
    for claim, docs in gold.items():
        if not docs:
            continue
        scored += 1
        ranking = rankings.get(claim, [])
        rank = next((i for i, d in enumerate(ranking) if d in docs), None)
        if rank is None:
            continue
        reciprocal += 1.0 / (rank + 1)
        for k in KS:
            hits[k] += rank < k
    if not scored:
        return 0, {k: 0.0 for k in KS}, 0.0
    return scored, {k: hits[k] / scored for k in KS}, reciprocal / scored


def split_index(folder: Path, config: Config, progress: bool = False):
    """The suite's index of a converted split (``folder/idx``), built on first use."""
    import vericlaim

    index = folder / "idx"
    if not (index / "manifest.json").exists():
        vericlaim.build_index(folder / "corpus.jsonl", index, config, progress=progress)
    return vericlaim.load_index(index, config)


def evaluate_split(split: Split, cache: Path, config: Config, modes: tuple[str, ...], queries: tuple[str, ...],
                   shared: Path = DEFAULT_SHARED, progress: bool = False) -> list[RetrievalScore]:
    """Score every (mode, query form) on one split, with the split's cached suite index."""
    from vericlaim.eval.data_defects import misaligned_claims
    from vericlaim.models.embedder import load_embedder
    from vericlaim.retrieval.search import rank_passages

    folder = prepare(split, cache, shared)
    gold = gold_documents(split, folder, shared)
    rows = read_jsonl(folder / "gold.jsonl")
    misaligned = misaligned_claims(split, shared)
    aligned_gold = {c: d for c, d in gold.items() if c not in misaligned}
    store = split_index(folder, config, progress)
    doc_of_row = store.passages["doc_id"].tolist()
    embedder = load_embedder(config.embedding_model)
    fetch = MAX_RANK * 8
    scores = []
    for query_form in queries:
        texts = query_texts(folder, rows, query_form)
        vectors = embedder.encode(texts)
        for mode in modes:
            start = time.perf_counter()
            ranked = rank_passages(store, vectors, texts, fetch, mode, config.rrf_k, config.bm25_weight)
            rankings = {row["article"]: document_ranking([i for i, _ in r], doc_of_row)
                        for row, r in zip(rows, ranked, strict=True)}
            n, recall, mrr = score_rankings(rankings, gold)
            seconds = time.perf_counter() - start
            scores.append(RetrievalScore(split.name, mode, query_form, n, recall, mrr, seconds))
            if misaligned:  # the same ranking, on the claims whose gold evidence is really theirs
                n, recall, mrr = score_rankings(rankings, aligned_gold)
                scores.append(RetrievalScore(f"{split.name} (aligned rows)", mode, query_form, n, recall, mrr,
                                             seconds))
            if progress:
                print(f"  {split.name} {mode} {query_form}: R@5 {recall[5]:.3f}", file=sys.stderr)
    return scores


def markdown(scores: list[RetrievalScore]) -> str:
    lines = ["| split | mode | query | claims | R@1 | R@5 | R@20 | MRR |", "|---|---|---|---|---|---|---|---|"]
    for s in scores:
        lines.append(f"| {s.split} | {s.mode} | {s.query} | {s.claims} | {s.recall[1]:.3f} | "
                     f"{s.recall[5]:.3f} | {s.recall[20]:.3f} | {s.mrr:.3f} |")
    return "\n".join(lines)


def run(args, config: Config) -> int:
    """``vericlaim eval retrieval``: the table for the chosen sets and splits."""
    from vericlaim.eval.real_sets import SPLITS, available

    shared = Path(args.shared or DEFAULT_SHARED)
    cache = Path(args.cache or "out/real")
    wanted = set((args.sets or ",".join(s.set_name for s in SPLITS)).split(","))
    splits = [s for s in available(shared) if s.set_name in wanted
              and (not args.split or args.split == "all" or s.split == args.split)]
    if not splits:
        print(f"error: no real sets found under {shared} (see ../shared/README.md)", file=sys.stderr)
        return 2
    modes = tuple(args.modes.split(",")) if getattr(args, "modes", None) else ("dense", "bm25", "hybrid")
    queries = tuple(args.queries.split(",")) if getattr(args, "queries", None) else ("claim",)
    for q in queries:
        if q not in QUERY_FORMS:
            print(f"error: query form {q!r}: choose from {', '.join(QUERY_FORMS)}", file=sys.stderr)
            return 2
    scores = []
    for split in splits:
        scores += evaluate_split(split, cache, config, modes, queries, shared, progress=not args.quiet)
    if args.json:
        for s in scores:
            print(json.dumps({**replace(s, recall={str(k): v for k, v in s.recall.items()}).__dict__}))
    else:
        print(markdown(scores))
    return 0
