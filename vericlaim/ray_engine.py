"""Run `check` on Ray Data: the same verdicts, computed by a pool of workers on one or many machines.

The driver reads the inputs with vericlaim's own readers (so bad files, duplicate
ids and the errors file behave exactly as locally) and cuts them into the groups
the local engine verifies together: ``ARTICLES_PER_BATCH`` articles or
``CLAIMS_PER_BATCH`` claims. Groups go into Ray's object store as Arrow blocks
(spilled to disk when large), so the driver holds one block at a time. A pool of
actors, each loading the models and the index once, turns each group into report
rows with the very functions the local engine calls; because a group is the same
NLI batch as locally, the rows are identical. Ray Data returns results in input
order, and the driver hands them to the same atomic, resumable writer (``api._run``).

Workers import the installed ``vericlaim`` package: nothing is shipped from the
driver's folder, so every node of a cluster needs ``pip install 'vericlaim[ray]'``
and must see the index and the models at the same paths.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from vericlaim.config import Config
from vericlaim.optional import require

if TYPE_CHECKING:
    from vericlaim.retrieval import IndexStore

ITEMS_KINDS = ("articles", "claims")
GROUPS_PER_BLOCK = 4  # groups shipped to the object store together (one Ray Data block)


class RayEngineError(RuntimeError):
    """Ray could not be reached or a worker failed (the progress log keeps finished inputs)."""


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide to run: ``address`` None starts a local Ray sized to this machine."""

    address: str | None = None  # "auto" (a cluster started with `ray start`) or HOST:PORT
    workers: int | None = None  # actors in the pool; default: one per two CPUs


@dataclass(frozen=True)
class PoolPlan:
    """How many actors, what each asks the scheduler for, and how many threads each runs."""

    workers: int
    cpus_per_worker: float
    threads: int


