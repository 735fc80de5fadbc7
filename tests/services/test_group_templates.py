"""Group templates: an admin's house style reaches their group's drafts, and nobody else's."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import pytest
from alembic import command
from sqlalchemy import inspect, text

from adapters.console.conversation import Conversation
from bot.app import Core
from bot.chat import CommandRequest, DraftBlock, MemberRef, Reply
from bot.domain.policy import Kind
from bot.drafting.sandbox import MAX_OPERATIONS, MAX_OUTPUT
from bot.errors import UserError
from bot.scheduling.clock import ManualClock
from bot.storage import repositories as repo
from bot.storage.db import Database
from bot.storage.migrate import alembic_config, upgrade

COACH = MemberRef("slack", "T1", "UCOACH")  # admin of the group T1
ADA = MemberRef("slack", "T1", "UADA")  # a member of T1
BOB = MemberRef("slack", "T2", "UBOB")  # a member of another group, T2

HOUSE_STYLE = (
    '{% import "_common.j2" as c %}\n'
    "Subject: With thanks from the cohort: {{ role or stage_label }} at {{ company }}\n"
    "\n"
    "{{ c.greeting(interviewer, company, tone) }}\n"
    "\n"
    "Thank you for the {{ stage_label }} {{ when_phrase }}."
    "{% if discussed %} I keep thinking about {{ discussed }}.{% endif %}\n"
    "\n"
    "{{ c.closing(tone) }}\n"
)
LOG = 'log company="Acme" role="Backend Engineer" when="today 9am" stage=onsite with="Jane Doe"'


def say(
    core: Core,
    clock: ManualClock,
    who: MemberRef,
    text: str,
    *,
    admin: bool = False,
    options: Mapping[str, str] | None = None,
) -> Reply:
    """Send one command as `who`, typed in their workspace (their career group)."""
    command, _, rest = text.partition(" ")
    request = CommandRequest(
        who,
        command,
        rest,
        clock.now(),
        group_id=who.workspace_id,
        is_admin=admin,
        options=options,
    )
    return core.dispatcher.handle_sync(request)


def subjects(reply: Reply) -> list[str]:
    return [block.subject for block in reply.blocks if isinstance(block, DraftBlock)]


def stored(core: Core, group: str) -> dict[str, str]:
    with core.deps.db.reading() as session:
        workspace = repo.find_group(session, "slack", group)
        if workspace is None:
            return {}
        return {t.kind: t.source for t in repo.group_templates(session, workspace.id)}


@pytest.fixture
def drafting(core: Core, clock: ManualClock) -> Core:
    """Ada (group T1) and Bob (group T2) each logged an interview with Jane this morning."""
    for who in (ADA, BOB):
        assert "Logged #1" in say(core, clock, who, LOG).plain_text()
    return core


def test_a_saved_template_changes_its_groups_drafts_and_nobody_elses(
    drafting: Core, clock: ManualClock
) -> None:
    core = drafting
    before_ada = subjects(say(core, clock, ADA, "draft #1 thank_you"))
    before_bob = subjects(say(core, clock, BOB, "draft #1 thank_you"))
    assert before_ada == before_bob == ["Thank you, Jane: Backend Engineer at Acme"]

    saved = say(core, clock, COACH, f"admin template thank_you {HOUSE_STYLE}", admin=True)
    text = saved.plain_text()
    assert "Saved your group's thank-you template" in text
    assert "admin template thank_you revert" in text
    previews = [b for b in saved.blocks if isinstance(b, DraftBlock)]
    assert len(previews) >= 4  # each sample interview, a draft per interviewer
    assert all(p.subject.startswith("With thanks from the cohort") for p in previews)
    assert {p.title for p in previews} >= {
        "Preview: onsite, two interviewers, full notes",
        "Preview: final round, nobody named, topics only",
    }
    assert any(p.findings for p in previews)  # the proofreader's remarks are shown
    assert {f.level for p in previews for f in p.findings} <= {"warning", "info"}
    assert "none an error" in text
    assert stored(core, "T1") == {"thank_you": HOUSE_STYLE.strip("\n")}

    assert subjects(say(core, clock, ADA, "draft #1 thank_you")) == [
        "With thanks from the cohort: Backend Engineer at Acme"
    ]
    assert subjects(say(core, clock, BOB, "draft #1 thank_you")) == before_bob
    assert stored(core, "T2") == {}
    # Only the kind the group replaced changes; the rest are still ours.
    assert subjects(say(core, clock, ADA, "draft #1 status_check"))[0].startswith("Following up")


def test_a_member_can_keep_the_built_in_templates(drafting: Core, clock: ManualClock) -> None:
    core = drafting
    say(core, clock, COACH, f"admin template thank_you {HOUSE_STYLE}", admin=True)
    chosen = say(core, clock, ADA, "settings templates=builtin").plain_text()
    assert "Templates: built-in" in chosen
    assert subjects(say(core, clock, ADA, "draft #1 thank_you")) == [
        "Thank you, Jane: Backend Engineer at Acme"
    ]
    say(core, clock, ADA, "settings templates=group")
    assert subjects(say(core, clock, ADA, "draft #1 thank_you"))[0].startswith(
        "With thanks from the cohort"
    )
    wrong = say(core, clock, ADA, "settings templates=mine").plain_text()
    assert "templates=builtin" in wrong


def test_revert_goes_back_to_ours_in_one_command(drafting: Core, clock: ManualClock) -> None:
    core = drafting
    say(core, clock, COACH, f"admin template thanks {HOUSE_STYLE}", admin=True)
    reverted = say(core, clock, COACH, "admin template thank_you revert", admin=True)
    assert "get the built-in thank-you again" in reverted.plain_text()
    assert stored(core, "T1") == {}
    assert subjects(say(core, clock, ADA, "draft #1 thank_you")) == [
        "Thank you, Jane: Backend Engineer at Acme"
    ]
    again = say(core, clock, COACH, "admin template thank_you revert", admin=True)
    assert "already uses the built-in" in again.plain_text()


def test_show_and_preview_what_members_get(core: Core, clock: ManualClock) -> None:
    shown = say(core, clock, COACH, "admin template status_check", admin=True)
    assert "The built-in status check template" in shown.plain_text()
    assert "Subject: {% if sequence > 1 %}" in shown.plain_text()
    assert shown.form is not None  # edit it in a form
    assert shown.form.context == "template status_check"
    assert shown.form.fields[0].initial is not None
    assert shown.form.fields[0].initial.startswith('{% import "_common.j2" as c %}')

    builtin = say(core, clock, COACH, "admin template status_check preview", admin=True)
    assert subjects(builtin)[0].startswith("Following up")

    # Saved through the form: the template arrives as a field, not in the command text.
    source = HOUSE_STYLE.replace("With thanks from the cohort", "Checking in kindly")
    form = say(
        core,
        clock,
        COACH,
        "admin template status_check",
        admin=True,
        options={"template": source},
    )
    assert "Saved your group's status check template" in form.plain_text()
    preview = say(core, clock, COACH, "admin template status_check preview", admin=True)
    assert all(s.startswith("Checking in kindly") for s in subjects(preview))
    shown = say(core, clock, COACH, "admin template status_check", admin=True)
    assert "Your group's own status check template" in shown.plain_text()
    overview = say(core, clock, COACH, "admin template", admin=True).plain_text()
    assert "status_check: your group's own" in overview
    assert "thank_you: built-in" in overview


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("Subject: x\n\n{{ company.__class__ }}", "Line 3: '__class__' can't be used"),
        ("Subject: x\n\n{% include '/etc/passwd' %}", "Line 3: {% include %} isn't available"),
        ("Subject: x\n\n{% for i in range(10**9) %}x{% endfor %}", "Line 3: range()"),
        ("Subject: x\n\nDear {{ compnay }}", "Did you mean 'company'"),
        ("Subject: x\n\n{% if company %}", "Line 3: Unexpected end of template"),
        ("Dear {{ company }}", "Line 1: The first line must be the subject"),
        # Passes the static checks, fails on a sample interview with nobody named.
        ("Subject: Hi {{ interviewer.first_name }}\n\nThanks.", "nobody named"),
        # Passes the static checks, runs over the budget when rendered.
        (
            "Subject: x\n\n{% macro m() %}{% for a in range(20) %}{% for b in range(20) %}"
            "{% if company.upper() %}{% endif %}{% endfor %}{% endfor %}{% endmacro %}"
            "{% for a in range(20) %}{% for b in range(20) %}{{ m() }}{% endfor %}{% endfor %}",
            f"{MAX_OPERATIONS:,} operations",
        ),
        # The template: text doubled with ~ was never measured (67 MB at preview).
        (
            "Subject: x\n\n{% set x = company %}" + "{% set x = x ~ x %}" * 24 + "{{ x }}",
            f"it was stopped: the template made text longer than {MAX_OUTPUT:,} characters",
        ),
        ("Subject: x\n\n{{ range }}", "Line 3: 'range' is a function"),
        ("Subject: x\n\nHi {{ interviewer }}", "Line 3: 'interviewer' is a set of fields"),
        ("Subject: x\n\nThe {{ role }} role", "printed a missing value (None)"),
        # Renders, but every sample draft would carry a proofreading error.
        (
            "Subject: Thanks\n\nDear [first name],\n\nThank you.",
            "With the sample interview 'phone screen, one interviewer, no notes': Placeholder "
            "left in the draft: '[first name]'. Fix: Replace '[first name]' with the real text",
        ),
        (
            "Subject: Thanks from {{ company }}\n\nThank you for the {{ stage_label }}.",
            "The note never addresses Raj Patel by name. Fix: Open with their name, e.g. "
            "'Dear Raj,'.",
        ),
    ],
)
def test_a_template_that_fails_a_check_is_not_saved(
    core: Core, clock: ManualClock, source: str, says: str
) -> None:
    reply = say(core, clock, COACH, f"admin template thank_you {source}", admin=True)
    text = reply.plain_text()
    assert "I couldn't save that thank-you template" in text
    assert says in text
    assert "Nothing was saved" in text
    assert stored(core, "T1") == {}
    # In a form, the problem shows on the field.
    form = say(
        core,
        clock,
        COACH,
        "admin template thank_you",
        admin=True,
        options={"template": source},
    )
    assert says in form.field_errors["template"]


def test_a_typed_template_is_taken_verbatim_quotes_and_all(core: Core, clock: ManualClock) -> None:
    """`''` would be an unclosed quote to the key=value parser; templates skip it."""
    attack = "Subject: x\n\n{{ ''.__class__ }}"
    typed = say(core, clock, COACH, f"admin template thank_you {attack}", admin=True)
    assert "Line 3: '__class__' can't be used" in typed.plain_text()
    form = say(
        core,
        clock,
        COACH,
        "admin template thank_you",
        admin=True,
        options={"template": attack},
    )
    assert "Line 3: '__class__' can't be used" in form.field_errors["template"]
    assert stored(core, "T1") == {}


def test_only_the_groups_admins_change_its_templates(core: Core, clock: ManualClock) -> None:
    refused = say(core, clock, ADA, f"admin template thank_you {HOUSE_STYLE}", admin=False)
    assert "Only this group's admins" in refused.plain_text()
    assert stored(core, "T1") == {}


def test_unknown_kind_says_which_exist(core: Core, clock: ManualClock) -> None:
    reply = say(core, clock, COACH, "admin template farewell", admin=True).plain_text()
    assert "I don't know the draft kind 'farewell'" in reply
    assert "thank_you" in reply


@pytest.mark.parametrize(
    "source",
    [
        "Subject: x\n\n{{ 'x' * 10**8 }}",
        "Subject: x\n\n{% set x = company %}" + "{% set x = x ~ x %}" * 24 + "{{ x }}",
        "Subject: x\n\n{{ range }}",
    ],
)
def test_a_template_that_fails_at_render_falls_back_to_ours(
    drafting: Core, clock: ManualClock, caplog: pytest.LogCaptureFixture, source: str
) -> None:
    """Saved by an older, laxer version of the checks: members still get a draft."""
    core = drafting
    with core.deps.db.transaction() as session:
        group = repo.ensure_workspace(session, "slack", "T1", clock.now())
        repo.save_group_template(
            session, group, "thank_you", source, language="en", by="old", now=clock.now()
        )
    with caplog.at_level(logging.WARNING, logger="bot.drafting.render"):
        drafted = say(core, clock, ADA, "draft #1 thank_you")
    assert subjects(drafted) == ["Thank you, Jane: Backend Engineer at Acme"]
    assert "group template 'thank_you' refused" in caplog.text
    preview = say(core, clock, COACH, "admin template thank_you preview", admin=True)
    assert "no longer renders" in preview.plain_text()


async def test_reminders_carry_the_groups_template(
    core: Core, clock: ManualClock, convo: Conversation
) -> None:
    """Delivery composes drafts for detached members: it finds their group's template too."""
    coach = MemberRef("console", "local", "coach")
    request = CommandRequest(
        coach,
        "admin",
        f"template thank_you {HOUSE_STYLE}",
        clock.now(),
        group_id="local",
        is_admin=True,
    )
    assert "Saved" in core.dispatcher.handle_sync(request).plain_text()
    await convo.say('/interview log company="Acme" when="today 9am" with="Jane Doe"')
    dms = await convo.say(":advance 3h")
    assert "DM to ada" in dms
    assert "Subject: With thanks from the cohort: phone screen at Acme" in dms


