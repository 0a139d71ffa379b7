"""Rendering the answer: terminal (rich), Markdown, and the neutral document behind both."""

from legcheck.report.markdown import render_markdown
from legcheck.report.terminal import render_terminal

__all__ = ["render_markdown", "render_terminal"]
