"""Writes for interviews: save a kit as a plan, score its rows, keep notes, share it read-only."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from pyprep.bank.levels import LEVEL_BY_VALUE
from pyprep.interviews.kit import SCORES
from pyprep.interviews.models import InterviewPlan, PlanQuestion, PlanRow
from pyprep.interviews.selectors import Kit

MAX_NOTE_LENGTH = 5000


class ScoreError(ValueError):
    """A score outside the 0-3 scale."""


@transaction.atomic
def plan_create(*, owner_id: int, title: str, kit: Kit) -> InterviewPlan:
    """Save a drawn kit as a plan: its questions in order and a copy of each rubric row, all unscored."""
    options = kit.options
    if options.seed is None:
        raise ValueError("Only a kit drawn with a seed can be saved.")
    label = LEVEL_BY_VALUE[options.level].label
    plan = InterviewPlan.objects.create(
        owner_id=owner_id,
        title=" ".join(title.split())[:120] or f"{label} interview",
        level=options.level,
        seed=options.seed,
        kit_query=options.querystring()[:500],
    )
    plan_questions = PlanQuestion.objects.bulk_create(
        PlanQuestion(plan=plan, question=item.question, position=position, minutes=item.minutes)
        for position, item in enumerate(kit.items)
    )
    PlanRow.objects.bulk_create(
        PlanRow(plan_question=plan_question, position=position, key_point=text[:300])
        for plan_question, item in zip(plan_questions, kit.items, strict=True)
        for position, text in enumerate(item.rows)
    )
    return plan


def row_score(*, row: PlanRow, score: int | None) -> PlanRow:
    """Set one rubric row's score (None clears it). Sending the same score again changes nothing."""
    if score is not None and score not in SCORES:
        raise ScoreError(f"A score is one of {', '.join(map(str, SCORES))}, got {score}.")
    if row.score == score:
        return row
    row.score = score
    row.scored_at = timezone.now()
    row.save(update_fields=["score", "scored_at"])
    InterviewPlan.objects.filter(pk=row.plan_question.plan_id).update(updated_at=row.scored_at)
    return row


def question_note(*, plan_question: PlanQuestion, text: str) -> PlanQuestion:
    """Keep the interviewer's note on one question (the latest text wins; the same text changes nothing)."""
    text = text.replace("\r\n", "\n").strip()[:MAX_NOTE_LENGTH]
    if plan_question.note == text:
        return plan_question
    plan_question.note = text
    plan_question.save(update_fields=["note"])
    InterviewPlan.objects.filter(pk=plan_question.plan_id).update(updated_at=timezone.now())
    return plan_question


def plan_share(*, plan: InterviewPlan) -> InterviewPlan:
    """Give the plan a read-only share link; a plan already shared keeps the link it has."""
    if not plan.share_token:
        plan.share_token = InterviewPlan.new_share_token()
        plan.save(update_fields=["share_token"])
    return plan


def plan_unshare(*, plan: InterviewPlan) -> InterviewPlan:
    """Revoke the share link: whoever holds it gets a 404 from now on (sharing again makes a new one)."""
    if plan.share_token:
        plan.share_token = ""
        plan.save(update_fields=["share_token"])
    return plan


def plan_delete(*, plan: InterviewPlan) -> None:
    plan.delete()
