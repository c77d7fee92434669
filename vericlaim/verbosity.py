"""Whether library chatter (weight-loading bars, tracer warnings) reaches the terminal.

Off unless the user passes ``-v``: a fact-checking run should show its own
progress and its verdict counts, not the internals of transformers or
torch.onnx. The CLI calls :func:`configure` once; Ray workers call it too,
because library settings do not travel between processes.
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Iterator

_verbose = False


def configure(verbose: bool) -> None:
    """Remember the choice and, unless verbose, silence transformers' logs and bars."""
    global _verbose
    _verbose = verbose
    if verbose:
        return
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    with contextlib.suppress(ImportError):
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()


def is_verbose() -> bool:
    return _verbose


@contextlib.contextmanager
def library_output() -> Iterator[None]:
    """Around model loading or export: nothing on stdout (that is data); bars and warnings only with ``-v``.

    Applies to API users too, who never called :func:`configure`; their own settings are restored after.
    """
    from transformers.utils import logging as hf_logging

    bars_were_on = hf_logging.is_progress_bar_enabled()
    with contextlib.redirect_stdout(sys.stderr), warnings.catch_warnings():
        if not _verbose:
            warnings.simplefilter("ignore")
            hf_logging.disable_progress_bar()
        try:
            yield
        finally:
            if bars_were_on and not _verbose:
                hf_logging.enable_progress_bar()
