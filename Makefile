# Two commands do all set-up: `make demo` and `make test` (each installs first).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data
export HF_HUB_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install demo test lint nli-model bench eval-nli clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# CPU build of torch first: an unpinned torch pulls a multi-GB CUDA build
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[offline,onnx,dev]'
	touch $(STAMP)

demo: install
	rm -rf out/demo-index
	$(BIN)/vericlaim index examples/reports --index out/demo-index
	$(BIN)/vericlaim check examples/articles --index out/demo-index --out out/demo-report.csv --force
	@echo "report written to $(CURDIR)/out/demo-report.csv"

test: install
	$(BIN)/python -m pytest tests

lint: install
	$(BIN)/ruff check vericlaim tests bench

# Trains the bundled NLI model in two one-epoch stages (about 30 min each on 2 CPU cores):
# stage 1 from all-MiniLM-L6-v2, stage 2 continues from stage 1 with a new shuffle.
# Not part of `make test`. Copy out/nli-model to vericlaim/bundled/nli-minilm-l6 only when
# `make eval-nli` shows it beats the shipped model on the held-out sets.
NLI_DATA := $(SHARED)/mnli_dev_matched/mnli_dev_matched_with_bert_correct_counts.tsv \
  $(SHARED)/cad_snli/all_combined/train.tsv $(SHARED)/vitaminc/vitaminc_real/test.jsonl
nli-model: install
	$(BIN)/vericlaim train-nli --data $(NLI_DATA) --numeric-contrast 3000 --out out/nli-stage1 \
	  --threads 2 --max-minutes 62 --eval-every 300 --seed 13
	$(BIN)/vericlaim train-nli --data $(NLI_DATA) --numeric-contrast 3000 --out out/nli-model \
	  --base out/nli-stage1 --learning-rate 5e-5 --threads 2 --max-minutes 62 --eval-every 300 --seed 14

# Speed benchmark (not part of `make test`): medians of 3 repeats, results in out/bench.json.
bench: install
	mkdir -p out
	$(BIN)/python bench/throughput.py --reports 400 --articles 60 --repeats 3 --json out/bench.json
