"""BM25 over the index's passages, beside the dense FAISS vectors.

Dense embeddings blur exactly what claims hinge on (names, numbers, rare
words); a lexical index keeps them. Scoring is ``bm25s`` (a maintained BM25
library, Lucene's variant) with PyStemmer's English stemmer and bm25s's
English stop words.

Everything is stored as ``.npy`` (read with ``allow_pickle=False``) and JSON,
so loading cannot execute code. The passages' token ids are kept, so adding
documents tokenises only the new passages and re-weights the BM25 matrix
(IDF changes with every document) from stored ids instead of re-reading text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

FORMAT = 1
# Files in the index folder; the index manifest checksums every one of them.
FILES = {
    "tokens": "bm25.tokens.npy",      # every passage's token ids, concatenated (int32)
    "offsets": "bm25.offsets.npy",    # where each passage's ids start in tokens (int64, n + 1)
    "vocab": "bm25.vocab.json",       # the tokenizer's word -> stem -> id tables
    "params": "bm25.params.json",     # our own settings and bm25s's
    "data": "bm25.data.npy",          # the BM25 score matrix (CSC: data, indices, indptr)
    "indices": "bm25.indices.npy",
    "indptr": "bm25.indptr.npy",
}
_BM25S_PARAMS = "bm25.bm25s.json"  # bm25s's own parameter file (it writes and reads it)
_VOCAB_BM25S = "bm25.bm25s-vocab.json"
SPLITTER = r"(?u)\b\w+\b"  # single characters too: "5 killed" must keep its 5


def _tokenizer():
    import bm25s
    import Stemmer

    return bm25s.tokenization.Tokenizer(splitter=SPLITTER, stopwords="en",
                                        stemmer=Stemmer.Stemmer("english"))


def passage_text(text: str, title: str, with_title: bool) -> str:
    """What BM25 indexes for one passage: its text, with the document title first when chosen."""
    return f"{title}\n{text}" if with_title and title else text


@dataclass
class LexicalIndex:
    """BM25 over passages, row i = passage i of the dense index (same order)."""

    with_title: bool = True
    k1: float = 1.2
    b: float = 0.75
    _tokenizer: object = field(default=None, repr=False)
    _ids: list[np.ndarray] = field(default_factory=list, repr=False)
    _bm25: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self._tokenizer is None:
            self._tokenizer = _tokenizer()

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, texts: list[str]) -> None:
        """Tokenise new passages (already title-joined by the caller) and re-weight the matrix."""
        if not texts:
            return
        ids = self._tokenizer.tokenize(texts, update_vocab=True, show_progress=False, return_as="ids")
        self._ids += [np.asarray(row, dtype=np.int32) for row in ids]
        self._bm25 = None  # re-weighted once, when next searched or saved, not once per batch

    def _weighted(self):
        """The BM25 matrix over all passages, recomputed from the stored ids after an add."""
        import bm25s

        if self._bm25 is not None or not self._ids:
            return self._bm25
        vocab = dict(self._tokenizer.get_vocab_dict())
        bm25 = bm25s.BM25(k1=self.k1, b=self.b, method="lucene")
        bm25.index(([row.tolist() for row in self._ids], vocab), show_progress=False)
        self._bm25 = bm25
        return bm25

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for one query (zeros when no query word is indexed)."""
        n = len(self._ids)
        bm25 = self._weighted()
        if bm25 is None:
            return np.zeros(n, dtype=np.float32)
        ids = self._tokenizer.tokenize([query], update_vocab=False, show_progress=False,
                                       return_as="ids", allow_empty=False)[0]
        known = len(bm25.scores["indptr"]) - 1
        ids = sorted({i for i in ids if i < known})
        if not ids:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(bm25.get_scores_from_ids(ids), dtype=np.float32)

    def top(self, query: str, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The k best passages (row ids, scores), best first; passages scoring 0 are left out."""
        scores = self.scores(query)
        k = min(k, len(scores))
        if k == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        best = best[scores[best] > 0]
        return best.astype(np.int64), scores[best]

    # --- storage -----------------------------------------------------------------------------

    def save(self, folder: Path) -> list[str]:
        """Write into ``folder`` (the index's staging folder); returns the file names written."""
        folder = Path(folder)
        lengths = np.fromiter((len(r) for r in self._ids), dtype=np.int64, count=len(self._ids))
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        tokens = np.concatenate(self._ids).astype(np.int32) if self._ids else np.zeros(0, np.int32)
        np.save(folder / FILES["tokens"], tokens, allow_pickle=False)
        np.save(folder / FILES["offsets"], offsets, allow_pickle=False)
        self._tokenizer.save_vocab(str(folder), vocab_name=FILES["vocab"])
        params = {"format": FORMAT, "with_title": self.with_title, "k1": self.k1, "b": self.b,
                  "splitter": SPLITTER, "stopwords": "en", "stemmer": "english", "passages": len(self)}
        (folder / FILES["params"]).write_text(json.dumps(params, indent=2) + "\n", encoding="utf-8")
        written = [FILES[k] for k in ("tokens", "offsets", "vocab", "params")]
        if self._weighted() is not None:
            self._bm25.save(str(folder), data_name=FILES["data"], indices_name=FILES["indices"],
                            indptr_name=FILES["indptr"], vocab_name=_VOCAB_BM25S,
                            params_name=_BM25S_PARAMS, allow_pickle=False, show_progress=False)
            written += [FILES["data"], FILES["indices"], FILES["indptr"], _VOCAB_BM25S, _BM25S_PARAMS]
        return written

    @classmethod
    def load(cls, folder: Path, mmap: bool = False) -> LexicalIndex:
        """Read what :meth:`save` wrote (checksums are the index manifest's job)."""
        import bm25s

        folder = Path(folder)
        params = json.loads((folder / FILES["params"]).read_text(encoding="utf-8"))
        if params.get("format") != FORMAT:
            raise ValueError(f"{folder / FILES['params']}: lexical index format {params.get('format')} "
                             f"is not the supported {FORMAT}")
        index = cls(with_title=params["with_title"], k1=params["k1"], b=params["b"])
        index._tokenizer.load_vocab(str(folder), vocab_name=FILES["vocab"])
        tokens = np.load(folder / FILES["tokens"], allow_pickle=False)
        offsets = np.load(folder / FILES["offsets"], allow_pickle=False)
        index._ids = [tokens[offsets[i]:offsets[i + 1]] for i in range(len(offsets) - 1)]
        if (folder / FILES["data"]).is_file():
            index._bm25 = bm25s.BM25.load(str(folder), data_name=FILES["data"], indices_name=FILES["indices"],
                                          indptr_name=FILES["indptr"], vocab_name=_VOCAB_BM25S,
                                          params_name=_BM25S_PARAMS, mmap=mmap, allow_pickle=False)
        return index

    @staticmethod
    def files_present(folder: Path) -> bool:
        return all((Path(folder) / FILES[k]).is_file() for k in ("tokens", "offsets", "vocab", "params"))
