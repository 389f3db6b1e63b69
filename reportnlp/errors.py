"""Exceptions raised by reportnlp. Each names the input (file and line) it is about where it can."""

from __future__ import annotations

from typing import Optional


class ReportNLPError(Exception):
    """Base class of reportnlp errors."""


class InputError(ReportNLPError):
    """An input that cannot be read as text: binary, empty, undecodable or malformed.

    ``source`` is the file name (or ``-`` for stdin) and ``line`` the 1-based line, when known.
    """

    def __init__(self, message: str, source: Optional[str] = None, line: Optional[int] = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


class OutputError(ReportNLPError):
    """One record that cannot be written (text no file can hold, a file name another record took):
    that record fails, the run goes on."""


class UsageError(ReportNLPError):
    """Options or paths that cannot work, found before any document is read (the CLI exits 2)."""
