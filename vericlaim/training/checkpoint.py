"""Resumable training checkpoints, stored without pickle.

CPU training here runs for hours across sessions, so a run must be able to
stop at any step and continue later exactly where it was. A checkpoint is a
folder of safetensors files (current weights, best weights, AdamW moments,
the torch RNG state) and ``state.json`` (step, position in the epoch, best
validation score, seconds spent). ``torch.load`` is never used: loading a
checkpoint cannot execute code. The folder is written beside the final
model and replaced atomically (written under a temporary name, then
renamed), so a run killed mid-write leaves the previous checkpoint intact.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from vericlaim.atomic import atomic_write_text


class CheckpointError(RuntimeError):
    """A checkpoint folder exists but cannot be resumed (different data or settings, or damaged)."""


@dataclass
class CheckpointState:
    """Where a run stood when the checkpoint was written."""

    fingerprint: str  # data and settings that decide the batch order and schedule
    step: int
    epoch: int
    next_batch: int  # index of the first batch of ``epoch`` not yet trained on
    best_accuracy: float
    strikes: int
    seconds: float
    history: list[list[float]] = field(default_factory=list)  # [step, validation accuracy]


def _tensors(state: dict) -> dict:
    return {k: v.detach().clone().contiguous() for k, v in state.items()}


def save_checkpoint(folder: Path, state: CheckpointState, model, best_state: dict | None,
                    optimizer, parameters: list) -> None:
    """Write the checkpoint folder atomically (temp folder, then rename over the old one)."""
    import torch
    from safetensors.torch import save_file

    folder = Path(folder)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    save_file(_tensors(model.state_dict()), str(tmp / "model.safetensors"))
    if best_state is not None:
        save_file(_tensors(best_state), str(tmp / "best.safetensors"))
    moments = {}
    for i, parameter in enumerate(parameters):
        for key, value in optimizer.state.get(parameter, {}).items():
            moments[f"{i}.{key}"] = torch.as_tensor(value).detach().clone().contiguous()
    moments["torch_rng"] = torch.get_rng_state()
    save_file(moments, str(tmp / "optimizer.safetensors"))
    atomic_write_text(tmp / "state.json", json.dumps(asdict(state), indent=1) + "\n")
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def load_checkpoint(folder: Path, fingerprint: str, model, optimizer, parameters: list
                    ) -> tuple[CheckpointState, dict | None]:
    """Restore weights, AdamW moments and RNG; returns the state and the best weights so far."""
    import torch
    from safetensors.torch import load_file

    folder = Path(folder)
    try:
        state = CheckpointState(**json.loads((folder / "state.json").read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, TypeError) as exc:
        raise CheckpointError(f"{folder}/state.json: unreadable checkpoint state ({exc})") from exc
    if state.fingerprint != fingerprint:
        raise CheckpointError(
            f"{folder}: checkpoint was made with other data or settings; delete it to start afresh"
        )
    model.load_state_dict(load_file(str(folder / "model.safetensors")))
    moments = load_file(str(folder / "optimizer.safetensors"))
    torch.set_rng_state(moments.pop("torch_rng"))
    for i, parameter in enumerate(parameters):
        keys = {k.split(".", 1)[1]: v for k, v in moments.items() if k.split(".", 1)[0] == str(i)}
        if keys:
            optimizer.state[parameter] = keys
    best = folder / "best.safetensors"
    return state, (load_file(str(best)) if best.is_file() else None)


def remove_checkpoint(folder: Path) -> None:
    """A finished run no longer needs its checkpoint (hundreds of MB of fp32 state)."""
    shutil.rmtree(folder, ignore_errors=True)
