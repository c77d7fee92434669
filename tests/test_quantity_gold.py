"""The hand-labelled quantity gold set is well-formed, big enough, and scored as documented."""

import math

import pytest

from vericlaim.eval.quantity_gold import GOLD_DIR, SPLITS, load_jsonl, score_frames

QUANTITY_FIELDS = {"id", "source", "doc", "sentence", "number_text", "low", "high", "unit", "entity", "event",
                   "property", "time", "relative", "qualifier", "split"}
EVENTS = {"", "killed", "wounded", "fired", "intercepted", "deployed", "displaced", "arrested", "missing",
          "captured", "killed or wounded"}


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


def test_the_blind_second_annotation_of_test_agrees_with_the_gold():
    """Two readers of the held-out sentences agree on most frames: the gold is a fair yardstick.

    The second annotator saw only the sentence and the amount's words, never the gold or the
    tool; frame agreement well above the tool's accuracy says the gap is the tool's.
    """
    from vericlaim.eval.quantity_gold import score_agreement

    second = {row["id"]: row for row in load_jsonl(GOLD_DIR / "second_annotation_test.jsonl")}
    test = [row for row in quantities() if row["split"] == "test"]
    assert set(second) == {row["id"] for row in test}
    agreement = score_agreement(test, second)
    assert agreement["frame"] >= 0.85 and agreement["casualty_event"] >= 0.95


@pytest.mark.parametrize("second,agrees", [
    ({"low": 12, "high": 12, "unit": "", "entity": "civilian", "event": "killed"}, True),
    ({"low": 12, "high": None, "unit": "", "entity": "civilians", "event": "killed"}, False),
    ({"low": 12, "high": 12, "unit": "", "entity": "people", "event": "killed or wounded"}, False),
    ({"low": 12, "high": 12, "unit": "", "entity": "civilians", "event": "killed or wounded"}, True),
])
def test_two_annotators_agree_by_the_scorers_rules(second, agrees):
    from vericlaim.eval.quantity_gold import labels_agree

    gold = {"low": 12, "high": 12, "unit": "", "entity": "civilians", "event": "killed"}
    assert labels_agree(gold, second).frame == agrees
