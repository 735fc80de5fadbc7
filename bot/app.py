"""The composition root of the core: everything built from `Settings`, no globals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from types import ModuleType
from zoneinfo import ZoneInfo

from bot.commands.dispatch import Dispatcher
from bot.commands.handlers import build_registry
from bot.commands.registry import Registry
from bot.drafting.render import DraftRenderer
from bot.ports import Clock, Messenger
from bot.services.calendar_feed import CalendarFeedService
from bot.services.delivery import DeliveryService
from bot.services.deps import Deps
from bot.services.drafts import DraftService
from bot.services.followups import FollowUpService
from bot.services.group_templates import GroupTemplateService
from bot.services.groups import GroupService
from bot.services.interviews import InterviewService
from bot.services.member_settings import MemberSettingsService
from bot.services.replies import ReplyService
from bot.services.request_claims import RequestClaimService
from bot.settings import Settings
from bot.storage import repositories
from bot.storage.db import Database
from bot.storage.migrate import upgrade


@dataclass
class Core:
    """Every use case, the command registry and the delivery worker, wired together."""

    deps: Deps
    settings: Settings
    registry: Registry = field(default_factory=build_registry)
    repo: ModuleType = repositories

    def __post_init__(self) -> None:
        self.interviews = InterviewService(self.deps)
        self.follow_ups = FollowUpService(self.deps)
        self.replies = ReplyService(self.deps, self.interviews, self.follow_ups)
        self.group_templates = GroupTemplateService(self.deps)
        self.drafts = DraftService(self.deps, self.group_templates.renderer_for)
        self.calendar = CalendarFeedService(self.deps, self.drafts, self.settings.public_url)
        self.member_settings = MemberSettingsService(self.deps)
        self.groups = GroupService(self.deps)
        self.request_claims = RequestClaimService(self.deps)
        self.dispatcher = Dispatcher(self)
        self.delivery = DeliveryService(
            self.deps,
            self.drafts,
            {},
            lease=timedelta(seconds=self.settings.lease_seconds),
            batch_size=self.settings.delivery_batch_size,
            concurrency=self.settings.delivery_concurrency,
        )

    def add_messenger(self, messenger: Messenger) -> None:
        """Let delivery reach members on `messenger.platform`."""
        self.delivery.messengers[messenger.platform] = messenger


def build_core(
    settings: Settings,
    clock: Clock,
    *,
    messengers: Mapping[str, Messenger] | None = None,
    migrate: bool = True,
) -> Core:
    """Open the database (migrating it to head when asked) and build the core on it."""
    db = Database.from_url(settings.database_url, encryption_keys=settings.encryption_keys)
    if migrate:
        upgrade(db.engine)
    deps = Deps(
        db=db,
        clock=clock,
        default_tz=ZoneInfo(settings.default_timezone),
        renderer=DraftRenderer(),
    )
    core = Core(deps=deps, settings=settings)
    for messenger in (messengers or {}).values():
        core.add_messenger(messenger)
    return core
