"""The answer in a terminal, with colour and layout from rich.

Colour is never the only signal: urgent parts are also boxed and titled, so the answer reads the
same without colour (NO_COLOR, or output to a pipe or file)."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from legcheck.engine.result import CheckResult
from legcheck.report.document import Block, Bullets, Paragraph, Table, build_document

STYLES = {"emergency": "bold white on red", "urgent": "bold red", "routine": "bold yellow",
          "self_care": "bold green", "muted": "dim", "plain": ""}
BORDERS = {"emergency": "red", "urgent": "red", "routine": "yellow", "self_care": "green"}
BANNERS = {"emergency": "EMERGENCY", "urgent": "URGENT: TODAY", "routine": "SEE A DOCTOR",
           "self_care": "SELF-CARE"}


def render_terminal(result: CheckResult, console: Console) -> None:
    for index, section in enumerate(build_document(result)):
        body = Group(*(_block(block) for block in section.blocks))
        if index == 0:
            level = result.triage.level
            console.print(Panel(body, title=f"{BANNERS[level]}: {section.title}",
                                title_align="left", border_style=BORDERS[level], expand=True))
        else:
            console.print(Text(section.title, style="bold underline"))
            console.print(Padding(body, (0, 0, 1, 2)))


def _block(block: Block) -> RenderableType:
    if isinstance(block, Paragraph):
        return Text(block.text, style=STYLES.get(block.tone, ""))
    if isinstance(block, Bullets):
        style = STYLES.get(block.tone, "")
        return Group(*(Text("- " + item, style=style) for item in block.items))
    return _table(block)


def _table(table: Table) -> RichTable:
    grid = RichTable(show_lines=True, expand=True)
    for column in table.columns:
        grid.add_column(column, overflow="fold")
    for row in table.rows:
        grid.add_row(*row)
    return grid
