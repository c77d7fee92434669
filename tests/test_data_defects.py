"""The known LIAR-PLUS test2 defect is found from the data itself, and nothing is flagged elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from vericlaim.eval.data_defects import misaligned_block, misaligned_claims
from vericlaim.eval.real_sets import SPLITS

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
needs_liar_plus = pytest.mark.skipif(not (SHARED / "liar_plus").is_dir(), reason="needs ../shared/data")


def _split(set_name: str, kind: str):
    return next(s for s in SPLITS if s.set_name == set_name and s.split == kind)


def test_a_trailing_block_of_foreign_justifications_is_found():
    named = [False, True, None, True, True] * 40 + [False] * 60 + [True] + [False] * 40
    assert misaligned_block(named) == 200


def test_ordinary_variation_is_not_a_block():
    assert misaligned_block([True, False, True] * 100) is None
    assert misaligned_block([True] * 300 + [False] * 20) is None  # too short to be a block
    assert misaligned_block([False] * 300) is None  # nothing aligned before it


@needs_liar_plus
def test_test2_has_the_misaligned_block_and_val2_has_none():
    bad = misaligned_claims(_split("liar_plus", "heldout"), SHARED)
    assert 400 <= len(bad) <= 700  # rows 703 to 1,282 of test2 (upstream issue Tariq60/LIAR-PLUS#4)
    assert misaligned_claims(_split("liar_plus", "dev"), SHARED) == frozenset()
    assert misaligned_claims(_split("politihop", "heldout"), SHARED) == frozenset()
