"""Command line: argument parsing and progress only; every command calls the API.

Exit codes: 0 success, 1 some inputs failed (the rest were processed),
2 bad usage or an unusable index/model. Data goes to stdout, progress and
messages to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from vericlaim import __version__

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


def _fail(message: str) -> int:
    print(f"vericlaim: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _config(args):
    from vericlaim.config import Config

    return Config.from_env(
        tuned=getattr(args, "task", None) != "tune",  # tuning starts from the documented defaults
        embedding_model=getattr(args, "embedding_model", None),
        nli_model=getattr(args, "nli_model", None),
        top_k=getattr(args, "top_k", None),
        nli_backend=getattr(args, "nli_backend", None),
    )


def _model_options(parser: argparse.ArgumentParser, nli: bool = True) -> None:
    parser.add_argument("--embedding-model", metavar="NAME_OR_PATH",
                        help="sentence-transformers model (default: all-MiniLM-L6-v2, offline copy "
                             "if installed; env VERICLAIM_EMBEDDING_MODEL)")
    if nli:
        parser.add_argument("--nli-model", metavar="NAME_OR_PATH",
                            help="NLI cross-encoder (default: the bundled model; env VERICLAIM_NLI_MODEL)")
        parser.add_argument("--nli-backend", choices=["torch", "onnx"],
                            help="onnx: run a folder exported by 'vericlaim export-onnx' (default torch)")


def cmd_index(args) -> int:
    import vericlaim

    summary = vericlaim.build_index(args.reports, args.index, _config(args),
                                    progress=not args.quiet, kind=args.kind)
    print(f"index {args.index}: added {summary.documents_added} documents "
          f"({summary.passages_added} passages), skipped {summary.documents_skipped} already "
          f"present; {summary.total_passages} passages in all", file=sys.stderr)
    failed = [e for e in summary.errors if not e.reason.startswith("warning:")]
    return EXIT_INPUT_ERRORS if failed else EXIT_OK


def cmd_check(args) -> int:
    import vericlaim

    if args.out and Path(args.out).exists() and not (args.force or args.resume):
        return _fail(f"{args.out} exists; pass --force to overwrite it")
    if args.out and Path(args.out).is_dir():
        return _fail(f"{args.out} is a folder; --out names the report file")
    result = vericlaim.check(args.articles, args.index, out=args.out, fmt=args.format,
                             config=_config(args), progress=not args.quiet, resume=args.resume,
                             keep_verdicts=False)
    if args.out is None:
        from vericlaim.report import write_rows
        write_rows(result.rows, None, args.format)
    counts = ", ".join(f"{n} {label}" for label, n in result.counts().items())
    where = f" -> {result.report_path}" if result.report_path else ""
    total = sum(result.counts().values())
    print(f"checked {total} claims: {counts or 'none'}{where}", file=sys.stderr)
    if result.errors_path:
        print(f"{len(result.errors)} input problems listed in {result.errors_path}", file=sys.stderr)
    return EXIT_INPUT_ERRORS if result.failed else EXIT_OK


def cmd_claims(args) -> int:
    import vericlaim

    claims, errors = vericlaim.extract_claims(args.articles)
    for claim in claims:
        if args.format == "jsonl":
            print(json.dumps({
                "article_id": claim.article_id, "claim_id": claim.claim_id, "claim": claim.text,
                "start": claim.start, "end": claim.end, "types": list(claim.types),
                "quantities": [{"low": q.low if q.low != float("inf") else None,
                                "high": q.high if q.high != float("inf") else None,
                                "unit": q.unit, "counted": q.counted, "event": q.event,
                                "qualifier": q.qualifier, "text": q.text, "iso": q.iso}
                               for q in claim.quantities],
            }, ensure_ascii=False))
        else:
            quantities = "; ".join(q.describe() for q in claim.quantities)
            print(f"{claim.claim_id}\t{','.join(claim.types)}\t{claim.text}"
                  + (f"\t[{quantities}]" if quantities else ""))
    print(f"{len(claims)} claims", file=sys.stderr)
    return EXIT_INPUT_ERRORS if [e for e in errors if not e.reason.startswith("warning:")] else EXIT_OK


def cmd_export_onnx(args) -> int:
    from vericlaim.models.onnx_backend import export_onnx

    model = args.nli_model or _config(args).nli_model
    folder = export_onnx(model, args.out, quantize=args.int8)
    print(f"exported {model} to {folder}; use --nli-model {folder} --nli-backend onnx", file=sys.stderr)
    return EXIT_OK


def cmd_train_nli(args) -> int:
    from vericlaim.models import training_cli

    return training_cli.run(args)


def cmd_eval(args) -> int:
    if args.task == "quantities":
        from vericlaim.eval.quantities import run as run_quantities

        return run_quantities(args)
    if args.task in ("verify", "tune"):
        from vericlaim.eval import verify

        runner = verify.run_verify if args.task == "verify" else verify.run_tune
        return runner(args, _config(args))
    if not args.data:
        return _fail("eval nli needs --data FILE")
    from vericlaim.eval.nli import run

    return run(args, _config(args))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vericlaim", description="Fact-check news articles against a corpus of reports.")
    parser.add_argument("--version", action="version", version=f"vericlaim {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name, help_text, func):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
        p.add_argument("-v", "--verbose", action="store_true", help="show model-loading messages")
        p.set_defaults(func=func)
        return p

    p = command("index", "Build or extend a FAISS index over a corpus of reports.", cmd_index)
    p.add_argument("reports", help="folder of .txt/.md, a .jsonl/.csv file, or one text file")
    p.add_argument("--index", required=True, help="index folder (created or extended)")
    p.add_argument("--kind", choices=["flat", "ivf"], default="flat",
                   help="flat: exact search (default); ivf: approximate, for large corpora")
    _model_options(p, nli=False)

    p = command("check", "Check every claim of every article; write the verification report.",
                cmd_check)
    p.add_argument("articles", help="folder of .txt/.md, a .jsonl/.csv file, or one text file")
    p.add_argument("--index", required=True, help="index built by 'vericlaim index'")
    p.add_argument("--out", help="report file (default: stdout); errors go to vericlaim-errors.csv beside it")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.add_argument("--top-k", type=int, help="passages checked per claim (default 5)")
    p.add_argument("--force", action="store_true", help="overwrite an existing report")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run with the same --out (skips finished articles)")
    _model_options(p)

    p = command("claims", "Show the claims that would be checked.", cmd_claims)
    p.add_argument("articles", help="an article file or folder")
    p.add_argument("--format", choices=["tsv", "jsonl"], default="tsv")

    from vericlaim.models import training_cli
    p = command("train-nli", "Fine-tune a small 3-label NLI cross-encoder.", cmd_train_nli)
    training_cli.add_arguments(p)

    p = command("export-onnx", "Export the NLI model to ONNX for the faster onnx backend.",
                cmd_export_onnx)
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--int8", action="store_true", help="dynamic int8 quantisation (smaller, faster)")
    p.add_argument("--nli-model", metavar="NAME_OR_PATH", help="model to export (default: bundled)")

    p = command("eval", "Measure accuracy on public benchmarks.", cmd_eval)
    p.add_argument("task", choices=["nli", "verify", "tune", "quantities"],
                   help="nli: NLI accuracy on labelled pairs; verify: end-to-end verdicts against "
                        "gold claims; tune: pick verdict thresholds on a development set; "
                        "quantities: extraction rate on a CSV of numerical claims (QuanTemp)")
    p.add_argument("--claims", help="verify/tune: gold JSONL (article, claim, label); "
                                    "default: the shipped development set")
    p.add_argument("--articles", help="verify/tune: articles as 'check' reads them")
    p.add_argument("--corpus", help="verify/tune: reports to index")
    p.add_argument("--index", help="verify/tune: use this index instead of indexing --corpus")
    p.add_argument("--write", help="tune: where to write thresholds (default: the package's tuned file)")
    p.add_argument("--sample", type=int, default=0, help="quantities: print N claims to hand-check")
    p.add_argument("--data", nargs="+", metavar="FILE",
                   help="nli: NLI / fact-verification files (.jsonl, .tsv, .csv, SNLI s1.SPLIT); "
                        "quantities: a CSV with a 'claim' column")
    p.add_argument("--heldout-slice", action="store_true",
                   help="keep only the VitaminC case_ids reserved for evaluation")
    p.add_argument("--limit", type=int, help="score at most N pairs per file (seeded sample)")
    p.add_argument("--json", action="store_true", help="one JSON object per file instead of Markdown")
    p.add_argument("--card", action="store_true",
                   help="nli: write these scores into the model folder's MODEL_CARD.md as held-out scores")
    _model_options(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from vericlaim.corpora.readers import InputPathError
    from vericlaim.models.nli import NLIModelError
    from vericlaim.models.resolve import ModelNotFoundError
    from vericlaim.retrieval.store import IndexCorruptError

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if not getattr(args, "verbose", False):
        from transformers.utils import logging as hf_logging
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    try:
        return args.func(args)
    except (InputPathError, ModelNotFoundError, NLIModelError, IndexCorruptError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("vericlaim: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
