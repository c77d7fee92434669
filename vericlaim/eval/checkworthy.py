"""``vericlaim eval checkworthy``: how well claim detection finds what is worth checking.

Two measures, both through the same detector ``vericlaim claims`` uses:

- ``--data FILE.json`` (ClaimBuster sentences, ``text`` + ``label`` 0/1): each
  sentence is one document; it counts as flagged when it gives a claim row.
  Prints precision, recall and F1 of the check-worthy class, for the whole
  detector (rules + learned cut) and for the learned score alone.
- ``--claims gold.jsonl --articles claims.jsonl`` (a real set converted by its
  ``to_vericlaim.py``): the share of gold claims that come out as a claim row
  of their article with the same text, as ``eval verify`` matches them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from vericlaim.records import Document


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _prf(gold: list[int], predicted: list[int]) -> dict:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(gold), "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def claimbuster(path: str | Path, min_checkworthiness: float | None = None) -> dict:
    """Detector and model-alone P/R/F1 on a ClaimBuster-format JSON file."""
    from vericlaim.claims.checkworthy import load_checkworthy
    from vericlaim.claims.detect import extract_claims

    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    texts = [str(r["text"]) for r in rows]
    gold = [int(r["label"]) for r in rows]
    model = load_checkworthy()
    cut = model.threshold if min_checkworthiness is None else min_checkworthiness
    scores = model.score(texts)
    lookup = dict(zip(texts, scores, strict=True))

    def scorer(batch: list[str]):  # the sentences were scored in one batch above
        return [lookup[t] if t in lookup else model.score([t])[0] for t in batch]

    # Debate sentences are sentences of a transcript: judged as an article's sentences are,
    # not as standalone statements (which are checked whole whatever their score).
    flagged = [int(any(True for _ in extract_claims(Document(f"cb{i}", "", t), cut, scorer, statements=False)))
               for i, t in enumerate(texts)]
    return {"file": str(path), "min_checkworthiness": cut,
            "detector": _prf(gold, flagged), "model_alone": _prf(gold, [int(s >= cut) for s in scores])}


def found_share(gold_path: str | Path, articles: str | Path, min_checkworthiness: float | None = None) -> dict:
    """Share of gold claims that detection returns, with the same text, in their article."""
    from vericlaim.claims.detect import extract_claims
    from vericlaim.corpora import read_documents

    gold = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {g["article"] for g in gold}
    found_texts: dict[str, set[str]] = {}
    for doc in read_documents(articles):
        if isinstance(doc, Document) and doc.id in wanted:
            found_texts[doc.id] = {_norm(c.text) for c in extract_claims(doc, min_checkworthiness)}
    missed = [g for g in gold if _norm(g["claim"]) not in found_texts.get(g["article"], set())]
    return {"gold": str(gold_path), "n": len(gold), "found": len(gold) - len(missed),
            "share": round(1 - len(missed) / len(gold), 4) if gold else 0.0,
            "missed_examples": [g["claim"] for g in missed[:10]]}


def run(args) -> int:
    cut = getattr(args, "min_checkworthiness", None)
    reports = []
    for path in args.data or []:
        reports.append(claimbuster(path, cut))
    if args.claims and args.articles:
        reports.append(found_share(args.claims, args.articles, cut))
    if not reports:
        print("vericlaim: error: eval checkworthy needs --data CLAIMBUSTER.json or --claims GOLD "
              "--articles ARTICLES", file=sys.stderr)
        return 2
    for report in reports:
        if args.json:
            print(json.dumps(report, ensure_ascii=False))
        elif "detector" in report:
            print(f"### {report['file']} (n={report['detector']['n']}, cut {report['min_checkworthiness']})\n\n"
                  "| scorer | precision | recall | F1 |\n|---|---|---|---|")
            for name in ("detector", "model_alone"):
                r = report[name]
                print(f"| {name.replace('_', ' ')} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")
            print()
        else:
            print(f"### {report['gold']}\n\nfound {report['found']} of {report['n']} gold claims "
                  f"(**{report['share']:.1%}**)\n")
            for text in report["missed_examples"]:
                print(f"- missed: {text[:160]}")
            print()
    return 0
