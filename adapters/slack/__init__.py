"""Slack: `/interview`, modals, DM buttons, App Home and installs, on slack-bolt."""

from adapters.slack.app import SlackAdapter

__all__ = ["SlackAdapter"]
