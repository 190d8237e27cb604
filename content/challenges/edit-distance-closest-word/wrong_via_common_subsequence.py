def edit_distance(a, b):
    # len(a) + len(b) - 2 * LCS: only inserts and deletes, so a substitution costs 2.
    previous = [0] * (len(b) + 1)
    for char_a in a:
        current = [0]
        for j, char_b in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if char_a == char_b else max(previous[j], current[j - 1]))
        previous = current
    return len(a) + len(b) - 2 * previous[-1]


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
