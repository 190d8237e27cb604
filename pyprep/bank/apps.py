from __future__ import annotations

from django.apps import AppConfig


class BankConfig(AppConfig):
    name = "pyprep.bank"
    label = "bank"
    verbose_name = "Question bank"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from pyprep.bank import models
        from pyprep.bank.pagecache import bank_changed_on_commit

        # Any write to the bank (load_content, the admin) makes every cached page stale, in every process.
        for model in (
            models.Question,
            models.Topic,
            models.KeyPoint,
            models.Example,
            models.FollowUp,
            models.CuratedSet,
            models.CuratedSetItem,
            models.QuestionEmbedding,  # search reloads its in-memory index when the stamp moves
        ):
            post_save.connect(
                bank_changed_on_commit, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}"
            )
            post_delete.connect(
                bank_changed_on_commit, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}"
            )
        for through in (models.Question.topics.through, models.Question.related.through):
            m2m_changed.connect(
                bank_changed_on_commit, sender=through, dispatch_uid=f"pagecache-m2m-{through}"
            )
