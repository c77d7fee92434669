"""Calibrated confidence (issue 12): P(verdict right) per (label, reason code), stored as JSON."""

import json

from vericlaim.calibration import calibrate, fit, load_calibration
from vericlaim.eval.suite import ece, reliability


def test_fit_recovers_rates_per_reason_code(tmp_path):
    samples = [("supported", "NUMBERS_AGREE", 0.9, i % 10 < 9, 1.0) for i in range(200)]
    samples += [("supported", "ENTAILED", 0.8, i % 10 < 3, 1.0) for i in range(200)]
    groups = fit(samples)
    path = tmp_path / "cal.json"
    path.write_text(json.dumps({"nli_model": "m", "groups": groups}))
    load_calibration.cache_clear()
    assert abs(calibrate("supported", "NUMBERS_AGREE", 0.9, str(path), "m") - 0.9) < 0.05
    assert abs(calibrate("supported", "ENTAILED", 0.8, str(path), "m") - 0.3) < 0.05
    # another model's probabilities live on another scale: raw strength is kept
    assert calibrate("supported", "ENTAILED", 0.8, str(path), "other") == 0.8
    # a group too small to fit on its own uses its label's mapping
    assert 0.3 < calibrate("supported", "NEITHER", 0.85, str(path), "m") < 0.9
    load_calibration.cache_clear()


def test_ece_and_reliability():
    assert ece([True, False], [0.5, 0.5]) == 0.0
    assert abs(ece([True, True], [0.6, 0.6]) - 0.4) < 1e-9
    table = reliability([True, False, True], [0.95, 0.15, 0.85])
    assert [b["n"] for b in table if b["n"]] == [1, 1, 1]


def test_shipped_calibration_is_json_for_the_bundled_model():
    from vericlaim.calibration import CALIBRATION_FILE
    from vericlaim.models.resolve import DEFAULT_NLI_MODEL

    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    assert data["nli_model"] == DEFAULT_NLI_MODEL and data["groups"]
    for group in data["groups"].values():
        assert set(group) >= {"a", "b", "n"}
