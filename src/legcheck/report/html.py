"""The doctor's report as HTML (Jinja2 templates shipped in the package) and as PDF (WeasyPrint,
from that same HTML). Charts are SVG, so they stay vector in the PDF."""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from legcheck.report.charts import Chart, svg
from legcheck.report.doctor import DoctorReport


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("legcheck.report", "templates"),
        autoescape=True, trim_blocks=False, undefined=jinja2.StrictUndefined)
    environment.filters["kind"] = lambda block: type(block).__name__.lower()
    environment.filters["chart_uri"] = _chart_uri
    environment.filters["slug"] = lambda text: re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return environment


def _chart_uri(chart: Chart) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg(chart).encode()).decode()


def render_html(report: DoctorReport) -> str:
    css = resources.files("legcheck.report").joinpath("templates/report.css").read_text("utf-8")
    return _environment().get_template("report.html.j2").render(report=report, css=css)


def render_pdf(report: DoctorReport) -> bytes:
    import logging
    import warnings

    with warnings.catch_warnings():  # without libharfbuzz-subset it warns, then still works
        warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
        from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # font-hinting chatter, not errors
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=render_html(report)).write_pdf()
