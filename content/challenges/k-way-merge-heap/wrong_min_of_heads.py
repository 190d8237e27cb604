def merge_sorted(iterables, key=None):
    key = key or (lambda item: item)
    heads = []
    for iterator in map(iter, iterables):
        for item in iterator:
            heads.append([item, iterator])
            break
    while heads:
        best = min(range(len(heads)), key=lambda i: key(heads[i][0]))
        item, iterator = heads[best]
        yield item
        for following in iterator:
            heads[best][0] = following
            break
        else:
            del heads[best]
