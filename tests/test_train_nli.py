"""A tiny real training run proves train-nli end to end (one step, a few dozen pairs)."""

import json
import subprocess
import sys

from vericlaim.training.nli_data import is_heldout_group, numeric_contrast_pairs, read_nli_file


def _write_data(path):
    rows = []
    for i in range(12):
        rows.append({"premise": f"{i + 3} soldiers were wounded in the attack.",
                     "hypothesis": f"{i + 3} soldiers were wounded.", "label": "entailment"})
        rows.append({"premise": "The governor condemned the attack.",
                     "hypothesis": "The governor praised the attack.", "label": "contradiction"})
        rows.append({"premise": "The base is near the city.",
                     "hypothesis": "The base opened in 1990.", "label": "neutral"})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def _train(tmp_path, *options):
    """Run the real train-nli CLI on the tiny data set; returns (data file, model folder)."""
    data = tmp_path / "pairs.jsonl"
    _write_data(data)
    out = tmp_path / "model"
    result = subprocess.run(
        [sys.executable, "-m", "vericlaim", "train-nli", "--data", str(data), "--out", str(out),
         "--batch-size", "8", "--validation-size", "6", "-q", *options],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return data, out


def test_train_one_step_writes_a_loadable_model(tmp_path):
    data, out = _train(tmp_path, "--max-steps", "1")
    config = json.loads((out / "config.json").read_text())
    assert set(config["id2label"].values()) == {"entailment", "neutral", "contradiction"}
    assert (out / "model.safetensors").is_file() and (out / "tokenizer.json").is_file()
    assert json.loads((out / "training.json").read_text())["steps"] == 1
    from vericlaim.models.nli import NLIScorer

    scores = NLIScorer(str(out)).predict([("A cat sat.", "A cat sat.")])
    assert abs(scores[0].entailment + scores[0].neutral + scores[0].contradiction - 1) < 1e-4

    card = (out / "MODEL_CARD.md").read_text()
    assert "pairs.jsonl" in card and "Not measured yet" in card
    scored = subprocess.run(
        [sys.executable, "-m", "vericlaim", "eval", "nli", "--nli-model", str(out), "--data", str(data),
         "--card", "--json", "-q"], capture_output=True, text=True, timeout=600)
    assert scored.returncode == 0, scored.stderr
    accuracy = json.loads(scored.stdout)["accuracy"]
    card = (out / "MODEL_CARD.md").read_text()
    assert "Not measured yet" not in card and f"**{accuracy:.3f}**" in card


def test_fact_verification_labels_and_twins(tmp_path):
    path = tmp_path / "vc.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"case_id": "a", "claim": "X had 5 wins .", "evidence": "X had 5 wins in 2001 .", "label": "SUPPORTS"},
        {"case_id": "a", "claim": "X had 9 wins .", "evidence": "X had 5 wins in 2001 .", "label": "REFUTES"},
        {"case_id": "b", "claim": "Y .", "evidence": "Z .", "label": "NOT ENOUGH INFO"},
    ]) + "\n")
    pairs = read_nli_file(path)
    assert [p.label for p in pairs] == ["entailment", "contradiction", "neutral"]
    assert pairs[0].premise == "X had 5 wins in 2001."
    assert is_heldout_group(pairs[0].group) == is_heldout_group(pairs[1].group)


def test_numeric_contrast_pairs_change_a_number_the_premise_lacks():
    from vericlaim.training.nli_data import NLIPair

    pairs = [NLIPair("The club won 14 titles in 1998.", "The club won 14 titles.", "entailment", "t")]
    made = numeric_contrast_pairs(pairs, 5, seed=1)
    assert len(made) == 1 and made[0].label == "contradiction"
    assert "14" not in made[0].hypothesis and made[0].hypothesis != pairs[0].hypothesis


