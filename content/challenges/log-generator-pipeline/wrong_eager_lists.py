from collections import Counter

LEVELS = {"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40}


def parse(lines):
    records = []
    for line in lines:
        parts = line.split(maxsplit=3)
        if len(parts) < 3:
            continue
        time, level, service = parts[:3]
        records.append({"time": time, "level": level, "service": service, "message": parts[3] if len(parts) > 3 else ""})
    return records


def at_least(records, level):
    return [r for r in records if LEVELS.get(r["level"], -1) >= LEVELS[level]]


def services(records):
    return [r["service"] for r in records]


def error_counts(lines):
    return dict(Counter(services(at_least(parse(lines), "ERROR"))))
