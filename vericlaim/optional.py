"""Optional pieces (ONNX Runtime, spaCy's English pipeline): a clear message when one is missing.

A user who asks for a feature whose package is not installed should read one line that says
what to install, not a stack trace from deep inside an import.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from vericlaim.models.resolve import ModelNotFoundError

INSTALL = {
    "onnxruntime": "pip install 'vericlaim[onnx]'  (ONNX Runtime, for --nli-backend onnx and export-onnx)",
    "onnx": "pip install 'vericlaim[onnx]'  (for export-onnx)",
    "ray": "pip install 'vericlaim[ray]'  (Ray Data, for check --engine ray)",
}


class MissingDependencyError(ModelNotFoundError):
    """An optional package a requested feature needs is not installed (the CLI exits with 2)."""


def require(module: str) -> ModuleType:
    """Import ``module`` or raise MissingDependencyError saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        hint = INSTALL.get(module.split(".")[0], f"pip install {module.split('.')[0]}")
        raise MissingDependencyError(f"{module} is not installed; install it with: {hint}") from exc
