"""Throttles for guessing and flooding, all on django-ratelimit: the attacker waits, the account owner does not.

Log-in is counted per (username, address) — so guessing from one machine does not lock the owner out from
another — and per address, with a short and a long window so that a patient guesser backs off further
after each burst, no CAPTCHA needed. Reset mail is counted per address and, silently, per e-mail address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from pyprep.bank.http import client_address

F = TypeVar("F", bound=forms.BaseForm)

TOO_MANY_LOGINS = "Too many log-in attempts. Wait a minute and try again."
TOO_MANY_SIGNUPS = "Too many accounts were created from your network recently. Try again in an hour."
TOO_MANY_RESETS = "Too many password-reset requests from your network. Try again in an hour."


@dataclass(frozen=True, slots=True)
class Rule:
    group: str
    setting: str
    default_rate: str
    field: str = ""  # a POST field whose value is counted, e.g. the username; "" counts the address alone
    per_address: bool = True  # count the field per client address, or from every address together

    def rate(self) -> str:
        # Read at call time so tests and deployments can tune a rate with `override_settings`.
        return str(getattr(settings, self.setting, self.default_rate))

    def key(self, request: HttpRequest) -> str:
        address = client_address(request) if self.per_address else "*"
        value = request.POST.get(self.field, "").strip().lower() if self.field else ""
        return f"{value}|{address}"


LOGIN = (
    Rule("accounts.login.user_ip", "PYPREP_LOGIN_RATE_PER_USERNAME", "5/m", field="username"),
    Rule("accounts.login.user_ip.long", "PYPREP_LOGIN_RATE_PER_USERNAME_LONG", "20/h", field="username"),
    Rule("accounts.login.ip", "PYPREP_LOGIN_RATE_PER_IP", "20/m"),
    Rule("accounts.login.ip.long", "PYPREP_LOGIN_RATE_PER_IP_LONG", "200/h"),
)
SIGNUP = (Rule("accounts.signup.ip", "PYPREP_SIGNUP_RATE_PER_IP", "10/h"),)
RESET_BY_IP = (Rule("accounts.reset.ip", "PYPREP_RESET_RATE_PER_IP", "10/h"),)
# Mail to one inbox from every network together: a victim is not flooded however many machines ask.
RESET_BY_EMAIL = (
    Rule("accounts.reset.email", "PYPREP_RESET_RATE_PER_EMAIL", "3/h", field="email", per_address=False),
)


def throttled(request: HttpRequest, *, rules: tuple[Rule, ...]) -> bool:
    """Count this POST against every rule (all of them, so no window is skipped) and say if any is exceeded."""
    hits = [
        is_ratelimited(
            request,
            group=rule.group,
            key=lambda _group, req, rule=rule: rule.key(req),
            rate=rule.rate(),
            method="POST",
            increment=True,
        )
        for rule in rules
    ]
    return any(hits)


def refusal_form(form: F, message: str) -> F:
    """An unbound form that shows `message` as its error: a throttled request's input is never validated,
    so a throttled log-in does not even check the password."""
    form.cleaned_data = {}  # what add_error expects of a form that has been cleaned
    form.add_error(None, message)
    return form
