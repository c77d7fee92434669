"""Classification metrics without extra dependencies: accuracy, macro-F1,
per-class precision/recall/F1/support and the confusion matrix."""

from __future__ import annotations

from collections import Counter


def classification_report(gold: list[str], predicted: list[str], labels: tuple[str, ...]) -> dict:
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, predicted, strict=False):
        confusion[g][p] += 1
    per_class = {}
    for label in labels:
        tp = confusion[label][label]
        predicted_n = sum(confusion[g][label] for g in labels)
        support = sum(confusion[label].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    present = [label for label in labels if per_class[label]["support"] > 0]
    return {
        "n": len(gold),
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=False)) / len(gold) if gold else 0.0,
        "macro_f1": sum(per_class[label]["f1"] for label in present) / len(present) if present else 0.0,
        "per_class": per_class,
        "confusion": confusion,
    }


def majority_baseline(gold: list[str], labels: tuple[str, ...]) -> dict:
    """What always answering the most frequent gold label scores."""
    majority = Counter(gold).most_common(1)[0][0]
    return classification_report(gold, [majority] * len(gold), labels)


def markdown_table(name: str, report: dict, labels: tuple[str, ...]) -> str:
    lines = [f"### {name} (n={report['n']})", "",
             f"accuracy **{report['accuracy']:.4f}**, macro-F1 **{report['macro_f1']:.4f}**", "",
             "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for label in labels:
        c = report["per_class"][label]
        lines.append(f"| {label} | {c['precision']:.4f} | {c['recall']:.4f} | {c['f1']:.4f} | {c['support']} |")
    lines += ["", "confusion (rows gold, columns predicted):", "",
              "| gold \\ predicted | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
    for g in labels:
        lines.append(f"| {g} | " + " | ".join(str(report["confusion"][g][p]) for p in labels) + " |")
    return "\n".join(lines) + "\n"


def summary_table(reports: list[dict]) -> str:
    """One Markdown row per evaluated set: the table of docs/BENCHMARKS.md and the model card."""
    lines = ["| held-out set | n | accuracy | macro-F1 | P / R entail | P / R neutral | P / R contra "
             "| contra precision at threshold (coverage) | majority baseline acc / macro-F1 |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in reports:
        pc = r["per_class"]
        cells = [f"{pc[k]['precision']:.3f} / {pc[k]['recall']:.3f}" if pc[k]["support"] else "n/a"
                 for k in ("entailment", "neutral", "contradiction")]
        at = r.get("contradiction_at_threshold") or {}
        strict = (f"{at['precision']:.3f} ({at['coverage']:.3f})" if at.get("predicted") else "n/a")
        base = r["baseline"]
        name = r["data"].replace("../shared/data/", "") + (" (held-out slice)" if r.get("heldout") else "")
        lines.append(f"| {name} | {r['n']} | **{r['accuracy']:.3f}** | {r['macro_f1']:.3f} | "
                     + " | ".join(cells)
                     + f" | {strict} | {base['accuracy']:.3f} / {base['macro_f1']:.3f} |")
    return "\n".join(lines) + "\n"
