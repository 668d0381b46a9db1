"""User-facing errors: anything raised as UserError becomes one line on stderr and exit 1."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment, reported as one clear line."""

    exit_code = 1


class InputError(UserError, ValueError):
    """A file or value given by the user cannot be read or understood."""
