"""The answer as an HTML fragment for the web pages, from the same neutral document as the
terminal and Markdown answers. The short answer is a banner titled with the triage level in
words, so the level never rests on colour alone; for emergency and urgent it comes first."""

from __future__ import annotations

from html import escape

from legcheck.engine.result import CheckResult
from legcheck.report.document import Block, Bullets, Paragraph, Section, Table, build_document

BANNERS = {"emergency": "Emergency: act now", "urgent": "Urgent: be seen today",
           "routine": "See a doctor", "self_care": "Self-care"}
WEB_HINT = ("If we misread something, change your description or answer the questions below; "
            "an answer you give wins over what we read.")


def render_html(result: CheckResult) -> str:
    """The whole answer as a fragment of <section> elements (escaped; safe to embed)."""
    parts = []
    for index, section in enumerate(build_document(result, correction_hint=WEB_HINT)):
        parts.append(_banner(section, result.triage.level, index)
                     if section.key == "short_answer" else _section(section, index))
    return "\n".join(parts)


def _banner(section: Section, level: str, index: int) -> str:
    role = ' role="alert"' if level in ("emergency", "urgent") else ""
    return (f'<section class="banner level-{level}" aria-labelledby="answer-{index}"{role}>'
            f'<h2 id="answer-{index}"><span class="level-word">{escape(BANNERS[level])}</span> '
            f'<span class="section-title">{escape(section.title)}</span></h2>'
            f'{_blocks(section.blocks)}</section>')


def _section(section: Section, index: int) -> str:
    return (f'<section class="answer-section" aria-labelledby="answer-{index}">'
            f'<h2 id="answer-{index}">{escape(section.title)}</h2>'
            f'{_blocks(section.blocks)}</section>')


def _blocks(blocks: list[Block]) -> str:
    return "".join(_block(block) for block in blocks)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        text = escape(block.text)
        if block.tone in ("emergency", "urgent"):
            text = f"<strong>{text}</strong>"
        if block.detail:  # folded, so the answer stays short on a phone
            return (f'<details class="detail"><summary>What this is</summary>'
                    f'<p class="tone-{block.tone}">{text}</p></details>')
        return f'<p class="tone-{block.tone}">{text}</p>'
    if isinstance(block, Bullets):
        items = "".join(f"<li>{_linked(item)}</li>" for item in block.items)
        return f'<ul class="tone-{block.tone}">{items}</ul>'
    return _table(block)


def _linked(item: str) -> str:
    """A source line "Title: https://..." with its address as a link."""
    title, separator, address = item.rpartition(": ")
    if separator and address.startswith(("https://", "http://")) and " " not in address:
        return f'{escape(title)}: <a href="{escape(address)}">{escape(address)}</a>'
    return escape(item)


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in table.columns)
    rows = "".join(
        "<tr>" + f'<th scope="row">{escape(row[0])}</th>'
        + "".join(f'<td data-label="{escape(column)}">{escape(cell)}</td>'
                  for column, cell in zip(table.columns[1:], row[1:], strict=True)) + "</tr>"
        for row in table.rows)
    return (f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")
