"""The on-disk index: FAISS vectors + Parquet passage metadata + JSON manifest.

Nothing here can execute code on load: FAISS's own binary format, Parquet
and JSON only. The manifest records the embedding model, dimension, counts
and SHA-256 checksums, so a truncated file, a tampered file or an index
built with another model is refused with a clear message instead of
returning wrong neighbours. Saving writes a complete new folder beside the
old one and swaps it in, so an interrupted build leaves the old index whole.

Index kinds (``VectorIndex``): ``flat`` (exact), ``ivf`` (IVF-Flat) and ``ivfpq`` (IVF with
product-quantised codes, candidates re-ranked with the exact vectors), each optionally split
into shards searched in parallel. Loading memory-maps the FAISS files, so pages are read
from disk as queries touch them and processes on one machine share them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from vericlaim.claims.quantities import FRAMES_VERSION, frames_to_json
from vericlaim.records import Document, Passage
from vericlaim.retrieval.lexical import LexicalIndex, passage_text

FORMAT_VERSION = 1
VECTORS_FILE = "index.faiss"
PASSAGES_FILE = "passages.parquet"
MANIFEST_FILE = "manifest.json"
PASSAGE_COLUMNS = ["passage_id", "doc_id", "text", "start", "end",
                   "title", "source", "date", "url", "frames"]


KINDS = ("flat", "ivf", "ivfpq")
# IVF kinds train on the first TRAIN_SIZE vectors added (all of them, for a smaller corpus), then
# keep that coarse quantizer and codebook for every later add.
TRAIN_SIZE = 65_536
MIN_TRAIN = {"ivf": 256, "ivfpq": 1_000}  # fewer passages than this: IndexBuildError, use flat
PQ_BITS = 8
REFINE_FACTOR = 16  # ivfpq: the best k x this PQ candidates are re-ranked with their exact vectors


class IndexCorruptError(RuntimeError):
    """The index folder is missing, corrupt, or built with another model."""


class IndexBuildError(ValueError):
    """The index cannot be built as asked (too few passages to train, another kind than it has)."""


def shard_file(shard: int, shards: int) -> str:
    """The FAISS file of one shard (one shard: the classic ``index.faiss``)."""
    return VECTORS_FILE if shards == 1 else f"index.shard{shard:03d}-of-{shards:03d}.faiss"


def ivf_params(kind: str, n: int, dimension: int, nlist: int | None = None) -> dict:
    """IVF sizes for ``n`` training vectors: about 4 sqrt(n) lists, at least 39 vectors per list."""
    params = {"nlist": nlist or max(1, min(int(4 * math.sqrt(n)), n // 39, 65_536))}
    if kind == "ivfpq":  # 48 sub-quantizers of 8 dimensions for 384-d MiniLM: 48 bytes a vector
        m = next(m for m in (48, 64, 32, 24, 16, 12, 8, 6, 4, 3, 2, 1) if dimension % m == 0)
        params.update(pq_m=m, pq_bits=PQ_BITS, k_factor=REFINE_FACTOR)
    return params


def _new_faiss(kind: str, dimension: int, params: dict):
    import faiss

    if kind == "flat":
        return faiss.IndexFlatIP(dimension)
    # "np": no polysemous training (minutes for 48 sub-quantizers, and unused by this search)
    spec = (f"IVF{params['nlist']},Flat" if kind == "ivf" else
            f"IVF{params['nlist']},PQ{params['pq_m']}x{params['pq_bits']}np,RFlat")
    return faiss.index_factory(dimension, spec, faiss.METRIC_INNER_PRODUCT)


def _reconstruct(index, ids: np.ndarray) -> np.ndarray:
    try:
        return index.reconstruct_batch(ids)
    except RuntimeError:  # IVF indexes answer only after a direct map is made
        import faiss

        faiss.extract_index_ivf(index).make_direct_map()
        return index.reconstruct_batch(ids)


class VectorIndex:
    """The dense vectors of an index: one FAISS index, or several shards searched in parallel.

    Vector ``g`` lives in shard ``g % shards`` at row ``g // shards``: round robin keeps the
    shards balanced as documents are added, and no id map is stored. Results of the shards
    are merged by score (ties: lower id first). IVF kinds buffer the vectors until
    ``TRAIN_SIZE`` have come (or the index is saved or searched), train one template on them
    and clone it into every shard, so all shards share one quantizer and codebook. The API is
    the part of a FAISS index that vericlaim uses: ``ntotal``, ``d``, ``add``, ``search``,
    ``reconstruct``, ``reconstruct_batch``, plus ``nprobe`` (IVF lists searched per query).
    """

    def __init__(self, kind: str = "flat", dimension: int = 384, shards: int = 1, parts: list | None = None,
                 params: dict | None = None, nlist: int | None = None):
        from vericlaim.config import Config

        if kind not in KINDS:
            raise IndexBuildError(f"index kind {kind!r}: choose one of {', '.join(KINDS)}")
        if shards < 1:
            raise IndexBuildError(f"shards must be at least 1, not {shards}")
        self.kind, self.d, self.shards = kind, dimension, shards
        self.params = dict(params or {})
        self.nlist = nlist  # None: chosen from the training sample's size
        self.nprobe = Config.nprobe
        self.mapped = False  # memory-mapped from disk: read-only, copied into RAM before an add
        self._pending: list[np.ndarray] = []
        self._pool: ThreadPoolExecutor | None = None
        if parts is None and kind == "flat":
            parts = [_new_faiss(kind, dimension, {}) for _ in range(shards)]
        self.parts = parts  # None until an IVF kind is trained

    @property
    def ntotal(self) -> int:
        return sum(int(p.ntotal) for p in self.parts or ()) + sum(len(x) for x in self._pending)

    @property
    def is_trained(self) -> bool:
        return self.parts is not None

    def add(self, vectors: np.ndarray) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.d:
            raise ValueError(f"vectors of dimension {self.d} expected, got shape {vectors.shape}")
        if not len(vectors):
            return
        if self.parts is None:
            self._pending.append(vectors)
            if sum(len(x) for x in self._pending) >= TRAIN_SIZE:
                self.finish()
            return
        self._own()
        if self.shards == 1:
            self.parts[0].add(vectors)
            return
        shard = np.arange(self.ntotal, self.ntotal + len(vectors)) % self.shards
        for s, part in enumerate(self.parts):
            part.add(np.ascontiguousarray(vectors[shard == s]))

    def finish(self) -> None:
        """Train an untrained IVF kind on the buffered vectors and add them; nothing to do otherwise."""
        if self.parts is not None:
            return
        import faiss

        data = np.concatenate(self._pending) if self._pending else np.zeros((0, self.d), np.float32)
        need = MIN_TRAIN[self.kind]
        if len(data) < need:
            raise IndexBuildError(
                f"index kind {self.kind} needs at least {need:,} passages to train its lists"
                f"{' and codebooks' if self.kind == 'ivfpq' else ''}, this corpus has {len(data):,}; "
                "use --kind flat (exact, and fast at this size)")
        sample = data[:TRAIN_SIZE]
        self.params = ivf_params(self.kind, len(sample), self.d, self.nlist)
        template = _new_faiss(self.kind, self.d, self.params)
        template.train(sample)
        self.parts = [template] + [faiss.clone_index(template) for _ in range(self.shards - 1)]
        self._pending = []
        self.add(data)

    def _own(self) -> None:
        """Copy memory-mapped shards into RAM (FAISS cannot add to a mapped index)."""
        if self.mapped:
            import faiss

            self.parts = [faiss.deserialize_index(faiss.serialize_index(p)) for p in self.parts]
            self.mapped = False

    def _configure(self, part) -> None:
        import faiss

        ivf = faiss.try_extract_index_ivf(part)
        if ivf is not None:
            ivf.nprobe = int(self.nprobe)
        if hasattr(part, "k_factor"):
            part.k_factor = float(self.params.get("k_factor", REFINE_FACTOR))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Inner products and ids of the best ``k`` vectors per query (-1 where fewer exist)."""
        self.finish()
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        for part in self.parts:
            self._configure(part)
        if self.shards == 1:
            return self.parts[0].search(queries, k)
        if self._pool is None:  # FAISS releases the GIL while it searches
            self._pool = ThreadPoolExecutor(max_workers=self.shards, thread_name_prefix="vericlaim-shard")
        found = list(self._pool.map(lambda part: part.search(queries, k), self.parts))
        scores = np.concatenate([f[0] for f in found], axis=1)
        ids = np.concatenate([np.where(f[1] >= 0, f[1] * self.shards + s, -1) for s, f in enumerate(found)],
                             axis=1)
        order = np.lexsort((ids, -scores), axis=-1)[:, :k]
        return np.take_along_axis(scores, order, 1), np.take_along_axis(ids, order, 1)

    def reconstruct_batch(self, ids) -> np.ndarray:
        """The stored vectors of these ids (exact for every kind: ivfpq keeps them for re-ranking)."""
        self.finish()
        ids = np.asarray(ids, dtype=np.int64)
        out = np.empty((len(ids), self.d), dtype=np.float32)
        for s, part in enumerate(self.parts):
            mask = ids % self.shards == s
            if mask.any():
                out[mask] = _reconstruct(part, ids[mask] // self.shards)
        return out

    def reconstruct(self, i: int) -> np.ndarray:
        return self.reconstruct_batch([int(i)])[0]

    def save(self, folder: Path) -> list[str]:
        """Write every shard into ``folder``; returns the file names."""
        import faiss

        self.finish()
        names = [shard_file(s, self.shards) for s in range(self.shards)]
        for part, name in zip(self.parts, names, strict=True):
            faiss.write_index(part, str(folder / name))
        return names

    @classmethod
    def load(cls, folder: Path, kind: str, dimension: int, shards: int = 1, params: dict | None = None,
             mmap: bool = True) -> VectorIndex:
        """Read the shards, memory-mapped when ``mmap`` and FAISS can map that index type."""
        import faiss

        parts, mapped = [], False
        for s in range(shards):
            path = str(folder / shard_file(s, shards))
            index = None
            if mmap:
                try:
                    index = faiss.read_index(path, faiss.IO_FLAG_MMAP_IFC)
                    mapped = True
                except RuntimeError:  # a type FAISS cannot map: read it into RAM below
                    index = None
            parts.append(index if index is not None else faiss.read_index(path))
        vectors = cls(kind, dimension, shards, parts, params)
        vectors.mapped = mapped
        return vectors


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class IndexStore:
    """Vectors and passages, with the model they were built with."""

    faiss_index: VectorIndex
    passages: pd.DataFrame
    model: str
    dimension: int
    kind: str = "flat"
    # BM25 over the same passages (row i = vector i). None for an index saved before lexical
    # search existed: it is then built from the stored passage texts when first needed.
    lexical: LexicalIndex | None = None

    @classmethod
    def empty(cls, model: str, dimension: int, kind: str = "flat", nlist: int | None = None,
              shards: int = 1) -> IndexStore:
        """A new index; ``nlist`` (IVF kinds) defaults to about 4 sqrt(training vectors)."""
        index = VectorIndex(kind, dimension, shards, nlist=nlist)
        return cls(index, pd.DataFrame(columns=PASSAGE_COLUMNS), model, dimension, kind, LexicalIndex())

    @property
    def shards(self) -> int:
        return self.faiss_index.shards

    @property
    def doc_ids(self) -> set[str]:
        return set(self.passages["doc_id"].unique()) if len(self.passages) else set()

    def __len__(self) -> int:
        return int(self.faiss_index.ntotal)

    def add(self, docs: dict[str, Document], passages: list[Passage], vectors: np.ndarray) -> None:
        """Append passages and their vectors (IVF kinds train once, on the first TRAIN_SIZE)."""
        if len(passages) != len(vectors):
            raise ValueError("one vector per passage")
        if not passages:
            return
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
        self.faiss_index.finish()  # an IVF kind too small to train fails here, before any file is written
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            vector_files = self.faiss_index.save(staging)
            self.passages.astype({"start": "int64", "end": "int64"}).to_parquet(
                staging / PASSAGES_FILE, index=False)
            lexical_files = self.lexical_index().save(staging)
            manifest = {
                "format_version": FORMAT_VERSION,
                "embedding_model": self.model,
                "dimension": self.dimension,
                "index_kind": self.kind,
                "shards": self.shards,
                "index_params": self.faiss_index.params,
                "passages": len(self),
                "frames_version": FRAMES_VERSION,
                "documents": len(self.doc_ids),
                "checksums": {name: _sha256(staging / name)
                              for name in (*vector_files, PASSAGES_FILE, *lexical_files)},
            }
            (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
            for name in (*vector_files, PASSAGES_FILE, *lexical_files, MANIFEST_FILE):
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
    def load(cls, folder: str | Path, expected_model: str | None = None, mmap: bool = True) -> IndexStore:
        """Read and verify an index; raises IndexCorruptError with the reason.

        With ``mmap`` (the default) the FAISS files are memory-mapped, not read into RAM; adding
        to such a store first copies the vectors into RAM (``build_index`` loads with mmap=False).
        """
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
        kind, shards = manifest.get("index_kind", "flat"), manifest.get("shards", 1)
        if kind not in KINDS or not isinstance(shards, int) or shards < 1:
            raise IndexCorruptError(f"{folder}: unknown index kind {kind!r} with {shards!r} shards; "
                                    "rebuild the index")
        files = {shard_file(s, shards) for s in range(shards)} | {PASSAGES_FILE}
        if not files <= set(manifest.get("checksums", {})):
            raise IndexCorruptError(f"{folder}: the manifest has no checksum for "
                                    f"{', '.join(sorted(files - set(manifest.get('checksums', {}))))}")
        try:
            index = VectorIndex.load(folder, kind, manifest.get("dimension"), shards,
                                     manifest.get("index_params"), mmap=mmap)
            passages = pd.read_parquet(folder / PASSAGES_FILE)
        except Exception as exc:  # faiss raises RuntimeError, pyarrow its own types
            raise IndexCorruptError(f"{folder}: cannot read index files ({exc})") from exc
        if "frames" not in passages.columns:
            passages["frames"] = None  # built before frames were stored: parsed lazily at check time
        elif manifest.get("frames_version") != FRAMES_VERSION and passages["frames"].notna().any():
            # frames made by another version of the extraction: parsed again at check time (slower
            # until the index is rebuilt, but a fixed frame never stays wrong in an old index)
            passages["frames"] = None
            print(f"vericlaim: note: {folder} stores quantity frames of an older parser; they are parsed "
                  "again as needed (rebuild the index to store fresh ones)", file=sys.stderr)
        sizes = [int(p.ntotal) for p in index.parts]
        if (index.ntotal != len(passages) or any(p.d != manifest.get("dimension") for p in index.parts)
                or sizes != [(len(passages) - s + shards - 1) // shards for s in range(shards)]):
            raise IndexCorruptError(f"{folder}: vectors and passages disagree; rebuild the index")
        lexical = None  # an index saved before lexical search: built from the texts when needed
        if LexicalIndex.files_present(folder):
            try:
                lexical = LexicalIndex.load(folder)
            except (OSError, ValueError, KeyError) as exc:
                raise IndexCorruptError(f"{folder}: cannot read the BM25 index ({exc})") from exc
            if len(lexical) != len(passages):
                raise IndexCorruptError(f"{folder}: BM25 index and passages disagree; rebuild the index")
        return cls(index, passages, manifest["embedding_model"], manifest["dimension"], kind, lexical)