def test_renderers_are_cached_per_group_and_version(drafting: Core, clock: ManualClock) -> None:
    core = drafting
    say(core, clock, COACH, f"admin template thank_you {HOUSE_STYLE}", admin=True)
    with core.deps.db.reading() as session:
        ada = repo.find_member(session, ADA)
        bob = repo.find_member(session, BOB)
        assert ada is not None
        assert bob is not None
        first = core.group_templates.renderer_for(ada)
        assert core.group_templates.renderer_for(ada) is first
        assert core.group_templates.renderer_for(bob) is core.deps.renderer
    say(
        core,
        clock,
        COACH,
        "admin template thank_you " + HOUSE_STYLE.replace("cohort", "team"),
        admin=True,
    )
    with core.deps.db.reading() as session:
        ada = repo.find_member(session, ADA)
        assert ada is not None
        assert core.group_templates.renderer_for(ada) is not first  # a new version


def test_check_raises_a_user_error_naming_the_field(core: Core) -> None:
    with pytest.raises(UserError) as error:
        core.group_templates.check(Kind.THANK_YOU, "Subject: x\n\n{{ nope }}")
    assert error.value.field == "template"
    assert "'nope' isn't something drafts know" in error.value.message


def test_migration_0007_keeps_members_data_both_ways(database_url: str) -> None:
    """Adding the member column must not rebuild `member` (on SQLite that cascades)."""
    db = Database.from_url(database_url)
    try:
        upgrade(db.engine, "0006")
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO workspace (id, platform, external_id, active, created_at) "
                    "VALUES (1, 'slack', 'T1', :yes, '2026-11-01 00:00:00')"
                ),
                {"yes": True},
            )
            connection.execute(
                text(
                    "INSERT INTO member (id, workspace_id, user_id, dm_status, next_number, "
                    "created_at) VALUES (1, 1, 'U1', 'ok', 2, '2026-11-01 00:00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO interview (member_id, number, company, stage, starts_at, "
                    "ends_at, status, paused, created_at, updated_at) VALUES (1, 1, 'Acme', "
                    "'onsite', '2026-11-02 15:00:00', '2026-11-02 16:00:00', 'held', :no, "
                    "'2026-11-01 00:00:00', '2026-11-01 00:00:00')"
                ),
                {"no": False},
            )
        upgrade(db.engine)
        with db.engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM interview")) == 1
            assert not connection.scalar(text("SELECT builtin_templates FROM member"))
        config = alembic_config(database_url)
        with db.engine.connect() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
            connection.commit()
        with db.engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM interview")) == 1
            assert "group_template" not in inspect(connection).get_table_names()
    finally:
        db.dispose()
