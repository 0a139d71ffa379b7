"""legcheck: are my leg jerks normal? A private, explained check of involuntary leg movements."""

from legcheck.api import check
from legcheck.engine import CheckResult
from legcheck.errors import InputError, KnowledgeError, LegcheckError

__all__ = ["CheckResult", "InputError", "KnowledgeError", "LegcheckError", "__version__", "check"]

__version__ = "0.1.0"
