"""`/interview admin`: a career group's settings and anonymous counts, for its admins only.

`admin` alone shows the group's settings, `admin key=value ...` changes them, and
`admin <verb> ...` runs one of `VERBS` (add a verb there: it gets the checked group).
Every path first checks that the platform says this person administers the group the
command was typed in; a member or a DM gets a clear refusal and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import timedelta

from bot.chat import Fields, Reply, Section
from bot.commands.args import parse_args
from bot.commands.registry import Context, refuse_unknown
from bot.domain.timeparse import parse_duration
from bot.errors import UserError
from bot.i18n import N_, _, ngettext, speaking
from bot.services.group_stats import group_stats, stats_reply
from bot.services.group_templates import template_command
from bot.services.groups import ADMIN_KEYS
from bot.storage.models import Workspace

PRODUCT = "/interview admin"
TEMPLATE_VERB = "template"
_HERE = re.compile(r"(?<!\S)wins=[\"']?here[\"']?(?!\S)", re.IGNORECASE)


@dataclass(frozen=True)
class AdminVerb:
    """A sub-subcommand of `admin`: what it does, how to write it, and its handler."""

    summary: str
    usage: str
    handler: Callable[[Context, Workspace], Reply]


def _here_channel(text: str, channel_id: str) -> str:
    """`wins=here` is the channel the admin typed in, spelled as its mention.

    Slack sends channel names, not ids, in slash-command text unless escaping is on, so
    "here" is the one way to name a channel that works the same everywhere.
    """
    if not channel_id:
        return text
    return _HERE.sub(f"wins=<#{channel_id}>", text)


def admin(ctx: Context) -> Reply:
    """Show or change the group's settings, or run an admin verb; admins only."""
    group = ctx.core.groups.group_for(ctx.session, ctx.request)
    if ctx.request.text.strip().casefold().startswith(TEMPLATE_VERB):
        return template(ctx, group)  # a template is full of quotes: it reads the raw text
    if ctx.request.options is None:  # `admin` is declared raw; everything else is key=value
        text = _here_channel(ctx.request.text, ctx.request.channel_id or "")
        ctx = replace(ctx, args=parse_args(text))
    if ctx.args.positionals:
        word = ctx.args.positionals[0].casefold()
        verb = VERBS.get(word)
        if verb is None:
            raise UserError(
                _("I don't know '{word}' in {command}.").format(word=word, command=PRODUCT),
                hint=_("Try {commands}.").format(
                    commands=", ".join(f"{PRODUCT} {v.usage}" for v in VERBS.values())
                ),
            )
        return verb.handler(ctx, group)
    changes = ctx.core.groups.update(ctx.session, group, ctx.args.options)
    # An admin who chose no language of their own reads the group's: `language=de` is
    # confirmed in German, as `settings language=de` is.
    with speaking(ctx.core.deps.language_of(ctx.member)):
        return _group_settings(ctx, group, changes)


def _group_settings(ctx: Context, group: Workspace, changes: Collection[str]) -> Reply:
    """The group's settings as they now are, and how to change them."""
    head = _("Saved. Your group's settings:") if changes else _("Your group's settings:")
    blocks: list[Section | Fields] = [
        Section(head),
        Fields(tuple(ctx.core.groups.describe(group))),
    ]
    if "wins" in changes and group.wins_channel:
        blocks.append(Section(_wins_note(ctx, group.wins_channel)))
    lines = [
        _("Members who haven't chosen their own follow these defaults."),
        _("Change one like: {command} ({default} goes back to the built-in value).").format(
            command=f'{PRODUCT} quiet_hours="21:00-08:00" tone=formal retention=90d wins=here',
            default="key=default",
        ),
        _("Settings: {keys}.").format(keys=", ".join(ADMIN_KEYS)),
        *(f"• {PRODUCT} {verb.usage}: {_(verb.summary)}" for verb in VERBS.values()),
    ]
    blocks.append(Section("\n".join(lines)))
    return Reply(blocks=list(blocks))


WINS_NOTE = N_(
    "Every Monday I'll post last week's anonymous counts there (no names, no companies; "
    "nothing when fewer than five members were active)."
)
NOT_IN_CHANNEL = N_(
    "I'm not in this channel yet, so that post can't reach it. Add me first: on Slack, "
    "type /invite @Followup here; on Discord, let Followup view this channel and send "
    "messages in it. Then run /interview admin wins=here again to check."
)


def _wins_note(ctx: Context, channel: str) -> str:
    """What the wins post needs, using the platform's answer for the channel typed in."""
    if channel != ctx.request.channel_id or ctx.request.can_post_here is None:
        return f"{_(WINS_NOTE)} {_('Invite the app to that channel so it can post.')}"
    if ctx.request.can_post_here:
        return f"{_(WINS_NOTE)} {_('I can post here.')}"
    return f"{_(WINS_NOTE)} {_(NOT_IN_CHANNEL)}"


def stats(ctx: Context, group: Workspace) -> Reply:
    """The group's anonymous counts over the last week (or `period=30d`)."""
    refuse_unknown("admin stats", ctx.args.options, ["period"])
    period = parse_duration(ctx.args.options.get("period", "7d"))
    if period < timedelta(days=1):
        raise UserError(
            _("The period must be at least a day."),
            hint=_("Like: {example}.").format(example="period=7d"),
        )
    until = ctx.core.deps.clock.now()
    counts = group_stats(ctx.session, group, until - period, until)
    head = ngettext(
        "Your group over the last {count} day:",
        "Your group over the last {count} days:",
        period.days,
    )
    return stats_reply(counts, head.format(count=period.days))


def template(ctx: Context, group: Workspace) -> Reply:
    """The group's own draft templates (bot/services/group_templates.py); reads the raw text."""
    return template_command(ctx.core.group_templates, ctx.session, group, ctx.request)


VERBS: dict[str, AdminVerb] = {
    "stats": AdminVerb(N_("anonymous counts for your group"), "stats [period=7d]", stats),
    TEMPLATE_VERB: AdminVerb(
        N_("your group's own draft templates: show, replace, preview, revert"),
        "template [kind] [preview|revert|<your template>]",
        template,
    ),
}
