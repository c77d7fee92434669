"""ONNX Runtime backend for the NLI cross-encoder (CPU speed).

``export_onnx`` writes ``model.onnx`` (optionally int8 dynamic-quantised)
next to a copy of the tokenizer and config, so the folder is self-contained
and ``OnnxNLIScorer`` can score pairs without torch in the hot path. ONNX
files are graphs and weights, not code: loading one executes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from vericlaim.models.nli_base import NLI_LABELS, BatchedNLIScorer, NLIScores, label_indices
from vericlaim.models.resolve import resolve_model
from vericlaim.optional import require
from vericlaim.verbosity import library_output

ONNX_FILE = "model.onnx"


def export_onnx(model: str, out: str | Path, quantize: bool = False) -> Path:
    """Export an NLI model folder or name to ONNX; returns the output folder.

    The tracer's warnings are shown only with ``-v`` (see ``vericlaim.verbosity``).
    """
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    require("onnx")  # torch.onnx.export needs it; say so in one line rather than deep in torch
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = resolve_model(model, "nli")
    with library_output():
        tokenizer = AutoTokenizer.from_pretrained(path)
        net = AutoModelForSequenceClassification.from_pretrained(path, dtype=torch.float32).eval()
        sample = tokenizer(["A premise."], ["A hypothesis."], return_tensors="pt")
        names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]
        axes = {n: {0: "batch", 1: "sequence"} for n in names}
        axes["logits"] = {0: "batch"}
        target = out / (ONNX_FILE if not quantize else "model.fp32.onnx")
        torch.onnx.export(net, (dict(sample),), str(target), input_names=names, output_names=["logits"],
                          dynamic_axes=axes, opset_version=17, dynamo=False)
        if quantize:
            quantization = require("onnxruntime.quantization")
            QuantType, quantize_dynamic = quantization.QuantType, quantization.quantize_dynamic  # noqa: N806

            quantize_dynamic(str(target), str(out / ONNX_FILE), weight_type=QuantType.QInt8)
            target.unlink()
    tokenizer.save_pretrained(out)
    net.config.to_json_file(str(out / "config.json"))
    (out / "onnx_export.json").write_text(json.dumps({"source": str(model), "int8": quantize}) + "\n")
    return out


class OnnxNLIScorer(BatchedNLIScorer):
    """Same ``predict`` as the torch scorer; runs an exported ONNX model.

    ``source``, when given, is the model folder the export was made from: it
    becomes ``path``, so a model card or training record is looked up there.
    """

    backend = "onnx"

    def __init__(self, folder: str, max_length: int = 192, threads: int | None = None,
                 source: str | None = None):
        ort = require("onnxruntime")
        from transformers import AutoConfig, AutoTokenizer

        folder_path = Path(folder)
        if not (folder_path / ONNX_FILE).is_file():
            raise FileNotFoundError(f"{folder}: no {ONNX_FILE}; create it with 'vericlaim export-onnx'")
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self.name = source or folder
        self.path = source or folder
        self.folder = folder
        self.session = ort.InferenceSession(str(folder_path / ONNX_FILE), options,
                                            providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = AutoTokenizer.from_pretrained(folder)
        self.indices = label_indices(AutoConfig.from_pretrained(folder).id2label)
        self.max_length = max_length

    def _probabilities(self, premises: list[str], hypotheses: list[str]) -> list[list[float]]:
        encoded = self.tokenizer(premises, hypotheses, padding=True, truncation="only_first",
                                 max_length=self.max_length, return_tensors="np")
        feed = {k: v.astype(np.int64) for k, v in encoded.items() if k in self.inputs}
        logits = self.session.run(["logits"], feed)[0]
        logits = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return (exp / exp.sum(axis=1, keepdims=True)).tolist()


__all__ = ["NLI_LABELS", "NLIScores", "OnnxNLIScorer", "export_onnx"]
