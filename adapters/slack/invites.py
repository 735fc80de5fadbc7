"""Calendar invites members share on Slack: `files.info`, then `url_private` with the bot token.

A file object in an event may be partial (Slack Connect sends only its id with
`file_access: check_file_info`), so files.info has the last word on the name, the size and
the download URL. The download needs `Authorization: Bearer <bot token>`
(https://docs.slack.dev/reference/objects/file-object/); without it Slack answers a redirect
to its sign-in page, so redirects and HTML are failures here, never a file. The token goes
only to Slack's own hosts: an external file's URL (Google Drive, Dropbox) is someone else's.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.invite_files import NOT_AN_INVITE, UNREADABLE, Fetched, is_invite, too_big
from adapters.slack.messenger import error_code
from bot.domain.invites import MAX_INVITE_BYTES
from bot.i18n import N_

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
# https://docs.slack.dev/messaging/formatting-message-text/ : a message's text has links
# as <url> or <url|label> (mailto: for addresses) and &, <, > escaped as entities.
_LINK = re.compile(r"<((?:https?://|mailto:)[^|>]*)(?:\|[^>]*)?>")
NEEDS_FILES_READ = N_(
    "I can't read files in this workspace yet: Followup needs permission to read the files "
    "you share with it. Ask whoever installed Followup to reinstall it, then share the "
    "invite again."
)
CANNOT_SEE = N_(
    "I couldn't open that file: it was deleted, or it was shared where I'm not a member. "
    "Share the invite (.ics) with me in our DM."
)


def typed_text(text: object) -> str:
    """A message's text as the member typed it: links unwrapped, entities undone."""
    if not isinstance(text, str):
        return ""
    text = _LINK.sub(lambda link: link.group(1).removeprefix("mailto:"), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def might_be_invite(entry: Mapping[str, Any]) -> bool:
    """Whether a file on a message may be an invite: it says so, or says nothing yet."""
    name, media_type = entry.get("name"), entry.get("mimetype")
    return is_invite(name, media_type) or (name is None and media_type is None)


async def fetch_invites(
    client: AsyncWebClient, session: aiohttp.ClientSession, entries: Iterable[Mapping[str, Any]]
) -> Fetched:
    """Download the invites among a message's files; say why each other file was left."""
    fetched = Fetched()
    for entry in entries:
        if not might_be_invite(entry):
            fetched.refuse(NOT_AN_INVITE)
            continue
        size = entry.get("size")
        if too_big(size):  # the event's figure spares a files.info
            fetched.refuse_too_big(size)
            continue
        file_id = entry.get("id")
        try:
            info = (await client.files_info(file=str(file_id)))["file"]
        except SlackApiError as error:
            code = error_code(error)
            log.info("files.info failed: %s", code)
            fetched.refuse(
                NEEDS_FILES_READ
                if code == "missing_scope"
                else CANNOT_SEE
                if code in ("file_not_found", "file_deleted")
                else UNREADABLE
            )
            continue
        name, media_type = info.get("name"), info.get("mimetype")
        if not is_invite(name, media_type) or info.get("is_external"):
            fetched.refuse(NOT_AN_INVITE)
            continue
        size = info.get("size")
        if too_big(size):
            fetched.refuse_too_big(size)
            continue
        url = str(info.get("url_private_download") or info.get("url_private") or "")
        content = await _download(session, url, client)
        if content is None:
            fetched.refuse(UNREADABLE)
            continue
        fetched.add(str(name or "invite.ics"), content, media_type)
    return fetched


async def _download(
    session: aiohttp.ClientSession, url: str, client: AsyncWebClient
) -> bytes | None:
    """The file's bytes (at most one past the cap), or None when Slack would not give them."""
    if not client.token or not _slack_host(url, client.base_url):
        log.warning("Slack file download skipped: not a Slack file URL")
        return None
    headers = {"Authorization": f"Bearer {client.token}"}
    try:
        async with session.get(url, headers=headers, allow_redirects=False) as response:
            if response.status != 200 or response.content_type == "text/html":
                # A redirect to the sign-in page: the token may not read this file.
                log.warning("Slack file download answered %s", response.status)
                return None
            body = bytearray()
            async for chunk in response.content.iter_chunked(CHUNK):
                body += chunk
                if len(body) > MAX_INVITE_BYTES:
                    break
            return bytes(body)
    except (aiohttp.ClientError, TimeoutError) as error:
        log.warning("Slack file download failed: %s", error.__class__.__name__)
        return None


def _slack_host(url: str, api_url: str) -> bool:
    """Whether `url` is Slack's (files.slack.com) or on the Web API's own host (tests)."""
    parts, api = urlsplit(url), urlsplit(api_url)
    host = (parts.hostname or "").casefold()
    if parts.scheme == "https" and (host == "slack.com" or host.endswith(".slack.com")):
        return True
    return bool(host) and (parts.scheme, parts.netloc) == (api.scheme, api.netloc)
