from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.apps import AppConfig

if TYPE_CHECKING:
    from pyprep.bank.registry import Viewer


class PracticeConfig(AppConfig):
    name = "pyprep.practice"
    label = "practice"
    verbose_name = "Practice"

    def ready(self) -> None:
        # The bank asks, practice answers: its personal marks ("Mine" filter), the star/note/practise panel
        # on the question page, and the "Start practice" links on the home, list and set pages.
        from django.db.models.signals import post_delete, post_save

        from pyprep.bank import registry
        from pyprep.practice import personal
        from pyprep.practice.models import Card
        from pyprep.practice.selectors import MARKS

        # The nav's due count is cached per owner (practice.personal); any write to a card forgets it.
        post_save.connect(personal.card_changed, sender=Card, dispatch_uid="practice.card_saved")
        post_delete.connect(personal.card_changed, sender=Card, dispatch_uid="practice.card_deleted")

        for key, label in MARKS.items():
            registry.mark_register(registry.QuestionMark(key=key, label=label, ids_for=_ids_for(key)))
        registry.panel_register(
            registry.Panel(key="practice.actions", template="practice/_question_actions.html")
        )
        for key, template, slot in (
            ("practice.start_on_results", "practice/_results_action.html", "results_head"),
            ("practice.start_on_home", "practice/_home_start.html", "home_first"),
            ("practice.due_on_home", "practice/_home_due.html", "home_last"),
            ("practice.start_on_set", "practice/_set_action.html", "set_head"),
        ):
            registry.panel_register(registry.Panel(key=key, template=template, slot=slot))


def _ids_for(mark: str) -> Callable[[Viewer], set[int]]:
    from pyprep.practice.selectors import question_ids_marked

    return lambda owner: question_ids_marked(user=owner, mark=mark)
