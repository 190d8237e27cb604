"""What the v1 endpoints return: typed shapes that are also the OpenAPI schema."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

LevelName = Literal["entry", "junior", "mid", "senior", "expert"]
KindName = Literal["concept", "challenge"]


class QuestionSummary(Schema):
    slug: str
    title: str
    level: LevelName
    topics: list[str]
    kind: KindName
    url: str = Field(description="The question's page on the site.")
    quick_summary: str = Field(description="One to three sentences, in Markdown.")


class QuestionPage(Schema):
    count: int
    page: int
    pages: int
    results: list[QuestionSummary]


class OutputOut(Schema):
    versions: str = Field(
        description="The Python versions that print this output, e.g. '3.10 · 3.11 · 3.12'."
    )
    output: str


class ExampleOut(Schema):
    title: str
    code: str
    output: str = Field(description="Exactly what the code prints; verified by running it.")
    outputs: list[OutputOut] = Field(description="The output per group of Python versions that print it.")
    min_version: str | None = Field(
        None, description="The oldest Python the example needs, if not every one."
    )
    verified_on: list[str] = Field(
        description="The Python versions this example was verified on; [] if not yet."
    )


class QuestionDetail(QuestionSummary):
    level_band: str
    answer: str = Field(description="The full answer in Markdown.")
    key_points: list[str]
    verified_on: list[str] = Field(
        description="The Python versions on which every example and every check of the answer's claims passed."
    )
    examples: list[ExampleOut]
    follow_ups: list[str]
    related: list[str] = Field(description="Slugs of questions worth reading next.")
    docs: list[str] = Field(description="Further reading: the Python docs pages or PEPs the answer rests on.")
    reviewed_on: date | None = Field(
        None,
        description="When someone who did not write the question last reviewed it by running its claims.",
    )
    challenge_url: str | None = Field(None, description="The API address of its challenge, for challenges.")
    updated_at: datetime


class TopicOut(Schema):
    slug: str
    name: str
    description: str
    question_count: int


class SetOut(Schema):
    slug: str
    title: str
    description: str
    featured: bool
    question_count: int
    url: str


class SetDetail(SetOut):
    questions: list[QuestionSummary]


class VisibleTest(Schema):
    name: str
    code: str = Field(description="The test function's source.")


class Limits(Schema):
    cpu_seconds: float
    memory_mb: int


class ChallengeOut(Schema):
    slug: str
    title: str
    level: LevelName
    topics: list[str]
    statement: str = Field(description="What to write, in Markdown.")
    starter_code: str
    visible_tests: list[VisibleTest]
    hidden_test_count: int
    limits: Limits
    url: str


class SubmissionIn(Schema):
    kind: Literal["run", "submit"] = Field(
        "run", description="run: the visible tests; submit: every test, graded."
    )
    code: str = Field(description="Your module's source; the tests import it as `solution`.")


class TestResult(Schema):
    name: str | None = Field(description="The test's name; null for hidden tests.")
    passed: bool
    message: str
    visible: bool
    expected: str | None = None
    got: str | None = None
    stdout: str | None = None


class SubmissionOut(Schema):
    id: int
    challenge: str
    kind: Literal["run", "submit"]
    state: Literal["queued", "running", "done", "failed"]
    verdict: str = Field(description="Empty while pending; accepted, wrong_answer, time_limit, …")
    summary: str
    results: list[TestResult]
    traceback: str
    runtime_ms: float | None
    created_at: datetime
    finished_at: datetime | None
    poll_url: str = Field(description="GET this until state is done or failed.")


class DueOut(Schema):
    due_count: int = Field(description="Cards due before the end of today.")
    new_left_today: int = Field(description="New questions you can still start today.")
    questions: list[QuestionSummary] = Field(description="The due questions, most overdue first.")


class SessionIn(Schema):
    scope: Literal["filter", "set", "due", "weak"] = "filter"
    level: list[LevelName] = Field(default_factory=list)
    topic: list[str] = Field(default_factory=list)
    kind: KindName | None = None
    q: str = Field("", max_length=200)
    set: str = Field("", max_length=100, description="A set's slug, with scope=set.")
    length: int = Field(10, ge=1, le=50)


class CardQuestion(Schema):
    slug: str
    title: str
    level: LevelName
    topics: list[str]


class CardOut(Schema):
    item: int = Field(description="Send this to reveal and rate.")
    position: int
    question: CardQuestion
    revealed: bool
    intervals: dict[str, str] = Field(description="When the card comes back for each rating.")


class SessionOut(Schema):
    id: int
    title: str
    scope: str
    total: int
    done: int
    finished: bool
    current: CardOut | None = Field(description="The card to answer now; null once the session is over.")


class RevealIn(Schema):
    item: int
    answer: str = Field("", max_length=5000, description="What you would say; may be empty.")


class PointOut(Schema):
    text: str
    status: str = Field(
        description="covered or missed; matchers that can tell also say contradicted or unclear."
    )
    covered: bool
    matched: list[str] = Field(default_factory=list, description="Your words that matched this key point.")
    evidence: str = Field("", description="The part of your answer that decided it, when the matcher says.")
    correction: str = Field(
        "",
        description="For a contradicted point, or a covered one whose answer also states a known wrong claim "
        "about it: what is true instead.",
    )


class RevealOut(Schema):
    item: int
    answer: str
    covered: int
    key_point_count: int
    key_points: list[PointOut]
    notice: str = Field(description="A remark on the answer as a whole, e.g. that it looks like noise.")
    quick_summary: str
    full_answer: str


class RateIn(Schema):
    item: int
    grade: int = Field(ge=1, le=4, description="1 Again, 2 Hard, 3 Good, 4 Easy.")


class RateOut(Schema):
    rating: str
    due: datetime = Field(description="When the card comes back.")
    session: SessionOut


class MasteryOut(Schema):
    key: str
    label: str
    total: int
    seen: int
    recall_percent: int
    recall_in_a_week_percent: int


class ProgressOut(Schema):
    reviews_total: int
    cards_seen: int
    streak: int
    due_today: int
    by_topic: list[MasteryOut]
    by_level: list[MasteryOut]
    weakest: list[MasteryOut]
