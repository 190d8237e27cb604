LEVELS = {"DEBUG": 0, "INFO": 1, "WARNING": 2, "ERROR": 3}


def parse(lines):
    records = []
    for line in lines:
        parts = line.split(maxsplit=3)
        if len(parts) < 3:
            continue
        records.append({
            "time": parts[0],
            "level": parts[1],
            "service": parts[2],
            "message": parts[3].strip() if len(parts) > 3 else "",
        })
    yield from records


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
    counts = {}
    for service in services(r for r in at_least(parse(lines), "ERROR") if r["level"] == "ERROR"):
        counts[service] = counts.get(service, 0) + 1
    return counts
