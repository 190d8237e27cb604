"""Train the pair model (pair_model.py) and fit its stack with the trees, in three steps.

    uv run --frozen python -m pyprep.practice.train_pair_model pairs /tmp/pairs.npz
    /path/to/torch-python -P pyprep/practice/train_pair_model.py train /tmp/pairs.npz
    uv run --frozen python -m pyprep.practice.train_pair_model stack

`pairs` writes one (key point, answer, label) pair per judgment of the trees' training files, skipping every
question the test halves ask (as `train_feedback_model` does), as WordLlama token ids, with WordLlama's token
matrix. `train` needs only numpy and PyTorch 2.13 (CPU), which are not run-time dependencies: on this machine
kind `python3 -m venv /tmp/torch && /tmp/torch/bin/pip install torch==2.13.0 numpy` takes the CPU wheel from
disk (uv would download a CUDA build); `-P` keeps this folder, whose selectors.py shadows the standard library's,
off the import path. It trains six epochs (about 16 minutes on two cores, seeded) and writes
`pair_model.npz` with 24 reference logits that a test checks the numpy forward pass against. `stack` fits a
logistic regression of the labels on the trees' log-odds and the pair logit over the dev halves 28–34 (never
trained on by either model) and stores its three numbers in the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

MODEL_FILE = Path(__file__).with_name("pair_model.npz")
STACK_SETS = tuple(f"tests/feedback_eval_blind{n}/dev.yaml" for n in range(28, 35))
EPOCHS = 6
BATCH = 64
LEARNING_RATE = 1e-3
MAX_POINT, MAX_ANSWER = 48, 320  # as pair_model.MAX_POINT_TOKENS, MAX_ANSWER_TOKENS
REFERENCES = 24


def pairs(out: Path) -> None:
    """Token ids and labels of the trees' training judgments (project environment)."""
    from pyprep.practice import embeddings, train_feedback_model
    from pyprep.practice.evaluate import ROOT, load

    skip = train_feedback_model.held_out_slugs(train_feedback_model.HOLD_OUT)
    points: list[np.ndarray] = []
    answers: list[np.ndarray] = []
    labels: list[int] = []
    for path in train_feedback_model.TRAINING_SETS:
        for entry in load(ROOT / path):
            if str(entry["slug"]) in skip:
                continue
            key_points = [embeddings.token_ids(str(p)) for p in entry["key_points"]]
            for answer in entry["answers"]:
                ids = embeddings.token_ids(str(answer.get("text") or ""))
                covers = set(answer.get("covers") or [])
                for index, point in enumerate(key_points):
                    points.append(np.asarray(point, dtype=np.int32))
                    answers.append(np.asarray(ids, dtype=np.int32))
                    labels.append(int(index in covers))
    np.savez_compressed(
        out,
        matrix=embeddings.matrix(),
        point_lengths=np.asarray([len(p) for p in points]),
        points=np.concatenate(points),
        answer_lengths=np.asarray([len(a) for a in answers]),
        answers=np.concatenate(answers),
        labels=np.asarray(labels, dtype=np.int8),
    )
    print(f"{len(labels)} pairs written to {out}")


