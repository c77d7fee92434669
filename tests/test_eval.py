import json
import subprocess
import sys

from conftest import bundled_model_or_skip

from vericlaim.eval.metrics import classification_report, majority_baseline
from vericlaim.eval.verify import DEV_DATA, read_gold

LABELS = ("a", "b", "c")


def test_metrics_by_hand():
    report = classification_report(["a", "a", "b", "c"], ["a", "b", "b", "a"], LABELS)
    assert report["accuracy"] == 0.5
    assert report["per_class"]["a"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert report["per_class"]["b"]["precision"] == 0.5 and report["per_class"]["b"]["recall"] == 1.0
    assert report["per_class"]["c"]["f1"] == 0.0
    assert report["macro_f1"] == (0.5 + 2 / 3 + 0) / 3
    assert report["confusion"]["c"]["a"] == 1
    assert majority_baseline(["a", "a", "b"], LABELS)["accuracy"] == 2 / 3


def test_dev_set_shape():
    gold = read_gold(DEV_DATA / "gold.jsonl")
    assert len(gold) >= 60
    labels = [row["label"] for row in gold]
    assert min(labels.count(x) for x in ("supported", "contradicted", "unverified")) >= 18
    assert len({row["article"] for row in gold}) >= 3
    assert len(list((DEV_DATA / "corpus").glob("*.txt"))) >= 15


def test_eval_verify_json(tmp_path):
    bundled_model_or_skip()
    result = subprocess.run([sys.executable, "-m", "vericlaim", "eval", "verify", "--json", "-q"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("accuracy", "macro_f1", "per_class", "confusion", "claim_detection_recall", "calibration"):
        assert key in report
    # 59 of the 60 gold claims: the learned check-worthiness cut (0.41, chosen on ClaimBuster train)
    # drops "The terminal operator fired its head of security after the attack." (score 0.375)
    assert report["claim_detection_recall"] >= 59 / 60
    assert report["per_class"]["contradicted"]["precision"] >= 0.8
    assert report["macro_f1"] >= 0.80  # the in-repo dev set must not get worse (0.802 before issue 10-12)


def test_contradiction_precision_counts_only_confident_calls():
    from vericlaim.eval.nli import contradiction_at_threshold

    gold = ["contradiction", "contradiction", "neutral", "entailment", "contradiction"]
    probabilities = [0.95, 0.6, 0.8, 0.1, 0.71]
    at = contradiction_at_threshold(gold, probabilities, 0.7)
    assert at["predicted"] == 3 and at["precision"] == 2 / 3 and at["coverage"] == 2 / 3
    assert contradiction_at_threshold(gold, [0.0] * 5, 0.7)["precision"] == 0.0


def test_tuned_thresholds_apply_only_to_their_model(monkeypatch):
    from vericlaim.config import TUNED_FILE, Config

    monkeypatch.delenv("VERICLAIM_NLI_MODEL", raising=False)
    tuned = json.loads(TUNED_FILE.read_text())
    assert tuned["nli_model"] == Config().nli_model
    config = Config.from_env()
    for name, value in tuned["thresholds"].items():
        assert getattr(config, name) == value
    assert Config.from_env(tuned=False) == Config()
    other = Config.from_env(nli_model="someone/other-nli")
    assert other.contradict_threshold == Config().contradict_threshold
    assert Config.from_env(contradict_threshold=0.77).contradict_threshold == 0.77
