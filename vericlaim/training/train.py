"""Fine-tune a small 3-label NLI cross-encoder on CPU.

CPU time is the constraint (about 1.7 s per 32-pair step on two cores), so
the loop spends it carefully: pairs are tokenised once, batches are built
from pairs of similar length (little padding), a small validation split
drives early stopping, and ``max_minutes`` stops the run cleanly with the
best checkpoint saved. The output is a plain Hugging Face folder (config
with ``id2label``, tokenizer, fp16 safetensors) plus MODEL_CARD.md.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from vericlaim.atomic import atomic_write_text
from vericlaim.training.nli_data import LABELS, NLIPair, is_heldout_group

ID2LABEL = dict(enumerate(LABELS))
LABEL2ID = {label: i for i, label in ID2LABEL.items()}


@dataclass
class TrainConfig:
    """Everything that decides a training run; recorded in the model card."""

    base: str
    out: Path
    epochs: float = 1.0
    batch_size: int = 32
    learning_rate: float = 6e-5
    warmup_ratio: float = 0.06
    max_length: int = 128
    seed: int = 13
    eval_every: int = 250
    patience: int = 4
    validation_size: int = 800
    max_steps: int | None = None
    max_minutes: float | None = None
    threads: int | None = None
    # bf16 autocast: ~25% faster steps on CPUs with avx512_bf16; weights stay fp32.
    bf16: bool = False
    # Word embeddings are half the encoder's weights; freezing them saves ~15% of
    # each step and keeps the pretrained vocabulary intact on small data.
    freeze_embeddings: bool = False
    # Write OUT/checkpoint every N steps (and when max_minutes runs out); a rerun resumes from it.
    checkpoint_every: int | None = None
    data_files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class TrainResult:
    steps: int
    seconds: float
    best_validation_accuracy: float
    train_counts: dict[str, int]
    validation_counts: dict[str, int]


def native_bf16(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether this CPU has bf16 arithmetic (avx512_bf16 or amx_bf16); unknown counts as yes.

    Without it, torch emulates bf16 and autocast makes steps slower, not faster: 28 s against
    1.7 s per step of stage 3 on an AVX-512 CPU without avx512_bf16 (2 threads).
    """
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    flags = {flag for line in text.splitlines() if line.startswith("flags")
             for flag in line.partition(":")[2].split()}
    return not flags or bool(flags & {"avx512_bf16", "amx_bf16"})


def _pair_digest(pair: NLIPair) -> str:
    return hashlib.sha1(f"{pair.premise}\x1f{pair.hypothesis}".encode()).hexdigest()


