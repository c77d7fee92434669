"""Verdict confidence as the probability that the verdict is right.

``decide`` gives each verdict a raw strength (the deciding NLI probability, or
for "unverified" one minus the strongest signal). How often verdicts of a kind
are right depends on the kind: a numeric conflict is right far more often than
an NLI-only contradiction. So the mapping is fitted per (label, reason code):
Platt scaling, ``P(right) = 1 / (1 + exp(-(a * logit(raw) + b)))``, on the real
dev splits by ``vericlaim eval suite --fit``, and stored as JSON (no pickle).
Groups with too few dev verdicts share their label's mapping; a label never
seen falls back to the raw strength.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).parent / "calibration.json"
MIN_GROUP = 25  # dev verdicts needed to fit a (label, reason code) group of its own


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _platt(xs: list[float], ys: list[bool], ws: list[float]) -> tuple[float, float]:
    """Weighted logistic regression of y on logit(x) (Newton steps, light L2 on a)."""
    import numpy as np

    x = np.array([_logit(v) for v in xs])
    y = np.array(ys, dtype=float)
    w = np.array(ws, dtype=float)
    w = w / w.mean()
    # Laplace-style smoothing: one right and one wrong pseudo-verdict at the mean.
    x, y, w = np.append(x, [x.mean(), x.mean()]), np.append(y, [1.0, 0.0]), np.append(w, [1.0, 1.0])
    a, b = 0.0, 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(a * x + b)))
        g = np.array([np.sum(w * (p - y) * x) + 0.1 * a, np.sum(w * (p - y))])
        h11 = np.sum(w * p * (1 - p) * x * x) + 0.1
        h12 = np.sum(w * p * (1 - p) * x)
        h22 = np.sum(w * p * (1 - p)) + 1e-9
        det = h11 * h22 - h12 * h12
        if det <= 1e-12:
            break
        step_a = (h22 * g[0] - h12 * g[1]) / det
        step_b = (h11 * g[1] - h12 * g[0]) / det
        a, b = a - step_a, b - step_b
        if abs(step_a) + abs(step_b) < 1e-8:
            break
    return float(a), float(b)


def fit(samples: list[tuple[str, str, float, bool, float]]) -> dict:
    """``samples``: (label, reason_code, raw, right, weight) of dev verdicts -> mapping."""
    groups: dict[str, list] = {}
    for label, code, raw, right, weight in samples:
        groups.setdefault(f"{label}/{code}", []).append((raw, right, weight))
        groups.setdefault(label, []).append((raw, right, weight))
    mapping = {}
    for key, rows in sorted(groups.items()):
        if "/" in key and len(rows) < MIN_GROUP:
            continue
        a, b = _platt([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
        mapping[key] = {"a": round(a, 5), "b": round(b, 5), "n": len(rows),
                        "right": round(sum(r[1] for r in rows) / len(rows), 4)}
    return mapping


@lru_cache(maxsize=8)
def load_calibration(path: str = "", nli_model: str = "") -> dict:
    """The fitted mapping, or {} when missing or fitted for another NLI model."""
    file = Path(path) if path else CALIBRATION_FILE
    if not file.is_file():
        return {}
    data = json.loads(file.read_text(encoding="utf-8"))
    if nli_model and data.get("nli_model") and data["nli_model"] != nli_model:
        return {}
    return data.get("groups", {})


def calibrate(label: str, code: str, raw: float, path: str = "", nli_model: str = "") -> float:
    groups = load_calibration(path, nli_model)
    group = groups.get(f"{label}/{code}") or groups.get(label)
    if not group:
        return round(raw, 4)
    return round(1 / (1 + math.exp(-(group["a"] * _logit(raw) + group["b"]))), 4)


def fit_and_write(datas: list[dict], config) -> Path:
    """Fit on the dev splits of the suite (each set weighs the same) and write the JSON."""
    from vericlaim.atomic import atomic_write_text
    from vericlaim.verify import decide_raw

    samples = []
    for data in datas:
        weight = 1.0 / max(1, len(data["gold"]))
        for gold, claim, evidence in zip(data["gold"], data["claims"], data["evidence"], strict=True):
            verdict, raw = decide_raw(claim, evidence, config)
            samples.append((verdict.label, verdict.reason_code, raw, verdict.label == gold["label"], weight))
    record = {
        "nli_model": config.nli_model,
        "fitted_on": sorted(f"{d['split'].set_name}:{d['split'].upstream}" for d in datas),
        "method": "Platt scaling of the raw verdict strength per (label, reason code), sets weighted equally",
        "groups": fit(samples),
    }
    target = Path(config.calibration_file) if config.calibration_file else CALIBRATION_FILE
    atomic_write_text(target, json.dumps(record, indent=1) + "\n")
    return target
