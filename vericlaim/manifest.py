"""The run manifest: what produced a report, so it can be reproduced, audited and resumed safely.

``REPORT.manifest.json`` lies beside every report (CSV, JSONL or HTML). It names the vericlaim
version and command line, the full config, every model with the sha256 of its weight files, the
index with a fingerprint of its files, the inputs, and the outcome (counts by verdict, errors,
engine, timings). A run with ``--out`` writes it when it starts (``status: running``) and again
when it completes, so an interrupted run leaves the manifest that ``--resume`` compares against:
continuing with other models, another index or another config would mix two runs in one report.
"""

from __future__ import annotations

import contextvars
import hashlib
import importlib.util
import json
import shlex
import sys
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from vericlaim.atomic import atomic_write_text

MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_VERSION = 1
# Files that hold a model's weights; tokenizers and configs change no number that matters here.
WEIGHT_SUFFIXES = (".safetensors", ".bin", ".onnx", ".onnx_data", ".pt", ".pth", ".h5", ".msgpack", ".gguf")
# The command line the CLI was given; the process's own argv otherwise (a script using the API).
COMMAND_LINE: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("command_line", default=None)


class ManifestError(ValueError):
    """A manifest file that cannot be read (names the file and the problem)."""


class ResumeMismatchError(RuntimeError):
    """``--resume`` would continue a run made with other models, another index or another config."""


@dataclass(frozen=True)
class ModelFingerprint:
    """A model as configured, where it was found, and the sha256 of each of its weight files."""

    role: str  # embedding | nli | checkworthiness | parser | calibration
    name: str
    path: str  # "" when the model is not on disk (a hub name not yet downloaded)
    files: dict[str, str] = field(default_factory=dict)  # path relative to ``path`` -> sha256


@dataclass(frozen=True)
class IndexFingerprint:
    """The index a run searched: its size and one sha256 over its files' checksums."""

    path: str
    passages: int
    documents: int
    embedding_model: str
    kind: str
    checksums: dict[str, str]
    fingerprint: str


@dataclass(frozen=True)
class InputSummary:
    """One input of a run: ``documents`` read and used, ``failed`` that could not be."""

    path: str
    kind: str  # articles | claims | report (for an HTML rendered from a report)
    documents: int = 0
    failed: int = 0


@dataclass(frozen=True)
class RunManifest:
    """Everything that decides a report's rows, and what the run produced."""

    vericlaim_version: str
    command_line: str
    config: dict
    models: tuple[ModelFingerprint, ...]
    index: IndexFingerprint | None
    inputs: tuple[InputSummary, ...]
    engine: str = "local"
    status: str = "running"  # running | complete
    report: str = ""
    report_format: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    claims: int = 0
    errors: int = 0
    warnings: int = 0
    resumed: bool = False
    started: str = ""  # UTC, ISO 8601
    finished: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # seconds
    manifest_version: int = MANIFEST_VERSION

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: dict) -> RunManifest:
        """Rebuild from parsed JSON; unknown keys (a newer vericlaim) are ignored."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["models"] = tuple(ModelFingerprint(**m) for m in values.get("models", ()))
        values["inputs"] = tuple(InputSummary(**i) for i in values.get("inputs", ()))
        if values.get("index") is not None:
            values["index"] = IndexFingerprint(**values["index"])
        return cls(**values)


def manifest_path(report: str | Path) -> Path:
    """``report.csv`` -> ``report.csv.manifest.json`` (a CSV and an HTML of one run never collide)."""
    report = Path(report)
    return report.with_name(report.name + MANIFEST_SUFFIX)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def command_line() -> str:
    argv = COMMAND_LINE.get()
    if argv is None:
        argv = [Path(sys.argv[0]).name, *sys.argv[1:]] if sys.argv and sys.argv[0] else ["python"]
    return shlex.join(argv)


def sha256_file(path: Path) -> str:
    return _sha256_cached(str(path), *_stat_key(path))


def _stat_key(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


@lru_cache(maxsize=256)
def _sha256_cached(path: str, size: int, mtime_ns: int) -> str:
    """Hash once per process per file version (size and mtime in the key): weights are 100+ MB."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _hash_files(root: Path, keep) -> dict[str, str]:
    if root.is_file():
        return {root.name: sha256_file(root)}
    return {p.relative_to(root).as_posix(): sha256_file(p)
            for p in sorted(root.rglob("*")) if p.is_file() and keep(p)}


