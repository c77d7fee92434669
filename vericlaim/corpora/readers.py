"""Read articles and reports from folders, JSONL, CSV or single text files.

Readers yield :class:`Document` records or :class:`InputError` records,
never raise on bad input: one unreadable file must not cost the rest of a
batch its results. The caller decides what to do with the errors (the
pipeline writes them to ``vericlaim-errors.csv``).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vericlaim.corpora.dateline import parse_dateline, to_iso
from vericlaim.records import Document, InputError

TEXT_SUFFIXES = {".txt", ".md"}
TABLE_SUFFIXES = {".jsonl", ".csv"}
REQUIRED_COLUMNS = ("id", "title", "text")
OPTIONAL_COLUMNS = ("source", "date", "url")
MAX_FILE_BYTES = 50 * 1024 * 1024


class InputPathError(ValueError):
    """The path the user named cannot be read at all (bad usage, exit 2)."""


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode text; returns (text, warning). Never raises.

    UTF-8 first (with or without BOM); otherwise cp1252, which accepts
    almost any byte sequence a Western newsroom produces, with a warning so
    the user knows the file was not UTF-8.
    """
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        return raw.decode("cp1252"), f"not UTF-8 (byte {where}); read as cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), f"not UTF-8 (byte {where}); read as latin-1"


def _read_text(path: Path) -> tuple[str | None, InputError | None, str]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, InputError(str(path), f"file is {size} bytes, over the {MAX_FILE_BYTES} limit"), ""
        raw = path.read_bytes()
    except OSError as exc:
        return None, InputError(str(path), f"cannot read: {exc.strerror or exc}"), ""
    if b"\x00" in raw[:8192]:
        return None, InputError(str(path), "binary file (contains NUL bytes), not text"), ""
    text, warning = decode_bytes(raw)
    return text, None, warning


def _text_and_problems(path: Path) -> tuple[str | None, list[InputError]]:
    """File text (None if unusable) and the errors or warnings to report about it."""
    text, error, warning = _read_text(path)
    if error:
        return None, [error]
    return text, [InputError(str(path), f"warning: {warning}")] if warning else []


def document_from_text(doc_id: str, text: str, path: str = "") -> Document:
    """First non-empty line is the title, the rest the body; parse a dateline."""
    lines = text.strip().splitlines()
    title = lines[0].strip().lstrip("#").strip() if lines else ""
    body = "\n".join(lines[1:]).strip()
    date = source = ""
    dateline = parse_dateline(body)
    if dateline:
        date, source = dateline.date, dateline.source
    return Document(id=doc_id, title=title, text=body, source=source, date=date, path=path)


def _row_document(row: dict, path: Path, line: int) -> Document | InputError:
    missing = [c for c in REQUIRED_COLUMNS if c not in row or row[c] is None]
    if missing:
        return InputError(str(path), f"missing column(s): {', '.join(missing)}", line)
    values = {c: str(row.get(c) or "").strip() for c in REQUIRED_COLUMNS + OPTIONAL_COLUMNS}
    if not values["id"]:
        return InputError(str(path), "empty id", line)
    if not values["text"]:
        return InputError(str(path), f"document {values['id']!r} has empty text", line)
    date = values["date"]
    if date:
        date = to_iso(date) or date
    elif (dateline := parse_dateline(values["text"])) is not None:
        date = dateline.date
        values["source"] = values["source"] or dateline.source
    return Document(values["id"], values["title"], values["text"], values["source"], date,
                    values["url"], f"{path}:{line}")


@dataclass(frozen=True)
class BadJSONLine:
    """A line of a JSON-lines file that is no JSON object: ``error`` is why it is not JSON, None
    for valid JSON that is not an object."""

    number: int
    error: json.JSONDecodeError | None = None


