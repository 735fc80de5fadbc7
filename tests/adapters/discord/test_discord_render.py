"""Replies rendered as Discord messages: every message within Discord's documented limits.

The limits are counted here from the payload discord.py sends, by Discord's own rules, so
these tests fail on a payload Discord would refuse even where a fake would take it.
"""

from __future__ import annotations

import re
from datetime import timedelta
from email import message_from_bytes, policy
from typing import Any

import pytest
from fakes.discord_api import USER, FakeDiscord, say
from recording import RecordingMessenger

from adapters.discord import DiscordAdapter
from adapters.discord.messenger import member_ref
from adapters.discord.render import Rendered, render_messages
from bot.app import Core
from bot.chat import CommandRequest, DraftBlock, Fields, Finding, Reply, Section, Visibility
from bot.drafting.compose import compose_links
from bot.scheduling.clock import ManualClock

NAMES = [f"Zoë-Åsa Þórðardóttir-Ńguyễn Ōkubo-Wójcik {n}" for n in "ABCDEF"]
COMPANY = ("*Ünïcødé* _Holdings_ ~~Ltd~~ " * 10)[:200]
ROLE = ("Principal Staff Platform Engineer " * 10)[:200]
LINK_SCHEMES = ("http://", "https://", "discord://")


def embed_chars(embed: dict[str, Any]) -> int:
    """What counts toward a message's 6,000 (developers/resources/message.mdx, Embed Limits)."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields") or [])
    total += len((embed.get("footer") or {}).get("text") or "")
    return total + len((embed.get("author") or {}).get("name") or "")


def check_message(embeds: list[dict[str, Any]], components: list[dict[str, Any]]) -> None:
    """Fail on anything Discord's documented limits refuse in one message."""
    assert embeds or components, "an empty message is Discord's 50006"
    assert len(embeds) <= 10  # message.mdx: up to 10 embeds
    assert sum(embed_chars(e) for e in embeds) <= 6000  # message.mdx: Embed Limits
    for embed in embeds:
        assert len(embed.get("title") or "") <= 256
        assert len(embed.get("description") or "") <= 4096
        assert len(embed.get("fields") or []) <= 25
        for f in embed.get("fields") or []:
            assert 0 < len(f["name"]) <= 256
            assert 0 < len(f["value"]) <= 1024
        assert len((embed.get("footer") or {}).get("text") or "") <= 2048
    assert len(components) <= 5  # components/reference.mdx: 5 action rows
    for row in components:
        assert len(row["components"]) <= 5
        for item in row["components"]:
            if item.get("style") == 5:  # a link button: http, https or discord, 512 at most
                assert item["url"].startswith(LINK_SCHEMES), item["url"][:40]
                assert len(item["url"]) <= 512
            else:
                assert 1 <= len(item["custom_id"]) <= 100


def check_rendered(messages: list[Rendered]) -> None:
    """Every rendered message within the limits, with at most 10 files each."""
    for message in messages:
        view = message.view.to_components() if message.view is not None else []
        check_message([e.to_dict() for e in message.embeds], view)  # type: ignore[misc]
        assert len(message.files) <= 10


async def ask(core: Core, command: str, text: str) -> Reply:
    """What the core answers a Discord member, as the adapter would receive it."""
    request = CommandRequest(
        member=member_ref(USER), command=command, text=text, received_at=core.deps.clock.now()
    )
    return await core.dispatcher.handle(request)


async def log_panel(core: Core) -> None:
    """An onsite with six long-named interviewers and notes for each."""
    await ask(core, "settings", "timezone=America/New_York")
    people = "; ".join(f"{n} (Head of Platform) <p{i}@example.com>" for i, n in enumerate(NAMES))
    when = 'when="2026-11-24 15:00" stage=onsite'
    await ask(core, "log", f'company="{COMPANY}" role="{ROLE}" {when} with="{people}"')
    about = "; ".join(f"{n}: the Kafka migration and the on-call rotation" for n in NAMES)
    await ask(core, "notes", f'#1 topics="system design; on-call" about="{about}"')


