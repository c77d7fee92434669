"""Known defects of the shared real sets, found without any of vericlaim's models.

LIAR-PLUS v2 pairs each PolitiFact statement with the justification of its ruling. In
test2, from one row on, every justification belongs to another statement (reported
upstream as Tariq60/LIAR-PLUS issue #4, "Wrong justifications in version 2 of the
dataset"). Measured on the shared copy: the statement's speaker is named in about 70%
of justifications before that row and in about 2% after it, while val2 stays near 70%
throughout. Those claims have no gold evidence in the corpus, so retrieval recall and
verdicts on them measure nothing; the suite and ``eval retrieval`` report the split both
whole and on its aligned rows.

The break is found, not hard-coded: the row that best separates "speaker named" before
from "speaker not named" after, accepted only when the two sides really differ.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from vericlaim.eval.real_sets import DEFAULT_SHARED, Split

# A break counts only when the speaker is named this often before it and this rarely after,
# over at least MIN_BLOCK rows: ordinary variation (val2: 0.64 to 0.75 per 150 rows) never passes.
NAMED_BEFORE_MIN = 0.5
NAMED_AFTER_MAX = 0.1
MIN_BLOCK = 50
LIAR_PLUS_SPLITS = {"val2", "test2"}


def _speaker_named(row: dict) -> bool | None:
    """Whether the justification names the statement's speaker (None: no speaker or no text)."""
    words = (row.get("originator") or "").replace("-", " ").split()
    text = (row.get("justification") or "").lower()
    if not words or not text:
        return None
    return words[-1].lower() in text


def misaligned_block(named: list[bool | None]) -> int | None:
    """First row of a trailing block whose justifications belong elsewhere, or None."""
    known = [(i, n) for i, n in enumerate(named) if n is not None]
    if len(known) < 2 * MIN_BLOCK:
        return None
    total_not_named = sum(not n for _, n in known)
    best, best_score, named_before, not_named_before = None, -1, 0, 0
    for position, (i, n) in enumerate(known):
        score = named_before + (total_not_named - not_named_before)
        if score > best_score:
            best, best_score, split_at = i, score, position
        named_before += n
        not_named_before += not n
    before, after = [n for _, n in known[:split_at]], [n for _, n in known[split_at:]]
    if len(before) < MIN_BLOCK or len(after) < MIN_BLOCK:
        return None
    if sum(before) / len(before) < NAMED_BEFORE_MIN or sum(after) / len(after) > NAMED_AFTER_MAX:
        return None
    return best


@lru_cache(maxsize=8)
def _liar_plus_misaligned(path: str) -> frozenset[str]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    start = misaligned_block([_speaker_named(r) for r in rows])
    if start is None:
        return frozenset()
    return frozenset(f"liarplus-claim-{str(r['json_file_id']).removesuffix('.json')}" for r in rows[start:])


def misaligned_claims(split: Split, shared: Path = DEFAULT_SHARED) -> frozenset[str]:
    """Claim ids of ``split`` whose gold evidence is known to belong to another claim."""
    if split.set_name != "liar_plus":
        return frozenset()
    out: set[str] = set()
    for name in split.upstream.split("+"):
        path = Path(shared) / split.folder / "dataset" / "jsonl" / f"{name}.jsonl"
        if name in LIAR_PLUS_SPLITS and path.is_file():
            out |= _liar_plus_misaligned(str(path))
    return frozenset(out)
