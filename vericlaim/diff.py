"""Compare two reports: which claims changed verdict, evidence or confidence between two runs.

Claims are matched by article id and claim text (the n-th occurrence of the same sentence in an
article matches the n-th), not by claim id: ids number the claims of an article in order, so one
claim found or dropped by a newer extractor would renumber every claim after it. A confidence
change counts only above a tolerance, because two runs of the same models differ in the last
digits (batching order changes float sums).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vericlaim.report import neutralise
from vericlaim.report_read import ReportRow

CONFIDENCE_TOLERANCE = 0.01
DIFF_COLUMNS = [
    "change", "what", "article_id", "claim_id", "claim", "old_verdict", "new_verdict", "old_confidence",
    "new_confidence", "old_reason_code", "new_reason_code", "old_evidence_doc_id", "new_evidence_doc_id",
    "old_reason", "new_reason", "old_evidence", "new_evidence",
]


@dataclass(frozen=True)
class ClaimChange:
    """One claim that differs: ``change`` is added, removed or changed; ``what`` lists the changes."""

    change: str
    what: tuple[str, ...]
    old: ReportRow | None
    new: ReportRow | None

    @property
    def row(self) -> ReportRow:
        return self.new if self.new is not None else self.old  # type: ignore[return-value]

    def as_dict(self) -> dict:
        old, new = self.old, self.new
        return {
            "change": self.change, "what": ";".join(self.what), "article_id": self.row.article_id,
            "claim_id": self.row.claim_id, "claim": self.row.claim,
            "old_verdict": old.verdict if old else "", "new_verdict": new.verdict if new else "",
            "old_confidence": _num(old.confidence if old else None),
            "new_confidence": _num(new.confidence if new else None),
            "old_reason_code": old.reason_code if old else "", "new_reason_code": new.reason_code if new else "",
            "old_evidence_doc_id": old.evidence_doc_id if old else "",
            "new_evidence_doc_id": new.evidence_doc_id if new else "",
            "old_reason": old.reason if old else "", "new_reason": new.reason if new else "",
            "old_evidence": old.evidence if old else "", "new_evidence": new.evidence if new else "",
        }


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _keyed(rows: Iterable[ReportRow]) -> dict[tuple[str, str, int], ReportRow]:
    seen: Counter = Counter()
    keyed = {}
    for row in rows:
        seen[(row.article_id, row.claim)] += 1
        keyed[(row.article_id, row.claim, seen[(row.article_id, row.claim)])] = row
    return keyed


def _what_changed(old: ReportRow, new: ReportRow, tolerance: float) -> tuple[str, ...]:
    what = []
    if old.verdict != new.verdict:
        what.append("verdict")
    if (old.evidence_doc_id, old.evidence) != (new.evidence_doc_id, new.evidence):
        what.append("evidence")
    if (old.confidence is None) != (new.confidence is None) or (
            old.confidence is not None and new.confidence is not None
            and abs(old.confidence - new.confidence) > tolerance):
        what.append("confidence")
    return tuple(what)


def diff_reports(old_rows: Sequence[ReportRow], new_rows: Sequence[ReportRow],
                 tolerance: float = CONFIDENCE_TOLERANCE) -> list[ClaimChange]:
    """Changed claims in the new report's order, then the claims only the old report has."""
    old, new = _keyed(old_rows), _keyed(new_rows)
    changes = []
    for key, row in new.items():
        before = old.get(key)
        if before is None:
            changes.append(ClaimChange("added", (), None, row))
        elif what := _what_changed(before, row, tolerance):
            changes.append(ClaimChange("changed", what, before, row))
    changes += [ClaimChange("removed", (), row, None) for key, row in old.items() if key not in new]
    return changes


def to_csv(changes: Iterable[ClaimChange]) -> str:
    """The changes as CSV (spreadsheet-safe like the report: no cell is run as a formula)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, DIFF_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for change in changes:
        writer.writerow({k: neutralise(v) for k, v in change.as_dict().items()})
    return buffer.getvalue()


def _cell(text: str, limit: int = 90) -> str:
    """Text for one Markdown table cell: one line, pipes escaped, long text cut."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return text.replace("\\", "\\\\").replace("|", "\\|")


def to_markdown(changes: Sequence[ClaimChange], old_name: str, new_name: str, compared: int,
                limit: int = 25) -> str:
    """A short summary: counts of each kind of change, verdict transitions, the verdict changes."""
    kinds = Counter(change.change for change in changes)
    fields = Counter(what for change in changes for what in change.what)
    flips = Counter((c.old.verdict, c.new.verdict) for c in changes
                    if c.old and c.new and "verdict" in c.what)
    lines = [f"# Report changes: `{_cell(old_name)}` -> `{_cell(new_name)}`", "",
             f"{compared} claims in both reports; {kinds['changed']} changed "
             f"({fields['verdict']} verdict, {fields['evidence']} evidence, {fields['confidence']} confidence), "
             f"{kinds['added']} added, {kinds['removed']} removed.", ""]
    if flips:
        lines += ["| old verdict | new verdict | claims |", "|---|---|---:|"]
        lines += [f"| {_cell(a)} | {_cell(b)} | {n} |" for (a, b), n in sorted(flips.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines.append("")
        shown = [c for c in changes if c.old and c.new and "verdict" in c.what]
        lines += ["| article | claim | old | new | new reason |", "|---|---|---|---|---|"]
        lines += [f"| {_cell(c.row.article_id, 40)} | {_cell(c.row.claim)} | {_cell(c.old.verdict)} | {_cell(c.new.verdict)} "
                  f"| {_cell(c.new.reason, 60)} |" for c in shown[:limit]]
        if len(shown) > limit:
            lines.append(f"\n{len(shown) - limit} more verdict changes: see the CSV (without --format md).")
        lines.append("")
    return "\n".join(lines)


def compared_count(old_rows: Sequence[ReportRow], new_rows: Sequence[ReportRow]) -> int:
    """Claims present in both reports."""
    return len(_keyed(old_rows).keys() & _keyed(new_rows).keys())
