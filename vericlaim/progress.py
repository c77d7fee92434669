"""Append-only progress log that makes ``check --resume`` exact after a crash.

Each finished article is one JSON line holding its report rows, flushed and
fsynced before the next batch starts, so after ``kill -9`` the log holds
every article that was finished and at most one torn last line, which is
cut off on load. The final report is rebuilt from this log, so a resumed
run writes exactly the rows an uninterrupted run would.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path


def progress_path(report: str | Path) -> Path:
    report = Path(report)
    return report.with_name(f".{report.name}.progress.jsonl")


class ProgressLog:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._handle = None

    def start(self, resume: bool) -> set[str]:
        """Open for appending; returns the ids already done (empty unless resuming)."""
        done: set[str] = set()
        valid_bytes = 0
        if resume and self.path.exists():
            with self.path.open("rb") as handle:
                for line in handle:
                    if not line.endswith(b"\n"):
                        break  # torn write from a crash: drop it
                    try:
                        done.add(json.loads(line)["article_id"])
                    except (json.JSONDecodeError, KeyError, UnicodeDecodeError):
                        break
                    valid_bytes += len(line)
            with self.path.open("r+b") as handle:
                handle.truncate(valid_bytes)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(b"")
        self._handle = self.path.open("a", encoding="utf-8")
        return done

    def append(self, article_id: str, rows: list[dict]) -> None:
        self._handle.write(json.dumps({"article_id": article_id, "rows": rows}, ensure_ascii=False) + "\n")

    def sync(self) -> None:
        """Make everything appended so far durable (called once per batch)."""
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def rows(self) -> Iterator[dict]:
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                yield from json.loads(line)["rows"]

    def close(self, remove: bool = False) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if remove:
            self.path.unlink(missing_ok=True)
