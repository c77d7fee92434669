"""The ``train-nli`` command: read data files, add numeric contrasts, train."""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from vericlaim.models.resolve import DEFAULT_EMBEDDING_MODEL, resolve_model
from vericlaim.training.checkpoint import CheckpointError
from vericlaim.training.nli_data import NLIDataError, numeric_contrast_pairs, read_sampled
from vericlaim.training.train import TrainConfig, native_bf16, train_nli


def _bf16(requested: bool) -> bool:
    """--bf16 only where the CPU has bf16 arithmetic; elsewhere say why it is ignored."""
    if requested and not native_bf16():
        print("train-nli: --bf16 ignored: this CPU has no avx512_bf16 or amx_bf16, so bf16 would be "
              "emulated (measured 16x slower than fp32 here); training in fp32", file=sys.stderr)
        return False
    return requested

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", nargs="+", required=True, metavar="FILE",
                        help="NLI / fact-verification files (.jsonl, .tsv, .csv, SNLI s1.SPLIT)")
    parser.add_argument("--base", default=DEFAULT_EMBEDDING_MODEL,
                        help="encoder to fine-tune, name or path (default: offline all-MiniLM-L6-v2)")
    parser.add_argument("--out", required=True, type=Path, help="output model folder")
    parser.add_argument("--limit-per-file", type=int, default=None, metavar="N",
                        help="use at most N pairs from each file (seeded sample)")
    parser.add_argument("--numeric-contrast", type=int, default=0, metavar="N",
                        help="add up to N generated numeric contradiction pairs")
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--learning-rate", type=float, default=6e-5)
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--max-minutes", type=float, default=None,
                        help="stop after this long and keep the best checkpoint")
    parser.add_argument("--eval-every", type=int, default=250)
    parser.add_argument("--validation-size", type=int, default=800)
    parser.add_argument("--seed", type=int, default=13,
                        help="shuffle and initialisation seed (data sampling and the validation "
                             "split are fixed, so a continued stage never validates on trained pairs)")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--bf16", action="store_true",
                        help="bf16 autocast (faster on CPUs with avx512_bf16 or AMX; ignored, with a note, on others; weights stay fp32)")
    parser.add_argument("--freeze-embeddings", action="store_true",
                        help="keep the word embeddings fixed (fewer weights to update)")
    parser.add_argument("--replay", nargs="+", default=[], metavar="FILE",
                        help="earlier stages' data files, sampled with --replay-per-file so a continued "
                             "model does not forget them")
    parser.add_argument("--replay-per-file", type=int, default=2000, metavar="N",
                        help="pairs sampled from each --replay file (default 2000)")
    parser.add_argument("--checkpoint-every", type=int, default=None, metavar="STEPS",
                        help="write OUT/checkpoint every STEPS steps and when --max-minutes runs out; "
                             "rerunning the same command resumes from it")


DATA_SEED = 13  # sampling and generated pairs; fixed so every stage sees the same data and split


def run(args: argparse.Namespace) -> int:
    rng = random.Random(DATA_SEED)
    pairs = []
    # the stage's own data, then the earlier stages' replay sample, from one seeded generator
    for names, limit, what in ((args.data, args.limit_per_file, "pairs"),
                               (args.replay, args.replay_per_file, "replay pairs")):
        for name in names:
            try:
                found = read_sampled(name, limit, rng)
            except (NLIDataError, OSError) as exc:
                print(f"vericlaim: error: {exc}", file=sys.stderr)
                return 2
            print(f"{name}: {len(found)} {what}", file=sys.stderr)
            pairs += found
    notes = []
    if args.replay:
        notes.append(f"replay: a seeded sample of up to {args.replay_per_file} pairs from each of "
                     f"{len(args.replay)} earlier-stage files")
    if args.numeric_contrast:
        extra = numeric_contrast_pairs(pairs, args.numeric_contrast, DATA_SEED)
        pairs += extra
        notes.append(f"{len(extra)} generated numeric contradiction pairs")
    print(f"labels: {dict(Counter(p.label for p in pairs))}", file=sys.stderr)
    config = TrainConfig(
        base=resolve_model(args.base, "base"),
        out=args.out,
        epochs=args.epochs,
        batch_size=args.batch_size,
        learning_rate=args.learning_rate,
        max_length=args.max_length,
        seed=args.seed,
        eval_every=args.eval_every,
        validation_size=args.validation_size,
        max_steps=args.max_steps,
        max_minutes=args.max_minutes,
        threads=args.threads,
        bf16=_bf16(args.bf16),
        freeze_embeddings=args.freeze_embeddings,
        checkpoint_every=args.checkpoint_every,
        data_files=[str(d) for d in [*args.data, *args.replay]],
        notes=notes,
    )
    try:
        result = train_nli(pairs, config, progress=not getattr(args, "quiet", False))
    except CheckpointError as exc:
        print(f"vericlaim: error: {exc}", file=sys.stderr)
        return 2
    print(
        f"trained {result.steps} steps in {result.seconds / 60:.1f} min; "
        f"best validation accuracy {result.best_validation_accuracy:.4f}; saved to {args.out}",
        file=sys.stderr,
    )
    return 0
