"""Encryption at rest: ciphertext in the table, plaintext through the repositories, rotation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from cryptography.fernet import Fernet
from pydantic import ValidationError
from sqlalchemy import text

from adapters.cli import main
from bot.chat import MemberRef
from bot.settings import Settings
from bot.storage import repositories as repo
from bot.storage.crypto import encrypted_columns, rotate
from bot.storage.db import Database
from bot.storage.migrate import upgrade
from bot.storage.models import Interview, Interviewer
from bot.storage.types import ENCRYPTED, EncryptionError

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()
NOTES = {
    "topics": "system design; on-call",
    "highlights": "the pager story landed",
    "qualifications": "Kafka at scale",
    "open_questions": "team size?",
    "clarification": "I meant 2019, not 2018",
    "promised_by_me": "my portfolio",
    "promised_by_them": "a decision by Friday",
    "notes": "Salary band 150-170k — private",
}
EMAIL = "jane.doe@acme.example"
DISCUSSED = "the Kafka migration"
SIGNATURE = "Ada Lovelace · +44 20 7946 0000"
SECRETS = [*NOTES.values(), EMAIL, DISCUSSED, SIGNATURE]


def open_db(url: str, *keys: str) -> Database:
    db = Database.from_url(url, encryption_keys=keys)
    upgrade(db.engine)
    return db


@pytest.fixture
def databases(database_url: str) -> Iterator[list[Database]]:
    """Every Database a test opens on the URL, disposed after."""
    opened: list[Database] = []
    yield opened
    for db in opened:
        db.dispose()


def store_interview(db: Database, user: str = "ada") -> None:
    """One interview with every encrypted field filled, written through the ORM."""
    with db.transaction() as session:
        member = repo.ensure_member(session, MemberRef("console", "local", user), NOW)
        member.signature = SIGNATURE
        interview = Interview(
            member_id=member.id,
            number=1,
            company="Acme",
            starts_at=NOW,
            ends_at=NOW + timedelta(hours=1),
            created_at=NOW,
            updated_at=NOW,
            **NOTES,
        )
        interview.interviewers.append(
            Interviewer(name="Jane Doe", title="EM", email=EMAIL, discussed=DISCUSSED)
        )
        session.add(interview)


def read_back(db: Database, user: str = "ada") -> tuple[dict[str, str | None], str | None, str]:
    """The notes, email and discussed as the repositories return them."""
    with db.reading() as session:
        member = repo.find_member(session, MemberRef("console", "local", user))
        assert member is not None
        (interview,) = repo.interviews_of(session, member)
        person = interview.interviewers[0]
        notes = {name: getattr(interview, name) for name in NOTES}
        return notes, person.email, str(person.discussed)


def raw_values(db: Database) -> list[str]:
    """Every encrypted column's stored text, read with plain SQL (no column types)."""
    values: list[str] = []
    with db.engine.connect() as connection:
        for table, names in encrypted_columns():
            columns = ", ".join(names)
            for row in connection.execute(text(f"SELECT {columns} FROM {table.name}")):
                values += [v for v in row if v is not None]
    return values


def test_the_encrypted_columns_are_the_members_free_text() -> None:
    found = {f"{table.name}.{name}" for table, names in encrypted_columns() for name in names}
    assert found == {f"interview.{n}" for n in NOTES} | {
        "interview.location",  # a video link carries its passcode
        "interviewer.email",
        "interviewer.discussed",
        "member.signature",
    }


def test_with_a_key_the_table_holds_ciphertext_and_the_repositories_plaintext(
    database_url: str, databases: list[Database]
) -> None:
    db = open_db(database_url, NEW_KEY)
    databases.append(db)
    store_interview(db)
    raw = raw_values(db)
    assert len(raw) == len(SECRETS)
    assert all(value.startswith(ENCRYPTED) for value in raw)
    assert not any(secret in value for value in raw for secret in SECRETS)
    notes, email, discussed = read_back(db)
    assert notes == NOTES
    assert (email, discussed) == (EMAIL, DISCUSSED)
    with db.reading() as session:
        member = repo.find_member(session, MemberRef("console", "local", "ada"))
        assert member is not None
        assert member.signature == SIGNATURE


def test_without_a_key_values_are_stored_as_they_are(
    database_url: str, databases: list[Database]
) -> None:
    db = open_db(database_url)
    databases.append(db)
    store_interview(db)
    assert sorted(raw_values(db)) == sorted(SECRETS)


def test_text_that_looks_like_ciphertext_survives_without_a_key(
    database_url: str, databases: list[Database]
) -> None:
    db = open_db(database_url)
    databases.append(db)
    store_interview(db)
    with db.transaction() as session:
        member = repo.find_member(session, MemberRef("console", "local", "ada"))
        assert member is not None
        repo.interviews_of(session, member)[0].notes = f"{ENCRYPTED}not really"
    assert read_back(db)[0]["notes"] == f"{ENCRYPTED}not really"


