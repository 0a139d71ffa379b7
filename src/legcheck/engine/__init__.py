"""The reasoning engine: pure functions over a loaded knowledge base. No I/O, no globals."""

from legcheck.engine.answers import Observation, parse_answers
from legcheck.engine.check import run_check
from legcheck.engine.result import CheckResult

__all__ = ["CheckResult", "Observation", "parse_answers", "run_check"]
