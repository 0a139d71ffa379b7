"""The answer as Markdown."""

from __future__ import annotations

from legcheck.engine.result import CheckResult
from legcheck.report.document import Block, Bullets, Paragraph, Table, build_document

_STRONG = {"emergency", "urgent"}


def render_markdown(result: CheckResult) -> str:
    lines = ["# Are my leg jerks normal?", ""]
    for section in build_document(result):
        lines += [f"## {section.title}", ""]
        for block in section.blocks:
            lines += [*_block(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        text = _escape(block.text)
        if block.tone in _STRONG:
            return [f"**{text}**"]
        return [f"*{text}*" if block.tone == "muted" else text]
    if isinstance(block, Bullets):
        return [f"- {_escape(item)}" for item in block.items]
    return _table(block)


def _table(table: Table) -> list[str]:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(_escape(cell).replace("|", "\\|") for cell in cells) + " |"

    return [row(table.columns), "|" + "---|" * len(table.columns), *map(row, table.rows)]


def _escape(text: str) -> str:
    return text.replace("*", "\\*").replace("_", "\\_")
