"""The engine's own errors: every failure a user can cause ends in one of these."""

from __future__ import annotations


class PrecisError(Exception):
    """Base class. The message is one clear sentence meant for the user."""

    def __str__(self) -> str:
        # One line, whatever a library put in the details it contributed (lxml ends lines).
        return " ".join(super().__str__().split())


class InputError(PrecisError):
    """The input cannot be read or holds nothing to summarise."""


class UnsupportedFormatError(InputError):
    """The file's format is not one Precis reads."""


class ExportError(PrecisError):
    """A summary could not be written; any existing file is left as it was."""


class Cancelled(PrecisError):  # noqa: N818 - it is an outcome, not a fault
    """A long job was stopped on request."""


OFFLINE = (
    "Precis works offline and fetches nothing: save the page from your browser (Save Page As) "
    "and open the file, or copy the article's text and paste it"
)
"""What to do with a web address, said where one is given instead of an article."""


def quoted(name: str) -> str:
    """A file name as messages show it: as it is when it is plain, else quoted like a Python
    string, so that a name holding a newline cannot forge a line of its own and bytes that are not
    UTF-8 show as ``\\xNN``."""
    if any("\udc80" <= c <= "\udcff" for c in name):
        return repr(name.encode("utf-8", "surrogateescape"))[1:]
    return name if name.isprintable() else repr(name)
