# Two commands do all set-up: `make demo` and `make test` (each installs first).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data
export HF_HUB_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install demo test lint nli-model eval-nli clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# CPU build of torch first: an unpinned torch pulls a multi-GB CUDA build
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[offline,dev]'
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

# Trains the bundled NLI model (tens of minutes on 2 CPU cores); not part of `make test`.
nli-model: install
	$(BIN)/vericlaim train-nli --out out/nli-model --threads 2 --numeric-contrast 3000 \
	  --max-minutes 62 --eval-every 300 \
	  --data $(SHARED)/mnli_dev_matched/mnli_dev_matched_with_bert_correct_counts.tsv \
	         $(SHARED)/cad_snli/all_combined/train.tsv \
	         $(SHARED)/vitaminc/vitaminc_real/test.jsonl
	@echo "trained model in out/nli-model; copy it to vericlaim/bundled/nli-minilm-l6 once it beats the shipped one"

clean:
	rm -rf out build *.egg-info
