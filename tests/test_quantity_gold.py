"""The hand-labelled quantity gold set is well-formed, big enough, and scored as documented."""

import math

import pytest

from vericlaim.eval.quantity_gold import GOLD_DIR, SPLITS, load_jsonl, score_frames

QUANTITY_FIELDS = {"id", "source", "doc", "sentence", "number_text", "low", "high", "unit", "entity", "event",
                   "property", "time", "relative", "qualifier", "split"}
EVENTS = {"", "killed", "wounded", "fired", "intercepted", "deployed", "displaced", "arrested", "missing",
          "captured"}


def quantities() -> list[dict]:
    return [row for path in sorted(GOLD_DIR.glob("quantities_*.jsonl")) for row in load_jsonl(path)]


def test_every_gold_quantity_is_well_formed():
    rows = quantities()
    assert len(rows) >= 400 and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert QUANTITY_FIELDS <= set(row), row["id"]
        assert row["number_text"] in row["sentence"], row["id"]
        assert row["split"] in SPLITS and row["event"] in EVENTS, row["id"]
        high = math.inf if row["high"] is None else row["high"]
        assert row["low"] <= high, row["id"]


def test_splits_never_share_a_document():
    """A document's amounts sit in one split, so tuning on dev never reads a test sentence."""
    split_of: dict[tuple[str, str], str] = {}
    for row in quantities():
        key = (row["source"], row["doc"])
        assert split_of.setdefault(key, row["split"]) == row["split"], key


def test_pairs_are_labelled_and_enough():
    pairs = load_jsonl(GOLD_DIR / "pairs.jsonl")
    assert len(pairs) >= 200
    assert all(not p["conflict"] or p["comparable"] for p in pairs)  # a conflict is always comparable


@pytest.mark.parametrize("row,right", [
    ({"sentence": "The raid killed 12 civilians.", "number_text": "12", "low": 12, "high": 12, "unit": "",
      "entity": "civilians", "event": "killed"}, True),
    ({"sentence": "The raid killed 12 civilians.", "number_text": "12", "low": 12, "high": 12, "unit": "",
      "entity": "civilians", "event": "wounded"}, False),
])
def test_the_scorer_needs_every_field_right(row, right):
    assert score_frames([row])["frame"] == (1.0 if right else 0.0)


def test_no_test_sentence_is_in_a_development_split():
    rows = quantities()
    test = {r["sentence"] for r in rows if r["split"] == "test"}
    assert not [r["id"] for r in rows if r["split"] != "test" and r["sentence"] in test]