def _is_weight(path: Path) -> bool:
    return path.name.endswith(WEIGHT_SUFFIXES)


def _is_pipeline_data(path: Path) -> bool:
    """spaCy pipelines keep their weights in extension-less files; skip the package's code and prose."""
    return (path.suffix not in (".py", ".pyc", ".md") and "__pycache__" not in path.parts
            and not path.name.startswith(("LICENSE", "README")))


def hf_model_fingerprint(role: str, name: str) -> ModelFingerprint:
    """A transformers / sentence-transformers model, found the way loading finds it."""
    from vericlaim.models.resolve import ModelNotFoundError, resolve_model

    try:
        resolved = resolve_model(name, role)
    except ModelNotFoundError:
        return ModelFingerprint(role, name, "")
    folder = Path(resolved)
    if not folder.exists():  # a hub name: the cached snapshot, if any
        try:
            from huggingface_hub import snapshot_download

            folder = Path(snapshot_download(name, local_files_only=True))
        except Exception:  # not cached, or no huggingface_hub: nothing on disk to hash
            return ModelFingerprint(role, name, "")
    return ModelFingerprint(role, name, str(folder), _hash_files(folder, _is_weight))


def parser_fingerprint() -> ModelFingerprint | None:
    """The spaCy pipeline quantity frames are parsed with (the first installed, as parser.py picks)."""
    from vericlaim.claims.parser import PIPELINES

    for name in PIPELINES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            folder = Path(list(spec.submodule_search_locations)[0])
            return ModelFingerprint("parser", name, str(folder), _hash_files(folder, _is_pipeline_data))
    return None


def model_fingerprints(config) -> tuple[ModelFingerprint, ...]:
    """Every model and fitted file whose change can change a verdict or a confidence."""
    from vericlaim.calibration import CALIBRATION_FILE
    from vericlaim.claims.checkworthy import bundled_model_path

    models = [hf_model_fingerprint("embedding", config.embedding_model),
              hf_model_fingerprint("nli", config.nli_model)]
    checkworthy = bundled_model_path()
    models.append(ModelFingerprint("checkworthiness", "bundled", str(checkworthy),
                                   _hash_files(checkworthy, bool) if checkworthy.is_file() else {}))
    parser = parser_fingerprint()
    if parser is not None:
        models.append(parser)
    calibration = Path(config.calibration_file) if config.calibration_file else CALIBRATION_FILE
    models.append(ModelFingerprint("calibration", str(config.calibration_file or "bundled"), str(calibration),
                                   _hash_files(calibration, bool) if calibration.is_file() else {}))
    return tuple(models)


def index_fingerprint(folder: str | Path) -> IndexFingerprint:
    """Read the index's own manifest: its checksums were verified when the index was loaded."""
    from vericlaim.retrieval.store import MANIFEST_FILE

    folder = Path(folder)
    if not folder.exists() and folder.with_name(folder.name + ".old").exists():
        folder = folder.with_name(folder.name + ".old")  # as IndexStore.load does after a broken swap
    path = folder / MANIFEST_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read the index manifest ({exc})") from exc
    checksums = {str(k): str(v) for k, v in sorted(data.get("checksums", {}).items())}
    digest = hashlib.sha256("".join(f"{name}\t{sha}\n" for name, sha in checksums.items()).encode())
    return IndexFingerprint(str(folder), int(data.get("passages", 0)), int(data.get("documents", 0)),
                            str(data.get("embedding_model", "")), str(data.get("index_kind", "flat")),
                            checksums, digest.hexdigest())


