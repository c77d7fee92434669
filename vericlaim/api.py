"""The public Python API: each function mirrors one CLI command.

    import vericlaim
    vericlaim.build_index("examples/reports", "idx")
    result = vericlaim.check("examples/articles", "idx", out="report.csv")
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from vericlaim.config import Config
from vericlaim.corpora import read_documents
from vericlaim.manifest import (
    InputSummary,
    RunManifest,
    check_resumable,
    finish_manifest,
    for_report,
    manifest_path,
    start_manifest,
    write_manifest,
)
from vericlaim.models.embedder import load_embedder
from vericlaim.pipeline import ARTICLES_PER_BATCH, add_documents, check_documents
from vericlaim.progress import ProgressLog, progress_path
from vericlaim.records import Claim, Document, InputError, Verdict
from vericlaim.report import verdict_row, write_errors, write_rows
from vericlaim.retrieval import IndexStore
from vericlaim.retrieval.store import IndexBuildError

if TYPE_CHECKING:
    from vericlaim.ray_engine import RayOptions

ERRORS_FILE = "vericlaim-errors.csv"


@dataclass
class IndexSummary:
    documents_added: int
    documents_skipped: int
    passages_added: int
    total_passages: int
    errors: list[InputError] = field(default_factory=list)


@dataclass
class CheckResult:
    verdicts: list[Verdict]
    errors: list[InputError]
    report_path: Path | None = None
    errors_path: Path | None = None
    label_counts: dict[str, int] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)  # report rows when no ``out`` was given
    # What produced the report: models, index, config, inputs, counts (also REPORT.manifest.json).
    manifest: RunManifest | None = None
    # Every article read, by id in reading order (finished ones of a resumed run too), when
    # check(keep_documents=True): what the HTML report shows, so the articles are read once.
    documents: dict[str, Document] = field(default_factory=dict)

    @property
    def failed(self) -> list[InputError]:
        """Errors that cost an input its results (warnings excluded)."""
        return [e for e in self.errors if not e.reason.startswith("warning:")]

    def counts(self) -> dict[str, int]:
        """Claims per verdict label."""
        return dict(sorted(self.label_counts.items()))


def _split(records, errors: list[InputError]):
    for record in records:
        if isinstance(record, InputError):
            errors.append(record)
            print(f"vericlaim: {record.path}{':' + str(record.line) if record.line else ''}: "
                  f"{record.reason}", file=sys.stderr)
        else:
            yield record


def build_index(
    reports: str | Path, index: str | Path, config: Config | None = None,
    progress: bool = False, kind: str | None = None, shards: int | None = None,
) -> IndexSummary:
    """Build an index over ``reports``, or extend an existing one with new documents.

    ``kind`` ("flat" exact, the default; "ivf"; "ivfpq") and ``shards`` (default 1) choose how a
    new index is built; an existing index keeps its own, and asking for others raises
    ``IndexBuildError``, as does an IVF kind given too few passages to train.
    """
    config = config or Config.from_env()
    embedder = load_embedder(config.embedding_model)
    if (Path(index) / "manifest.json").exists():
        store = IndexStore.load(index, expected_model=config.embedding_model, mmap=False)  # to be added to
        if kind not in (None, store.kind) or shards not in (None, store.shards):
            raise IndexBuildError(
                f"{index} is a {store.kind} index with {store.shards} shard(s): the kind and shards of an "
                "index are chosen when it is created; build into a new folder to change them")
    else:
        store = IndexStore.empty(config.embedding_model, embedder.dimension, kind or "flat", shards=shards or 1)
    errors: list[InputError] = []
    added, skipped, passages = add_documents(
        store, _split(read_documents(reports), errors), config, progress)
    if added:
        store.save(index)
    return IndexSummary(added, skipped, passages, len(store), errors)


def load_index(index: str | Path, config: Config | None = None) -> IndexStore:
    config = config or Config.from_env()
    store = IndexStore.load(index, expected_model=config.embedding_model)  # memory-mapped
    store.faiss_index.nprobe = config.nprobe
    return store


def errors_path(out: str | Path) -> Path:
    """Where the bad inputs of a run writing ``out`` are listed: beside the report."""
    return Path(out).parent / ERRORS_FILE


def own_outputs(out: str | Path | None) -> list[Path]:
    """What a run writes beside its report, so it never reads them back as articles."""
    if out is None:
        return []
    return [Path(out), manifest_path(out), progress_path(out), errors_path(out)]


def check(
    articles: str | Path, index: str | Path | IndexStore, out: str | Path | None = None,
    fmt: str = "csv", config: Config | None = None, progress: bool = False,
    resume: bool = False, keep_verdicts: bool = True, ray: RayOptions | None = None,
    keep_documents: bool = False, skip: Iterable[str | Path] = (),
) -> CheckResult:
    """Check every article against the index; write the report if ``out`` is given.

    Bad inputs are collected in ``result.errors`` (and ``vericlaim-errors.csv``
    beside the report); every good article still gets its rows. With ``out``,
    finished articles are logged as they complete, and ``resume=True``
    continues an interrupted run without redoing them. ``keep_verdicts=False``
    keeps memory flat for very large batches (only counts are kept).
    ``ray`` runs the verdicts on Ray Data (``vericlaim.ray_engine``): same rows, but
    ``result.verdicts`` stays empty (workers send back report rows, not objects).
    ``keep_documents=True`` keeps every article read in ``result.documents`` (for the HTML
    report: memory grows with the batch). ``skip`` names other files this run writes inside
    ``articles`` (the HTML page and its manifest), so a later run does not read them as inputs.
    """
    config = config or Config.from_env()
    store = _local_store(index, config, ray)
    errors: list[InputError] = []
    documents: dict[str, Document] = {}

    def read(done: set[str]):
        for doc in _split(read_documents(articles, skip=[*own_outputs(out), *map(Path, skip)]), errors):
            if keep_documents:
                documents[doc.id] = doc  # before the resume filter: the page shows finished ones too
            if doc.id not in done:
                yield doc

    def finished(done: set[str]):
        docs = read(done)
        if ray is not None:
            yield from _on_ray(docs, "articles", index, config, ray)
            return
        for doc, verdicts in check_documents(docs, store, config):
            yield doc.id, verdicts

    run = start_manifest(config, index, [InputSummary(str(articles), "articles")], engine="ray" if ray else "local")
    result = _run(finished, errors, out, fmt, progress, resume, keep_verdicts, "article", ARTICLES_PER_BATCH, run)
    result.documents = documents
    return result


def check_claims(
    claims: str | Path, index: str | Path | IndexStore, out: str | Path | None = None,
    fmt: str = "csv", config: Config | None = None, progress: bool = False,
    resume: bool = False, keep_verdicts: bool = True, ray: RayOptions | None = None,
) -> CheckResult:
    """Check a list of claims (CSV, JSONL or TXT, column ``claim``) exactly as written.

    Every good row gives exactly one report row whose ``claim_id`` and
    ``article_id`` are the row's ``id`` (``FILE:LINE`` without one); empty
    claims and duplicate ids go to ``result.errors`` and the errors file, and
    the rest of the list still runs. ``out``, ``resume``, ``keep_verdicts`` and ``ray``
    work as in :func:`check`, with claims in place of articles.
    """
    from vericlaim.corpora.claim_lists import read_claim_list
    from vericlaim.corpora.readers import InputPathError
    from vericlaim.pipeline import CLAIMS_PER_BATCH, check_claim_rows

    if not Path(claims).is_file():  # before any progress log is started
        raise InputPathError(f"{claims}: no such file (a claim list is a .csv, .jsonl or .txt file)")
    config = config or Config.from_env()
    store = _local_store(index, config, ray)
    errors: list[InputError] = []

    def finished(done: set[str]):
        rows = (r for r in _split(read_claim_list(claims), errors) if r.id not in done)
        if ray is not None:
            yield from _on_ray(rows, "claims", index, config, ray)
            return
        for verdict in check_claim_rows(rows, store, config):
            yield verdict.claim.claim_id, [verdict]

    run = start_manifest(config, index, [InputSummary(str(claims), "claims")], engine="ray" if ray else "local")
    return _run(finished, errors, out, fmt, progress, resume, keep_verdicts, "claim", CLAIMS_PER_BATCH, run)


def _local_store(index: str | Path | IndexStore, config: Config, ray: RayOptions | None) -> IndexStore | None:
    """The index for the local engine; with Ray only workers load it, so it must be a folder."""
    if ray is not None:
        if isinstance(index, IndexStore):
            raise ValueError("with ray=, pass the index folder: every worker loads it itself")
        return None
    return index if isinstance(index, IndexStore) else load_index(index, config)


def _on_ray(items, kind: str, index, config: Config, ray: RayOptions):
    """``(id, report rows)`` from the Ray engine, in input order."""
    from vericlaim import verbosity
    from vericlaim.ray_engine import verify_on_ray

    return verify_on_ray(items, kind, index, config, ray, verbose=verbosity.is_verbose())


def _run(finished, errors: list[InputError], out, fmt: str, progress: bool, resume: bool,
         keep_verdicts: bool, unit: str, sync_every: int, run: RunManifest) -> CheckResult:
    """Drive ``finished(done_ids)`` (yielding ``(id, verdicts)``, or ``(id, report rows)`` from
    the Ray engine) into the progress log and report.

    Shared by :func:`check` and :func:`check_claims`, so resuming, the errors
    file, atomic reports and the run manifest behave the same for articles and claim lists.
    A resumed run is refused (ResumeMismatchError) when its models, index or config differ
    from the manifest the interrupted run left; otherwise that manifest is rewritten at the start
    (status running) and when the report is complete.
    """
    from tqdm import tqdm

    clock = time.monotonic()
    if out is not None:
        if resume:
            check_resumable(out, run)
        run = replace(for_report(run, out, fmt), resumed=resume)
        write_manifest(run, out)
    log = ProgressLog(progress_path(out)) if out is not None else None
    done = log.start(resume) if log else set()
    result = CheckResult([], errors)
    rows_for_stdout: list[dict] = []
    units = 0
    try:
        with tqdm(desc="check", unit=unit, file=sys.stderr, disable=not progress,
                  initial=len(done)) as bar:
            for number, (key, verdicts) in enumerate(finished(done), 1):
                rows = [v if isinstance(v, dict) else verdict_row(v) for v in verdicts]
                if log:
                    log.append(key, rows)
                    if number % sync_every == 0:
                        log.sync()
                else:
                    rows_for_stdout += rows
                for row in rows:
                    result.label_counts[row["verdict"]] = result.label_counts.get(row["verdict"], 0) + 1
                if keep_verdicts:
                    result.verdicts += [v for v in verdicts if isinstance(v, Verdict)]
                bar.update(1)
                units += 1
        if log:
            log.sync()
            if resume:  # count what earlier runs finished too
                result.label_counts = {}
                for row in log.rows():
                    result.label_counts[row["verdict"]] = result.label_counts.get(row["verdict"], 0) + 1
            write_rows(log.rows(), out, fmt)
            log.close(remove=True)
            result.report_path = Path(out)
            result.errors_path = errors_path(out)
            if errors:
                write_errors(errors, result.errors_path)
            else:
                result.errors_path.unlink(missing_ok=True)
                result.errors_path = None
        else:
            result.rows = rows_for_stdout
        warnings = len(errors) - len(result.failed)
        result.manifest = finish_manifest(run, result.counts(), len(done) + units, len(result.failed),
                                          warnings, time.monotonic() - clock)
        if out is not None:
            write_manifest(result.manifest, out)
    finally:
        if log:
            log.close()
    return result


def extract_claims(
    articles: str | Path, min_checkworthiness: float | None = None,
) -> tuple[list[Claim], list[InputError]]:
    """Claims that ``check`` would verify, each with its check-worthiness.

    Needs only the sentence-embedding model (for the check-worthiness score), never NLI or an
    index. ``min_checkworthiness`` None uses the cut stored with the bundled model.
    """
    from vericlaim.claims import extract_claims as claims_of

    errors: list[InputError] = []
    claims = [c for doc in _split(read_documents(articles), errors)
              for c in claims_of(doc, min_checkworthiness)]
    return claims, errors


__all__ = ["CheckResult", "Document", "IndexSummary", "build_index", "check", "check_claims", "extract_claims",
           "load_index"]
