"""The doctor's report as a neutral document: data in, sections out (pure; no I/O).

The check parts are read from the saved check's JSON (`CheckResult.to_dict()`), so the report shows
what the person was told at the time; the diary parts come from the diary analysis (see
doctor_diary.py). Renderers (html.py, and the PDF made from that HTML) only lay them out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from legcheck.diary.analysis import DiaryAnalysis
from legcheck.diary.store import EpisodeTallies, StoredDay
from legcheck.engine.check import SHOWN_CONDITIONS
from legcheck.engine.triage import percent
from legcheck.report.charts import Chart
from legcheck.report.document import Bullets, Paragraph, Section, Table

TRIAGE_LABELS = {"self_care": "Self-care", "routine": "Routine appointment",
                 "urgent": "Urgent (today)", "emergency": "Emergency (now)"}
ANSWER_WORDS = {"yes": "YES", "no": "no", "not_sure": "not sure", "not_asked": "not asked"}
ANSWER_ORDER = ("yes", "not_sure", "no", "not_asked")


@dataclass(frozen=True)
class ChartBlock:
    chart: Chart
    caption: str


@dataclass(frozen=True)
class Columns:
    """Blocks laid out side by side."""

    blocks: tuple[Any, ...]


@dataclass(frozen=True)
class SavedCheck:
    taken_at: datetime
    result: dict[str, Any]  # CheckResult.to_dict()


@dataclass(frozen=True)
class ReportInputs:
    """Everything the report says, gathered by report/gather.py."""

    made_at: datetime
    since: date
    until: date
    name: str | None
    timezone: str
    analysis: DiaryAnalysis
    tallies: EpisodeTallies
    days: tuple[StoredDay, ...]
    checks: tuple[SavedCheck, ...]  # saved checks in the period, oldest first
    latest: SavedCheck  # the latest saved check, or one computed from the diary
    latest_computed: bool
    questions: dict[str, tuple[str, ...]]  # condition id -> questions for the doctor
    finding_labels: dict[str, str]
    unreadable_checks: int = 0  # saved checks left out: their result cannot be read


@dataclass
class DoctorReport:
    title: str
    facts: list[tuple[str, str]]
    disclaimer: str
    sections: list[Section] = field(default_factory=list)


def build_report(inputs: ReportInputs) -> DoctorReport:
    """The report's sections in reading order."""
    from legcheck.report.doctor_diary import diary_sections

    result = inputs.latest.result
    report = DoctorReport("Leg jerks: report for the doctor", _facts(inputs),
                          result["disclaimer"])
    report.sections += [_latest_check(inputs), _warning_signs(result),
                        *diary_sections(inputs), _changes(inputs.checks),
                        _questions(result, inputs.questions), _sources(result)]
    report.sections = [section for section in report.sections if section.blocks]
    return report


def _facts(inputs: ReportInputs) -> list[tuple[str, str]]:
    facts = [("Person", inputs.name)] if inputs.name else []
    return [*facts,
            ("Period", f"{inputs.since:%d %b %Y} to {inputs.until:%d %b %Y} "
                       f"({(inputs.until - inputs.since).days + 1} days)"),
            ("Made", f"{inputs.made_at:%d %b %Y %H:%M} ({inputs.timezone})"),
            ("Made with", f"legcheck, knowledge base {inputs.latest.result['knowledge_version']}")]


def _latest_check(inputs: ReportInputs) -> Section:
    result, level = inputs.latest.result, inputs.latest.result["triage"]["level"]
    when = f"{inputs.latest.taken_at:%d %b %Y %H:%M}"
    section = Section("Latest check")
    if inputs.latest_computed:
        known = ("only what the diary shows was known (no answers to questions)"
                 if inputs.analysis.frequency.total_episodes else
                 "the diary holds no episodes in the period, so nothing was known and the "
                 "triage below rests on no information")
        section.blocks.append(Paragraph(
            f"No check was saved in this period, so this one was computed from the diary alone "
            f"on {when}: {known}.", tone="muted"))
        when = "Computed from the diary"
    if inputs.unreadable_checks:
        section.blocks.append(Paragraph(_unreadable(inputs.unreadable_checks), tone="muted"))
    section.blocks.append(Paragraph(
        f"{when}. Triage: {TRIAGE_LABELS.get(level, level)}. {result['short_answer']}",
        tone=level))
    section.blocks.append(Bullets(tuple(result["triage"]["reasons"])))
    rows = tuple((condition["name"], percent(condition["likelihood"]),
                  _evidence(condition), ", ".join(condition["codes"].get("icd10cm", [])) or "-")
                 for condition in shown_conditions(result))
    section.blocks.append(Paragraph(
        "Likely explanations: rough likelihoods from the answers, each judged on its own (they "
        "do not add up to 100%). Provisional, not a diagnosis.", tone="muted"))
    section.blocks.append(Table(("Explanation", "Likelihood", "Evidence (likelihood ratio)",
                                 "ICD-10-CM"), rows))
    return section


