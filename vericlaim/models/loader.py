"""Which NLI backend a run uses, loaded once per process.

``auto`` (the default) runs the ONNX fp32 export of the model (made, checked
and cached by ``onnx_cache`` on first use): about twice the speed of torch on
CPU with the same labels. When ONNX Runtime is missing, the export fails or
the recorded check found disagreement, the run goes on with torch and says so
in one line on stderr. ``onnx`` is an explicit exported folder (e.g. int8,
which is opt-in because it changes labels); ``torch`` forces the reference.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from vericlaim.models.nli import NLIScorer
from vericlaim.models.nli_base import BatchedNLIScorer
from vericlaim.models.onnx_backend import ONNX_FILE, OnnxNLIScorer
from vericlaim.models.resolve import resolve_model
from vericlaim.optional import MissingDependencyError

BACKENDS = ("auto", "onnx", "torch")
_threads: int | None = None


def set_threads(threads: int | None) -> None:
    """Intra-op threads for models loaded from now on (Ray workers share a machine's cores)."""
    global _threads
    _threads = threads
    if threads:
        import torch

        torch.set_num_threads(threads)


def _warn(message: str) -> None:
    print(f"vericlaim: warning: {message}", file=sys.stderr)


def auto_backend(name_or_path: str, max_length: int = 192) -> tuple[str, str | None]:
    """What ``auto`` runs: ("onnx", export folder) or ("torch", None), warning once on stderr.

    Makes and checks the export on first use; a Ray driver calls this so that workers
    do not each try (and warn).
    """
    from pathlib import Path

    from vericlaim.models.onnx_cache import ensure_export

    path = resolve_model(name_or_path, "nli")
    if (Path(path) / ONNX_FILE).is_file():  # already an export
        return "onnx", path
    try:
        folder, check = ensure_export(path, max_length)
    except MissingDependencyError:
        _warn("ONNX Runtime is not installed, so NLI runs on torch (about 2x slower); "
              "pip install 'vericlaim[onnx]'")
        return "torch", None
    except Exception as exc:  # an exporter or cache failure must not stop the batch
        _warn(f"could not prepare the ONNX export of {name_or_path} ({type(exc).__name__}: {exc}); "
              "NLI runs on torch")
        return "torch", None
    if not check.passed:
        _warn(f"the ONNX export of {name_or_path} gave torch's label on only {check.agreement:.2%} of "
              f"{check.pairs} pairs ({folder / 'check.json'}); NLI runs on torch")
        return "torch", None
    return "onnx", str(folder)


def _auto(name_or_path: str, max_length: int) -> BatchedNLIScorer:
    backend, folder = auto_backend(name_or_path, max_length)
    if backend == "torch":
        return NLIScorer(name_or_path, max_length, _threads)
    path = resolve_model(name_or_path, "nli")
    return OnnxNLIScorer(folder, max_length, _threads, source=None if folder == path else path)


@lru_cache(maxsize=4)
def load_nli(name_or_path: str, max_length: int = 192, backend: str = "auto") -> BatchedNLIScorer:
    """Load once per process; ``backend`` is "auto", "onnx" (an exported folder) or "torch"."""
    if backend not in BACKENDS:
        raise ValueError(f"NLI backend {backend!r}: expected one of {', '.join(BACKENDS)}")
    if backend == "onnx":
        return OnnxNLIScorer(resolve_model(name_or_path, "nli"), max_length, _threads)
    if backend == "torch":
        return NLIScorer(name_or_path, max_length, _threads)
    return _auto(name_or_path, max_length)
