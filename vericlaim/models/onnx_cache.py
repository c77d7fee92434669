"""The default backend's ONNX export: made once, checked against torch, cached per user.

The first run that needs it exports the NLI model to ONNX (fp32), scores the
SNLI sample with both runtimes and records the label agreement beside the
export. Later runs read that record instead of checking again. The export is
kept in a user-writable cache (``$VERICLAIM_CACHE``, else
``$XDG_CACHE_HOME/vericlaim`` or ``~/.cache/vericlaim``) because the bundled
model lives in site-packages, which may be read-only; the folder name carries
a hash of the model's files and of the exporting library versions, so a
retrained model or a new torch gets a fresh export. The folder is built in a
temporary directory and renamed into place: a crash leaves no half export,
and two processes exporting at once both end with one good folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from vericlaim.atomic import atomic_write_text

AGREEMENT_REQUIRED = 0.999  # share of SNLI pairs on which ONNX must give torch's label
CHECK_FILE = "check.json"
EXPORT_FORMAT = 1  # bump when export_onnx changes what it writes
SNLI_SAMPLE = Path("shared") / "data" / "snli_dev_sample.jsonl"
MODEL_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
               "vocab.txt", "merges.txt", "spm.model")  # plus every weight file; not cards or records


@dataclass(frozen=True)
class OnnxCheck:
    """The recorded comparison of an export with the torch model it came from."""

    source: str
    pairs: int
    agreeing: int
    data: str
    passed: bool

    @property
    def agreement(self) -> float:
        return self.agreeing / self.pairs if self.pairs else 0.0


def cache_root() -> Path:
    if os.environ.get("VERICLAIM_CACHE"):
        return Path(os.environ["VERICLAIM_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "vericlaim"


def _versions() -> str:
    import torch
    import transformers

    from vericlaim.optional import require

    onnxruntime = require("onnxruntime")  # missing: the caller falls back to torch
    return f"{EXPORT_FORMAT}:{torch.__version__}:{transformers.__version__}:{onnxruntime.__version__}"


def export_key(model_path: str) -> str:
    """Hash of the model's files (or its hub name) and the library versions that export and run it."""
    digest = hashlib.sha256(_versions().encode())
    folder = Path(model_path)
    if folder.is_dir():
        for file in sorted(p for p in folder.iterdir()
                           if p.name in MODEL_FILES or p.suffix in (".safetensors", ".bin")):
            digest.update(file.name.encode())
            with file.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    else:
        digest.update(model_path.encode())
    return digest.hexdigest()[:16]


def export_folder(model_path: str) -> Path:
    slug = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in Path(model_path).name)[:40]
    return cache_root() / "onnx" / f"{slug}-{export_key(model_path)}"


def read_check(folder: Path) -> OnnxCheck | None:
    path = folder / CHECK_FILE
    if not path.is_file():
        return None
    try:
        return OnnxCheck(**json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, TypeError, UnicodeDecodeError):
        return None  # torn or foreign record: export and check again


def check_pairs() -> tuple[list[tuple[str, str]], str]:
    """Pairs to compare the runtimes on: the SNLI sample in ../shared, else the shipped dev claims.

    The SNLI sample is found beside the working folder or beside a source checkout; an installed
    wheel without it compares on every ordered pair of claims from the same article of the
    shipped evaluation set (labels are not needed, only agreement).
    """
    here = Path(__file__).resolve().parents[2]
    for root in (Path.cwd().parent, here.parent):
        sample = root / SNLI_SAMPLE
        if sample.is_file():
            with sample.open(encoding="utf-8") as handle:
                rows = [json.loads(line) for line in handle if line.strip()]
            return [(r["premise"], r["hypothesis"]) for r in rows], str(sample)
    gold = Path(__file__).resolve().parents[1] / "eval" / "data" / "gold.jsonl"
    by_article: dict[str, list[str]] = {}
    with gold.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                by_article.setdefault(row["article"], []).append(row["claim"])
    pairs = [(a, b) for claims in by_article.values() for a in claims for b in claims if a != b]
    return pairs, str(gold)


def compare(torch_scorer, onnx_scorer, source: str) -> OnnxCheck:
    pairs, data = check_pairs()
    torch_labels = [s.label for s in torch_scorer.predict(pairs, 64)]
    onnx_labels = [s.label for s in onnx_scorer.predict(pairs, 64)]
    agreeing = sum(a == b for a, b in zip(torch_labels, onnx_labels, strict=True))
    passed = agreeing >= AGREEMENT_REQUIRED * len(pairs)
    return OnnxCheck(source, len(pairs), agreeing, data, passed)


def ensure_export(model_path: str, max_length: int = 192) -> tuple[Path, OnnxCheck]:
    """The checked fp32 export of ``model_path``: from the cache, or made and checked now.

    Raises OSError when the cache is not writable and whatever the exporter raises; the
    caller falls back to torch.
    """
    from vericlaim.models.nli import NLIScorer
    from vericlaim.models.onnx_backend import OnnxNLIScorer, export_onnx

    folder = export_folder(model_path)
    check = read_check(folder)
    if check is not None:
        return folder, check
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(staging, 0o777 & ~mask)  # mkdtemp makes 0700; a shared cache should stay readable
    try:
        export_onnx(model_path, staging)
        check = compare(NLIScorer(model_path, max_length), OnnxNLIScorer(str(staging), max_length),
                        model_path)
        atomic_write_text(staging / CHECK_FILE, json.dumps(asdict(check), indent=2) + "\n")
        try:
            os.replace(staging, folder)
        except OSError:
            if read_check(folder) is None:  # not another process's finished export: a real failure
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder, read_check(folder) or check
