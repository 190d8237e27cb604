from collections import Counter

LEVELS = {"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40}


def parse(lines):
    for line in lines:
        parts = line.split(maxsplit=3)
        if len(parts) < 3:
            continue
        time, level, service = parts[:3]
        yield {"time": time, "level": level, "service": service, "message": parts[3].strip() if len(parts) > 3 else ""}


def at_least(records, level):
    floor = LEVELS[level]
    for record in records:
        if LEVELS.get(record["level"], -1) >= floor:
            yield record


def services(records):
    for record in records:
        yield record["service"]


def error_counts(lines):
    return dict(Counter(services(at_least(parse(lines), "ERROR"))))