def plan_pool(total_cpus: float, workers: int | None) -> PoolPlan:
    """Size the actor pool so it can never hold every CPU slot.

    Ray Data also schedules small tasks of its own (moving blocks, splitting
    outputs); if the actors took every slot those would wait forever. So one
    slot (a quarter of one on a one-CPU machine) is always left free, and each
    actor asks for an equal share of the rest, at most the threads it runs.
    """
    reserve = 1.0 if total_cpus >= 2 else 0.25
    usable = max(total_cpus - reserve, 0.1)
    count = workers or max(1, int(usable) // 2)
    threads = max(1, int(usable // count))
    return PoolPlan(count, min(float(threads), usable / count), threads)


def _absolute(value: str) -> str:
    """A model or file named by a local relative path, made absolute for workers elsewhere."""
    return str(Path(value).resolve()) if value and Path(value).exists() else value


def worker_config(config: Config) -> Config:
    """The driver's config with local paths made absolute and the NLI backend decided once.

    ``auto`` is resolved on the driver: the ONNX export is made and checked here (once),
    and if it cannot be used the workers are told to use torch rather than each trying.
    """
    from vericlaim.models.loader import auto_backend

    config = replace(config, nli_model=_absolute(config.nli_model),
                     embedding_model=_absolute(config.embedding_model),
                     calibration_file=_absolute(config.calibration_file))
    if config.nli_backend == "auto" and auto_backend(config.nli_model, config.max_length)[0] == "torch":
        config = replace(config, nli_backend="torch")
    return config


def _groups(items: Iterable, size: int) -> Iterator[list]:
    group: list = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def _block_refs(ray, items: Iterable, group_size: int) -> list:
    """Put the inputs into the object store as Arrow blocks of whole groups; returns the refs."""
    import pyarrow as pa

    refs, numbers, payloads = [], [], []
    for number, group in enumerate(_groups(items, group_size)):
        numbers.append(number)
        payloads.append(json.dumps([asdict(item) for item in group], ensure_ascii=False))
        if len(numbers) == GROUPS_PER_BLOCK:
            refs.append(ray.put(pa.table({"group": numbers, "payload": payloads})))
            numbers, payloads = [], []
    if numbers:
        refs.append(ray.put(pa.table({"group": numbers, "payload": payloads})))
    return refs


def worker_store(index: str, config: Config) -> IndexStore:
    """The index as a worker searches it: loaded as the local engine loads it (``api.load_index``:
    memory-mapped, ``config.nprobe`` IVF lists searched per query), so both rank the same passages."""
    from vericlaim.api import load_index

    return load_index(index, config)


class GroupVerifier:
    """A Ray actor: loads the index and the models once, then verifies one group per call."""

    def __init__(self, index: str, config: dict, kind: str, threads: int, verbose: bool):
        from vericlaim import verbosity
        from vericlaim.models.embedder import load_embedder
        from vericlaim.models.loader import load_nli, set_threads

        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        verbosity.configure(verbose)
        set_threads(threads)
        self.kind = kind
        self.config = Config(**config)
        self.store = worker_store(index, self.config)
        load_embedder(self.config.embedding_model)  # fail at start, not on the first group
        load_nli(self.config.nli_model, self.config.max_length, self.config.nli_backend)

    def __call__(self, batch):
        import pyarrow as pa

        results = [json.dumps(self._verify(json.loads(str(p))), ensure_ascii=False)
                   for p in batch["payload"].to_pylist()]
        return pa.table({"group": batch["group"], "results": results})

    def _verify(self, records: list[dict]) -> list[tuple[str, list[dict]]]:
        from vericlaim.corpora.claim_lists import ClaimRow
        from vericlaim.pipeline import check_claim_rows, check_documents
        from vericlaim.records import Document
        from vericlaim.report import verdict_row

        if self.kind == "articles":
            docs = [Document(**r) for r in records]
            return [(doc.id, [verdict_row(v) for v in verdicts])
                    for doc, verdicts in check_documents(docs, self.store, self.config)]
        rows = [ClaimRow(**r) for r in records]
        return [(v.claim.claim_id, [verdict_row(v)]) for v in check_claim_rows(rows, self.store, self.config)]


def _connect(ray, options: RayOptions, verbose: bool) -> tuple[bool, float]:
    """Join or start Ray; returns (started here, CPUs in the cluster)."""
    quiet = {"logging_level": logging.INFO if verbose else logging.ERROR, "log_to_driver": verbose}
    if ray.is_initialized():
        started = False
    elif options.address:
        try:
            ray.init(address=options.address, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise RayEngineError(f"cannot reach the Ray cluster at {options.address}: {exc}") from exc
        started = True
    else:
        # a logical slot above the cores for Ray Data's own tasks (see plan_pool)
        ray.init(num_cpus=(os.cpu_count() or 1) + 1, include_dashboard=False, **quiet)
        started = True
    return started, float(ray.cluster_resources().get("CPU", 1))


def verify_on_ray(items: Iterable, kind: str, index: str | Path, config: Config,
                  options: RayOptions, verbose: bool = False) -> Iterator[tuple[str, list[dict]]]:
    """``(id, report rows)`` for every article or claim of ``items``, in input order.

    ``items`` are Documents (``kind="articles"``) or ClaimRows (``kind="claims"``) that
    still need verdicts (the caller has already skipped finished ones for ``--resume``).
    """
    from vericlaim.pipeline import ARTICLES_PER_BATCH, CLAIMS_PER_BATCH
    from vericlaim.retrieval import IndexStore

    if kind not in ITEMS_KINDS:
        raise ValueError(f"kind {kind!r}: expected one of {ITEMS_KINDS}")
    ray = require("ray")
    require("ray.data")
    index = str(Path(index).resolve())
    IndexStore.load(index, expected_model=config.embedding_model)  # a bad index fails here, with exit 2
    config = worker_config(config)
    if not verbose:  # Ray Data's own start/finish notes; vericlaim shows its own progress
        logging.getLogger("ray").setLevel(logging.ERROR)
        logging.getLogger("ray.data").setLevel(logging.ERROR)
    started, total_cpus = _connect(ray, options, verbose)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # rows come back in input order
        context.enable_progress_bars = verbose  # vericlaim shows its own bar
        context.print_on_execution_start = verbose
        plan = plan_pool(total_cpus, options.workers)
        size = ARTICLES_PER_BATCH if kind == "articles" else CLAIMS_PER_BATCH
        refs = _block_refs(ray, items, size)
        if not refs:
            return
        dataset = ray.data.from_arrow_refs(refs).map_batches(
            GroupVerifier, batch_size=1, batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=plan.workers), num_cpus=plan.cpus_per_worker,
            max_restarts=0,  # a worker that dies fails the run (resumable), it is not retried blind
            fn_constructor_kwargs={"index": index, "config": asdict(config), "kind": kind,
                                   "threads": plan.threads, "verbose": verbose})
        try:
            for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
                for results in batch["results"].to_pylist():
                    yield from (tuple(item) for item in json.loads(results))
        except (KeyboardInterrupt, GeneratorExit):
            raise
        except Exception as exc:  # Ray wraps a worker's exception in its own types
            raise RayEngineError(f"a Ray worker failed ({type(exc).__name__}): {_first_line(exc)}; "
                                 "finished inputs are kept, rerun with --resume") from exc
    finally:
        if started:
            ray.shutdown()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__


__all__ = ["PoolPlan", "RayEngineError", "RayOptions", "plan_pool", "verify_on_ray", "worker_store"]
