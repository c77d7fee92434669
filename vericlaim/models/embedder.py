"""Sentence embeddings for retrieval, loaded by name or local path."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from vericlaim.models.resolve import resolve_model
from vericlaim.verbosity import library_output


class Embedder:
    """Thin wrapper over sentence-transformers: normalised float32 vectors."""

    def __init__(self, name_or_path: str):
        from sentence_transformers import SentenceTransformer

        self.name = name_or_path
        self.path = resolve_model(name_or_path, "embedding")
        with library_output():  # its weight-loading bar only with -v
            self.model = SentenceTransformer(self.path, device="cpu")
        size = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dimension = int(size())

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


@lru_cache(maxsize=2)
def load_embedder(name_or_path: str) -> Embedder:
    """Load once per process: models are the slowest thing to start."""
    return Embedder(name_or_path)