def json_lines(lines: Iterable[str]) -> Iterator[tuple[int, dict] | BadJSONLine]:
    """(line number, object) for each non-blank line, or a :class:`BadJSONLine`; never raises.

    The one loop over JSON lines: each reader words the error naming file and line itself, and
    decides whether a bad line is listed (articles, claim lists) or ends the file (reports,
    training data). ``lines`` may be an open file (read as it goes) or a list of strings.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadJSONLine(number, exc)
            continue
        if not isinstance(row, dict):
            yield BadJSONLine(number)
            continue
        yield number, row


def json_objects(path: Path, text: str) -> Iterator[tuple[int, dict] | InputError]:
    """(line number, object) for each JSON line of ``text``; an InputError for each bad one."""
    # JSON lines end at "\n" only: str.splitlines would also break inside a text field at
    # U+2028, U+2029 or U+0085, which JSON allows unescaped (ensure_ascii=False writes them)
    for item in json_lines(text.split("\n")):
        if isinstance(item, BadJSONLine):
            reason = "JSON line is not an object" if item.error is None else f"malformed JSON: {item.error.msg}"
            yield InputError(str(path), reason, item.number)
        else:
            yield item


def _read_jsonl(path: Path) -> Iterator[Document | InputError]:
    text, problems = _text_and_problems(path)
    yield from problems
    if text is None:
        return
    for item in json_objects(path, text):
        yield item if isinstance(item, InputError) else _row_document(item[1], path, item[0])


def _read_csv(path: Path) -> Iterator[Document | InputError]:
    text, problems = _text_and_problems(path)
    yield from problems
    if text is None:
        return
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))  # rows end at \n or \r only, as csv expects
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        yield InputError(str(path), f"missing column(s): {', '.join(missing)}", 1)
        return
    reader.fieldnames = header
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                yield InputError(str(path), "row has more fields than the header", line)
                continue
            yield _row_document(row, path, line)
    except csv.Error as exc:
        yield InputError(str(path), f"malformed CSV: {exc}", reader.line_num)


def _read_text_file(path: Path) -> Iterator[Document | InputError]:
    text, problems = _text_and_problems(path)
    yield from problems
    if text is None:
        return
    if not text.strip():
        yield InputError(str(path), "empty file")
        return
    doc = document_from_text(path.stem, text, str(path))
    if not doc.text:
        yield InputError(str(path), "file has a title line but no body")
        return
    yield doc


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Files under ``folder`` in sorted order, following no symlink loops."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=None):
        try:
            info = os.stat(root)
        except OSError as exc:
            yield InputError(root, f"cannot read folder: {exc.strerror}")
            dirs[:] = []
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            yield InputError(root, "symlink loop: folder already visited")
            dirs[:] = []
            continue
        seen.add(key)
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name


def read_documents(path: str | Path, skip: Iterable[str | Path] = ()) -> Iterator[Document | InputError]:
    """Every document at ``path`` (folder, .jsonl, .csv or one text file).

    Duplicate ids are reported and only the first is kept, because ids are
    how claims, evidence and resumed runs refer to documents. Files in ``skip`` are
    left out of a folder: the run's own outputs (report, manifest, progress log) when
    they are written inside the folder it reads.
    """
    path = Path(path)
    if not path.exists():
        raise InputPathError(f"{path}: no such file or folder")
    if path.is_dir():
        entries: Iterator[Path | InputError] = _walk(path)
    else:
        entries = iter([path])
    own = {Path(p).resolve() for p in skip} if path.is_dir() else set()
    seen_ids: dict[str, str] = {}
    for entry in entries:
        if isinstance(entry, InputError):
            yield entry
            continue
        if own and entry.resolve() in own:
            continue
        suffix = entry.suffix.lower()
        if suffix == ".jsonl":
            records = _read_jsonl(entry)
        elif suffix == ".csv":
            records = _read_csv(entry)
        elif suffix in TEXT_SUFFIXES or not path.is_dir():
            records = _read_text_file(entry)
        else:
            yield InputError(str(entry), f"skipped: unsupported file type {entry.suffix or '(none)'}")
            continue
        for record in records:
            if isinstance(record, Document):
                if record.id in seen_ids:
                    yield InputError(record.path or str(entry),
                                     f"duplicate document id {record.id!r} (first in {seen_ids[record.id]})")
                    continue
                seen_ids[record.id] = record.path or str(entry)
            yield record
