"""Calendar invites members attach on Discord: read from the CDN once their size is known.

Discord says each attachment's filename, content type and size before anything is fetched
(developers/resources/message.mdx, Attachment Structure), in an interaction's
`resolved.attachments` or a message's `attachments`; the file itself is on Discord's CDN at
its signed `url`, which needs no token (developers/reference.mdx, Signed Attachment CDN
URLs). discord.py's `get_from_cdn` reads it on the client's own session.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

import aiohttp
import discord

from adapters.invite_files import NOT_AN_INVITE, UNREADABLE, Fetched, is_invite, too_big

log = logging.getLogger(__name__)


async def fetch_invites(
    http: discord.http.HTTPClient, attachments: Iterable[Mapping[str, Any]]
) -> Fetched:
    """Download the invites among `attachments`; say why each other file was left."""
    fetched = Fetched()
    for attachment in attachments:
        name, media_type = attachment.get("filename"), attachment.get("content_type")
        if not is_invite(name, media_type):
            fetched.refuse(NOT_AN_INVITE)
            continue
        size = attachment.get("size")
        if too_big(size):
            fetched.refuse_too_big(size)
            continue
        try:
            content = await http.get_from_cdn(str(attachment.get("url") or ""))
        except (discord.HTTPException, aiohttp.ClientError, TimeoutError) as error:
            log.warning("Discord attachment download failed: %s", error.__class__.__name__)
            fetched.refuse(UNREADABLE)
            continue
        fetched.add(str(name), content, media_type)
    return fetched
