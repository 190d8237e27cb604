def parse(lines):
    raise NotImplementedError


def at_least(records, level):
    raise NotImplementedError


def services(records):
    raise NotImplementedError


def error_counts(lines):
    raise NotImplementedError