def descriptions(messages: list[Rendered]) -> str:
    return "\n".join(e.description or "" for m in messages for e in m.embeds)


async def test_panel_of_six_drafts_splits_into_messages_within_every_limit(core: Core) -> None:
    await log_panel(core)
    reply = await ask(core, "draft", "#1 thank_you")  # the six thank-you notes
    assert sum(isinstance(b, DraftBlock) for b in reply.blocks) == 6
    messages = render_messages(reply, USER)
    check_rendered(messages)
    assert len(messages) > 1
    embeds = [e for m in messages for e in m.embeds]
    assert len(embeds) == 6
    for message in messages:  # each draft's .eml goes with it, named in its footer
        names = [f.filename for f in message.files]
        assert names == [re.sub(" opens.*", "", e.footer.text or "") for e in message.embeds]
    assert sorted(f.filename for m in messages for f in m.files) == [
        f"draft-{n}.eml" for n in range(1, 7)
    ]


async def test_a_reminder_fits_and_offers_no_mailto_button(core: Core, clock: ManualClock) -> None:
    recorder = RecordingMessenger(platform="discord")
    core.add_messenger(recorder)
    await ask(core, "settings", "timezone=America/New_York")
    who = f"{NAMES[0]} (Head of Platform) <jane@example.com>"
    await ask(
        core, "log", f'company="{COMPANY}" role="{ROLE}" when="2026-11-24 15:00" with="{who}"'
    )
    clock.advance(timedelta(hours=32))  # an hour after the interview ends
    await core.delivery.deliver_due()
    ((_, reply, _),) = recorder.sent
    (draft,) = [b for b in reply.blocks if isinstance(b, DraftBlock)]
    assert any(link.url.startswith("mailto:") for link in draft.links)
    messages = render_messages(reply, USER)
    check_rendered(messages)
    first = messages[0]
    assert first.view is not None
    components = [item for row in first.view.to_components() for item in row["components"]]
    assert all(item.get("style") != 5 for item in components)  # no link buttons at all
    assert any(str(item.get("custom_id", "")).startswith("fu:sent:") for item in components)
    text = descriptions(messages)
    assert "mailto:" not in text
    assert "[Open in Gmail](https://mail.google.com/" in text  # the web links, in the text
    footers = [e.footer.text or "" for m in messages for e in m.embeds if e.footer.text]
    assert footers == ["draft-1.eml opens as a draft in your mail app."]


async def test_draft_titles_are_markdown_escaped(core: Core) -> None:
    await log_panel(core)
    reply = await ask(core, "draft", "#1")
    titles = [e.title or "" for m in render_messages(reply, USER) for e in m.embeds]
    assert titles
    assert all(r"\*Ünïcødé\*" in t and r"\_Holdings\_" in t for t in titles), titles[0]


def test_a_draft_body_too_long_is_cut_and_says_the_eml_has_all_of_it() -> None:
    body = "Dear Jane,\n\n" + "I enjoyed our talk about the Kafka migration. " * 150
    draft = DraftBlock(title="Draft thank-you", to="jane@acme.com", subject="Thanks", body=body)
    (message,) = render_messages(Reply(blocks=[draft], visibility=Visibility.DIRECT), USER)
    check_rendered([message])
    (embed,) = message.embeds
    assert "draft-1.eml has the whole text" in (embed.description or "")
    assert len(embed.description or "") < len(body)
    (eml,) = message.files
    parsed = message_from_bytes(eml.fp.read(), policy=policy.default)
    assert parsed.get_content().replace("\r\n", "\n").rstrip() == body.rstrip()


