"""The news NLI training data (issue 13): labels by construction, dev/train splits only."""

import csv
import json
import random
from pathlib import Path

import pytest

from vericlaim.training.synthetic import (
    NewsSentence,
    attribute,
    compress,
    negate,
    shift_number,
    swap_entity,
    swap_verb,
    synthetic_pairs,
)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not (SHARED / "politihop").is_dir(), reason="needs ../shared/data")

SENTENCES = [
    NewsSentence("At least 16 people were killed in a suicide bombing in Hasakeh on Tuesday, the first in months.",
                 "d1", "The attacker detonated his explosives at a bakery near the market."),
    NewsSentence("Rebels fired 30 rockets at the air base near Hama in March 2016, a statement by the army said.",
                 "d2"),
    NewsSentence("The new bridge over the river was opened to traffic after two years of construction work.", "d3",
                 "Engineers had warned that the old bridge was no longer safe for heavy lorries."),
    NewsSentence("Turkish troops entered Afrin with more than 200 armoured vehicles on Sunday morning.", "d4"),
]


def test_contradicting_edits_change_the_fact():
    rng = random.Random(3)
    text = SENTENCES[0].text
    assert swap_verb(text, rng) in (text.replace("killed", "wounded"), text.replace("killed", "injured"))
    shifted = shift_number(text, rng)
    assert shifted and shifted != text and "16" not in shifted
    assert negate(text, rng) == text.replace("were killed", "were not killed")
    assert negate(text.replace("were killed", "were not killed"), rng) == text
    swapped = swap_entity(SENTENCES[3].text, rng)
    assert swapped and swapped != SENTENCES[3].text


def test_compression_never_drops_attribution():
    rng = random.Random(1)
    assert compress(SENTENCES[1].text, rng) is None  # "..., a statement by the army said."
    short = compress(SENTENCES[0].text, rng)
    assert short and len(short) < len(SENTENCES[0].text) and short.split()[:5] == SENTENCES[0].text.split()[:5]


def test_attribution_wraps_the_whole_claim():
    rng = random.Random(5)
    sentence = SENTENCES[2].text
    for _ in range(20):
        wrapped = attribute(sentence, rng, frozenset({"the", "new", "bridge"}))
        assert wrapped != sentence and sentence[1:-1] in wrapped


def test_synthetic_pairs_have_the_label_of_their_transformation():
    caps = {kind: 10 for kind in ("number_shift", "negation", "event_verb_swap", "date_shift", "compression",
                                  "with_context", "attribution", "attribution_kept")}
    pairs = synthetic_pairs(SENTENCES * 3, caps, seed=2)
    by_kind = {}
    for pair in pairs:
        by_kind.setdefault(pair.source.split("/")[1], set()).add(pair.label)
    assert by_kind["attribution"] == {"neutral"} and by_kind["compression"] == {"entailment"}
    assert by_kind["negation"] == by_kind["number_shift"] == {"contradiction"}
    for pair in pairs:
        if pair.source.endswith("/attribution"):
            assert pair.hypothesis[1:-1] in pair.premise and pair.premise != pair.hypothesis


@needs_shared
def test_politihop_pairs_leave_its_test_claims_out():
    from vericlaim.training.real_pairs import _unquote, politihop_pairs

    csv.field_size_limit(1 << 30)
    with (SHARED / "politihop" / "data" / "politihop_test.tsv").open(encoding="utf-8", newline="") as fh:
        test_claims = {_unquote(r["statement"]) for r in csv.DictReader(fh, delimiter="\t")}
    pairs = politihop_pairs(SHARED)
    assert len(pairs) > 200 and {p.label for p in pairs} == {"entailment", "contradiction"}
    assert not {p.hypothesis for p in pairs} & test_claims


@needs_shared
def test_liar_plus_uses_val2_and_clear_labels_only():
    from vericlaim.training.real_pairs import liar_plus_pairs

    test2 = SHARED / "liar_plus" / "dataset" / "jsonl" / "test2.jsonl"
    test_ids = {json.loads(line)["json_file_id"] for line in test2.read_text(encoding="utf-8").splitlines() if line}
    pairs = liar_plus_pairs(SHARED)
    assert {p.label for p in pairs} == {"entailment", "contradiction"}
    assert not {p.group.removeprefix("liar-") for p in pairs} & test_ids


@needs_shared
def test_fnc1_premise_is_the_relevant_passage_not_the_body():
    from vericlaim.training.real_pairs import fnc1_bodies, fnc1_pairs

    bodies = fnc1_bodies(SHARED)
    pairs = fnc1_pairs(SHARED, seed=13)
    agree = [p for p in pairs if p.source == "fnc1/agree"]
    assert len(agree) > 1500 and {p.label for p in agree} == {"entailment"}
    longer = sum(len(bodies[p.group.removeprefix("fnc1-body-")]) > len(p.premise) for p in agree)
    assert longer > 0.9 * len(agree)
