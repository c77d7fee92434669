"""Retrieval: the FAISS passage index and claim search."""

from vericlaim.retrieval.search import search
from vericlaim.retrieval.store import IndexCorruptError, IndexStore

__all__ = ["IndexCorruptError", "IndexStore", "search"]