def split_train_validation(pairs: list[NLIPair], size: int) -> tuple[list[NLIPair], list[NLIPair]]:
    """Hold a validation slice aside, dropping reserved VitaminC groups entirely.

    The slice is the ``size`` pairs with the smallest content hash, so it does
    not depend on order or on which other files are read: adding a data file
    to a later stage can only push pairs out of validation, never pull pairs
    an earlier stage trained on into it.
    """
    usable = [p for p in pairs if not is_heldout_group(p.group)]
    size = min(size, max(1, len(usable) // 10)) if len(usable) > 1 else 0
    ranked = sorted(range(len(usable)), key=lambda i: _pair_digest(usable[i]))
    chosen = set(ranked[:size])
    train = [p for i, p in enumerate(usable) if i not in chosen]
    return train, [p for i, p in enumerate(usable) if i in chosen]


def _length_buckets(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for start in range(0, len(order), chunk):
        window = sorted(order[start : start + chunk], key=lengths.__getitem__)
        batches += [window[i : i + batch_size] for i in range(0, len(window), batch_size)]
    rng.shuffle(batches)
    return batches


def _collate(encoded: list[list[int]], types: list[list[int]], ids: list[int], pad_id: int):
    import torch

    width = max(len(encoded[i]) for i in ids)
    input_ids = torch.full((len(ids), width), pad_id, dtype=torch.long)
    token_type = torch.zeros((len(ids), width), dtype=torch.long)
    mask = torch.zeros((len(ids), width), dtype=torch.long)
    for row, i in enumerate(ids):
        n = len(encoded[i])
        input_ids[row, :n] = torch.tensor(encoded[i])
        token_type[row, :n] = torch.tensor(types[i])
        mask[row, :n] = 1
    return {"input_ids": input_ids, "token_type_ids": token_type, "attention_mask": mask}


def _encode(tokenizer, pairs: list[NLIPair], max_length: int):
    enc = tokenizer(
        [p.premise for p in pairs],
        [p.hypothesis for p in pairs],
        truncation="only_first",
        max_length=max_length,
    )
    types = enc.get("token_type_ids") or [[0] * len(x) for x in enc["input_ids"]]
    return enc["input_ids"], types


def _accuracy(model, tokenizer, pairs: list[NLIPair], max_length: int, batch_size: int = 64) -> float:
    import torch

    if not pairs:
        return 0.0
    encoded, types = _encode(tokenizer, pairs, max_length)
    order = sorted(range(len(pairs)), key=lambda i: len(encoded[i]))
    correct = 0
    model.eval()
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            ids = order[start : start + batch_size]
            logits = model(**_collate(encoded, types, ids, tokenizer.pad_token_id)).logits
            predicted = logits.argmax(-1).tolist()
            correct += sum(ID2LABEL[p] == pairs[i].label for p, i in zip(predicted, ids, strict=False))
    model.train()
    return correct / len(pairs)


def _fingerprint(train: list[NLIPair], config: TrainConfig) -> str:
    """What fixes batch order and learning-rate schedule: a checkpoint only resumes the same run."""
    digest = hashlib.sha1()
    for pair in train:
        digest.update(f"{pair.label}\x1f{_pair_digest(pair)}\n".encode())
    settings = (config.base, config.epochs, config.batch_size, config.learning_rate, config.warmup_ratio,
                config.max_length, config.seed, config.max_steps, config.freeze_embeddings)
    digest.update(repr(settings).encode())
    return digest.hexdigest()


def train_nli(pairs: list[NLIPair], config: TrainConfig, progress: bool = True) -> TrainResult:
    """Train and save a cross-encoder; returns what the model card records.

    With ``config.checkpoint_every`` the run writes ``OUT/checkpoint`` every so
    many steps and when time runs out, and a later call with the same data and
    settings resumes from it (same batch order, optimiser moments and RNG).
    """
    import torch
    from tqdm import tqdm
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from vericlaim.training.checkpoint import (
        CheckpointState,
        load_checkpoint,
        remove_checkpoint,
        save_checkpoint,
    )

    if not pairs:
        raise ValueError("no training pairs")
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    train, validation = split_train_validation(pairs, config.validation_size)
    tokenizer = AutoTokenizer.from_pretrained(config.base)
    # fp32 for training even when continuing from a shipped fp16 checkpoint
    model = AutoModelForSequenceClassification.from_pretrained(
        config.base, num_labels=3, id2label=ID2LABEL, label2id=LABEL2ID, dtype=torch.float32
    )
    if config.freeze_embeddings:
        model.get_input_embeddings().weight.requires_grad_(False)
    encoded, types = _encode(tokenizer, train, config.max_length)
    labels = torch.tensor([LABEL2ID[p.label] for p in train])
    rng = random.Random(config.seed)
    steps_per_epoch = math.ceil(len(train) / config.batch_size)
    total = max(1, int(steps_per_epoch * config.epochs))
    if config.max_steps:
        total = min(total, config.max_steps)
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=config.learning_rate, weight_decay=0.01)
    warmup = max(1, int(total * config.warmup_ratio))

    def schedule(s: int) -> float:
        return min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    folder = Path(config.out) / "checkpoint"
    fingerprint = _fingerprint(train, config)
    state = CheckpointState(fingerprint, step=0, epoch=0, next_batch=0, best_accuracy=-1.0, strikes=0,
                            seconds=0.0)
    best_state = None
    if config.checkpoint_every and (folder / "state.json").is_file():
        state, best_state = load_checkpoint(folder, fingerprint, model, optimizer, trainable)
        scheduler.last_epoch = state.step  # the schedule is a pure function of the step
        for group in optimizer.param_groups:
            group["lr"] = config.learning_rate * schedule(state.step)
        print(f"resuming from {folder} at step {state.step} of {total}", file=sys.stderr)

    def checkpoint() -> None:
        state.seconds = spent()
        save_checkpoint(folder, state, model, best_state, optimizer, trainable)

    started = time.monotonic()
    previous_seconds = state.seconds

    def spent() -> float:
        return previous_seconds + time.monotonic() - started

    bar = tqdm(total=total, initial=state.step, desc="train-nli", file=sys.stderr, disable=not progress)
    model.train()
    stop = state.step >= total
    epoch = 0
    while not stop:
        batches = _length_buckets([len(e) for e in encoded], config.batch_size, rng)
        if epoch < state.epoch:  # replaying the seeded shuffles of epochs already trained
            epoch += 1
            continue
        start = state.next_batch if epoch == state.epoch else 0
        for index in range(start, len(batches)):
            ids = batches[index]
            batch = _collate(encoded, types, ids, tokenizer.pad_token_id)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=config.bf16):
                logits = model(**batch).logits
            loss = torch.nn.functional.cross_entropy(logits.float(), labels[ids])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            state.step += 1
            state.epoch, state.next_batch = (epoch, index + 1) if index + 1 < len(batches) else (epoch + 1, 0)
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.3f}", best=f"{state.best_accuracy:.3f}")
            out_of_time = (
                config.max_minutes is not None
                and time.monotonic() - started > config.max_minutes * 60
            )
            if state.step % config.eval_every == 0 or state.step >= total or out_of_time:
                acc = _accuracy(model, tokenizer, validation, config.max_length)
                state.history.append([state.step, round(acc, 4)])
                bar.write(f"step {state.step}: validation accuracy {acc:.4f}", file=sys.stderr)
                if acc > state.best_accuracy:
                    state.best_accuracy, state.strikes = acc, 0
                    best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
                else:
                    state.strikes += 1
                if state.strikes >= config.patience:
                    bar.write("early stopping: validation accuracy stopped improving", file=sys.stderr)
                    stop = True
            finished = state.step >= total or stop
            if config.checkpoint_every and not finished and (
                    state.step % config.checkpoint_every == 0 or out_of_time):
                checkpoint()
            if finished or out_of_time:
                stop = True
                break
        epoch += 1
    bar.close()
    if best_state is not None:
        model.load_state_dict(best_state)
    finished = state.step >= total or state.strikes >= config.patience
    if finished and config.checkpoint_every:
        remove_checkpoint(folder)
    notes = list(config.notes)
    if not finished:
        notes.append(f"stopped by the time limit at step {state.step} of {total}; "
                     f"`OUT/checkpoint` resumes it")
    config.notes = notes
    result = TrainResult(
        steps=state.step,
        seconds=spent(),
        best_validation_accuracy=state.best_accuracy,
        train_counts=dict(Counter(p.source for p in train)),
        validation_counts=dict(Counter(p.source for p in validation)),
    )
    save_model(model, tokenizer, config, result)
    return result


