"""From files to the HTML page: read the report rows and the articles, write the page and its manifest.

Shared by ``vericlaim check --html`` and ``vericlaim report``. Articles are read with the same
readers ``check`` uses, so claim offsets point into the same text; the page's manifest is the
run's manifest (from the run itself, or ``REPORT.manifest.json`` beside the report) with the
HTML as its report, or, for a report without one, a manifest of what is known: the inputs.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from vericlaim.manifest import (
    InputSummary,
    RunManifest,
    command_line,
    for_report,
    manifest_path,
    read_manifest,
    utc_now,
    write_manifest,
)
from vericlaim.records import Document, InputError
from vericlaim.report_html.render import write_html
from vericlaim.report_read import ReportRow, read_report


@dataclass(frozen=True)
class HtmlResult:
    """What was written: the page, its manifest, and the problems met reading the articles."""

    path: Path
    manifest_path: Path
    claims: int
    articles: int
    errors: tuple[InputError, ...] = ()


def read_articles(path: str | Path) -> tuple[dict[str, Document], list[InputError]]:
    """Articles by id, read as ``check`` reads them; problems are returned, not raised."""
    from vericlaim.corpora import read_documents

    documents: dict[str, Document] = {}
    errors: list[InputError] = []
    for record in read_documents(path):
        if isinstance(record, InputError):
            errors.append(record)
        else:
            documents[record.id] = record
    return documents, errors


def _standalone_manifest(report: Path | None, rows: Sequence[ReportRow], articles, documents: int) -> RunManifest:
    """For a report that has no manifest: who rendered it from what, and its counts by verdict."""
    from collections import Counter

    from vericlaim import __version__

    inputs = [InputSummary(str(report), "report", len(rows))] if report else []
    if articles:
        inputs.append(InputSummary(str(articles), "articles", documents))
    counts = dict(sorted(Counter(row.verdict for row in rows).items()))
    now = utc_now()
    return RunManifest(__version__, command_line(), {}, (), None, tuple(inputs), engine="", status="complete",
                       counts=counts, claims=len(rows), started=now, finished=now)


def build_html_report(html: str | Path, report: str | Path | None = None,
                      rows: Sequence[ReportRow] | None = None, articles: str | Path | None = None,
                      manifest: RunManifest | None = None, quiet: bool = False,
                      documents: Mapping[str, Document] | None = None) -> HtmlResult:
    """Write the HTML page for ``report`` (a file) or ``rows``, with ``articles`` highlighted.

    ``manifest`` is the run's; None reads the one beside ``report`` when there is one.
    ``documents``: the articles already read, by id as :func:`read_articles` gives them (e.g.
    ``CheckResult.documents``), so ``articles`` is not read again; it then only names them, and
    the problems reading them are the caller's (``HtmlResult.errors`` stays empty).
    """
    html = Path(html)
    if rows is None:
        if report is None:
            raise ValueError("give a report file or its rows")
        rows = read_report(report)
    shown: dict[str, Document] = {}
    errors: list[InputError] = []
    if documents is not None:
        shown = dict(documents)
    elif articles is not None:
        shown, errors = read_articles(articles)
        for error in errors if not quiet else ():
            print(f"vericlaim: {error.path}{':' + str(error.line) if error.line else ''}: {error.reason}",
                  file=sys.stderr)
    if manifest is None and report is not None and manifest_path(report).is_file():
        manifest = read_manifest(manifest_path(report))
    if manifest is None:
        manifest = _standalone_manifest(Path(report) if report else None, rows, articles, len(shown))
    manifest = for_report(manifest, html, "html")
    write_html(html, rows, shown, manifest)
    return HtmlResult(html, write_manifest(manifest, html), len(rows), len(shown), tuple(errors))
