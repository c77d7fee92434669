"""The HTML report: one self-contained page per report (see render.py)."""

from vericlaim.report_html.render import render_html, write_html

__all__ = ["render_html", "write_html"]
