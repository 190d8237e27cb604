from __future__ import annotations

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "pyprep.accounts"
    label = "accounts"
    verbose_name = "Accounts"


class ThrottledAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with its log-in page throttled like the site's (named in INSTALLED_APPS)."""

    default = False
    default_site = "pyprep.accounts.admin_site.ThrottledAdminSite"
