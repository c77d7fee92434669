"""Read a list of claims (``check --claims FILE``): CSV, JSONL, or plain text one claim per line.

A fact-checking desk's usual input is a spreadsheet of claims, not articles.
Each row is checked exactly as written: no sentence splitting, no detection,
so nothing the user asked about can be silently dropped. The user's ``id``
becomes both ``claim_id`` and ``article_id`` of the report row; without an
id column the row is named ``FILE:LINE`` so it can still be found.

Like the article readers, this yields :class:`InputError` records for bad
rows (empty claim, duplicate id, malformed line) instead of raising, so one
bad row never costs the rest of the list its answers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vericlaim.corpora.dateline import to_iso
from vericlaim.corpora.readers import MAX_FILE_BYTES, InputPathError, _text_and_problems, json_objects
from vericlaim.records import InputError

CLAIM_COLUMN = "claim"
OPTIONAL_COLUMNS = ("id", "date", "source", "context")
SUFFIXES = (".csv", ".jsonl", ".txt")


@dataclass(frozen=True)
class ClaimRow:
    """One claim as the user wrote it, with where it came from (``file:line``)."""

    id: str
    text: str
    date: str
    source: str
    context: str
    where: str


def _row(values: dict, path: Path, line: int) -> ClaimRow | InputError:
    if CLAIM_COLUMN not in values or values[CLAIM_COLUMN] is None:
        return InputError(str(path), f"missing column {CLAIM_COLUMN!r}", line)
    text = values[CLAIM_COLUMN]
    if not isinstance(text, str):
        return InputError(str(path), f"{CLAIM_COLUMN!r} is not text", line)
    if not text.strip():
        return InputError(str(path), "empty claim", line)
    fields = {c: "" if values.get(c) is None else str(values[c]).strip() for c in OPTIONAL_COLUMNS}
    date = fields["date"]
    if date:
        date = to_iso(date) or date
    claim_id = fields["id"] or f"{path.stem}:{line}"
    return ClaimRow(claim_id, text.strip(), date, fields["source"], fields["context"], f"{path}:{line}")


def _csv_rows(path: Path, text: str) -> Iterator[ClaimRow | InputError]:
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(text.splitlines(keepends=True))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if CLAIM_COLUMN not in header:
        yield InputError(str(path), f"no {CLAIM_COLUMN!r} column in the header "
                                    f"(found: {', '.join(header) or 'nothing'})", 1)
        return
    reader.fieldnames = header
    try:
        for row in reader:
            if None in row:
                yield InputError(str(path), "row has more fields than the header", reader.line_num)
                continue
            yield _row(row, path, reader.line_num)
    except csv.Error as exc:
        yield InputError(str(path), f"malformed CSV: {exc}", reader.line_num)


def _jsonl_rows(path: Path, text: str) -> Iterator[ClaimRow | InputError]:
    for item in json_objects(path, text):
        if isinstance(item, InputError):
            yield item
        else:
            number, row = item
            yield _row({k.lower(): v for k, v in row.items()}, path, number)


def _text_rows(path: Path, text: str) -> Iterator[ClaimRow | InputError]:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():  # blank lines separate claims; they are not claims
            yield _row({CLAIM_COLUMN: line}, path, number)


def read_claim_list(path: str | Path) -> Iterator[ClaimRow | InputError]:
    """Every claim of the list at ``path``; a duplicate id is an error and only the first is kept."""
    path = Path(path)
    if not path.is_file():
        raise InputPathError(f"{path}: no such file (--claims takes a .csv, .jsonl or .txt file)")
    suffix = path.suffix.lower()
    text, problems = _text_and_problems(path)
    yield from problems
    if text is None:
        return
    rows = _csv_rows if suffix == ".csv" else _jsonl_rows if suffix == ".jsonl" else _text_rows
    seen: dict[str, str] = {}
    for row in rows(path, text):
        if isinstance(row, ClaimRow):
            if row.id in seen:
                line = int(row.where.rsplit(":", 1)[1])
                yield InputError(str(path), f"duplicate claim id {row.id!r} (first at {seen[row.id]})", line)
                continue
            seen[row.id] = row.where
        yield row
