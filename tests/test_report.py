"""The doctor's report: the PDF for an empty diary, a typical one and 20 years of heavy logging,
turned into PNG pages (pdftoppm) with every section's text found in it (pdftotext); the builder's
content; the command's bad input."""

from __future__ import annotations

import base64
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bench.report import heavy_store, typical_store
from legcheck.cli import app
from legcheck.diary.database import connect
from legcheck.diary.store import DiaryStore
from legcheck.report.doctor import build_report
from legcheck.report.gather import gather, make_report, report_period

POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (make test installs it)")
ALWAYS = ("Leg jerks: report for the doctor", "This is not a diagnosis", "Latest check",
          "Warning signs", "Diary", "Symptoms and medicines logged",
          "Questions you may want to ask", "Sources")
TODAY = datetime.now(UTC).date()


def pdf_pages(pdf: bytes, folder: Path) -> tuple[list[Path], str]:
    """The PDF as PNG pages and as text."""
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(folder / "page")], check=True)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = sorted(folder.glob("page-*.png"))
    assert pages and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pages)
    return pages, " ".join(text.split())


def report_pdf(store: DiaryStore, kb, *, since: date | None = None, name: str | None = None
               ) -> bytes:
    pdf = make_report(store, since=since, until=None, name=name, output_format="pdf",
                      knowledge=kb)
    assert pdf[:5] == b"%PDF-"
    return pdf


@pytest.fixture(scope="module")
def typical(tmp_path_factory: pytest.TempPathFactory) -> DiaryStore:
    folder = tmp_path_factory.mktemp("typical")
    return typical_store(f"sqlite:///{folder / 'diary.sqlite3'}", TODAY)


@needs_poppler
def test_empty_diary(kb, tmp_path: Path) -> None:
    store = DiaryStore(connect(f"sqlite:///{tmp_path / 'empty.sqlite3'}"), profile="me",
                       timezone_name="UTC")
    pages, text = pdf_pages(report_pdf(store, kb), tmp_path)
    assert len(pages) <= 2
    for title in ALWAYS:
        assert title in text
    assert "computed from the diary alone" in text and "rests on no information" in text
    assert "No episodes were logged in this period" in text
    assert "How the picture changed" not in text  # no checks to compare
    assert "Person" not in text  # no name given, none printed


@needs_poppler
def test_typical_diary_is_two_pages_with_every_section(typical: DiaryStore, kb,
                                                        tmp_path: Path) -> None:
    pages, text = pdf_pages(report_pdf(typical, kb, name="J.S."), tmp_path)
    assert len(pages) == 2
    for title in (*ALWAYS, "How the picture changed between checks"):
        assert title in text
    assert "Person" in text and "J.S." in text
    assert "Triage: Routine appointment" in text and "Restless legs" in text
    assert "G25.81" in text  # the ICD-10-CM code of the likeliest explanation
    assert "not asked" in text  # warning signs without an answer are said out loud
    assert "episodes per week" in text and "hour of the day" in text  # the charts' own text
    assert "Rate ratio (95% CI)" in text and "4 or more cups of caffeine" in text
    assert "numbness or pins and needles" in text and "sertraline" in text
    assert "ferritin" in text  # the knowledge base's question for restless legs
    assert "computed from the diary alone" not in text


def test_html_has_vector_charts_and_escapes_text(typical: DiaryStore, kb) -> None:
    html = make_report(typical, since=None, until=None, name="<b>J</b>", output_format="html",
                       knowledge=kb).decode()
    assert "&lt;b&gt;J&lt;/b&gt;" in html and "<b>J</b>" not in html
    charts = html.split('src="data:image/svg+xml;base64,')[1:]
    assert len(charts) == 3
    assert all(base64.b64decode(chart.split('"')[0]).lstrip().startswith(b"<?xml")
               for chart in charts)


def test_builder_uses_the_saved_checks_and_the_knowledge_base(typical: DiaryStore, kb) -> None:
    since, until = report_period(None, None, today=TODAY)
    inputs = gather(typical, since=since, until=until, name=None,
                    now=datetime.now(UTC), knowledge=kb)
    assert not inputs.latest_computed and len(inputs.checks) == 2
    report = build_report(inputs)
    titles = [section.title for section in report.sections]
    assert titles.index("Latest check") < titles.index("Diary") < titles.index("Sources")
    questions = next(s for s in report.sections if s.title.startswith("Questions"))
    asked = [item for block in questions.blocks for item in getattr(block, "items", ())]
    assert set(kb.conditions["restless_legs"].questions_for_doctor) <= set(asked)
    signs = next(s for s in report.sections if s.title == "Warning signs")
    cells = [cell for row in signs.blocks[-1].rows for cell in row]
    assert all(sign.label in cells for sign in kb.findings.values() if sign.warning_sign)


def test_a_period_without_checks_computes_one_from_the_diary(typical: DiaryStore, kb) -> None:
    until = TODAY - timedelta(days=45)  # both saved checks are later
    inputs = gather(typical, since=until - timedelta(days=10), until=until, name=None,
                    now=datetime.now(UTC), knowledge=kb)
    assert inputs.latest_computed and inputs.checks == ()
    sources = {f["source"] for f in inputs.latest.result["findings"]}
    assert sources == {"diary"}


def test_period_defaults_and_errors() -> None:
    assert report_period(None, None, today=date(2026, 3, 31)) == (date(2026, 1, 1),
                                                                   date(2026, 3, 31))
    with pytest.raises(Exception, match="after"):
        report_period(date(2026, 3, 2), date(2026, 3, 1), today=date(2026, 3, 31))
    with pytest.raises(Exception, match="future"):
        report_period(None, date(2026, 4, 2), today=date(2026, 3, 31))


@needs_poppler
def test_twenty_years_of_heavy_logging(kb, tmp_path: Path) -> None:
    """About 200,000 episodes over 20 years, written by bulk insert, reported over all of it."""
    store = heavy_store(f"sqlite:///{tmp_path / 'heavy.sqlite3'}", TODAY)
    assert sum(store.episode_tallies().by_intensity.values()) >= 200_000
    pdf = report_pdf(store, kb, since=TODAY - timedelta(days=20 * 365))
    pages, text = pdf_pages(pdf, tmp_path)
    assert len(pages) <= 3
    for title in ALWAYS:
        assert title in text
    assert "computed from the diary alone" in text
    assert "4 or more cups of caffeine" in text  # bench.diary logs more episodes on those days


def test_cli_report_writes_files_and_refuses_bad_input(runner, tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'diary.sqlite3'}"]
    runner.invoke(app, ["log", "twitch", "--where", "left-calf", "--intensity", "3", *db])
    html = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--out", str(html), "--format", "html", *db])
    assert result.exit_code == 0 and html.read_text().startswith("<!DOCTYPE html>")
    for args, message in ((["--format", "docx"], "--format takes pdf or html"),
                          (["--since", "2026-13-01"], "--since takes a date"),
                          (["--since", "2026-03-02", "--until", "2026-03-01"], "is after"),
                          (["--name", " "], "--name is empty")):
        result = runner.invoke(app, ["report", "--out", str(tmp_path / "x.pdf"), *args, *db])
        assert result.exit_code == 2 and message in result.stderr, result.output
        assert len(result.stderr.strip().splitlines()) == 1
    result = runner.invoke(app, ["report", "--out", str(tmp_path / "no" / "x.html"),
                                 "--format", "html", *db])
    assert result.exit_code == 2 and "cannot write" in result.stderr
