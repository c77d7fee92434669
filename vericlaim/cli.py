"""Command line: argument parsing and progress only; every command calls the API.

Exit codes: 0 success, 1 some inputs failed (the rest were processed),
2 bad usage or an unusable index/model. ``diff`` follows diff(1) instead:
0 the reports agree, 1 they differ, 2 trouble. Data goes to stdout, progress
and messages to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from vericlaim import __version__

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_DIFFERENT = 1  # `vericlaim diff`, as diff(1): the reports differ


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
        evidence_until=getattr(args, "evidence_until", None),
        undated=getattr(args, "undated", None),
        min_checkworthiness=getattr(args, "min_checkworthiness", None),
        retrieval=getattr(args, "retrieval", None),
    )


def _evidence_until(value: str) -> str:
    """argparse type for --evidence-until: 'article' or an ISO date."""
    import re

    if value != "article" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError("expected 'article' or a date YYYY-MM-DD")
    return value


def _model_options(parser: argparse.ArgumentParser, nli: bool = True) -> None:
    parser.add_argument("--embedding-model", metavar="NAME_OR_PATH",
                        help="sentence-transformers model (default: all-MiniLM-L6-v2, offline copy "
                             "if installed; env VERICLAIM_EMBEDDING_MODEL)")
    if nli:
        parser.add_argument("--nli-model", metavar="NAME_OR_PATH",
                            help="NLI cross-encoder (default: the bundled model; env VERICLAIM_NLI_MODEL)")
        parser.add_argument("--nli-backend", choices=["auto", "onnx", "torch"],
                            help="auto (default): the model's ONNX export, made, checked against torch "
                                 "and cached on first use, else torch; onnx: a folder exported by "
                                 "'vericlaim export-onnx'; torch: the reference runtime")


def _retrieval_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--retrieval", choices=["dense", "bm25", "hybrid"],
                        help="how passages are found: dense (FAISS), bm25 (lexical) or hybrid, both "
                             "fused by reciprocal rank (default hybrid, see docs/BENCHMARKS.md)")


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("expected a whole number of at least 1")
    return number


def _unit_interval(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("expected a number from 0 to 1")
    return number


def _checkworthiness_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-checkworthiness", type=_unit_interval, metavar="0..1",
                        help="articles: check only sentences whose learned check-worthiness is at least "
                             "this (default: the cut chosen on held-out data, see docs/BENCHMARKS.md)")


def cmd_index(args) -> int:
    import vericlaim
    from vericlaim.retrieval.store import IndexBuildError

    try:
        summary = vericlaim.build_index(args.reports, args.index, _config(args),
                                        progress=not args.quiet, kind=args.kind, shards=args.shards)
    except IndexBuildError as exc:
        return _fail(str(exc))
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
    if args.html and Path(args.html).exists() and not (args.force or args.resume):
        return _fail(f"{args.html} exists; pass --force to overwrite it")
    if (args.articles is None) == (args.claims is None):
        return _fail("give either ARTICLES or --claims FILE (one of them)")
    if args.engine != "ray" and (args.ray_address or args.workers):
        return _fail("--ray-address and --workers need --engine ray")
    ray = None
    if args.engine == "ray":
        from vericlaim.ray_engine import RayOptions

        ray = RayOptions(address=args.ray_address, workers=args.workers)
    options = dict(out=args.out, fmt=args.format, config=_config(args), progress=not args.quiet,
                   resume=args.resume, keep_verdicts=False, ray=ray)
    if args.claims is None:  # the HTML page shows the articles check read (not read a second time)
        from vericlaim.manifest import manifest_path

        page_files = [args.html, manifest_path(args.html)] if args.html else []
        result = vericlaim.check(args.articles, args.index, keep_documents=bool(args.html), skip=page_files, **options)
    else:
        result = vericlaim.check_claims(args.claims, args.index, **options)
    if args.out is None:
        from vericlaim.report import write_rows
        write_rows(result.rows, None, args.format)
    counts = ", ".join(f"{n} {label}" for label, n in result.counts().items())
    where = f" -> {result.report_path}" if result.report_path else ""
    total = sum(result.counts().values())
    print(f"checked {total} claims: {counts or 'none'}{where}", file=sys.stderr)
    if result.errors_path:
        print(f"{len(result.errors)} input problems listed in {result.errors_path}", file=sys.stderr)
    if args.html:
        from vericlaim.report_html.build import build_html_report
        from vericlaim.report_read import row_from_dict

        rows = None if args.out else [row_from_dict(row, "report") for row in result.rows]
        page = build_html_report(args.html, report=args.out, rows=rows, articles=args.articles,
                                 documents=result.documents if args.articles else None,
                                 manifest=result.manifest, quiet=True)
        print(f"HTML report -> {page.path}", file=sys.stderr)
    return EXIT_INPUT_ERRORS if result.failed else EXIT_OK


def cmd_report(args) -> int:
    from vericlaim.report_html.build import build_html_report

    if Path(args.html).exists() and not args.force:
        return _fail(f"{args.html} exists; pass --force to overwrite it")
    page = build_html_report(args.html, report=args.report, articles=args.articles, quiet=args.quiet)
    print(f"rendered {page.claims} claims of {page.articles} articles -> {page.path} "
          f"(manifest {page.manifest_path})", file=sys.stderr)
    return EXIT_INPUT_ERRORS if [e for e in page.errors if not e.reason.startswith("warning:")] else EXIT_OK


def cmd_diff(args) -> int:
    from vericlaim import diff
    from vericlaim.report_read import read_report

    old, new = read_report(args.old), read_report(args.new)
    changes = diff.diff_reports(old, new, args.tolerance)
    if args.format == "md":
        sys.stdout.write(diff.to_markdown(changes, args.old, args.new, diff.compared_count(old, new)))
    else:
        sys.stdout.write(diff.to_csv(changes))
    print(f"{len(changes)} claims differ between {args.old} and {args.new}", file=sys.stderr)
    return EXIT_DIFFERENT if changes else EXIT_OK


def cmd_claims(args) -> int:
    import vericlaim
    from vericlaim.claims.quantities import frames_to_json

    claims, errors = vericlaim.extract_claims(args.articles, args.min_checkworthiness)
    for claim in claims:
        if args.format == "jsonl":
            print(json.dumps({
                "article_id": claim.article_id, "claim_id": claim.claim_id, "claim": claim.text,
                "start": claim.start, "end": claim.end, "types": list(claim.types),
                "checkworthiness": claim.checkworthiness, "context": claim.context,
                "quantities": json.loads(frames_to_json(claim.quantities)),
            }, ensure_ascii=False))
        else:
            quantities = "; ".join(q.describe() for q in claim.quantities)
            print(f"{claim.claim_id}\t{claim.checkworthiness:.2f}\t{','.join(claim.types)}\t{claim.text}"
                  + (f"\t[{quantities}]" if quantities else ""))
    print(f"{len(claims)} claims", file=sys.stderr)
    return EXIT_INPUT_ERRORS if [e for e in errors if not e.reason.startswith("warning:")] else EXIT_OK


def cmd_export_onnx(args) -> int:
    from vericlaim.models.onnx_backend import export_onnx

    model = args.nli_model or _config(args).nli_model
    if args.out is None:  # the checked fp32 export that `check --nli-backend auto` uses (made once)
        from vericlaim.models.onnx_cache import ensure_export
        from vericlaim.models.resolve import resolve_model

        if args.int8:
            return _fail("--int8 needs --out: the int8 export is opt-in, never the default")
        folder, check = ensure_export(resolve_model(model, "nli"))
        verdict = "used by default" if check.passed else "NOT used (torch is)"
        print(f"ONNX export of {model} in {folder}: torch's label on {check.agreeing}/{check.pairs} "
              f"pairs of {check.data} ({check.agreement:.2%}); {verdict}", file=sys.stderr)
        return EXIT_OK
    folder = export_onnx(model, args.out, quantize=args.int8)
    print(f"exported {model} to {folder}; use --nli-model {folder} --nli-backend onnx", file=sys.stderr)
    return EXIT_OK


def cmd_train_nli(args) -> int:
    from vericlaim.training import cli as training_cli

    return training_cli.run(args)


def cmd_nli_data(args) -> int:
    from vericlaim.training import news_data

    return news_data.run(args)


def cmd_eval(args) -> int:
    if args.task == "quantities":
        from vericlaim.eval.quantities import run as run_quantities

        return run_quantities(args)
    if args.task == "checkworthy":
        from vericlaim.eval.checkworthy import run as run_checkworthy

        return run_checkworthy(args)
    if args.task == "suite":
        from vericlaim.eval import suite

        return suite.run(args, _config(args))
    if args.task == "retrieval":
        from vericlaim.eval import retrieval

        return retrieval.run(args, _config(args))
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
        p.add_argument("-v", "--verbose", action="store_true", help="show model-loading bars and library warnings")
        p.set_defaults(func=func)
        return p

    p = command("index", "Build or extend a FAISS index over a corpus of reports.", cmd_index)
    p.add_argument("reports", help="folder of .txt/.md, a .jsonl/.csv file, or one text file")
    p.add_argument("--index", required=True, help="index folder (created or extended)")
    p.add_argument("--kind", choices=["flat", "ivf", "ivfpq"],
                   help="flat: exact search (default); ivf: approximate, for large corpora; ivfpq: IVF with "
                        "48-byte product-quantised codes re-ranked exactly, for corpora beyond RAM (IVF kinds "
                        "need 256/1,000 passages to train; Config.nprobe lists searched per query). Only "
                        "for a new index: an existing one keeps its kind")
    p.add_argument("--shards", type=_positive_int, metavar="N",
                   help="split the vectors over N FAISS sub-indexes searched in parallel and merged by score "
                        "(default 1; only for a new index)")
    _model_options(p, nli=False)

    p = command("check", "Check every claim of every article; write the verification report.",
                cmd_check)
    p.add_argument("articles", nargs="?", help="folder of .txt/.md, a .jsonl/.csv file, or one text file")
    p.add_argument("--claims", metavar="FILE",
                   help="instead of ARTICLES: a list of claims to check as written (.csv/.jsonl with a "
                        "'claim' column and optional id, date, source, context; or .txt, one per line)")
    p.add_argument("--index", required=True, help="index built by 'vericlaim index'")
    p.add_argument("--out", help="report file (default: stdout); errors go to vericlaim-errors.csv beside it")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.add_argument("--top-k", type=int, help="passages checked per claim (default 5)")
    p.add_argument("--force", action="store_true", help="overwrite an existing report")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run with the same --out (skips finished articles)")
    p.add_argument("--evidence-until", type=_evidence_until, metavar="article|YYYY-MM-DD",
                   help="use only reports dated on or before the article's date (article) or this "
                        "date; off by default (the latest reports are used)")
    p.add_argument("--undated", choices=["keep", "drop"],
                   help="with --evidence-until: keep (default) or drop reports that have no date")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local: this process (default); ray: a pool of Ray Data workers, same rows "
                        "(needs vericlaim[ray]; see 'Running on a cluster' in the README)")
    p.add_argument("--ray-address", metavar="auto|HOST:PORT",
                   help="with --engine ray: join this cluster (auto: the one 'ray start' made here); "
                        "default: start a local Ray sized to this machine")
    p.add_argument("--workers", type=_positive_int, metavar="N",
                   help="with --engine ray: actors in the pool, each loading models and index once "
                        "(default: one per two CPUs, leaving one CPU for Ray Data)")
    _retrieval_option(p)
    _model_options(p)

    _checkworthiness_option(p)
    p.add_argument("--html", metavar="PATH",
                   help="also write the report as one self-contained HTML page (articles with their "
                        "claims marked, evidence on click, filters)")

    p = command("report", "Render a written report as one self-contained HTML page.", cmd_report)
    p.add_argument("report", help="report written by 'vericlaim check' (.csv or .jsonl)")
    p.add_argument("--html", required=True, metavar="PATH", help="the HTML file to write")
    p.add_argument("--articles", help="the articles that were checked, to show their text with the claims "
                                      "marked (without it, claims are listed per article)")
    p.add_argument("--force", action="store_true", help="overwrite an existing HTML file")

    p = command("diff", "Claims whose verdict, evidence or confidence changed between two reports.",
                cmd_diff)
    p.epilog = ("Exit status, as diff(1): 0 no claim differs, 1 some claims differ, 2 trouble (a report "
                "missing or unreadable; the error names the file).")
    p.add_argument("old", help="the earlier report (.csv or .jsonl)")
    p.add_argument("new", help="the later report")
    p.add_argument("--format", choices=["csv", "md"], default="csv",
                   help="csv: one row per changed, added or removed claim (default); md: a short Markdown summary")
    p.add_argument("--tolerance", type=_unit_interval, default=0.01, metavar="0..1",
                   help="confidence changes up to this are not changes (default 0.01: reruns differ "
                        "in the last digits)")

    p = command("claims", "Show the claims that would be checked.", cmd_claims)
    p.add_argument("articles", help="an article file or folder")
    _checkworthiness_option(p)
    p.add_argument("--format", choices=["tsv", "jsonl"], default="tsv")

    from vericlaim.training import cli as training_cli
    p = command("train-nli", "Fine-tune a small 3-label NLI cross-encoder.", cmd_train_nli)
    training_cli.add_arguments(p)

    from vericlaim.training import news_data
    p = command("nli-data", "Build the news NLI training pairs from ../shared/data (dev/train splits).",
                cmd_nli_data)
    news_data.add_arguments(p)

    p = command("export-onnx", "Export the NLI model to ONNX for the faster onnx backend.",
                cmd_export_onnx)
    p.add_argument("--out", help="output folder; without it, make (once) and check the cached fp32 "
                                 "export that check uses by default, and say where it is")
    p.add_argument("--int8", action="store_true", help="dynamic int8 quantisation (smaller, faster)")
    p.add_argument("--nli-model", metavar="NAME_OR_PATH", help="model to export (default: bundled)")

    p = command("eval", "Measure accuracy on public benchmarks.", cmd_eval)
    p.add_argument("task", choices=["nli", "verify", "tune", "quantities", "suite", "checkworthy", "retrieval"],
                   help="nli: NLI accuracy on labelled pairs; verify: end-to-end verdicts against "
                        "gold claims; tune: pick verdict thresholds on a development set; "
                        "quantities: extraction rate on a CSV of numerical claims (QuanTemp); "
                        "suite: verdicts on the real fact-check sets of ../shared/data, dev and held-out; "
                        "checkworthy: claim detection on ClaimBuster (--data) or the share of gold "
                        "claims found (--claims GOLD --articles); retrieval: recall@1/5/20 and MRR of "
                        "the gold evidence document on the real sets (as suite)")
    p.add_argument("--claims", help="verify/tune: gold JSONL (article, claim, label); "
                                    "default: the shipped development set")
    p.add_argument("--articles", help="verify/tune: articles as 'check' reads them")
    p.add_argument("--corpus", help="verify/tune: reports to index")
    p.add_argument("--index", help="verify/tune: use this index instead of indexing --corpus")
    p.add_argument("--write", help="tune: where to write thresholds (default: the package's tuned file)")
    p.add_argument("--sample", type=int, default=0, help="quantities: print N claims to hand-check")
    p.add_argument("--gold", nargs="?", const="", metavar="DIR",
                   help="quantities: score frames and numeric comparisons against a hand-labelled gold "
                        "folder (quantities*.jsonl, pairs.jsonl); without DIR, the shipped one")
    p.add_argument("--data", nargs="+", metavar="FILE",
                   help="nli: NLI / fact-verification files (.jsonl, .tsv, .csv, SNLI s1.SPLIT); "
                        "quantities: a CSV with a 'claim' column")
    p.add_argument("--heldout-slice", action="store_true",
                   help="keep only the VitaminC case_ids reserved for evaluation")
    p.add_argument("--limit", type=int, help="score at most N pairs per file (seeded sample); "
                                             "suite: at most N claims per split")
    p.add_argument("--json", action="store_true", help="one JSON object per file instead of Markdown")
    p.add_argument("--modes", help="retrieval: comma-separated of dense,bm25,hybrid (default all three)")
    p.add_argument("--queries", help="retrieval: comma-separated query forms, claim and/or title+claim "
                                     "(default claim)")
    _retrieval_option(p)
    p.add_argument("--sets", help="suite/retrieval: comma-separated sets (default: wice,politihop,liar_plus,fnc1,check_covid)")
    p.add_argument("--split", choices=["dev", "heldout", "all"], help="suite: which splits (default all)")
    p.add_argument("--cache", help="suite: converted data, indexes and evidence (default out/real)")
    p.add_argument("--shared", help="suite: the shared data folder (default ../shared/data)")
    p.add_argument("--no-detection", action="store_true",
                   help="suite: skip measuring whether claim detection finds each gold claim")
    p.add_argument("--no-attribution", action="store_true",
                   help="suite: ablation, count attributed restatements as evidence (measures issue 12's rule)")
    p.add_argument("--tune", action="store_true",
                   help="suite: choose the verdict thresholds on the dev splits and write them first")
    p.add_argument("--fit", action="store_true",
                   help="suite: fit the confidence calibration on the dev splits and write it first")
    _checkworthiness_option(p)
    p.add_argument("--card", action="store_true",
                   help="nli: write these scores into the model folder's MODEL_CARD.md as held-out scores")
    _model_options(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from vericlaim.corpora.readers import InputPathError
    from vericlaim.manifest import COMMAND_LINE, ManifestError, ResumeMismatchError
    from vericlaim.models.nli import NLIModelError
    from vericlaim.models.resolve import ModelNotFoundError
    from vericlaim.ray_engine import RayEngineError
    from vericlaim.retrieval.store import IndexCorruptError

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from vericlaim import verbosity

    verbosity.configure(getattr(args, "verbose", False))
    from vericlaim.report_read import ReportReadError

    COMMAND_LINE.set(["vericlaim", *(sys.argv[1:] if argv is None else argv)])
    try:
        return args.func(args)
    except (InputPathError, ModelNotFoundError, NLIModelError, IndexCorruptError, ResumeMismatchError,
            ManifestError, ReportReadError, RayEngineError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("vericlaim: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
