"""Write verdicts as CSV or JSONL: atomically and safe to open in a spreadsheet.

A report is written to a temporary file in the target folder, fsynced and
renamed into place, so a reader never sees half a report. Text cells that a
spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
leading apostrophe.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from vericlaim.atomic import atomic_write
from vericlaim.records import InputError, Verdict

COLUMNS = [
    "article_id", "claim_id", "claim", "start", "end", "claim_types", "quantities", "checkworthiness",
    "verdict", "confidence", "entailment", "contradiction", "neutral", "evidence",
    "evidence_doc_id", "evidence_title", "evidence_source", "evidence_date", "evidence_score",
    "reason", "reason_code", "counter_evidence", "counter_evidence_doc_id",
]
ERROR_COLUMNS = ["file", "line", "reason"]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Make a text cell inert in spreadsheets (formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def verdict_row(verdict: Verdict) -> dict:
    claim, ev, counter = verdict.claim, verdict.evidence, verdict.counter_evidence
    return {
        "article_id": claim.article_id,
        "claim_id": claim.claim_id,
        "claim": claim.text,
        "start": claim.start,
        "end": claim.end,
        "claim_types": ";".join(claim.types),
        "quantities": "; ".join(q.describe() for q in claim.quantities),
        "checkworthiness": claim.checkworthiness,
        "verdict": verdict.label,
        "confidence": verdict.confidence,
        "entailment": round(ev.entailment, 4) if ev else None,
        "contradiction": round(ev.contradiction, 4) if ev else None,
        "neutral": round(ev.neutral, 4) if ev else None,
        "evidence": ev.passage.text if ev else "",
        "evidence_doc_id": ev.doc.id if ev else "",
        "evidence_title": ev.doc.title if ev else "",
        "evidence_source": ev.doc.source if ev else "",
        "evidence_date": ev.doc.date if ev else "",
        "evidence_score": round(ev.score, 4) if ev else None,
        "reason": verdict.reason,
        "reason_code": verdict.reason_code,
        "counter_evidence": counter.passage.text if counter else "",
        "counter_evidence_doc_id": counter.doc.id if counter else "",
    }


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in frame.columns:
        if pd.api.types.is_object_dtype(frame[column]) or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(neutralise)
    return frame


def _write_rows(frame: pd.DataFrame, handle, fmt: str) -> None:
    if fmt == "jsonl":
        for record in frame.to_dict(orient="records"):
            clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in record.items()}
            handle.write(json.dumps(clean, ensure_ascii=False) + "\n")
    else:
        frame.to_csv(handle, index=False)


def write_report(verdicts: Iterable[Verdict], path: str | Path | None, fmt: str = "csv") -> int:
    """Write the report to ``path`` (or stdout when None); returns the row count."""
    return write_rows((verdict_row(v) for v in verdicts), path, fmt)


def write_rows(rows: Iterable[dict], path: str | Path | None, fmt: str = "csv") -> int:
    """Write report rows (as made by :func:`verdict_row`) atomically, or to stdout."""
    frame = _frame(list(rows), COLUMNS)
    if path is None:
        _write_rows(frame, sys.stdout, fmt)
    else:
        atomic_write(path, lambda handle: _write_rows(frame, handle, fmt))
    return len(frame)


def write_errors(errors: Iterable[InputError], path: str | Path) -> int:
    rows = [{"file": e.path, "line": e.line, "reason": e.reason} for e in errors]
    frame = _frame(rows, ERROR_COLUMNS)
    frame["line"] = frame["line"].astype("Int64")  # "31", not "31.0"; blank when unknown
    atomic_write(path, lambda handle: frame.to_csv(handle, index=False))
    return len(frame)
