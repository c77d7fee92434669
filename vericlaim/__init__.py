"""vericlaim: batch fact-checking of news articles against a corpus of reports."""

__version__ = "0.1.0"

from vericlaim.api import (
    CheckResult,
    IndexSummary,
    build_index,
    check,
    check_claims,
    extract_claims,
    load_index,
)
from vericlaim.config import Config

__all__ = ["CheckResult", "Config", "IndexSummary", "__version__", "build_index", "check",
           "check_claims", "extract_claims", "load_index"]