def test_rows_written_before_the_key_still_read_and_rotation_encrypts_them(
    database_url: str, databases: list[Database]
) -> None:
    plain = open_db(database_url)
    databases.append(plain)
    store_interview(plain)
    keyed = open_db(database_url, NEW_KEY)
    databases.append(keyed)
    assert read_back(keyed)[0] == NOTES  # old plaintext rows read as they are
    done = rotate(keyed)
    assert done.total == len(SECRETS)
    assert done.rewritten["interviewer.email"] == 1
    assert all(value.startswith(ENCRYPTED) for value in raw_values(keyed))
    assert read_back(keyed)[0] == NOTES


def test_rotation_moves_every_value_to_the_newest_key(
    database_url: str, databases: list[Database]
) -> None:
    old = open_db(database_url, OLD_KEY)
    databases.append(old)
    store_interview(old, "ada")
    store_interview(old, "grace")
    both = open_db(database_url, NEW_KEY, OLD_KEY)  # newest first
    databases.append(both)
    assert read_back(both, "grace")[1] == EMAIL  # old rows read with the old key
    done = rotate(both, batch_size=1)  # several batches
    assert done.total == 2 * len(SECRETS)
    assert rotate(both).total == 0  # already current: nothing rewritten twice
    new_only = open_db(database_url, NEW_KEY)
    databases.append(new_only)
    assert read_back(new_only, "ada") == (NOTES, EMAIL, DISCUSSED)
    assert read_back(new_only, "grace") == (NOTES, EMAIL, DISCUSSED)


def test_a_wrong_key_fails_loudly_instead_of_returning_ciphertext(
    database_url: str, databases: list[Database], caplog: pytest.LogCaptureFixture
) -> None:
    right = open_db(database_url, OLD_KEY)
    databases.append(right)
    store_interview(right)
    wrong = open_db(database_url, NEW_KEY)
    databases.append(wrong)
    with pytest.raises(EncryptionError, match="could not be decrypted"):
        read_back(wrong)
    assert "could not be decrypted" in caplog.text
    with pytest.raises(EncryptionError):
        rotate(wrong)
    unkeyed = open_db(database_url)
    databases.append(unkeyed)
    with pytest.raises(EncryptionError, match="FOLLOWUP_ENCRYPTION_KEY is not set"):
        read_back(unkeyed)


def test_decrypt_writes_everything_back_as_plaintext(
    database_url: str, databases: list[Database]
) -> None:
    db = open_db(database_url, NEW_KEY)
    databases.append(db)
    store_interview(db)
    assert rotate(db, decrypt=True).total == len(SECRETS)
    assert sorted(raw_values(db)) == sorted(SECRETS)


def test_rotate_key_command_reencrypts_with_the_newest_key(
    database_url: str, databases: list[Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = open_db(database_url, OLD_KEY)
    databases.append(old)
    store_interview(old)
    monkeypatch.setenv("FOLLOWUP_ENCRYPTION_KEY", f"{NEW_KEY}, {OLD_KEY}")
    result = CliRunner().invoke(main, ["rotate-key", "--db", database_url, "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert "interviewer.email: 1 value(s) encrypted with the newest key" in result.output
    new_only = open_db(database_url, NEW_KEY)
    databases.append(new_only)
    assert read_back(new_only)[1] == EMAIL


def test_rotate_key_command_without_a_key_says_what_to_set(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FOLLOWUP_ENCRYPTION_KEY", raising=False)
    result = CliRunner().invoke(main, ["rotate-key", "--db", database_url])
    assert result.exit_code != 0
    assert "Set FOLLOWUP_ENCRYPTION_KEY first" in result.output


def test_settings_read_keys_newest_first() -> None:
    settings = Settings(encryption_key=f"{NEW_KEY},{OLD_KEY}", _env_file=None)  # type: ignore[call-arg]
    assert settings.encryption_keys == (NEW_KEY, OLD_KEY)
    assert Settings(_env_file=None).encryption_keys == ()  # type: ignore[call-arg]


@pytest.mark.parametrize("value", ["not-a-key", f"{NEW_KEY},short", " , "])
def test_a_malformed_key_is_refused_at_start_without_echoing_it(value: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Settings(encryption_key=value, _env_file=None)  # type: ignore[call-arg]
    message = str(raised.value)
    assert "FOLLOWUP_ENCRYPTION_KEY" in message
    assert "Fernet.generate_key" in message
    assert NEW_KEY not in message
    assert "not-a-key" not in message
