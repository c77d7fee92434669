"""Reading articles and reports, and splitting reports into passages."""

from vericlaim.corpora.passages import split_passages
from vericlaim.corpora.readers import InputPathError, read_documents

__all__ = ["InputPathError", "read_documents", "split_passages"]
