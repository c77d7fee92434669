"""Train the check-worthiness model on ClaimBuster ``train.json`` (``make checkworthy-model``).

    python -m vericlaim.claims.train_checkworthy --data train.json --out model.json

Only the training file is read. A seeded 20% of it is held out: the
regularisation strength and the decision threshold are chosen there, by F1
with the two classes weighted equally (ClaimBuster's test split and a news
desk's claim lists are not 75% chaff like the debate transcripts), and the
model fitted on the other 80% is the one shipped. scikit-learn is needed
here only (the ``dev`` extra); the result is plain JSON scored with numpy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from vericlaim.atomic import atomic_write_text
from vericlaim.claims.checkworthy import terms
from vericlaim.models.resolve import DEFAULT_EMBEDDING_MODEL

C_GRID = (0.5, 1.0, 2.0, 4.0)
MIN_DF = 2


def read_claimbuster(path: str | Path) -> tuple[list[str], np.ndarray]:
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    texts, labels = [], []
    for number, row in enumerate(rows):
        if not isinstance(row, dict) or row.get("label") not in (0, 1) or not str(row.get("text", "")).strip():
            raise ValueError(f"{path}: item {number} needs 'text' and 'label' 0/1")
        texts.append(str(row["text"]))
        labels.append(int(row["label"]))
    return texts, np.array(labels)


def fit_vocabulary(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """Terms seen in at least MIN_DF texts, with smoothed idf = ln((1+n)/(1+df)) + 1."""
    df: dict[str, int] = {}
    for text in texts:
        for term in terms(text):
            df[term] = df.get(term, 0) + 1
    vocab = sorted(t for t, n in df.items() if n >= MIN_DF)
    n = len(texts)
    idf = np.array([np.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab])
    return vocab, idf


def term_matrix(texts: list[str], vocab: list[str], idf: np.ndarray):
    from scipy.sparse import csr_matrix

    from vericlaim.claims.checkworthy import tfidf

    index = {t: i for i, t in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for row, text in enumerate(texts):
        cs, vs = tfidf(terms(text), index, idf)
        rows += [row] * len(cs)
        cols += cs.tolist()
        vals += vs.tolist()
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))


def balanced_prf(labels: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall, F1 of class 1 with both classes weighted to equal total mass."""
    pos = labels == 1
    weight = np.where(pos, (~pos).sum() / max(pos.sum(), 1), 1.0)
    tp = float(weight[pos & (predicted == 1)].sum())
    fp = float(weight[~pos & (predicted == 1)].sum())
    fn = float(weight[pos & (predicted == 0)].sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def best_threshold(labels: np.ndarray, scores: np.ndarray) -> tuple[float, tuple[float, float, float]]:
    grid = [round(t, 2) for t in np.arange(0.05, 0.951, 0.01)]
    results = [(balanced_prf(labels, (scores >= t).astype(int)), t) for t in grid]
    prf, threshold = max(results, key=lambda r: (r[0][2], -abs(r[1] - 0.5)))
    return threshold, prf


def train(data: str | Path, seed: int = 0, holdout: float = 0.2, progress: bool = True) -> dict:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    from vericlaim.models.embedder import load_embedder

    texts, labels = read_claimbuster(data)
    order = np.random.RandomState(seed).permutation(len(texts))
    cut = int(len(texts) * holdout)
    held, fit = order[:cut], order[cut:]
    embeddings = load_embedder(DEFAULT_EMBEDDING_MODEL).encode(texts, batch_size=128, progress=progress, cache=False)
    vocab, idf = fit_vocabulary([texts[i] for i in fit])
    terms_all = term_matrix(texts, vocab, idf)
    features = hstack([terms_all, csr_matrix(embeddings)]).tocsr()
    best = None
    for c in C_GRID:
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        model.fit(features[fit], labels[fit])
        scores = model.predict_proba(features[held])[:, 1]
        threshold, prf = best_threshold(labels[held], scores)
        print(f"C={c}: held-out balanced P/R/F1 {prf[0]:.3f}/{prf[1]:.3f}/{prf[2]:.3f} at {threshold}",
              file=sys.stderr)
        if best is None or prf[2] > best[2][2]:
            best = (c, threshold, prf, model)
    c, threshold, prf, model = best
    weights = model.coef_[0]
    return {
        "format": "vericlaim-checkworthy-1",
        "embedding_model": DEFAULT_EMBEDDING_MODEL,
        "terms": vocab,
        "idf": [round(float(x), 6) for x in idf],
        "term_weights": [round(float(x), 6) for x in weights[: len(vocab)]],
        "embedding_weights": [round(float(x), 6) for x in weights[len(vocab):]],
        "bias": float(model.intercept_[0]),
        "threshold": threshold,
        "meta": {
            "data": Path(data).name,
            "data_sha256": hashlib.sha256(Path(data).read_bytes()).hexdigest(),
            "sentences": len(texts), "positives": int(labels.sum()),
            "fit": len(fit), "held_out": len(held), "seed": seed, "C": c, "min_df": MIN_DF,
            "held_out_balanced": {"precision": round(prf[0], 4), "recall": round(prf[1], 4),
                                  "f1": round(prf[2], 4), "threshold": threshold},
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="ClaimBuster train.json (never test.json)")
    parser.add_argument("--out", required=True, help="model JSON to write")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if Path(args.data).name.startswith("test"):
        parser.error("train on train.json only: the test split is for measuring")
    model = train(args.data, args.seed)
    atomic_write_text(args.out, json.dumps(model, ensure_ascii=False, separators=(",", ":")))
    print(f"wrote {args.out} ({Path(args.out).stat().st_size // 1024} KiB): {json.dumps(model['meta'])}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
