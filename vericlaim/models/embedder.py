"""Sentence embeddings for retrieval, loaded by name or local path."""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

import numpy as np

from vericlaim.models.resolve import resolve_model
from vericlaim.verbosity import library_output

CACHED_VECTORS = 20_000  # about 30 MB of 384-dim vectors


class Embedder:
    """Thin wrapper over sentence-transformers: normalised float32 vectors.

    Recent texts' vectors are kept (``CACHED_VECTORS``, least recently used out): a claim
    is embedded to score its check-worthiness and again as its retrieval query, and the
    second time costs nothing.
    """

    def __init__(self, name_or_path: str):
        from sentence_transformers import SentenceTransformer

        self.name = name_or_path
        self.path = resolve_model(name_or_path, "embedding")
        with library_output():  # its weight-loading bar only with -v
            self.model = SentenceTransformer(self.path, device="cpu")
        size = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dimension = int(size())
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False,
               cache: bool = True) -> np.ndarray:
        """Unit vectors for ``texts``; ``cache`` False for bulk text seen once (an index build)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if not cache:
            return self._encode(texts, batch_size, progress)
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, vector in zip(missing, self._encode(missing, batch_size, progress), strict=True):
                self._cache[text] = vector
        vectors = np.stack([self._cache[t] for t in texts])
        for text in texts:
            self._cache.move_to_end(text)
        while len(self._cache) > CACHED_VECTORS:
            self._cache.popitem(last=False)
        return vectors

    def _encode(self, texts: list[str], batch_size: int, progress: bool) -> np.ndarray:
        vectors = self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


@lru_cache(maxsize=2)
def load_embedder(name_or_path: str) -> Embedder:
    """Load once per process: models are the slowest thing to start."""
    return Embedder(name_or_path)
