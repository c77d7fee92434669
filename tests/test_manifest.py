"""The run manifest beside every report, and `check --resume` refusing a run it cannot continue."""

import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace

import pytest
from conftest import EXAMPLES, bundled_model_or_skip

from vericlaim.config import Config
from vericlaim.manifest import (
    IndexFingerprint,
    ManifestError,
    ModelFingerprint,
    RunManifest,
    differences,
    manifest_path,
    read_manifest,
)
from vericlaim.report_read import read_report


def _manifest(**changes):
    base = RunManifest("0.1.0", "vericlaim check a", {"top_k": 5, "nli_model": "m"},
                       (ModelFingerprint("nli", "m", "/m", {"model.safetensors": "a" * 64}),),
                       IndexFingerprint("idx", 22, 8, "e", "flat", {"index.faiss": "b" * 64}, "c" * 64), ())
    return replace(base, **changes)


def test_differences_name_what_changed():
    old = _manifest()
    assert differences(old, old) == []
    assert differences(old, replace(old, config={"top_k": 3, "nli_model": "m"})) == ["config top_k 5 -> 3"]
    new_index = replace(old.index, passages=25, fingerprint="d" * 64)
    assert differences(old, replace(old, index=new_index)) == [
        "index idx fingerprint cccccccccccc -> dddddddddddd (22 -> 25 passages)"]
    weights = (ModelFingerprint("nli", "m", "/m", {"model.safetensors": "e" * 64}),)
    assert differences(old, replace(old, models=weights)) == ["nli model 'm' weights changed (model.safetensors)"]
    # a setting an older manifest did not record counts as its default
    assert differences(old, replace(old, config={**old.config, "context_query": Config().context_query})) == []
    assert differences(old, replace(old, engine="ray", counts={"supported": 1})) == []


def test_manifest_round_trip_and_bad_file(tmp_path):
    path = tmp_path / "r.csv.manifest.json"
    path.write_text(_manifest().to_json())
    assert read_manifest(path) == _manifest()
    path.write_text("[1, 2")
    with pytest.raises(ManifestError, match="r.csv.manifest.json"):
        read_manifest(path)
    assert manifest_path(tmp_path / "out.jsonl").name == "out.jsonl.manifest.json"


def _sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_writes_the_manifest_with_fingerprints(example_index, tmp_path):
    import vericlaim
    from vericlaim.models.resolve import bundled_nli_path

    bundled_model_or_skip()
    out = tmp_path / "report.csv"
    result = vericlaim.check(EXAMPLES / "articles", example_index, out=out)
    manifest = read_manifest(manifest_path(out))
    assert manifest == result.manifest and manifest.status == "complete" and manifest.engine == "local"
    rows = read_report(out)
    assert manifest.counts == dict(Counter(r.verdict for r in rows)) and manifest.claims == len(rows)
    assert manifest.report == str(out) and manifest.report_format == "csv"
    assert [(i.kind, i.documents, i.failed) for i in manifest.inputs] == [("articles", 3, 0)]
    assert manifest.config["top_k"] == vericlaim.Config.from_env().top_k
    models = {m.role: m for m in manifest.models}
    assert models["nli"].files["model.safetensors"] == _sha256(bundled_nli_path() / "model.safetensors")
    assert models["embedding"].files and all(len(sha) == 64 for sha in models["embedding"].files.values())
    assert {"checkworthiness", "calibration"} <= set(models)
    index_manifest = json.loads((example_index / "manifest.json").read_text())
    assert manifest.index.checksums == index_manifest["checksums"]
    assert manifest.index.passages == index_manifest["passages"] and len(manifest.index.fingerprint) == 64
    assert manifest.timings["total_seconds"] > 0 and manifest.finished >= manifest.started


def _articles(folder, count):
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i:03d}.txt").write_text(f"Article {i}\n{i % 30 + 2} soldiers were wounded in an attack "
                                              f"near Marsel on Friday.\n")


def _check(folder, index, out, *extra):
    return [sys.executable, "-m", "vericlaim", "check", str(folder), "--index", str(index), "--out", str(out),
            "--top-k", "2", "-q", *extra]


def test_resume_against_a_changed_index_or_config_is_refused(example_index, tmp_path):
    import vericlaim

    bundled_model_or_skip()
    index, changed = tmp_path / "idx", tmp_path / "idx-grown"
    shutil.copytree(example_index, index)
    shutil.copytree(example_index, changed)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "late-report.txt").write_text("Late report\nMarsel, 2 January 2020 (Wire) - Nine soldiers were "
                                           "wounded near Marsel, the army said.\n")
    assert vericlaim.build_index(extra, changed).documents_added == 1  # the corpus grew

    folder, out = tmp_path / "articles", tmp_path / "run" / "report.csv"
    _articles(folder, 40)
    log = out.with_name(f".{out.name}.progress.jsonl")
    process = subprocess.Popen(_check(folder, index, out))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if log.exists() and log.read_bytes().count(b"\n") >= 16:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not out.exists() and read_manifest(manifest_path(out)).status == "running"
    logged = log.read_bytes()

    refused = subprocess.run(_check(folder, changed, out, "--resume"), capture_output=True, text=True, timeout=600)
    assert refused.returncode == 2, refused.stderr
    assert "cannot resume" in refused.stderr and "index" in refused.stderr and "fingerprint" in refused.stderr
    refused = subprocess.run(_check(folder, index, out, "--resume", "--top-k", "3"), capture_output=True,
                             text=True, timeout=600)
    assert refused.returncode == 2 and "config top_k 2 -> 3" in refused.stderr
    assert log.read_bytes() == logged and not out.exists()  # a refusal touches nothing

    resumed = subprocess.run(_check(folder, index, out, "--resume"), capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    manifest = read_manifest(manifest_path(out))
    assert manifest.status == "complete" and manifest.resumed and manifest.inputs[0].documents == 40
    assert manifest.claims == len(read_report(out)) == 40