def test_validation_split_is_stable_when_data_is_added():
    from vericlaim.training.nli_data import NLIPair
    from vericlaim.training.train import split_train_validation

    first = [NLIPair(f"premise {i}", f"hypothesis {i}", "neutral", "a") for i in range(200)]
    more = [NLIPair(f"other premise {i}", f"other hypothesis {i}", "neutral", "b") for i in range(200)]
    train_1, validation_1 = split_train_validation(first, 20)
    train_2, validation_2 = split_train_validation(list(reversed(more + first)), 20)
    assert len(validation_1) == len(validation_2) == 20
    assert not set(validation_2) & set(train_1), "a pair trained on in stage 1 is validated in stage 2"
    reordered = split_train_validation(list(reversed(first)), 20)[1]
    assert set(reordered) == set(validation_1), "the split depends on the order of the pairs"


def test_freeze_embeddings_keeps_word_embeddings(tmp_path):
    import torch
    from safetensors.torch import load_file

    from vericlaim.models.resolve import DEFAULT_EMBEDDING_MODEL, resolve_model

    _, out = _train(tmp_path, "--max-steps", "2", "--learning-rate", "1e-3", "--freeze-embeddings", "--bf16")
    base = resolve_model(DEFAULT_EMBEDDING_MODEL, "base")
    before = load_file(f"{base}/model.safetensors")
    after = load_file(str(out / "model.safetensors"))
    key = next(k for k in before if k.endswith("word_embeddings.weight"))
    trained = next(k for k in after if k.endswith("word_embeddings.weight"))
    assert torch.equal(after[trained], before[key].to(torch.float16))
    layer = next(k for k in before if k.endswith("layer.5.output.dense.weight"))
    assert not torch.equal(after["bert." + layer.removeprefix("bert.")], before[layer].to(torch.float16))


def test_interrupted_run_resumes_to_the_same_weights(tmp_path):
    """A run stopped by its time limit and rerun ends where an uninterrupted run ends."""
    import torch
    from safetensors.torch import load_file

    straight = tmp_path / "straight"
    straight.mkdir()
    _, whole = _train(straight, "--max-steps", "3", "--checkpoint-every", "2")
    assert not (whole / "checkpoint").exists(), "a finished run keeps no checkpoint"

    parts = tmp_path / "parts"
    parts.mkdir()
    _, out = _train(parts, "--max-steps", "3", "--checkpoint-every", "2", "--max-minutes", "0")
    state = json.loads((out / "checkpoint" / "state.json").read_text())
    assert state["step"] == 1 and json.loads((out / "training.json").read_text())["steps"] == 1
    _, out = _train(parts, "--max-steps", "3", "--checkpoint-every", "2")
    assert json.loads((out / "training.json").read_text())["steps"] == 3
    a, b = load_file(str(whole / "model.safetensors")), load_file(str(out / "model.safetensors"))
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_resuming_with_other_data_is_refused(tmp_path):
    _, out = _train(tmp_path, "--max-steps", "3", "--checkpoint-every", "2", "--max-minutes", "0")
    result = subprocess.run(
        [sys.executable, "-m", "vericlaim", "train-nli", "--data", str(tmp_path / "pairs.jsonl"),
         "--out", str(out), "--batch-size", "4", "--validation-size", "6", "-q",
         "--max-steps", "3", "--checkpoint-every", "2"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 2 and "other data or settings" in result.stderr


def test_bf16_needs_cpu_support(tmp_path, capsys):
    """Emulated bf16 is 16x slower here, so --bf16 is honoured only where the CPU has it."""
    from vericlaim.training import cli
    from vericlaim.training.train import native_bf16

    plain, native, unknown = tmp_path / "plain", tmp_path / "native", tmp_path / "unknown"
    plain.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512bw\n")
    native.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512_bf16\n")
    unknown.write_text("processor\t: 0\n")
    assert not native_bf16(plain) and native_bf16(native) and native_bf16(unknown)
    assert native_bf16(tmp_path / "missing")
    if not native_bf16():
        assert cli._bf16(True) is False and "--bf16 ignored" in capsys.readouterr().err
    else:
        assert cli._bf16(True) is True
    assert cli._bf16(False) is False
