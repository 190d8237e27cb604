def dedupe(items, key=None):
    raise NotImplementedError
