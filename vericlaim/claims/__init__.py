"""Claims: sentences, check-worthiness, and the quantities inside them."""

from vericlaim.claims.detect import extract_claims
from vericlaim.claims.quantities import extract_quantities
from vericlaim.claims.segment import split_sentences

__all__ = ["extract_claims", "extract_quantities", "split_sentences"]
