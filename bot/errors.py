"""Errors a member can act on, and the small family of platform failures delivery understands."""

from __future__ import annotations


class UserError(Exception):
    """Something the member typed cannot be used; `hint` says how to write it instead.

    Raised anywhere in the core; the command layer turns it into a friendly reply, so a
    mistake never crashes the bot and never changes any data.
    """

    def __init__(self, message: str, *, hint: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.field = field  # the form field at fault, so a modal can show it in place

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message
