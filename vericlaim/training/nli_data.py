"""Read NLI and fact-verification pairs from the formats the public sets use.

Everything becomes an :class:`NLIPair` with one of three labels. Fact
verification labels map onto NLI ones: SUPPORTS = entailment, REFUTES =
contradiction, NOT ENOUGH INFO = neutral. Contrastive twins (VitaminC
``case_id``) keep their group so that a split never puts one twin in
training and the other in evaluation.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path

from vericlaim.corpora.readers import BadJSONLine, json_lines

LABELS = ("entailment", "neutral", "contradiction")

_LABEL_MAP = {
    "entailment": "entailment",
    "e": "entailment",
    "supports": "entailment",
    "support": "entailment",
    "neutral": "neutral",
    "n": "neutral",
    "not enough info": "neutral",
    "notenoughinfo": "neutral",
    "nei": "neutral",
    "contradiction": "contradiction",
    "c": "contradiction",
    "refutes": "contradiction",
    "refute": "contradiction",
}

HELDOUT_PERCENT = 15  # share of VitaminC case_ids reserved for evaluation


@dataclass(frozen=True)
class NLIPair:
    """One premise/hypothesis pair with a gold NLI label."""

    premise: str
    hypothesis: str
    label: str
    source: str
    group: str = ""


class NLIDataError(ValueError):
    """A data file could not be read as NLI pairs."""


def normalise_label(raw: str) -> str | None:
    """Map any of the public label spellings to entailment/neutral/contradiction."""
    return _LABEL_MAP.get(str(raw).strip().lower())


def is_heldout_group(group: str) -> bool:
    """Stable assignment of a contrastive group to the held-out slice."""
    if not group:
        return False
    digest = hashlib.sha1(group.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < HELDOUT_PERCENT


def _detok(text: str) -> str:
    """Undo PTB-style spacing (``ca n't``, `` , ``) found in several sets."""
    text = text.replace("-LRB-", "(").replace("-RRB-", ")")
    text = re.sub(r" ([,.;:!?%)'])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    text = text.replace(" n't", "n't").replace("\ufffd", " ")
    return re.sub(r"\s+", " ", text).strip()


def _pair(premise: str, hypothesis: str, label: str, source: str, group: str = "") -> NLIPair | None:
    norm = normalise_label(label)
    if norm is None or not premise or not hypothesis:
        return None
    return NLIPair(_detok(premise), _detok(hypothesis), norm, source, group)


def _source(path: Path) -> str:
    """Folder and file name: several sets ship a bare ``test.jsonl``."""
    return f"{path.parent.name}/{path.stem}"


def _check_covid_corpus(path: Path) -> dict[str, list[str]]:
    """Abstract sentences by cord_id, from the corpus.json beside Check-COVID's splits."""
    for folder in (path.parent, path.parent.parent):
        corpus = folder / "corpus.json"
        if corpus.is_file():
            with corpus.open(encoding="utf-8") as handle:
                rows = (json.loads(line) for line in handle if line.strip())
                return {row["cord_id"]: row["abstract"] for row in rows}
    raise NLIDataError(f"{path}: Check-COVID rows need corpus.json beside the split folder")


def _read_jsonl(path: Path) -> list[NLIPair]:
    pairs = []
    abstracts: dict[str, list[str]] | None = None
    with path.open(encoding="utf-8") as handle:
        for item in json_lines(handle):
            if isinstance(item, BadJSONLine):
                if item.error is None:
                    raise NLIDataError(f"{path}:{item.number}: not a JSON object")
                raise NLIDataError(f"{path}:{item.number}: not JSON ({item.error.msg})") from item.error
            number, row = item
            if "cord_id" in row and "evidence_set" in row:  # Check-COVID: claim vs cited sentences
                abstracts = abstracts if abstracts is not None else _check_covid_corpus(path)
                sentences = abstracts.get(row["cord_id"], [])
                indices = sorted({e["sent_index"] for e in row["evidence_set"]})
                row["premise"] = " ".join(sentences[i] for i in indices if i < len(sentences))
            premise = next((row[k] for k in ("premise", "evidence", "evidence_sentence") if k in row), None)
            hypothesis = next((row[k] for k in ("hypothesis", "claim") if k in row), None)
            label = row.get("label") or row.get("gold_label")
            if premise is None or hypothesis is None or label is None:
                raise NLIDataError(
                    f"{path}:{number}: needs premise/hypothesis/label or evidence/claim/label"
                )
            # Files built by `vericlaim nli-data` name each row's own source (set/split or generator).
            source = str(row.get("source") or _source(path))
            pair = _pair(premise, hypothesis, label, source, str(row.get("case_id", "")))
            if pair:
                pairs.append(pair)
    return pairs


def _read_delimited(path: Path) -> list[NLIPair]:
    delimiter = "\t" if path.suffix == ".tsv" else ","
    with path.open(encoding="utf-8", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        header = [h.strip().lower() for h in first.rstrip("\n").split(delimiter)]
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        reader = csv.reader(handle, delimiter=delimiter, quoting=quoting)
        rows = list(reader)
    columns = {
        ("premise", "hypothesis"): ("premise", "hypothesis"),
        ("sentence1", "sentence2"): ("sentence1", "sentence2"),
        ("context", "statement"): ("context", "statement"),
        ("sentence_a", "sentence_b"): ("sentence_a", "sentence_b"),
    }
    for (p, h), _ in columns.items():
        if p in header and h in header:
            label_col = next(
                (c for c in ("gold_label", "label", "entailment_judgment") if c in header), None
            )
            if label_col is None:
                break
            ip, ih, il = header.index(p), header.index(h), header.index(label_col)
            out = []
            for row in rows[1:]:
                if len(row) <= max(ip, ih, il):
                    continue
                pair = _pair(row[ip], row[ih], row[il], _source(path))
                if pair:
                    out.append(pair)
            return out
    # headerless label, premise, hypothesis (TextFooler samples)
    out = []
    for row in rows:
        if len(row) >= 3:
            pair = _pair(row[1], row[2], row[0], _source(path))
            if pair:
                out.append(pair)
    if not out:
        raise NLIDataError(f"{path}: no premise/hypothesis/label columns found")
    return out


def _read_parallel(path: Path) -> list[NLIPair]:
    """SNLI as three line-aligned files: s1.SPLIT, s2.SPLIT, labels.SPLIT."""
    split = path.suffix
    folder = path.parent
    s1 = (folder / f"s1{split}").read_text(encoding="utf-8").splitlines()
    s2 = (folder / f"s2{split}").read_text(encoding="utf-8").splitlines()
    labels = (folder / f"labels{split}").read_text(encoding="utf-8").splitlines()
    if not len(s1) == len(s2) == len(labels):
        raise NLIDataError(f"{folder}: s1/s2/labels{split} have different line counts")
    name = f"{folder.name}/{split.lstrip('.')}"
    return [p for p in (_pair(a, b, c, name) for a, b, c in zip(s1, s2, labels, strict=False)) if p]


def read_nli_file(path: str | Path) -> list[NLIPair]:
    """Read one NLI or fact-verification file in any supported layout."""
    path = Path(path)
    if not path.is_file():
        raise NLIDataError(f"{path}: no such file")
    if path.name.startswith(("s1.", "s2.", "labels.")):
        return _read_parallel(path.parent / ("s1" + path.suffix))
    if path.suffix in (".jsonl", ".json"):  # Check-COVID ships JSON lines as .json
        return _read_jsonl(path)
    if path.suffix in (".tsv", ".csv"):
        return _read_delimited(path)
    raise NLIDataError(f"{path}: unsupported format (use .jsonl, .tsv, .csv or SNLI s1/s2/labels)")


_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w.,])")


def shift_number_token(token: str, rng: random.Random) -> str:
    value = float(token.replace(",", ""))
    is_year = 1800 <= value <= 2100 and "." not in token and "," not in token
    if is_year:
        new = value + rng.choice([-7, -5, -3, -2, 2, 3, 5, 8])
    elif value < 10:
        new = value + rng.choice([3, 4, 5, 7, 9])
    else:
        new = value * rng.choice([0.4, 0.5, 1.8, 2, 2.5, 3])
    if "." in token:
        decimals = len(token.split(".")[1])
        return f"{new:.{decimals}f}"
    text = str(int(round(new)))
    return f"{int(text):,}" if "," in token else text


def numeric_contrast_pairs(pairs: list[NLIPair], limit: int, seed: int) -> list[NLIPair]:
    """Make contradiction pairs by changing a number in entailed hypotheses.

    Only pairs whose hypothesis number also appears verbatim in the premise
    are used, and the new number must appear nowhere in the premise, so the
    generated hypothesis states a figure the premise contradicts. Years move
    by a few years; small counts by a few; large ones by a clear factor, so
    no change falls inside a plausible rounding band.
    """
    rng = random.Random(seed)
    candidates = [p for p in pairs if p.label == "entailment" and _NUMBER.search(p.hypothesis)]
    rng.shuffle(candidates)
    made = []
    for pair in candidates:
        matches = [m for m in _NUMBER.finditer(pair.hypothesis) if m.group() in pair.premise]
        if not matches:
            continue
        match = rng.choice(matches)
        new = shift_number_token(match.group(), rng)
        if new == match.group() or new in pair.premise:
            continue
        hypothesis = pair.hypothesis[: match.start()] + new + pair.hypothesis[match.end() :]
        made.append(replace(pair, hypothesis=hypothesis, label="contradiction", source="numeric_contrast"))
        if len(made) >= limit:
            break
    return made


def sample_in_order(pairs: list[NLIPair], limit: int | None, rng: random.Random) -> list[NLIPair]:
    """At most ``limit`` pairs, a seeded sample kept in file order (no limit: all of them)."""
    if not limit or len(pairs) <= limit:
        return pairs
    keep = set(rng.sample(range(len(pairs)), limit))
    return [p for i, p in enumerate(pairs) if i in keep]


def read_sampled(path: str | Path, limit: int | None, rng: random.Random) -> list[NLIPair]:
    """Read one file and keep at most ``limit`` pairs (seeded sample, order kept)."""
    return sample_in_order(read_nli_file(path), limit, rng)
