from itertools import islice

from solution import at_least, error_counts, parse, services

LOG = [
    "2024-05-01T10:00:00 INFO api started",
    "2024-05-01T10:00:01 ERROR payments timeout after 30s",
    "",
    "2024-05-01T10:00:02 WARNING api slow response",
    "garbage",
    "2024-05-01T10:00:03 ERROR api  upstream   said no",
    "2024-05-01T10:00:04 ERROR payments",
    "2024-05-01T10:00:05 TRACE api ignored level",
]


class CountingLines:
    """An input that records how many lines were read from it."""

    def __init__(self, lines):
        self.lines = lines
        self.read = 0

    def __iter__(self):
        for line in self.lines:
            self.read += 1
            yield line


def test_counts_errors_per_service():
    return error_counts(LOG)


def test_error_counts_is_a_plain_dict():
    return type(error_counts(LOG)).__name__


def test_pipeline_is_lazy():
    source = CountingLines(LOG)
    first = next(iter(services(at_least(parse(source), "ERROR"))))
    return [first, source.read]


def test_parse_keeps_message_spacing():
    return [record["message"] for record in parse(LOG)]


def test_message_whitespace_is_trimmed_at_the_ends_and_kept_inside():
    lines = [
        "2024-05-01T10:00:06\tERROR   db \t  disk  full \t \n",
        "2024-05-01T10:00:07 INFO api    \n",
        "2024-05-01T10:00:08 WARNING api a\tb  c",
    ]
    return [[record["service"], record["message"]] for record in parse(lines)]


def test_short_and_blank_lines_are_skipped():
    return list(parse(["", "   ", "2024-05-01 INFO", "lonely", "2024-05-01 INFO api", "2024-05-01 ERROR db down  now"]))


def test_warning_and_above():
    return [(r["level"], r["service"]) for r in at_least(parse(LOG), "WARNING")]


def test_stages_are_iterators():
    return [hasattr(stage, "__next__") for stage in (parse([]), at_least([], "INFO"), services([]))]


def test_islice_stops_reading_early():
    source = CountingLines([f"t{n} ERROR svc{n % 3} boom" for n in range(1, 1000)])
    first_four = list(islice(services(at_least(parse(source), "ERROR")), 4))
    return [first_four, source.read]


def generate(rng, n):
    """Fresh log lines: known and unknown levels, blank and short lines, messages with extra spaces."""
    levels = ["DEBUG", "INFO", "WARNING", "ERROR", "ERROR", "TRACE"]
    services_ = ["api", "payments", "auth", "db"]
    cases = []
    for _ in range(n):
        lines = []
        for second in range(rng.randint(0, 20)):
            roll = rng.random()
            if roll < 0.1:
                lines.append("")
            elif roll < 0.15:
                lines.append("garbage")
            else:
                message = " ".join(rng.choice(["slow", "timeout", "ok", " said  no"]) for _ in range(rng.randint(0, 3)))
                lines.append(f"2024-05-01T10:00:{second:02d} {rng.choice(levels)} {rng.choice(services_)} {message}".rstrip() + rng.choice(["", "", " ", "\t "]))
        cases.append((lines, rng.choice(["DEBUG", "INFO", "WARNING", "ERROR"])))
    return cases


def check(case):
    lines, level = case
    source = CountingLines(lines)
    first = list(islice(services(at_least(parse(source), level)), 2))
    return [error_counts(lines), first, source.read, [r["message"] for r in at_least(parse(lines), level)]]
