"""Version 1 of the HTTP API: django-ninja endpoints over the apps' selectors and services."""