def test_a_short_draft_has_both_web_links_in_its_text_and_no_mailto() -> None:
    body = "Dear Jane, thank you."
    links = compose_links("jane@acme.com", "Thanks", body)
    assert [link.url[:7] for link in links][-1] == "mailto:"
    draft = DraftBlock("Draft", "jane@acme.com", "Thanks", body, links=links)
    (message,) = render_messages(Reply(blocks=[draft]), USER)
    assert message.view is None  # no link buttons
    description = message.embeds[0].description or ""
    assert "[Open in Gmail](https://mail.google.com/" in description
    assert "[Open in Outlook](https://outlook.office.com/" in description
    assert "mailto:" not in description
    assert "Shortened" not in description


def test_findings_say_the_problem_then_the_fix_before_the_draft() -> None:
    finding = Finding("warning", "Too *long*", "Cut it.")
    draft = DraftBlock("Draft", None, "Thanks", "Dear Jane, thank you.", findings=(finding,))
    (message,) = render_messages(Reply(blocks=[draft]), USER)
    fields = {f.name: f.value for f in message.embeds[0].fields}
    assert fields["Before you send"] == r"• Too \*long\*. Fix: Cut it."


async def test_a_long_list_says_how_many_interviews_are_not_shown(
    adapter: DiscordAdapter, fake: FakeDiscord, core: Core
) -> None:
    """The adapter's time-zone tip after the list stays, and is not counted as an interview."""
    for n in range(40):
        await ask(core, "log", f'company="{n:02d} {COMPANY[3:]}" role="{ROLE}"')
    body = await say(fake, "list")
    (embed,) = body["data"]["embeds"]
    check_message([embed], [])
    description = embed["description"]
    shown = len(re.findall(r"^\\#\d+ ", description, flags=re.M))  # "#" escaped at a line start
    assert 0 < shown < 40
    assert f"… and {40 - shown} more not shown." in description
    assert "Discord doesn't tell me your time zone" in description


def test_a_full_description_and_fields_never_leave_the_first_message_empty() -> None:
    """Each embed leaves room for the DM's dedupe mark, so it fits a message of its own."""
    pairs = (("Notes", "n" * 950), ("Promised", "p" * 920))  # 5,979 with the text
    messages = render_messages(Reply(blocks=[Section("s" * 4096), Fields(pairs)]), USER)
    check_rendered(messages)
    assert all(m.embeds or m.files for m in messages)


def test_many_fields_continue_in_another_embed_rather_than_fail() -> None:
    pairs = tuple((f"Field {n}", "x" * 1000) for n in range(30))
    messages = render_messages(Reply(blocks=[Section("Details"), Fields(pairs)]), USER)
    check_rendered(messages)
    fields = [f for m in messages for e in m.embeds for f in e.fields]
    assert [f.name for f in fields] == [f"Field {n}" for n in range(30)]


@pytest.mark.parametrize("closed", [False, True], ids=["by DM", "in place, DMs closed"])
async def test_a_panels_drafts_reach_discord_as_several_messages(
    adapter: DiscordAdapter, fake: FakeDiscord, core: Core, closed: bool
) -> None:
    """By DM the nonce goes on the first message only; in place they are follow-ups."""
    await log_panel(core)
    if closed:
        fake.closed_dms.add(USER)
    await say(fake, "draft", interview="#1")
    if closed:  # a deferral (a DM reply is acknowledged first), then follow-ups
        await fake.wait_for(lambda r: "draft-6.eml" in r.files)  # six thank-yous, all due now
        (callback,) = fake.sent("POST", "/callback")
        assert callback.body["type"] == 5
        posts = fake.sent("POST", "/webhooks/")
        bodies = [p.body for p in posts]
    else:
        posts = fake.sent("POST", "/messages")
        bodies = [p.body for p in posts]
        assert posts[0].body["nonce"]
        assert all(body.get("nonce") != bodies[0]["nonce"] for body in bodies[1:])
    assert len(bodies) > 1
    for body in bodies:
        check_message(body.get("embeds") or [], body.get("components") or [])
    files = sorted(name for p in posts for name in p.files)
    assert files == [f"draft-{n}.eml" for n in range(1, 7)]
