def edit_distance(a, b):
    # The textbook recurrence, recomputing the same prefixes over and over.
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[-1] == b[-1]:
        return edit_distance(a[:-1], b[:-1])
    return 1 + min(edit_distance(a[:-1], b), edit_distance(a, b[:-1]), edit_distance(a[:-1], b[:-1]))


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
