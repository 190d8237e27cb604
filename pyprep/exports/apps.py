from __future__ import annotations

from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "pyprep.exports"
    label = "exports"
    verbose_name = "Exports"

    def ready(self) -> None:
        # The bank asks, exports answers: "Download Anki deck" beside the list's and the set's other actions.
        from pyprep.bank import registry

        for key, template, slot in (
            ("exports.anki_on_results", "exports/_results_action.html", "results_head"),
            ("exports.anki_on_set", "exports/_set_action.html", "set_head"),
        ):
            registry.panel_register(registry.Panel(key=key, template=template, slot=slot))
