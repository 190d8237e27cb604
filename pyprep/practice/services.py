"""Practice workflows: start a session, reveal and rate cards, star and note questions, move anonymous work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from pyprep.bank.models import Question
from pyprep.practice import feedback, personal, scheduling, selectors
from pyprep.practice.conf import MAX_TEXT_CHARS
from pyprep.practice.models import (
    Card,
    Note,
    PracticeSession,
    Preferences,
    Review,
    Scope,
    SessionItem,
    Star,
)
from pyprep.practice.ownership import Owner


class NothingToPractise(Exception):  # noqa: N818 - reads as the situation it reports
    """No question fits the requested scope; the message tells the candidate what to do instead."""


@transaction.atomic
def session_start(
    *,
    owner: Owner,
    scope: Scope,
    candidate_ids: list[int],
    title: str,
    scope_query: str = "",
    length: int = 10,
    now: datetime | None = None,
) -> PracticeSession:
    """Create a session with its cards chosen and ordered: due first, then new (within today's limit), then the rest."""
    now = now or timezone.now()
    length = selectors.session_length(requested=length)
    picked = selectors.session_pick(
        owner=owner,
        candidate_ids=candidate_ids,
        length=length,
        now=now,
        limit_new=scope != Scope.QUESTION,
        only_due=scope == Scope.DUE,
    )
    if not picked.question_ids:
        if picked.held_back_new:
            raise NothingToPractise(
                f"You have met today's limit of {picked.new_limit} new questions. Review what is due, "
                "or come back tomorrow for new ones."
            )
        if scope == Scope.DUE:
            raise NothingToPractise(
                "Nothing is due for review today. Start a session on new questions instead."
            )
        if scope == Scope.WEAK:
            raise NothingToPractise(
                "No weak topics yet: practise a few questions first so there is something to measure."
            )
        raise NothingToPractise(
            "No published question matches this choice. Widen the filter or pick another set."
        )
    session = PracticeSession.objects.create(
        **owner.fields(), scope=scope, scope_query=scope_query[:500], title=title[:200]
    )
    SessionItem.objects.bulk_create(
        SessionItem(session=session, position=position, question_id=question_id)
        for position, question_id in enumerate(picked.question_ids)
    )
    return session


def session_item_reveal(*, item: SessionItem, answer: str, now: datetime | None = None) -> SessionItem:
    """Store the typed answer and the matcher's verdict; revealing twice keeps the first answer."""
    if item.revealed_at is not None:
        return item
    question = item.question
    verdict = feedback.match(
        answer=answer[:MAX_TEXT_CHARS],
        key_points=[point.text for point in question.key_points.all()],
        question=question.title,
        rubric=question.feedback_rubric(),
    )
    item.answer = answer[:MAX_TEXT_CHARS]
    item.feedback = verdict.to_dict()
    item.revealed_at = now or timezone.now()
    item.save(update_fields=["answer", "feedback", "revealed_at"])
    return item


@transaction.atomic
def review_record(*, item: SessionItem, grade: scheduling.Grade, now: datetime | None = None) -> Review:
    """Rate a session's card: the scheduler moves the card's due date and a review is logged."""
    now = now or timezone.now()
    item = SessionItem.objects.select_for_update().select_related("session").get(pk=item.pk)
    if item.review is not None:
        # A double submit (reload after POST, two tabs) must not rate the card twice.
        return item.review
    session = item.session
    owner = Owner(user_id=session.user_id, session_key=session.session_key)
    if item.revealed_at is None:
        session_item_reveal(item=item, answer="", now=now)
    card, created = Card.objects.owned_by(owner).get_or_create(
        question_id=item.question_id, defaults={**owner.fields(), "due": now}
    )
    # Kept so the rating can be undone exactly; a card this rating created is simply removed again.
    memory_before = None if created else scheduling.memory_to_dict(card.memory)
    # The scheduler, not the view, decides when the card comes back.
    card.apply(scheduling.review(card.memory, grade=grade, now=now))
    card.save()
    verdict = feedback.Feedback.from_dict(item.feedback or {})
    review = Review.objects.create(
        card=card,
        grade=int(grade),
        reviewed_at=now,
        answer=item.answer,
        covered=verdict.covered_count,
        key_point_count=len(verdict.points),
        due_after=card.due,
        memory_before=memory_before,
    )
    item.review = review
    item.save(update_fields=["review"])
    if not session.items.filter(review__isnull=True).exists():
        session.finished_at = now
        session.save(update_fields=["finished_at"])
    return review


class NothingToUndo(Exception):  # noqa: N818 - reads as the situation it reports
    """No rating can be taken back here; the message says why."""


@transaction.atomic
def review_undo(*, session: PracticeSession) -> SessionItem:
    """Take back the session's last rating (one step, like Anki): the card's FSRS state before it comes back,
    the review is deleted and the card is shown again, revealed, to be rated anew."""
    session = PracticeSession.objects.select_for_update().get(pk=session.pk)
    items = list(session.items.select_for_update().order_by("position"))
    current = next((item for item in items if item.review_id is None), None)
    if current is not None and (current.revealed_at is not None or session.finished_at is not None):
        # One step only: once the undone card is back on screen (revealed), the rating before it stays.
        raise NothingToUndo("Only the rating you just gave can be undone.")
    rated = [item for item in items if item.review_id is not None]
    if not rated:
        raise NothingToUndo("Nothing has been rated in this session yet.")
    item = rated[-1]
    review = Review.objects.select_related("card").get(session_item=item)
    card = review.card
    latest = card.reviews.order_by("-reviewed_at", "-pk").values_list("pk", flat=True).first()
    if latest != review.pk:
        raise NothingToUndo("This card has been rated again since, so that rating can no longer be undone.")
    item.review = None
    item.save(update_fields=["review"])
    review.delete()
    if review.memory_before is None:
        card.delete()  # the rating introduced the card: it is new again, and counts against no daily limit
    else:
        card.apply(scheduling.memory_from_dict(review.memory_before))
        card.save()
    if session.finished_at is not None:
        session.finished_at = None
        session.save(update_fields=["finished_at"])
    return item


def session_end(*, session: PracticeSession, now: datetime | None = None) -> PracticeSession:
    """Stop a session early; unrated cards stay unrated and are not scheduled."""
    if session.finished_at is None:
        session.finished_at = now or timezone.now()
        session.save(update_fields=["finished_at"])
    return session


def star_toggle(*, owner: Owner, question: Question) -> bool:
    """Star or unstar a question; returns whether it is starred now."""
    deleted, _ = Star.objects.owned_by(owner).filter(question=question).delete()
    if deleted:
        return False
    Star.objects.create(**owner.fields(), question=question)
    return True


class NoteTooLong(ValueError):
    """A note over MAX_TEXT_CHARS is refused rather than cut; the message says the limit."""


def note_save(*, owner: Owner, question: Question, text: str) -> Note | None:
    """Save the private note on a question; an empty note deletes it; one over the limit raises NoteTooLong."""
    if len(text) > MAX_TEXT_CHARS:
        raise NoteTooLong(f"A note can hold at most {MAX_TEXT_CHARS:,} characters.")
    text = text.strip()
    if not text:
        Note.objects.owned_by(owner).filter(question=question).delete()
        return None
    note, _ = Note.objects.owned_by(owner).update_or_create(
        question=question, defaults={"text": text}, create_defaults={**owner.fields(), "text": text}
    )
    return note


@dataclass(frozen=True)
class MergeReport:
    cards: int
    reviews: int
    sessions: int
    stars: int
    notes: int


@transaction.atomic
def owner_merge(*, session_key: str, user_id: int) -> MergeReport:
    """Move what an anonymous visitor practised into their account, so nothing is lost on sign-up or log-in."""
    if not session_key:
        return MergeReport(0, 0, 0, 0, 0)
    anonymous = Owner(session_key=session_key)
    user = Owner(user_id=user_id)
    cards = reviews = stars = notes = 0
    for card in Card.objects.owned_by(anonymous):
        existing = Card.objects.owned_by(user).filter(question_id=card.question_id).first()
        moved = card.reviews.count()
        reviews += moved
        if existing is None:
            card.user_id, card.session_key = user_id, ""
            card.save(update_fields=["user", "session_key"])
        else:
            # Both histories are real: keep every review and rebuild the memory from all of them in order.
            card.reviews.update(card=existing)
            history = [(scheduling.Grade(r.grade), r.reviewed_at) for r in existing.reviews.all()]
            existing.apply(scheduling.replay(history))
            existing.save()
            card.delete()
        cards += 1
    for star in Star.objects.owned_by(anonymous):
        if Star.objects.owned_by(user).filter(question_id=star.question_id).exists():
            star.delete()
        else:
            star.user_id, star.session_key = user_id, ""
            star.save(update_fields=["user", "session_key"])
        stars += 1
    for note in Note.objects.owned_by(anonymous):
        kept = Note.objects.owned_by(user).filter(question_id=note.question_id).first()
        if kept is None:
            note.user_id, note.session_key = user_id, ""
            note.save(update_fields=["user", "session_key"])
        else:
            kept.text = f"{kept.text}\n\n{note.text}"[:MAX_TEXT_CHARS]
            kept.save(update_fields=["text", "updated_at"])
            note.delete()
        notes += 1
    sessions = PracticeSession.objects.owned_by(anonymous).update(user_id=user_id, session_key="")
    # The moved cards' saves forgot the account's figures; the anonymous owner's are gone too.
    personal.forget(owner=anonymous)
    return MergeReport(cards=cards, reviews=reviews, sessions=sessions, stars=stars, notes=notes)


def preferences_save(*, user_id: int, new_cards_per_day: int) -> Preferences:
    """Store an account's practice settings; the caller has validated the values (0–MAX_NEW_CARDS_PER_DAY)."""
    preferences, _ = Preferences.objects.update_or_create(
        user_id=user_id, defaults={"new_cards_per_day": new_cards_per_day}
    )
    return preferences


@transaction.atomic
def card_rate(
    *,
    owner: Owner,
    question: Question,
    grade: scheduling.Grade,
    now: datetime | None = None,
    answer: str = "",
    covered: int = 0,
    key_point_count: int = 0,
) -> Review:
    """Rate a question outside a practice session (a mock interview's report): make or move its card, log a review."""
    now = now or timezone.now()
    card, created = Card.objects.owned_by(owner).get_or_create(
        question=question, defaults={**owner.fields(), "due": now}
    )
    memory_before = None if created else scheduling.memory_to_dict(card.memory)
    # The scheduler, not the caller, decides when the card comes back.
    card.apply(scheduling.review(card.memory, grade=grade, now=now))
    card.save()
    return Review.objects.create(
        card=card,
        grade=int(grade),
        reviewed_at=now,
        answer=answer[:MAX_TEXT_CHARS],
        covered=covered,
        key_point_count=key_point_count,
        due_after=card.due,
        memory_before=memory_before,
    )
