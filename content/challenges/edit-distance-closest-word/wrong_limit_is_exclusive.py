def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def closest(word, vocabulary, max_distance=None):
    scored = [(edit_distance(word, w), w) for w in vocabulary]
    if max_distance is not None:
        scored = [(d, w) for d, w in scored if d < max_distance]  # "within 2" read as "less than 2"
    if not scored:
        return None
    return min(scored, key=lambda pair: pair[0])[1]
