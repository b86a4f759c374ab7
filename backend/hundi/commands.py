"""Errors of the command line that it reports as one line, without a traceback."""


class CommandError(Exception):
    """A failure to report to the user as one line, without a traceback."""
