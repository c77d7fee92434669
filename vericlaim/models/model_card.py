"""MODEL_CARD.md for a trained NLI model: what it learnt from, how well it does, where not to use it.

The card is rendered from two files in the model folder, so it can be
rebuilt at any time and never drifts from the facts: ``training.json``
(written by ``train-nli``; a continued stage embeds the record of the stage
it started from) and ``heldout.json`` (written by ``vericlaim eval nli
--card``: the scores on sets that training never saw).
"""

from __future__ import annotations

import json
from pathlib import Path

from vericlaim.atomic import atomic_write_text

# Licence of each public set, by the folder name it has in ../shared/data (see its PROVENANCE.md).
LICENCES = {
    "mnli_dev_matched": "MultiNLI dev matched (Williams et al., 2018): OANC terms / CC BY-SA genres",
    "cad_snli": "Counterfactually-augmented SNLI (Kaushik et al., 2020): Apache-2.0; SNLI CC BY-SA 4.0",
    "vitaminc_real": "VitaminC real, test split (Schuster et al., 2021): CC BY-SA 3.0",
    "vitaminc_synthetic": "VitaminC synthetic, test split (Schuster et al., 2021): CC BY-SA 3.0",
    "snli": "SNLI (Bowman et al., 2015) via e-SNLI: CC BY-SA 4.0",
    "anli": "ANLI dev (Nie et al., 2020): CC BY-NC 4.0",
    "fever_symmetric": "FEVER-symmetric (Schuster et al., 2019): CC BY-SA 3.0",
    "fever_adversarial": "FEVER 2.0 adversarial (Thorne et al., 2019): CC BY-SA 3.0",
    "check_covid": "Check-COVID (Wang et al., 2023): MIT",
    "mnli_textfooler": "MultiNLI dev mismatched sample, from the TextFooler repository: MIT",
}


def _licence(path: str) -> str:
    for key in sorted(LICENCES, key=len, reverse=True):
        if key in path:
            return LICENCES[key]
    return "see the data's own licence"


def _stages(record: dict) -> list[dict]:
    """Oldest stage first."""
    chain = []
    while record:
        chain.append(record)
        record = record.get("previous_stage")
    return chain[::-1]


def render_card(record: dict, heldout: list[dict] | None) -> str:
    from vericlaim.eval.metrics import summary_table

    stages = _stages(record)
    files = sorted({f for stage in stages for f in stage.get("data_files", [])})
    minutes = sum(stage.get("train_seconds", 0) for stage in stages) / 60
    lines = [
        "# vericlaim NLI cross-encoder (all-MiniLM-L6-v2, 3 labels)", "",
        "A small cross-encoder that reads an evidence passage (premise) and a claim (hypothesis) and "
        "gives probabilities for **entailment**, **neutral** and **contradiction** (`id2label` in "
        "config.json). It is vericlaim's default offline verifier: no pretrained NLI weights can be "
        "downloaded where vericlaim is built, so it is fine-tuned here from "
        "`sentence-transformers/all-MiniLM-L6-v2` (22M parameters, stored in fp16).", "",
        "## Training", "",
        f"{len(stages)} stage(s), {minutes:.0f} minutes in all on 2 CPU cores "
        "(`make nli-model` reruns them). Fact-verification labels map SUPPORTS = entailment, "
        "REFUTES = contradiction, NOT ENOUGH INFO = neutral.", "",
        "| stage | starts from | steps | minutes | pairs by source | validation accuracy | settings |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, stage in enumerate(stages, 1):
        sources = ", ".join(f"{k} {v}" for k, v in sorted(stage.get("train_pairs_by_source", {}).items()))
        hp = stage.get("hyperparameters", {})
        settings = ", ".join(f"{k} {v}" for k, v in hp.items() if v not in (None, False))
        start = "all-MiniLM-L6-v2" if number == 1 else f"stage {number - 1}"
        lines.append(f"| {number} | {start} | {stage.get('steps')} | {stage.get('train_seconds', 0) / 60:.0f} "
                     f"| {sources} | {stage.get('best_validation_accuracy')} | {settings} |")
    lines += ["", "Notes: " + "; ".join(n for stage in stages for n in stage.get("notes", [])), "",
              "## Data and licences", "",
              "Training data (a 15% slice of VitaminC real, chosen by `case_id` so contrastive twins "
              "never cross, is reserved for evaluation and never trained on; the validation split used "
              "for early stopping is the pairs with the smallest content hash):", ""]
    lines += [f"- `{f}`: {_licence(f)}" for f in files] or ["- (not recorded)"]
    lines += ["", "## Held-out scores", ""]
    if heldout:
        lines += ["Sets that no stage trained on, scored by `vericlaim eval nli --card` (argmax label; "
                  "'at threshold' counts only contradictions with probability >= "
                  f"{heldout[0]['contradiction_at_threshold']['threshold']}, the level at which vericlaim's "
                  "verdicts use them):", "", summary_table(heldout)]
        lines += [f"- `{r['data']}`: {_licence(r['data'])}" for r in heldout]
    else:
        lines.append("Not measured yet: run `vericlaim eval nli --card --nli-model THIS_FOLDER --data ...`.")
    lines += ["", "## Intended use and limits", "",
              "- Use: scoring short factual claims against one or two sentences of news-style evidence, "
              "inside vericlaim, where numbers are also compared explicitly and verdict thresholds guard "
              "against weak evidence.",
              "- Not for: long documents (premises are truncated), languages other than English, or any "
              "decision about a person without a human reading the cited evidence.",
              "- Known weaknesses (see the table): a model this small, trained on CPU on ~80k pairs, is "
              "far less accurate than large NLI models; it calls many neutral pairs contradictions "
              "(low neutral recall), is at chance on adversarial pairs (ANLI), and misjudges numbers, "
              "which is why vericlaim checks counts itself and only uses contradictions above its "
              "threshold. Where there is internet, `cross-encoder/nli-deberta-v3-base` is more accurate "
              "and slower.",
              "- Training data carry their own licences (above); ANLI is non-commercial and was only used "
              "for evaluation."]
    return "\n".join(lines) + "\n"


def write_card(folder: str | Path, heldout: list[dict] | None = None) -> Path:
    """(Re)write MODEL_CARD.md; ``heldout`` replaces the stored held-out scores when given."""
    folder = Path(folder)
    record = json.loads((folder / "training.json").read_text(encoding="utf-8"))
    stored = folder / "heldout.json"
    if heldout is not None:
        atomic_write_text(stored, json.dumps(heldout, indent=1) + "\n")
    elif stored.is_file():
        heldout = json.loads(stored.read_text(encoding="utf-8"))
    card = folder / "MODEL_CARD.md"
    atomic_write_text(card, render_card(record, heldout))
    return card