def save_model(model, tokenizer, config: TrainConfig, result: TrainResult) -> None:
    """Write fp16 safetensors, tokenizer, training.json and MODEL_CARD.md into ``config.out``."""
    import torch

    from vericlaim.training.model_card import write_card

    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    model.to(torch.float16).save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    record = {
        "base": config.base,
        "steps": result.steps,
        "train_seconds": round(result.seconds, 1),
        "best_validation_accuracy": round(result.best_validation_accuracy, 4),
        "train_pairs_by_source": result.train_counts,
        "validation_pairs_by_source": result.validation_counts,
        "hyperparameters": {
            "epochs": config.epochs,
            "batch_size": config.batch_size,
            "learning_rate": config.learning_rate,
            "warmup_ratio": config.warmup_ratio,
            "max_length": config.max_length,
            "seed": config.seed,
            "max_minutes": config.max_minutes,
            "bf16": config.bf16,
            "freeze_embeddings": config.freeze_embeddings,
        },
        "data_files": config.data_files,
        "notes": config.notes,
    }
    previous = Path(config.base) / "training.json"
    if previous.is_file():  # a continued stage: keep the history the card describes
        record["previous_stage"] = json.loads(previous.read_text(encoding="utf-8"))
    (out / "heldout.json").unlink(missing_ok=True)  # scores of an older model in this folder
    atomic_write_text(out / "training.json", json.dumps(record, indent=2) + "\n")
    write_card(out)
