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
        # The bank asks, practice answers: its personal marks ("Mine" filter), the star/note/practise panel and
        # "Start practice on these" above the list's results.
        from pyprep.bank import registry
        from pyprep.practice.selectors import MARKS

        for key, label in MARKS.items():
            registry.mark_register(registry.QuestionMark(key=key, label=label, ids_for=_ids_for(key)))
        registry.panel_register(
            registry.Panel(key="practice.actions", template="practice/_question_actions.html")
        )
        registry.panel_register(
            registry.Panel(
                key="practice.start_on_results", template="practice/_results_action.html", slot="results_head"
            )
        )


def _ids_for(mark: str) -> Callable[[Viewer], set[int]]:
    from pyprep.practice.selectors import question_ids_marked

    return lambda owner: question_ids_marked(user=owner, mark=mark)
