"""Read a written report (CSV or JSONL) back into typed rows, for rendering and diffing.

The CSV is read with the csv module, not pandas, so ids such as ``007`` stay strings. The
apostrophe that :func:`vericlaim.report.neutralise` put before a formula-like cell is taken
off again: it protects spreadsheets, and a reader of the HTML report should see the text itself.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from vericlaim.corpora.readers import BadJSONLine, json_lines
from vericlaim.report import COLUMNS, FORMULA_PREFIXES

REQUIRED = ("article_id", "claim_id", "claim", "verdict")


class ReportReadError(ValueError):
    """A report that cannot be read (names the file, the line and the problem)."""


@dataclass(frozen=True)
class ReportRow:
    """One report row with numbers as numbers (None where the cell is empty)."""

    article_id: str
    claim_id: str
    claim: str
    verdict: str
    start: int | None = None
    end: int | None = None
    claim_types: str = ""
    quantities: str = ""
    checkworthiness: float | None = None
    confidence: float | None = None
    entailment: float | None = None
    contradiction: float | None = None
    neutral: float | None = None
    evidence: str = ""
    evidence_doc_id: str = ""
    evidence_title: str = ""
    evidence_source: str = ""
    evidence_date: str = ""
    evidence_score: float | None = None
    reason: str = ""
    reason_code: str = ""
    counter_evidence: str = ""
    counter_evidence_doc_id: str = ""


_TYPES = {f.name: f.type for f in fields(ReportRow)}


def unneutralise(value: str) -> str:
    """Undo the spreadsheet guard: ``'=x`` -> ``=x`` (only where the guard could have added it)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def _number(value, kind: str, column: str, where: str):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise ReportReadError(f"{where}: column {column!r} is not a number: {value!r}") from exc
    if number != number:  # NaN: an empty cell written by pandas
        return None
    return int(number) if kind.startswith("int") else number


def row_from_dict(record: dict, where: str) -> ReportRow:
    missing = [c for c in REQUIRED if c not in record]
    if missing:
        raise ReportReadError(f"{where}: missing column(s) {', '.join(missing)}; is this a vericlaim report?")
    values = {}
    for name, kind in _TYPES.items():
        value = record.get(name)
        if kind.startswith(("int", "float")):
            values[name] = _number(value, kind, name, where)
        else:
            values[name] = unneutralise("" if value is None else str(value))
    return ReportRow(**values)


def _csv_records(path: Path, handle) -> Iterator[tuple[str, dict]]:
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(handle)
    try:
        # checked before any row, so a foreign CSV with no rows is not read as an empty report
        if reader.fieldnames is None:
            raise ReportReadError(f"{path}: empty file; is this a vericlaim report?")
        missing = [c for c in REQUIRED if c not in reader.fieldnames]
        if missing:
            raise ReportReadError(f"{path}: no column(s) {', '.join(missing)} in the header; "
                                  "is this a vericlaim report?")
        for record in reader:
            if None in record:
                raise ReportReadError(f"{path}:{reader.line_num}: row has more fields than the header")
            yield f"{path}:{reader.line_num}", record
    except csv.Error as exc:
        raise ReportReadError(f"{path}:{reader.line_num}: malformed CSV ({exc})") from exc


def _jsonl_records(path: Path, handle) -> Iterator[tuple[str, dict]]:
    for item in json_lines(handle):
        if isinstance(item, BadJSONLine):
            if item.error is None:
                raise ReportReadError(f"{path}:{item.number}: not a JSON object")
            raise ReportReadError(f"{path}:{item.number}: malformed JSON ({item.error.msg})") from item.error
        number, record = item
        yield f"{path}:{number}", record


def read_report(path: str | Path) -> list[ReportRow]:
    """Every row of a report written by ``vericlaim check`` (``.jsonl`` as JSON lines, else CSV)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            records = _jsonl_records if path.suffix.lower() == ".jsonl" else _csv_records
            return [row_from_dict(record, where) for where, record in records(path, handle)]
    except OSError as exc:
        raise ReportReadError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ReportReadError(f"{path}: not UTF-8 text (byte {exc.start}); is this a vericlaim report?") from exc


__all__ = ["COLUMNS", "ReportReadError", "ReportRow", "read_report"]
