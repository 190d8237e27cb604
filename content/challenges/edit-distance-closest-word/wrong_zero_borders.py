def edit_distance(a, b):
    previous = [0] * (len(b) + 1)  # the borders must be 0, 1, 2, ...: an empty prefix is not free
    for char_a in a:
        current = [0]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def closest(word, vocabulary, max_distance=None):
    best_word = None
    best_distance = None
    for candidate in vocabulary:
        distance = edit_distance(word, candidate)
        if max_distance is not None and distance > max_distance:
            continue
        if best_distance is None or distance < best_distance:
            best_word, best_distance = candidate, distance
    return best_word
