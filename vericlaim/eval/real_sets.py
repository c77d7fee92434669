"""The real fact-checking sets of ``../shared/data`` in vericlaim's evaluation layout.

Each set/split becomes a folder ``CACHE/<set>-<split>/`` holding ``corpus.jsonl``,
``claims.jsonl`` and ``gold.jsonl``, written once by the set's own
``to_vericlaim.py`` (or, for Check-COVID, by :func:`convert_check_covid`).
Dev splits are for tuning and calibration; held-out splits are only reported.

| set | dev | held-out |
|---|---|---|
| WiCE | dev | test |
| PolitiHop | train + valid | test |
| LIAR-PLUS | val2 | test2 |
| FNC-1 | all (calibration only) | none |
| Check-COVID | dev | test |
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SHARED = Path("../shared/data")


@dataclass(frozen=True)
class Split:
    set_name: str
    split: str  # "dev" or "heldout"
    folder: str  # folder under ../shared/data
    args: tuple[str, ...]  # converter arguments after OUT
    upstream: str  # the upstream split names, for the table

    @property
    def name(self) -> str:
        return f"{self.set_name}-{self.split}"


SPLITS = (
    Split("wice", "dev", "wice", ("--splits", "dev"), "dev"),
    Split("wice", "heldout", "wice", ("--splits", "test"), "test"),
    Split("politihop", "dev", "politihop", ("--splits", "train,valid"), "train+valid"),
    Split("politihop", "heldout", "politihop", ("--splits", "test"), "test"),
    Split("liar_plus", "dev", "liar_plus", ("--splits", "val2"), "val2"),
    Split("liar_plus", "heldout", "liar_plus", ("--splits", "test2"), "test2"),
    Split("fnc1", "dev", "fnc1", (), "all"),
    Split("check_covid", "dev", "check_covid", ("dev",), "dev"),
    Split("check_covid", "heldout", "check_covid", ("test",), "test"),
)
SET_NAMES = tuple(dict.fromkeys(s.set_name for s in SPLITS))
COVID_LABELS = {"SUPPORT": "supported", "REFUTE": "contradicted", "NOTENOUGHINFO": "unverified"}


def convert_check_covid(shared: Path, out: Path, split: str) -> None:
    """Check-COVID: news claims against the 347 CORD-19 abstracts of its corpus."""
    base = shared / "check_covid" / "Check-COVID"
    files = {"dev": "dev/covidCheck_dev_composed+extracted.json",
             "test": "test/covidCheck_test_composed.json"}
    rows = [json.loads(line) for line in (base / files[split]).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if split == "test":  # upstream keeps test in two files
        extra = (base / "test/covidCheck_test_extracted.json").read_text(encoding="utf-8").splitlines()
        rows += [json.loads(line) for line in extra if line.strip()]
    corpus = [json.loads(line) for line in (base / "corpus.json").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "corpus.jsonl", "w", encoding="utf-8") as f:
        for doc in corpus:
            f.write(json.dumps({"id": f"covid-{doc['cord_id']}", "title": doc["title"],
                                "text": "\n\n".join(doc["abstract"]), "source": "CORD-19"}) + "\n")
    with open(out / "claims.jsonl", "w", encoding="utf-8") as fc, \
            open(out / "gold.jsonl", "w", encoding="utf-8") as fg:
        for row in rows:
            cid = f"covid-claim-{row['id']}"
            fc.write(json.dumps({"id": cid, "title": "", "text": row["claim"]}) + "\n")  # no context known
            fg.write(json.dumps({"article": cid, "claim": row["claim"], "label": COVID_LABELS[row["label"]],
                                 "split": split}) + "\n")


def prepare(split: Split, cache: Path, shared: Path = DEFAULT_SHARED) -> Path:
    """The converted folder of one split, converting it on first use."""
    out = Path(cache) / split.name
    if (out / "gold.jsonl").is_file():
        return out
    tmp = out.with_name(out.name + ".tmp")
    if split.set_name == "check_covid":
        convert_check_covid(Path(shared), tmp, split.args[0])
    else:
        converter = Path(shared) / split.folder / "to_vericlaim.py"
        subprocess.run([sys.executable, str(converter), str(tmp), *split.args], check=True,
                       stdout=subprocess.DEVNULL)
    tmp.rename(out)
    return out


def available(shared: Path = DEFAULT_SHARED) -> list[Split]:
    """The splits whose data is present (a missing folder is skipped)."""
    return [s for s in SPLITS if (Path(shared) / s.folder).is_dir()]