def _unreadable(count: int) -> str:
    checks = "1 saved check" if count == 1 else f"{count} saved checks"
    return (f"{checks} in this period could not be read (a result unlike any a check writes, "
            f"from a file imported before such files were refused) and "
            f"{'is' if count == 1 else 'are'} left out of this report.")


def shown_conditions(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The conditions the answer showed: the top ones, any other likely one, and any that a
    warning sign points to (engine.check.shown_conditions, on the saved JSON)."""
    suggested = {cid for flag in result.get("red_flags", []) for cid in flag["suggests"]}
    return [c for index, c in enumerate(result["conditions"])
            if index < SHOWN_CONDITIONS or c["likely"] or c["id"] in suggested]


def _evidence(condition: dict[str, Any]) -> str:
    items = condition["evidence"][:3]
    if not items:
        return "nothing reported bears on it; this is how common it is"
    return "; ".join(f"{'+' if item['direction'] == 'for' else '-'} {item['label']}: "
                     f"{item['value_text']} (x{item['ratio']:g})" for item in items)


def _warning_signs(result: dict[str, Any]) -> Section:
    """Every warning sign with the answer given, yes first, in two columns of pairs."""
    signs = sorted(result["warning_signs"], key=lambda s: ANSWER_ORDER.index(s["answer"]))
    cells = [(sign["label"], ANSWER_WORDS[sign["answer"]]) for sign in signs]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:] + [("", "")] * (2 * half - len(cells))
    rows = tuple((*a, *b) for a, b in zip(left, right, strict=True))
    said_yes = [sign["label"] for sign in signs if sign["answer"] == "yes"]
    section = Section("Warning signs")
    section.blocks.append(Paragraph(
        ("Said yes to: " + "; ".join(said_yes) + ".") if said_yes else
        "No warning sign was answered yes.", tone=result["triage"]["level"] if said_yes
        else "plain"))
    if rows:
        section.blocks.append(Table(("Warning sign", "Answer", "Warning sign", "Answer"), rows))
    return section


def _changes(checks: Sequence[SavedCheck]) -> Section:
    section = Section("How the picture changed between checks")
    if len(checks) < 2:
        return section
    rows = tuple((f"{saved.taken_at:%d %b %Y}",
                  TRIAGE_LABELS.get(level := saved.result["triage"]["level"], level),
                  "; ".join(f"{c['name'].split(' (')[0]} {percent(c['likelihood'])}"
                            for c in saved.result["conditions"][:3]),
                  "; ".join(s["label"] for s in saved.result["warning_signs"]
                            if s["answer"] == "yes") or "none")
                 for saved in checks)
    section.blocks.append(Table(("Check", "Triage", "Most likely", "Warning signs: yes"), rows))
    section.blocks.append(Paragraph(_change_sentence(checks[0], checks[-1])))
    return section


def _change_sentence(first: SavedCheck, last: SavedCheck) -> str:
    before, after = first.result, last.result
    levels = (before["triage"]["level"], after["triage"]["level"])
    parts = [f"triage went from {TRIAGE_LABELS[levels[0]].lower()} to "
             f"{TRIAGE_LABELS[levels[1]].lower()}" if levels[0] != levels[1] else
             f"triage stayed {TRIAGE_LABELS[levels[0]].lower()}"]
    earlier = {c["id"]: c["likelihood"] for c in before["conditions"]}
    for condition in after["conditions"][:2]:
        was = earlier.get(condition["id"])
        if was is not None:
            parts.append(f"{condition['name'].split(' (')[0].lower()} "
                         f"{percent(was)} -> {percent(condition['likelihood'])}")
    return (f"From {first.taken_at:%d %b %Y} to {last.taken_at:%d %b %Y}: "
            + "; ".join(parts) + ".")


def _questions(result: dict[str, Any], questions: dict[str, tuple[str, ...]]) -> Section:
    section = Section("Questions you may want to ask")
    for condition in shown_conditions(result):
        asked = questions.get(condition["id"], ())
        if asked:
            section.blocks.append(Paragraph(f"About {condition['name'].split(' (')[0].lower()}:"))
            section.blocks.append(Bullets(asked))
    return section


def _sources(result: dict[str, Any]) -> Section:
    """The sources behind what the report shows: the explanations listed, their evidence, and
    the warning signs that fired (the check's full list is in its JSON and the FHIR export)."""
    shown = shown_conditions(result)
    cited = {source for c in shown for source in c["sources"]}
    cited |= {item["source"] for c in shown for item in c["evidence"]}
    cited |= {source for flag in result.get("red_flags", []) for source in flag["sources"]}
    listed = [s for s in result["sources"] if s["id"] in cited] or result["sources"]
    section = Section("Sources")
    section.blocks.append(Bullets(tuple(f"{s['title']}: {_short_url(s['url'])}"
                                        for s in listed), tone="muted"))
    return section


def _short_url(url: str) -> str:
    """The address without the scheme and 'www.', which a reader types without."""
    return url.split("://", 1)[-1].removeprefix("www.")
