"""A chat message's text in a form: what a message's own entry point hands the core.

A Slack message shortcut or a Discord message command is used on a message (an invite's
note, an employer's email pasted or forwarded): its text goes into the form's large field
for the member to check before it is submitted. It is kept nowhere else: not in the form's
metadata, not in a log line. An input holds `MAX_FORM_TEXT` characters on every platform; a
longer message is cut there and the field's label says so (an email's newest message is at
its top, the quoted history below).
"""

from __future__ import annotations

from dataclasses import replace

from bot.chat import MAX_FORM_TEXT, Form, FormField
from bot.i18n import N_, _

FROM_MESSAGE = N_("From the message")
CUT = N_("From the message (its first {count} characters)")


def with_message(form: Form, key: str, text: str) -> Form:
    """`form` with its field `key` holding `text` (a long-text field added if it has none).

    Call it in the language of the form: a label it writes is said in it.
    """
    if not text:
        return form
    limit = MAX_FORM_TEXT
    existing = next((f for f in form.fields if f.key == key), None)
    if existing is not None:
        limit = existing.limit
    cut = len(text) > limit
    label = _(CUT).format(count=f"{limit:,}") if cut else None
    if existing is None:
        added = FormField(key, label or _(FROM_MESSAGE), kind="long_text", initial=text[:limit])
        return replace(form, fields=(*form.fields, added))
    filled = replace(existing, initial=text[:limit], label=label or existing.label)
    return replace(form, fields=tuple(filled if f.key == key else f for f in form.fields))
