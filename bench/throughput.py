"""Throughput benchmark: index build, end-to-end check, and a naive baseline.

Builds N synthetic reports and M articles (seeded), then in one process:
(a) index build passages/s, (b) ``check`` claims/min at k=5, (c) the same
claims checked naively: one transformers forward per claim/passage pair, no
batching, no deduplication. Reports medians over repeats, the ratio
ours/naive, and peak RSS. Model loading is excluded from every timing (it
is paid once per process and measured separately).

    python bench/throughput.py --reports 400 --articles 60 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PLACES = ["Marsel", "Brenn", "Varsk", "Terin", "Dovra", "Qasra", "Lask", "Tamsin", "Orvin", "Heska"]
OUTLETS = ["Northern Wire", "Varan Gazette", "Border Dispatch", "Capital Post", "Heska Herald"]
GROUPS = ["soldiers", "fighters", "civilians", "people", "police officers"]
EVENTS = ["killed", "wounded"]
THINGS = ["rockets", "drones", "missiles", "shells"]
TEMPLATES = [
    "{n} {group} were {event} in an attack near {place} on {day}.",
    "About {n} {thing} struck a base outside {place}, officials said.",
    "The army sent {big} troops to {place} after the clashes.",
    "Aid agencies delivered food to {n} villages around {place}.",
    "The governor of {place} condemned the attack and ordered an inquiry.",
    "Residents of {place} said the fighting lasted {n} hours.",
    "A convoy of {n} trucks reached {place} carrying medical supplies.",
    "The militia denied any role in the shelling of {place}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        n=rng.randint(2, 90), big=rng.choice([300, 600, 1200, 2500]), group=rng.choice(GROUPS),
        event=rng.choice(EVENTS), thing=rng.choice(THINGS), place=rng.choice(PLACES), day=rng.choice(DAYS))


def make_corpus(folder: Path, reports: int, articles: int, seed: int) -> tuple[Path, Path]:
    rng = random.Random(seed)
    report_dir, article_dir = folder / "reports", folder / "articles"
    report_dir.mkdir(parents=True)
    article_dir.mkdir(parents=True)
    for i in range(reports):
        day = rng.randint(1, 28)
        body = " ".join(_sentence(rng) for _ in range(rng.randint(5, 9)))
        (report_dir / f"r{i:05d}.txt").write_text(
            f"Report {i}\n{rng.choice(PLACES)}, {day} March 2021 ({rng.choice(OUTLETS)}) - {body}\n")
    for i in range(articles):
        body = "\n\n".join(_sentence(rng) for _ in range(rng.randint(4, 7)))
        (article_dir / f"a{i:04d}.txt").write_text(f"Article {i}\n{body}\n")
    return report_dir, article_dir


def naive_check(claims, store, config, limit: int, nli_model: str) -> tuple[int, float]:
    """One torch forward per (claim, passage) pair: what a first attempt would do."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from vericlaim.models.embedder import load_embedder
    from vericlaim.models.resolve import resolve_model
    from vericlaim.retrieval import search

    path = resolve_model(nli_model, "nli")
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(path, dtype=torch.float32).eval()
    embedder = load_embedder(config.embedding_model)
    subset = claims[:limit]
    started = time.perf_counter()
    with torch.inference_mode():
        for claim in subset:
            vector = embedder.encode([claim.text], cache=False)  # a first attempt caches nothing
            for passage, _doc, _score in search(store, [claim], vector, config.top_k)[0]:
                encoded = tokenizer(passage.text, claim.text, return_tensors="pt", truncation=True)
                model(**encoded).logits.softmax(-1)
    return len(subset), time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--naive-claims", type=int, default=60, help="claims timed for the naive baseline")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--nli-model", default=None)
    parser.add_argument("--nli-backend", choices=["auto", "torch", "onnx"], default="auto",
                        help="auto: the default configuration (the cached, checked ONNX export); torch; "
                             "onnx: export to a temporary folder, e.g. with --int8 "
                             "(the naive baseline always runs the torch model)")
    parser.add_argument("--int8", action="store_true", help="with --nli-backend onnx: int8-quantise the export")
    parser.add_argument("--retrieval", choices=["dense", "bm25", "hybrid"], default=None,
                        help="retrieval mode of `check` (default: the configuration's, hybrid); the naive "
                             "baseline always searches dense vectors only")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    import torch

    import vericlaim
    from vericlaim.claims import extract_claims
    from vericlaim.corpora import read_documents
    from vericlaim.models.embedder import load_embedder
    from vericlaim.models.loader import load_nli
    from vericlaim.pipeline import check_documents
    from vericlaim.records import Document

    config = vericlaim.Config.from_env(nli_model=args.nli_model, nli_backend=args.nli_backend,
                                       retrieval=args.retrieval)
    torch_model = config.nli_model
    with tempfile.TemporaryDirectory() as tmp:
        if args.nli_backend == "onnx":
            from dataclasses import replace

            from vericlaim.models.onnx_backend import export_onnx

            folder = export_onnx(config.nli_model, Path(tmp) / "nli-onnx", quantize=args.int8)
            config = replace(config, nli_model=str(folder), nli_backend="onnx")
        started = time.perf_counter()
        load_embedder(config.embedding_model)
        scorer = load_nli(config.nli_model, config.max_length, config.nli_backend)
        load_seconds = time.perf_counter() - started

        reports, articles = make_corpus(Path(tmp), args.reports, args.articles, args.seed)
        build_rates, check_rates, naive_rates = [], [], []
        for repeat in range(args.repeats):
            index = Path(tmp) / f"idx{repeat}"
            t0 = time.perf_counter()
            summary = vericlaim.build_index(reports, index, config)
            build_rates.append(summary.passages_added / (time.perf_counter() - t0))
            store = vericlaim.load_index(index, config)
            docs = [d for d in read_documents(articles) if isinstance(d, Document)]
            t0 = time.perf_counter()
            n_claims = sum(len(rows) for _, rows in check_documents(docs, store, config))
            check_rates.append(n_claims / (time.perf_counter() - t0) * 60)
            claims = [c for d in docs for c in extract_claims(d)]
            n, seconds = naive_check(claims, store, config, args.naive_claims, torch_model)
            naive_rates.append(n / seconds * 60)
            print(f"repeat {repeat + 1}: build {build_rates[-1]:.0f} passages/s, check "
                  f"{check_rates[-1]:.0f} claims/min, naive {naive_rates[-1]:.0f} claims/min", file=sys.stderr)
    result = {
        "reports": args.reports, "passages": summary.passages_added, "articles": args.articles,
        "claims": n_claims, "top_k": config.top_k, "threads": torch.get_num_threads(),
        "model_load_seconds": round(load_seconds, 2),
        "index_build_passages_per_s": round(statistics.median(build_rates), 1),
        "check_claims_per_min": round(statistics.median(check_rates), 1),
        "naive_claims_per_min": round(statistics.median(naive_rates), 1),
        "speedup_vs_naive": round(statistics.median(check_rates) / statistics.median(naive_rates), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "retrieval": config.retrieval, "nli_model": torch_model, "nli_backend": args.nli_backend + (" int8" if args.int8 else ""),
        "nli_runtime": scorer.backend,
        "repeats": args.repeats,
    }
    print("| metric | value |\n|---|---|")
    for key, value in result.items():
        print(f"| {key} | {value} |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