def _split(flat: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    ends = np.cumsum(lengths)
    return [flat[end - n : end].tolist() for end, n in zip(ends, lengths, strict=True)]


def train(data: Path, out: Path) -> None:  # pragma: no cover - needs PyTorch, run by hand
    """Train the pair model on `data` (from `pairs`) and write its weights (numpy and PyTorch only)."""
    import torch  # type: ignore[import-not-found, unused-ignore]
    from torch import nn  # type: ignore[import-not-found, unused-ignore]

    torch.manual_seed(0)
    random.seed(0)
    stored = np.load(data)
    matrix = stored["matrix"].astype(np.float32)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-6)
    records = list(
        zip(
            _split(stored["points"], stored["point_lengths"]),
            _split(stored["answers"], stored["answer_lengths"]),
            stored["labels"].tolist(),
            strict=True,
        )
    )

    class Reader(nn.Module):  # type: ignore[misc, unused-ignore]
        def __init__(self, width: int = 128, layers: int = 2) -> None:
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(torch.tensor(matrix), freeze=True)
            self.proj = nn.Linear(matrix.shape[1], width)
            self.pos_p = nn.Embedding(MAX_POINT + 1, width)
            self.pos_a = nn.Embedding(MAX_ANSWER, width)
            self.cls = nn.Parameter(torch.zeros(width))
            self.norm_p = nn.LayerNorm(width)
            self.norm_a = nn.LayerNorm(width)
            layer = nn.TransformerDecoderLayer(width, 4, 256, 0.1, batch_first=True, norm_first=True)
            self.dec = nn.TransformerDecoder(layer, layers)
            self.out = nn.Linear(width, 1)

        def forward(self, pids: Any, ppad: Any, aids: Any, apad: Any) -> Any:
            p = self.proj(self.emb(pids)) + self.pos_p(torch.arange(pids.shape[1]).unsqueeze(0))
            p[:, 0] = p[:, 0] + self.cls
            a = self.proj(self.emb(aids)) + self.pos_a(torch.arange(aids.shape[1]).unsqueeze(0))
            h = self.dec(
                self.norm_p(p), self.norm_a(a), tgt_key_padding_mask=ppad, memory_key_padding_mask=apad
            )
            return self.out(h[:, 0]).squeeze(-1)

    def batch(chosen: list[tuple[list[int], list[int], int]]) -> tuple[Any, ...]:
        point_ids = [[0, *p[:MAX_POINT]] for p, _, _ in chosen]
        answer_ids = [a[:MAX_ANSWER] or [0] for _, a, _ in chosen]
        pids = torch.zeros(len(chosen), max(map(len, point_ids)), dtype=torch.long)
        aids = torch.zeros(len(chosen), max(map(len, answer_ids)), dtype=torch.long)
        ppad = torch.ones(pids.shape, dtype=torch.bool)
        apad = torch.ones(aids.shape, dtype=torch.bool)
        for row, (p, a) in enumerate(zip(point_ids, answer_ids, strict=True)):
            pids[row, : len(p)] = torch.tensor(p)
            ppad[row, : len(p)] = False
            aids[row, : len(a)] = torch.tensor(a)
            apad[row, : len(a)] = False
        return pids, ppad, aids, apad, torch.tensor([float(y) for _, _, y in chosen])

    def chunks(shuffle: bool) -> list[list[int]]:
        order = sorted(
            range(len(records)),
            key=lambda i: len(records[i][1]) + (random.random() * 20 if shuffle else 0),  # noqa: S311 - batches, not secrets
        )
        groups = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
        if shuffle:
            random.shuffle(groups)
        return groups

    model = Reader()
    optimiser = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=LEARNING_RATE, weight_decay=0.01
    )
    steps = EPOCHS * len(chunks(False))
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, LEARNING_RATE, total_steps=steps)
    loss_function = nn.BCEWithLogitsLoss()
    for epoch in range(EPOCHS):
        total = 0.0
        for group in chunks(True):
            *inputs, target = batch([records[i] for i in group])
            loss = loss_function(model(*inputs), target)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.item()) * len(group)
        print(f"epoch {epoch}: loss {total / len(records):.4f}", flush=True)
    model.eval()
    chosen = random.Random(1).sample(records, REFERENCES)  # noqa: S311 - a fixed sample
    with torch.no_grad():
        references = model(*batch(chosen)[:4]).numpy()
    weights = {
        key.replace(".", "__"): value.detach().numpy().astype(np.float32)
        for key, value in model.state_dict().items()
        if key != "emb.weight"
    }
    width_p = max(len(p) for p, _, _ in chosen)
    width_a = max(len(a[:MAX_ANSWER]) for _, a, _ in chosen)
    np.savez_compressed(
        out,
        **weights,
        ref_point=np.asarray([p + [-1] * (width_p - len(p)) for p, _, _ in chosen], dtype=np.int32),
        ref_answer=np.asarray(
            [a[:MAX_ANSWER] + [-1] * (width_a - len(a[:MAX_ANSWER])) for _, a, _ in chosen], dtype=np.int32
        ),
        ref_logit=references.astype(np.float32),
    )
    print(f"written {out}; now run the `stack` step")


def stack(path: Path) -> None:
    """Fit the trees-and-pair stack on the dev halves and store it in `path` (project environment)."""
    from sklearn.linear_model import LogisticRegression

    from pyprep.practice import embeddings, feedback, feedback_model, pair_model
    from pyprep.practice.evaluate import ROOT, bank_rubrics, load, rubric_for

    learned = feedback_model.model()
    if learned is None:
        sys.exit("no feedback_model.json: train the trees first")
    pair_model.model.cache_clear()
    reader = pair_model.model()
    if reader is None:
        sys.exit(f"no {path.name}: run the `train` step first")
    bank = bank_rubrics()
    features: list[tuple[float, float]] = []
    labels: list[int] = []
    for name in STACK_SETS:
        for entry in load(ROOT / name):
            key_points = [str(p) for p in entry["key_points"]]
            rubric = rubric_for(str(entry["slug"]), key_points, bank)
            for answer in entry["answers"]:
                text = str(answer.get("text") or "")
                _, rows = feedback.evidence(
                    answer=text, key_points=key_points, question=str(entry["question"]), rubric=rubric
                )
                trees = learned.probabilities(rows) if rows else [1e-4] * len(key_points)
                logits = reader.logits(
                    [embeddings.token_ids(p) for p in key_points],
                    embeddings.token_ids(text),
                )
                covers = set(answer.get("covers") or [])
                for index, (probability, logit) in enumerate(zip(trees, logits, strict=True)):
                    p = min(max(float(probability), 1e-4), 1 - 1e-4)
                    features.append((float(np.log(p / (1 - p))), float(logit)))
                    labels.append(int(index in covers))
    fit = LogisticRegression().fit(np.asarray(features), np.asarray(labels))
    numbers = np.asarray([fit.coef_[0][0], fit.coef_[0][1], fit.intercept_[0]], dtype=np.float64)
    with np.load(path) as data:
        arrays = {key: data[key] for key in data.files if key != "stack"}
    np.savez_compressed(path, **arrays, stack=numbers)
    print(
        f"stack over {len(labels)} judgments: {numbers[0]:.3f} · trees + {numbers[1]:.3f} · pair + {numbers[2]:.3f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", choices=("pairs", "train", "stack"))
    parser.add_argument(
        "data", nargs="?", type=Path, help="the pairs file (`pairs` writes it, `train` reads it)"
    )
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    if args.step in ("pairs", "train") and args.data is None:
        parser.error(f"`{args.step}` needs the pairs file's path")
    if args.step == "pairs":
        pairs(args.data)
    elif args.step == "train":
        train(args.data, args.out)
    else:
        stack(args.out)


if __name__ == "__main__":
    main()
