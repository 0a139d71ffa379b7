"""The HTML answer renders the same document as the terminal and Markdown answers: the same
sections in the same order, escaped, with the triage level in words on the short answer."""

from __future__ import annotations

import re

import pytest

from legcheck import check
from legcheck.report import render_markdown
from legcheck.report.answer_html import render_html

CASES = {
    "self_care": {"timing": "falling_asleep", "feeling_of_falling": "yes", "weakness": "no"},
    "emergency": {"face_drooping": "yes"},
}


def titles_html(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", title).strip() for title in
            re.findall(r"<h2 [^>]*>(.*?)</h2>", html)]


@pytest.mark.parametrize("answers", CASES.values(), ids=list(CASES))
def test_same_sections_as_markdown(answers: dict) -> None:
    result = check(answers=answers)
    html, markdown = render_html(result), render_markdown(result)
    shown = [re.sub(r"^(Emergency: act now|Urgent: be seen today|See a doctor|Self-care) ", "",
                    title) for title in titles_html(html)]
    assert shown == re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE)


def test_emergency_banner_first_with_the_level_in_words() -> None:
    html = render_html(check(answers=CASES["emergency"]))
    assert html.startswith('<section class="banner level-emergency"')
    assert 'role="alert"' in html.split(">", 1)[0] and "Emergency: act now" in html[:300]


def test_calm_answer_opens_with_what_we_understood_then_the_banner() -> None:
    result = check(text="my legs jerk as I fall asleep, like falling, no weakness")
    html = render_html(result)
    assert titles_html(html)[0] == "What we understood"
    assert 'class="banner level-' in html.split("</section>", 2)[1]
    assert "--set" not in html


def test_text_is_escaped() -> None:
    html = render_html(check(text="<script>alert(1)</script> my calf twitches, no weakness"))
    assert "<script>" not in html


def test_condition_summaries_are_folded_and_still_there() -> None:
    result = check(answers=CASES["self_care"])
    html = render_html(result)
    folded = re.findall(r'<details class="detail"><summary>What this is</summary>'
                        r'<p class="tone-muted">(.*?)</p></details>', html)
    shown = [c for c in result.conditions if c.summary.split(".")[0] in html]
    assert folded and len(folded) == len(shown)
    assert all(c.summary.split(".")[0] in render_markdown(result) for c in shown)
