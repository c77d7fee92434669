"""The on-disk index: FAISS vectors + Parquet passage metadata + JSON manifest.

Nothing here can execute code on load: FAISS's own binary format, Parquet
and JSON only. The manifest records the embedding model, dimension, counts
and SHA-256 checksums, so a truncated file, a tampered file or an index
built with another model is refused with a clear message instead of
returning wrong neighbours. Saving writes a complete new folder beside the
old one and swaps it in, so an interrupted build leaves the old index whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from vericlaim.claims.quantities import frames_to_json
from vericlaim.records import Document, Passage
from vericlaim.retrieval.lexical import LexicalIndex, passage_text

FORMAT_VERSION = 1
VECTORS_FILE = "index.faiss"
PASSAGES_FILE = "passages.parquet"
MANIFEST_FILE = "manifest.json"
PASSAGE_COLUMNS = ["passage_id", "doc_id", "text", "start", "end",
                   "title", "source", "date", "url", "frames"]


class IndexCorruptError(RuntimeError):
    """The index folder is missing, corrupt, or built with another model."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class IndexStore:
    """Vectors and passages in memory, with the model they were built with."""

    faiss_index: object
    passages: pd.DataFrame
    model: str
    dimension: int
    kind: str = "flat"
    # BM25 over the same passages (row i = vector i). None for an index saved before lexical
    # search existed: it is then built from the stored passage texts when first needed.
    lexical: LexicalIndex | None = None

    @classmethod
    def empty(cls, model: str, dimension: int, kind: str = "flat", nlist: int = 256) -> IndexStore:
        import faiss

        if kind == "ivf":
            quantizer = faiss.IndexFlatIP(dimension)
            index = faiss.IndexIVFFlat(quantizer, dimension, nlist, faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexFlatIP(dimension)
        return cls(index, pd.DataFrame(columns=PASSAGE_COLUMNS), model, dimension, kind, LexicalIndex())

    @property
    def doc_ids(self) -> set[str]:
        return set(self.passages["doc_id"].unique()) if len(self.passages) else set()

    def __len__(self) -> int:
        return int(self.faiss_index.ntotal)

    def add(self, docs: dict[str, Document], passages: list[Passage], vectors: np.ndarray) -> None:
        """Append passages and their vectors (IVF is trained on the first batch)."""
        if len(passages) != len(vectors):
            raise ValueError("one vector per passage")
        if not passages:
            return
        if not self.faiss_index.is_trained:
            nlist = self.faiss_index.nlist
            if len(vectors) < nlist:
                raise ValueError(f"IVF with {nlist} lists needs at least {nlist} passages to train; "
                                 "use the flat index for small corpora")
            self.faiss_index.train(vectors)
        self.faiss_index.add(vectors)
        rows = [{
            "passage_id": p.passage_id, "doc_id": p.doc_id, "text": p.text,
            "start": p.start, "end": p.end, "title": docs[p.doc_id].title,
            "source": docs[p.doc_id].source, "date": docs[p.doc_id].date, "url": docs[p.doc_id].url,
            # quantity frames parsed at index time, so `check` parses only claims
            "frames": None if p.quantities is None else frames_to_json(p.quantities),
        } for p in passages]
        frame = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
        lexical = self.lexical_index()  # before the new rows, so an old index is caught up first
        self.passages = frame if self.passages.empty else pd.concat([self.passages, frame], ignore_index=True)
        lexical.add([passage_text(p.text, docs[p.doc_id].title, lexical.with_title) for p in passages])

    def lexical_index(self) -> LexicalIndex:
        """The BM25 index, built from the stored passage texts if this index predates it."""
        if self.lexical is None or len(self.lexical) != len(self.passages):
            lexical = LexicalIndex()
            lexical.add([passage_text(t, ti or "", lexical.with_title)
                         for t, ti in zip(self.passages["text"], self.passages["title"], strict=True)])
            self.lexical = lexical
        return self.lexical

    def save(self, folder: str | Path) -> None:
        """Write atomically: build in a temp folder, then swap it in."""
        import faiss

        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            faiss.write_index(self.faiss_index, str(staging / VECTORS_FILE))
            self.passages.astype({"start": "int64", "end": "int64"}).to_parquet(
                staging / PASSAGES_FILE, index=False)
            lexical_files = self.lexical_index().save(staging)
            manifest = {
                "format_version": FORMAT_VERSION,
                "embedding_model": self.model,
                "dimension": self.dimension,
                "index_kind": self.kind,
                "passages": len(self),
                "documents": len(self.doc_ids),
                "checksums": {name: _sha256(staging / name)
                              for name in (VECTORS_FILE, PASSAGES_FILE, *lexical_files)},
            }
            (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
            for name in (VECTORS_FILE, PASSAGES_FILE, *lexical_files, MANIFEST_FILE):
                with open(staging / name, "rb") as handle:
                    os.fsync(handle.fileno())
            old = folder.with_name(folder.name + ".old")
            if folder.exists():
                shutil.rmtree(old, ignore_errors=True)
                os.replace(folder, old)
            os.replace(staging, folder)
            shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    @classmethod
    def load(cls, folder: str | Path, expected_model: str | None = None) -> IndexStore:
        """Read and verify an index; raises IndexCorruptError with the reason."""
        import faiss

        folder = Path(folder)
        if not folder.exists() and folder.with_name(folder.name + ".old").exists():
            folder = folder.with_name(folder.name + ".old")  # a swap was interrupted
        manifest_path = folder / MANIFEST_FILE
        if not manifest_path.is_file():
            raise IndexCorruptError(f"{folder}: not a vericlaim index (no {MANIFEST_FILE})")
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise IndexCorruptError(f"{manifest_path}: corrupt manifest ({exc})") from exc
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexCorruptError(f"{folder}: index format {manifest.get('format_version')} "
                                    f"is not the supported {FORMAT_VERSION}; rebuild it")
        if expected_model is not None and manifest.get("embedding_model") != expected_model:
            raise IndexCorruptError(
                f"{folder}: built with embedding model {manifest.get('embedding_model')!r}, "
                f"but this run uses {expected_model!r}; rebuild the index or pass the same model")
        for name, checksum in manifest.get("checksums", {}).items():
            path = folder / name
            if not path.is_file():
                raise IndexCorruptError(f"{path}: missing")
            if _sha256(path) != checksum:
                raise IndexCorruptError(f"{path}: checksum mismatch (truncated or modified); rebuild the index")
        try:
            index = faiss.read_index(str(folder / VECTORS_FILE))
            passages = pd.read_parquet(folder / PASSAGES_FILE)
        except Exception as exc:  # faiss raises RuntimeError, pyarrow its own types
            raise IndexCorruptError(f"{folder}: cannot read index files ({exc})") from exc
        if "frames" not in passages.columns:
            passages["frames"] = None  # built before frames were stored: parsed lazily at check time
        if index.ntotal != len(passages) or index.d != manifest.get("dimension"):
            raise IndexCorruptError(f"{folder}: vectors and passages disagree; rebuild the index")
        lexical = None  # an index saved before lexical search: built from the texts when needed
        if LexicalIndex.files_present(folder):
            try:
                lexical = LexicalIndex.load(folder)
            except (OSError, ValueError, KeyError) as exc:
                raise IndexCorruptError(f"{folder}: cannot read the BM25 index ({exc})") from exc
            if len(lexical) != len(passages):
                raise IndexCorruptError(f"{folder}: BM25 index and passages disagree; rebuild the index")
        return cls(index, passages, manifest["embedding_model"], manifest["dimension"],
                   manifest.get("index_kind", "flat"), lexical)
