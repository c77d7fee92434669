"""What `check` loads: models by name or path (offline-aware), NLI scoring, embeddings."""

from vericlaim.models.resolve import (
    DEFAULT_EMBEDDING_MODEL,
    DEFAULT_NLI_MODEL,
    ModelNotFoundError,
    resolve_model,
)

__all__ = ["DEFAULT_EMBEDDING_MODEL", "DEFAULT_NLI_MODEL", "ModelNotFoundError", "resolve_model"]
