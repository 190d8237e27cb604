from __future__ import annotations

from django.apps import AppConfig
from django.urls import reverse


class ChallengesConfig(AppConfig):
    name = "pyprep.challenges"
    verbose_name = "Code challenges"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from pyprep.bank import registry
        from pyprep.bank.pagecache import bank_changed_on_commit
        from pyprep.challenges import (
            receivers,  # noqa: F401 - connects the judge's signals
            verdicts,  # noqa: F401 - announces graded submissions to waiting pages
        )
        from pyprep.challenges.content import challenge_bundle_hooks
        from pyprep.challenges.models import Challenge
        from pyprep.challenges.selectors import solved_question_ids
        from pyprep.challenges.spec import read_challenges

        # A challenge is part of the bank: a write to one (the loader, the admin) makes cached pages and the
        # challenge each process keeps for Run and Submit (selectors.challenge_for_submission) stale.
        post_save.connect(bank_changed_on_commit, sender=Challenge, dispatch_uid="pagecache-save-Challenge")
        post_delete.connect(
            bank_changed_on_commit, sender=Challenge, dispatch_uid="pagecache-delete-Challenge"
        )

        # The bank asks, challenges answer: content/challenges for the loader, the "Solved" row badge and
        # the link to the editor on a challenge's question page.
        registry.content_source_register(key="challenges", source=challenge_bundle_hooks)
        registry.question_reader_register(key="challenges", reader=lambda root: read_challenges(root)[1])
        registry.mark_register(
            registry.QuestionMark(
                key="solved",
                label="Solved",
                ids_for=lambda owner: solved_question_ids(user=owner),
                filterable=False,
                badge="✓ Solved",
                badge_title="You have solved this challenge",
                badge_class="tag-solved",
            )
        )
        # A challenge's question page would give its approach away: every link to it opens the editor.
        registry.kind_page_register(
            kind="challenge", url_for=lambda slug: reverse("challenges:detail", args=[slug])
        )
        registry.panel_register(
            registry.Panel(
                key="challenges.solved", template="challenges/_progress_panel.html", slot="progress"
            )
        )
        registry.panel_register(
            registry.Panel(
                key="challenges.editor_link", template="challenges/_question_panel.html", slot="after_summary"
            )
        )
