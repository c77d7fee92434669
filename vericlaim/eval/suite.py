"""``vericlaim eval suite``: verdict quality on real fact-checks, dev and held-out apart.

For each set/split of :mod:`vericlaim.eval.real_sets`:

1. the corpus is indexed once (``CACHE/<split>/idx``);
2. every gold claim is checked **as written** (its text is known), so the verdict
   metrics measure verification, not detection. Whether claim detection would
   have found the claim in its statement is measured apart ("share found");
3. retrieval + NLI (the slow part) are cached as JSON per configuration, so
   re-deciding with new rules or a new calibration takes seconds;
4. accuracy, macro-F1 over the classes present, per-class precision/recall,
   contradicted precision, ECE and seconds are reported, dev and held-out apart.

``--fit`` fits the confidence calibration (and nothing else) on the dev splits
and writes it to ``vericlaim/calibration.json`` before scoring.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path

from vericlaim.config import Config
from vericlaim.eval.metrics import classification_report
from vericlaim.eval.real_sets import DEFAULT_SHARED, SET_NAMES, Split, available, prepare
from vericlaim.records import Claim, Document, Evidence, Passage
from vericlaim.verify import CONTRADICTED, SUPPORTED, UNVERIFIED, decide

VERDICTS = (SUPPORTED, CONTRADICTED, UNVERIFIED)
DEFAULT_CACHE = Path("out/real")
SEED = 13
# Claim detection (with its learned check-worthiness) costs about 0.3 s a statement on 2 cores,
# so "share found" is measured on a seeded sample of this many gold claims per split.
DETECTION_SAMPLE = 100


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_claims(folder: Path, limit: int = 0) -> tuple[list[dict], list[Claim]]:
    """Gold rows (a seeded sample of ``limit`` when set) and their claims as written."""
    from vericlaim.claims import extract_quantities
    from vericlaim.claims.detect import claim_types

    gold = _read_jsonl(folder / "gold.jsonl")
    if limit and len(gold) > limit:
        keep = set(random.Random(SEED).sample(range(len(gold)), limit))
        gold = [g for i, g in enumerate(gold) if i in keep]
    from vericlaim.eval.retrieval import claim_contexts

    dates = {row["id"]: row.get("date", "") for row in _read_jsonl(folder / "claims.jsonl")}
    contexts = claim_contexts(folder)  # what a claim list's context column would hold
    claims = []
    for number, row in enumerate(gold):
        text, date = row["claim"], dates.get(row["article"], "")
        quantities = tuple(extract_quantities(text, date))
        claims.append(Claim(row["article"], f"{row['article']}:g{number}", text, 0, len(text),
                            claim_types(text, quantities), quantities, date,
                            context=contexts.get(row["article"], "")))
    return gold, claims


def _detection_key() -> str:
    """Claim detection's source files: the cached "share found" is redone when they change."""
    import vericlaim.claims as package

    digest = hashlib.sha1()
    for path in sorted(Path(package.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def share_found(folder: Path, gold: list[dict]) -> float:
    """Share of gold claims that claim detection finds in their statement (a seeded sample; cached)."""
    from vericlaim.claims import extract_claims

    path = folder / f"found-{_detection_key()}.json"
    found = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    statements = {row["id"]: row for row in _read_jsonl(folder / "claims.jsonl")}
    if len(gold) > DETECTION_SAMPLE:
        gold = random.Random(SEED).sample(gold, DETECTION_SAMPLE)
    for row in gold:
        key = row["article"] + "\t" + row["claim"]
        if key not in found:
            doc_row = statements.get(row["article"], {})
            doc = Document(row["article"], doc_row.get("title", ""), doc_row.get("text", row["claim"]),
                           doc_row.get("source", ""), doc_row.get("date", ""))
            found[key] = _norm(row["claim"]) in {_norm(c.text) for c in extract_claims(doc)}
    path.write_text(json.dumps(found), encoding="utf-8")
    return sum(found[r["article"] + "\t" + r["claim"]] for r in gold) / len(gold) if gold else 0.0


def _cache_key(config: Config, limit: int) -> str:
    parts = [config.embedding_model, config.nli_model, config.nli_backend, config.top_k,
             config.min_retrieval_score, config.max_length, config.passage_sentences,
             config.passage_stride, config.evidence_until, config.undated, limit]
    if config.retrieval != "dense":  # dense-only keys stay as they were, so their caches still apply
        parts += [config.retrieval, config.rrf_k, config.bm25_weight, config.context_query]
    return hashlib.sha1(json.dumps(parts).encode()).hexdigest()[:12]


def _dump(evidence: list[list[Evidence]]) -> list:
    return [[[e.passage.doc_id, e.passage.passage_id, e.passage.text, e.passage.start, e.passage.end,
              e.doc.title, e.doc.source, e.doc.date, e.doc.url, e.score, e.entailment,
              e.contradiction, e.neutral] for e in found] for found in evidence]


def _load(rows: list) -> list[list[Evidence]]:
    out = []
    for found in rows:
        out.append([Evidence(Passage(r[0], r[1], r[2], r[3], r[4]), Document(r[0], r[5], "", r[6], r[7], r[8]),
                             r[9], r[10], r[11], r[12]) for r in found])
    return out


def evidence_for(split: Split, cache: Path, config: Config, limit: int = 0, progress: bool = False,
                 shared: Path = DEFAULT_SHARED, detection: bool = True) -> dict:
    """Gold, claims and their scored evidence for one split (cached)."""
    import vericlaim
    from vericlaim.pipeline import gather_evidence

    folder = prepare(split, cache, shared)
    gold, claims = gold_claims(folder, limit)
    if not config.evidence_until and any(c.article_date for c in claims):
        # claims that carry dates are checked only against what was published by then
        from dataclasses import replace as _replace

        config = _replace(config, evidence_until="article")
    path = folder / f"evidence-{_cache_key(config, limit)}.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        evidence, seconds = _load(data["evidence"]), data["seconds"]
    else:
        start = time.perf_counter()
        index = folder / "idx"
        if not (index / "manifest.json").exists():
            vericlaim.build_index(folder / "corpus.jsonl", index, config, progress=progress)
        store = vericlaim.load_index(index, config)
        evidence = []
        for i in range(0, len(claims), 64):
            evidence += gather_evidence(claims[i:i + 64], store, config)
            if progress:
                print(f"  {split.name}: {min(i + 64, len(claims))}/{len(claims)} claims", file=sys.stderr)
        seconds = time.perf_counter() - start
        path.write_text(json.dumps({"seconds": seconds, "evidence": _dump(evidence)}), encoding="utf-8")
    # The numeric-alignment check depends on the claims' quantities (and the run's threshold),
    # not only on retrieval + NLI, so it is redone on every run over the cached evidence.
    from dataclasses import replace

    from vericlaim.pipeline import align_numeric_conflicts

    evidence = [[replace(e, aligned_entailment=None, numbers_aligned=None) for e in found_ev]
                for found_ev in evidence]
    evidence = align_numeric_conflicts(claims, evidence, config)
    found = share_found(folder, gold) if detection else None
    return {"split": split, "gold": gold, "claims": claims, "evidence": evidence,
            "share_found": found, "seconds": seconds}


def aligned_subsets(datas: list[dict], shared: Path = DEFAULT_SHARED) -> list[dict]:
    """For a split with claims whose gold evidence belongs to another claim (vericlaim.eval.data_defects),
    the same split restricted to its other claims, reported beside it (never tuned or pooled on)."""
    from dataclasses import replace

    from vericlaim.eval.data_defects import misaligned_claims

    subsets = []
    for data in datas:
        bad = misaligned_claims(data["split"], shared)
        if not bad:
            continue
        keep = [i for i, g in enumerate(data["gold"]) if g["article"] not in bad]
        subsets.append({**data, "subset": True,
                        "split": replace(data["split"], upstream=f"{data['split'].upstream}, aligned rows"),
                        **{key: [data[key][i] for i in keep] for key in ("gold", "claims", "evidence")}})
    return subsets


def ece(correct: list[bool], confidences: list[float], bins: int = 10) -> float:
    """Expected calibration error over equal-width confidence bins."""
    if not correct:
        return 0.0
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [(k, c) for k, c in zip(correct, confidences, strict=True)
                   if low <= c < high or (b == bins - 1 and c == 1.0)]
        if members:
            accuracy = sum(k for k, _ in members) / len(members)
            mean = sum(c for _, c in members) / len(members)
            total += len(members) / len(correct) * abs(accuracy - mean)
    return total


def reliability(correct: list[bool], confidences: list[float], bins: int = 10) -> list[dict]:
    table = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [(k, c) for k, c in zip(correct, confidences, strict=True)
                   if low <= c < high or (b == bins - 1 and c == 1.0)]
        table.append({"bin": f"{low:.1f}-{high:.1f}", "n": len(members),
                      "confidence": sum(c for _, c in members) / len(members) if members else None,
                      "accuracy": sum(k for k, _ in members) / len(members) if members else None})
    return table


def score_split(data: dict, config: Config, decider=decide) -> dict:
    verdicts = [decider(c, ev, config) for c, ev in zip(data["claims"], data["evidence"], strict=True)]
    labels = [g["label"] for g in data["gold"]]
    predicted = [v.label for v in verdicts]
    report = classification_report(labels, predicted, VERDICTS)
    correct = [g == p for g, p in zip(labels, predicted, strict=True)]
    confidences = [v.confidence for v in verdicts]
    contra = report["per_class"][CONTRADICTED]
    predicted_contra = sum(p == CONTRADICTED for p in predicted)
    split = data["split"]
    codes: dict[str, int] = {}
    for v in verdicts:
        codes[v.reason_code] = codes.get(v.reason_code, 0) + 1
    report.update({
        "set": split.set_name, "split": split.split, "upstream_split": split.upstream,
        "share_found": data["share_found"], "seconds": data["seconds"],
        "contradicted_precision": contra["precision"] if predicted_contra else None,
        "contradicted_predicted": predicted_contra,
        "ece": ece(correct, confidences), "reason_codes": codes,
        "_correct": correct, "_confidences": confidences, "_verdicts": verdicts,
        "subset": bool(data.get("subset")),
    })
    return report


def _fmt(value, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def markdown(reports: list[dict]) -> str:
    lines = []
    for split_kind, title in (("heldout", "Held-out splits"), ("dev", "Dev splits (tuned and calibrated on)")):
        rows = [r for r in reports if r["split"] == split_kind]
        if not rows:
            continue
        lines += [f"### {title}", "",
                  "| set | split | claims | share found (sample of 100) | accuracy | macro-F1 | P / R supported "
                  "| P / R contradicted | P / R unverified | contradicted precision | ECE | seconds |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in rows:
            pc = r["per_class"]
            cells = [f"{pc[k]['precision']:.3f} / {pc[k]['recall']:.3f}" if pc[k]["support"] else
                     (f"({sum(r['confusion'][g][k] for g in VERDICTS)} predicted)") for k in VERDICTS]
            cp = (_fmt(r["contradicted_precision"]) + f" ({r['contradicted_predicted']})"
                  if pc[CONTRADICTED]["support"] else f"no gold ({r['contradicted_predicted']} predicted)")
            lines.append(f"| {r['set']} | {r['upstream_split']} | {r['n']} | {_fmt(r['share_found'])} | "
                         f"{r['accuracy']:.3f} | **{r['macro_f1']:.3f}** | " + " | ".join(cells)
                         + f" | {cp} | {r['ece']:.3f} | {r['seconds']:.0f} |")
        lines.append("")
    return "\n".join(lines)


def reliability_markdown(reports: list[dict], split_kind: str = "heldout") -> str:
    rows = [r for r in reports if r["split"] == split_kind and not r["subset"]]  # each claim once
    correct = [k for r in rows for k in r["_correct"]]
    conf = [c for r in rows for c in r["_confidences"]]
    lines = [f"Reliability, all {split_kind} splits pooled (n={len(correct)}, ECE {ece(correct, conf):.3f}):", "",
             "| confidence | verdicts | mean confidence | share correct |", "|---|---|---|---|"]
    for b in reliability(correct, conf):
        if b["n"]:
            lines.append(f"| {b['bin']} | {b['n']} | {b['confidence']:.3f} | {b['accuracy']:.3f} |")
    return "\n".join(lines) + "\n"


def public(report: dict) -> dict:
    return {k: v for k, v in report.items() if not k.startswith("_")}


def run(args, config: Config) -> int:
    cache = Path(args.cache or DEFAULT_CACHE)
    cache.mkdir(parents=True, exist_ok=True)
    shared = Path(args.shared or DEFAULT_SHARED)
    wanted = set(args.sets.split(",")) if args.sets else set(SET_NAMES)
    splits = [s for s in available(shared) if s.set_name in wanted
              and (args.split in (None, "all") or s.split == args.split)]
    if not splits:
        print(f"vericlaim: error: no real sets found under {shared}", file=sys.stderr)
        return 2
    progress = not args.quiet
    datas = []
    for split in splits:
        if progress:
            print(f"suite: {split.name}", file=sys.stderr)
        datas.append(evidence_for(split, cache, config, args.limit or 0, progress, shared,
                                  detection=not args.no_detection))
    if args.tune:
        config = _tune_and_write(datas, config, progress)
    if args.fit:
        from vericlaim.calibration import fit_and_write

        dev = [d for d in datas if d["split"].split == "dev"]
        path = fit_and_write(dev, config)
        print(f"suite: calibration fitted on {len(dev)} dev splits, written to {path}", file=sys.stderr)
        from vericlaim.calibration import load_calibration
        load_calibration.cache_clear()
    if args.no_attribution:
        from dataclasses import replace

        config = replace(config, attribution_aware=False)
    reports = [score_split(d, config) for d in datas + aligned_subsets(datas, shared)]
    if args.json:
        print(json.dumps({"splits": [public(r) for r in reports], "limit": args.limit or 0,
                          "nli_model": config.nli_model}))
    else:
        print(markdown(reports))
        for kind in ("heldout", "dev"):
            if any(r["split"] == kind for r in reports):
                print(reliability_markdown(reports, kind))
    return 0


RULE_GRID = {
    "entail_threshold": (0.7, 0.8, 0.9),
    "entail_margin": (0.0, 0.2),
    "contradict_threshold": (0.9, 0.95, 0.98),
    "contradict_min_relevance": (0.55, 0.6, 0.65, 0.7),
}
MIN_CONTRADICTED_PRECISION = 0.8


def _labels(datas: list[dict], config: Config) -> list[list[str]]:
    from vericlaim.verify import decide_raw

    return [[decide_raw(c, ev, config)[0].label for c, ev in zip(d["claims"], d["evidence"], strict=True)]
            for d in datas]


def rule_objective(datas: list[dict], predicted: list[list[str]]) -> tuple[float, float]:
    """(mean macro-F1 over the splits, pooled contradicted precision over all of them)."""
    f1s, hits, calls = [], 0, 0
    for d, labels in zip(datas, predicted, strict=True):
        gold = [g["label"] for g in d["gold"]]
        f1s.append(classification_report(gold, labels, VERDICTS)["macro_f1"])
        calls += sum(p == CONTRADICTED for p in labels)
        hits += sum(p == CONTRADICTED and g == CONTRADICTED for g, p in zip(gold, labels, strict=True))
    return sum(f1s) / len(f1s), (hits / calls if calls else 1.0)


def tune_rules(datas: list[dict], config: Config, guard: dict | None = None) -> tuple[Config, dict]:
    """The thresholds with the best mean dev macro-F1 whose pooled contradicted precision is >= 0.8.

    When no setting reaches 0.8, the one with the highest contradicted precision wins (a false
    accusation is the costliest error), then macro-F1.

    ``guard``: {"gold", "claims", "evidence"} of the in-repo dev set, whose macro-F1 must not
    fall below its value under ``config`` (the shipped behaviour must not get worse).
    Ties go to the more cautious setting (higher contradiction threshold, then entailment).
    """
    import itertools
    from dataclasses import replace

    from vericlaim.eval.verify import score as score_repo

    floor = score_repo(guard["gold"], guard["claims"], guard["evidence"], config)["macro_f1"] if guard else None
    best, best_key, record = config, None, {}
    for values in itertools.product(*RULE_GRID.values()):
        candidate = replace(config, **dict(zip(RULE_GRID, values, strict=True)))
        f1, precision = rule_objective(datas, _labels(datas, candidate))
        reached = precision >= MIN_CONTRADICTED_PRECISION
        key = (reached, round(f1, 4) if reached else round(precision, 4), round(f1, 4),
               candidate.contradict_threshold, candidate.entail_threshold)
        if best_key is not None and key <= best_key:
            continue
        if guard and score_repo(guard["gold"], guard["claims"], guard["evidence"], candidate)["macro_f1"] < floor - 1e-9:
            continue
        best, best_key = candidate, key
        record = {"dev_mean_macro_f1": f1, "dev_contradicted_precision": precision, "in_repo_dev_floor": floor}
    return best, record


def _tune_and_write(datas: list[dict], config: Config, progress: bool) -> Config:
    """Choose the verdict thresholds on the dev splits (guarded by the in-repo dev set); write them."""
    from dataclasses import replace

    from vericlaim.atomic import atomic_write_text
    from vericlaim.config import TUNED_FILE
    from vericlaim.eval import verify as repo

    dev = [d for d in datas if d["split"].split == "dev"]
    claims, evidence = repo.collect(repo.DEV_DATA / "articles.jsonl", repo.DEV_DATA / "corpus", config)
    guard = {"gold": repo.read_gold(repo.DEV_DATA / "gold.jsonl"), "claims": claims, "evidence": evidence}
    tuned, record = tune_rules(dev, config, guard)
    thresholds = {name: getattr(tuned, name) for name in RULE_GRID}
    atomic_write_text(TUNED_FILE, json.dumps({
        "thresholds": thresholds, "nli_model": config.nli_model,
        "tuned_on": sorted(f"{d['split'].set_name}:{d['split'].upstream}" for d in dev),
        "rule": "best mean dev macro-F1 with pooled contradicted precision >= 0.8 (else the highest "
                "contradicted precision), in-repo dev macro-F1 not below its previous value",
        **record}, indent=2) + "\n")
    if progress:
        print(f"suite: thresholds {thresholds} written to {TUNED_FILE}", file=sys.stderr)
    return replace(config, **thresholds)
