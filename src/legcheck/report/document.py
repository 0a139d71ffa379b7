"""The answer as a neutral document (headings, paragraphs, lists, tables), built once from a
CheckResult and rendered by each format, so the terminal, Markdown and HTML answers cannot drift."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from legcheck.engine.check import shown_conditions
from legcheck.engine.result import CheckResult, ConditionResult, WarningSign
from legcheck.engine.triage import percent

Tone = Literal["plain", "emergency", "urgent", "routine", "self_care", "muted"]


@dataclass(frozen=True)
class Paragraph:
    text: str
    tone: Tone = "plain"
    detail: bool = False  # a longer explanation that a web page may fold away


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    tone: Tone = "plain"


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Paragraph | Bullets | Table


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    key: str = ""  # "short_answer" marks the section that carries the triage level


JUDGEMENT_WORDS = {"normal": "normal", "concerning": "concerning", "unknown": "not known yet"}


def build_document(result: CheckResult, *, correction_hint: str | None = None) -> list[Section]:
    """The sections in order. What we understood from the person's words opens the answer,
    except when the action is urgent or an emergency: then that comes first. `correction_hint`
    replaces the command-line advice on correcting a misreading (the web pages have forms)."""
    level = result.triage.level
    opening = [_short_answer(result, level), _understood(result, correction_hint)]
    if level not in ("emergency", "urgent"):
        opening.reverse()
    sections = [*opening, _likely(result), _factors(result), _warning_signs(result),
                _pattern(result), _what_to_do(result, level), _sources(result)]
    return [section for section in sections if section.blocks]


def _understood(result: CheckResult, correction_hint: str | None) -> Section:
    """Each finding read from the text, with the words it came from, so a misreading shows."""
    section = Section("What we understood")
    section.blocks += [Paragraph(message, tone="urgent") for message in result.messages]
    from_text = [o for o in result.findings if o.source == "text"]
    if from_text:
        section.blocks.append(Bullets(tuple(
            f"{result.finding_labels[o.finding]}: {result.finding_values[o.finding]} "
            f"(from \"{o.span}\")"
            for o in from_text)))
        section.blocks.append(Paragraph(correction_hint or (
            "If we misread something, correct it with --set FINDING=VALUE (for example "
            f"--set {from_text[0].finding}=...); an answer you give wins over what we read."),
            tone="muted"))
    if result.not_counted:
        section.blocks.append(Paragraph(
            "Not counted, because it was said as a worry, about the past or about someone "
            "else: " + ", ".join(f"\"{words}\"" for words in result.not_counted) + ".",
            tone="muted"))
    return section


def _short_answer(result: CheckResult, level: str) -> Section:
    blocks: list[Block] = [Paragraph(result.short_answer, tone=level)]  # type: ignore[arg-type]
    others = tuple(r for r in result.triage.reasons if r not in result.short_answer)
    if level in ("emergency", "urgent") and others:
        blocks.append(Bullets(others, tone=level))  # type: ignore[arg-type]
    return Section("In short", blocks, key="short_answer")


def _likely(result: CheckResult) -> Section:
    section = Section("What it most likely is")
    section.blocks.append(Paragraph(
        "Rough likelihoods from what you told us, each judged on its own (they do not add up to "
        "100%). They are not a diagnosis.", tone="muted"))
    for condition in shown_conditions(result.conditions, result.red_flags):
        section.blocks.append(Paragraph(f"{condition.name}: about {percent(condition.likelihood)}"))
        section.blocks.append(Paragraph(condition.summary, tone="muted", detail=True))
        section.blocks.append(Bullets(_why(condition)))
    return section


def _why(condition: ConditionResult) -> tuple[str, ...]:
    if not condition.evidence:
        return ("Nothing you told us bears on it yet; this is how common it is.",)
    lines = []
    for item in condition.evidence[:6]:
        verb = "makes it more likely" if item.direction == "for" else "makes it less likely"
        lines.append(f"{item.label}: {item.value_text}; {verb} (x{item.ratio:g})")
    return tuple(lines)


def _factors(result: CheckResult) -> Section:
    section = Section("What may be contributing in your case")
    if not result.factors:
        section.blocks.append(Paragraph(
            "Nothing you told us points to an everyday trigger such as caffeine, alcohol, stress, "
            "short sleep, exercise or a new medicine.", tone="muted"))
        return section
    for factor in result.factors:
        section.blocks.append(Paragraph(factor.name))
        section.blocks.append(Bullets(factor.evidence))
    return section


def _warning_signs(result: CheckResult) -> Section:
    section = Section("When leg jerks are a concern: warning signs")
    flagged = [s.label for s in result.warning_signs if s.answer == "yes"]
    if flagged:
        section.blocks.append(Paragraph("You said yes to: " + "; ".join(flagged) + ".",
                                        tone=result.triage.level))  # type: ignore[arg-type]
    missing = [s for s in result.warning_signs if s.id in result.unasked_red_flags]
    if missing:
        section.blocks.append(Paragraph(
            "You have not told us about the warning signs below (or were not sure). If you have "
            "any of them, do what the line says:"))
        by_action: dict[str, list[str]] = {}
        for sign in missing:
            by_action.setdefault(sign.if_present, []).append(_sign_words(sign))
        section.blocks.append(Bullets(tuple(f"{'; '.join(labels)}: {action}"
                                            for action, labels in by_action.items())))
    denied = [s.label for s in result.warning_signs if s.answer == "no"]
    if denied:
        section.blocks.append(Paragraph("You said no to: " + "; ".join(denied) + ".",
                                        tone="muted"))
    return section


def _sign_words(sign: WarningSign) -> str:
    return f"{sign.label} (not sure)" if sign.answer == "not_sure" else sign.label


def _pattern(result: CheckResult) -> Section:
    rows = tuple((row.label, row.normal, row.concerning,
                  f"{JUDGEMENT_WORDS[row.judgement]}: {row.reason}") for row in result.pattern)
    return Section("Normal or concerning?",
                   [Table(("", "Usually normal", "More concerning", "You"), rows)])


def _what_to_do(result: CheckResult, level: str) -> Section:
    section = Section("What to do now")
    section.blocks.append(Paragraph(result.triage.headline, tone=level))  # type: ignore[arg-type]
    section.blocks.append(Paragraph(result.triage.advice))
    if level not in ("emergency", "urgent"):
        section.blocks.append(Bullets(result.triage.reasons, tone="muted"))
    if result.advice:
        section.blocks.append(Bullets(tuple(item.text for item in result.advice)))
    return section


def _sources(result: CheckResult) -> Section:
    section = Section("Sources")
    section.blocks.append(Bullets(tuple(f"{s.title}: {s.url}" for s in result.sources),
                                  tone="muted"))
    section.blocks.append(Paragraph(result.disclaimer, tone="muted"))
    section.blocks.append(Paragraph(f"Knowledge base {result.knowledge_version}", tone="muted"))
    return section