def start_manifest(config, index, inputs: list[InputSummary], engine: str = "local") -> RunManifest:
    """The manifest of a run about to start: what will decide its rows (outcome filled in later)."""
    from vericlaim import __version__

    index_print = index_fingerprint(index) if isinstance(index, str | Path) else None
    return RunManifest(__version__, command_line(), json.loads(json.dumps(asdict(config))),
                       model_fingerprints(config), index_print, tuple(inputs), engine,
                       started=utc_now())


def write_manifest(manifest: RunManifest, report: str | Path) -> Path:
    """Write ``REPORT.manifest.json`` atomically; returns its path."""
    path = manifest_path(report)
    atomic_write_text(path, manifest.to_json())
    return path


def read_manifest(path: str | Path) -> RunManifest:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return RunManifest.from_dict(data)
    except (OSError, ValueError, TypeError) as exc:
        raise ManifestError(f"{path}: not a readable run manifest ({exc})") from exc


def for_report(manifest: RunManifest, report: str | Path, fmt: str) -> RunManifest:
    return replace(manifest, report=str(report), report_format=fmt)


def _short(value: object) -> str:
    text = json.dumps(value) if not isinstance(value, str) else value
    return text[:12] if len(text) == 64 else text  # sha256 digests: the first 12 hex digits say enough


def differences(previous: RunManifest, current: RunManifest) -> list[str]:
    """What differs between two runs in models, index or config, one phrase each."""
    found = []
    old_models = {m.role: m for m in previous.models}
    for model in current.models:
        old = old_models.get(model.role)
        if old is None:
            continue  # a manifest of an older vericlaim that did not record this model
        if old.name != model.name:
            found.append(f"{model.role} model {old.name!r} -> {model.name!r}")
        elif old.files != model.files:
            changed = sorted(set(old.files.items()) ^ set(model.files.items()))
            names = sorted({name for name, _ in changed})
            found.append(f"{model.role} model {model.name!r} weights changed ({', '.join(names)})")
    if previous.index is not None and current.index is not None:
        old, new = previous.index, current.index
        if old.fingerprint != new.fingerprint:
            found.append(f"index {new.path} fingerprint {_short(old.fingerprint)} -> {_short(new.fingerprint)} "
                         f"({old.passages} -> {new.passages} passages)")
    from vericlaim.config import Config

    defaults = asdict(Config())
    for key in sorted(set(previous.config) | set(current.config)):
        old_value = previous.config.get(key, json.loads(json.dumps(defaults.get(key))))
        new_value = current.config.get(key)
        if old_value != new_value:
            found.append(f"config {key} {_short(old_value)} -> {_short(new_value)}")
    return found


def check_resumable(report: str | Path, current: RunManifest) -> RunManifest | None:
    """Refuse to continue a run whose models, index or config differ; returns the old manifest."""
    path = manifest_path(report)
    if not path.is_file():
        return None  # nothing recorded (a run of a vericlaim without manifests): nothing to compare
    previous = read_manifest(path)
    found = differences(previous, current)
    if found:
        raise ResumeMismatchError(
            f"cannot resume {report}: the run it would continue ({path}) used other settings: "
            + "; ".join(found) + ". Run without --resume (with --force) to start over.")
    return previous


def finish_manifest(run: RunManifest, counts: dict[str, int], documents: int, failed: int, warnings: int,
                    seconds: float) -> RunManifest:
    """The manifest of a completed run: its outcome and timings added to what it started with."""
    inputs = tuple(replace(i, documents=documents, failed=failed) if n == 0 else i
                   for n, i in enumerate(run.inputs))
    claims = sum(counts.values())
    timings = {"total_seconds": round(seconds, 3)}
    if claims and seconds > 0:
        timings["claims_per_second"] = round(claims / seconds, 3)
    return replace(run, status="complete", inputs=inputs, counts=dict(sorted(counts.items())), claims=claims,
                   errors=failed, warnings=warnings, finished=utc_now(), timings=timings)
