LEVELS = {"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40}


def parse(lines):
    for line in lines:
        parts = line.split(maxsplit=3)
        if len(parts) < 3:
            continue
        yield {
            "time": parts[0],
            "level": parts[1],
            "service": parts[2],
            "message": parts[3].rstrip("\n") if len(parts) > 3 else "",
        }


def at_least(records, level):
    threshold = LEVELS[level]
    for record in records:
        rank = LEVELS.get(record["level"])
        if rank is not None and rank >= threshold:
            yield record


def services(records):
    for record in records:
        yield record["service"]


def error_counts(lines):
    from collections import Counter
    counts = Counter(services(at_least(parse(lines), "ERROR")))
    return dict(counts.most_common())
