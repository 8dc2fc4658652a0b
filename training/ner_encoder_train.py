"""Train the encoder NER head: a perceptron over frozen encoder states (word and neighbours) and word features.

    python -m training.ner_encoder_cache   # piece states at the cut layer, once (/tmp)
    python -m training.ner_encoder_train --out src/lagebild/language/model/ner_encoder.npz

Training data: GermEval 2014 dev + test sentences 1-3000; every tenth of them is held out to choose the epoch (the
weights of the best epoch on it are written). Each word is its first piece's state at layer ``CUT_LAYER``, its
neighbours' states and :func:`lagebild.language.ner.word_features` (:func:`lagebild.language.ner.word_inputs`);
tags are decoded by BIO-constrained Viterbi. Fixed seed, thread count and deterministic kernels: the same data
gives the same file. GermEval test 3001-5100 and Europarl test are never read here.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from lagebild.entities.crf import bio, chunks, load_crf
from lagebild.language.ner import N_WORD_FEATURES, allowed_transitions, viterbi, word_features, word_inputs
from training.ner_encoder_cache import CUT_LAYER, gold_sets

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
SEED = 13
HIDDEN = 256
BATCH = 256  # words
Item = tuple[np.ndarray, np.ndarray]  # word inputs [n, d], tag ids [n]


class Head(nn.Module):
    def __init__(self, dim: int) -> None:
        super().__init__()
        self.drop_in = nn.Dropout(0.2)
        self.hidden = nn.Linear(dim, HIDDEN)
        self.drop = nn.Dropout(0.2)
        self.out = nn.Linear(HIDDEN, len(TAGS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = nn.functional.gelu(self.hidden(self.drop_in(x)), approximate="tanh")
        return self.out(self.drop(h))

    def export(self) -> dict[str, np.ndarray]:
        p = {k: v.detach().numpy() for k, v in self.state_dict().items()}
        return {
            "hidden_w": p["hidden.weight"].T,
            "hidden_b": p["hidden.bias"],
            "out_w": p["out.weight"].T,
            "out_b": p["out.bias"],
        }


def load_items(cache: Path, sentences: list, lexicon: object | None) -> list[Item]:
    """Word inputs (first-piece states + word features) and tag ids of every sentence of a cached set."""
    data = np.load(cache)
    states, offsets, owner, sentence = data["states"], data["offsets"], data["owner"], data["sentence"]
    index = {t: i for i, t in enumerate(TAGS)}
    vectors: list[list[np.ndarray]] = [[] for _ in sentences]
    for w in range(len(sentence)):
        a, b = offsets[w], offsets[w + 1]
        own = owner[a:b]
        first = [p for p in range(1, len(own) - 1) if own[p] != own[p - 1]]
        vectors[sentence[w]].append(states[a:b][first].astype(np.float32))
    items = []
    for sent, parts in zip(sentences, vectors, strict=True):
        x = word_inputs(np.concatenate(parts), word_features(sent.words, lexicon))
        tags = np.array([index[t] for t in bio(len(sent.words), sent.spans)])
        items.append((x, tags))
    return items


def span_f1(model: Head, items: list[Item]) -> float:
    """Exact-span F1 (all types) of the Viterbi-decoded tags."""
    model.eval()
    allowed = allowed_transitions(TAGS)
    tp = n_pred = n_gold = 0
    with torch.no_grad():
        for x, gold in items:
            scores = model(torch.from_numpy(x)).log_softmax(-1).numpy()
            pred = set(chunks([TAGS[t] for t in viterbi(scores, allowed)]))
            ref = set(chunks([TAGS[t] for t in gold]))
            tp, n_pred, n_gold = tp + len(pred & ref), n_pred + len(pred), n_gold + len(ref)
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def save(model: Head, out: Path) -> None:
    arrays = {k: v.astype(np.float16) for k, v in model.export().items()}
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, cut=np.array(CUT_LAYER), tags=np.array(TAGS), **arrays)


def train(data: Path, cache: Path, out: Path, epochs: int, threads: int) -> Path:
    torch.manual_seed(SEED)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    rng = np.random.default_rng(SEED)
    crf = load_crf()
    lexicon = crf.lexicon if crf is not None else None
    sets = gold_sets(data)
    germeval = load_items(cache / f"germeval-train-l{CUT_LAYER}.npz", sets["germeval-train"], lexicon)
    held_out = germeval[::10]
    items = [item for i, item in enumerate(germeval) if i % 10]
    dim = items[0][0].shape[1]
    assert dim == 3 * 384 + N_WORD_FEATURES, dim
    model = Head(dim)
    inputs = torch.from_numpy(np.concatenate([x for x, _ in items]))
    targets = torch.from_numpy(np.concatenate([y for _, y in items]))
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3)
    best = -1.0
    start = time.time()
    for epoch in range(epochs):
        model.train()
        order = torch.from_numpy(rng.permutation(len(inputs)))
        total = 0.0
        for n in range(0, len(order), BATCH):
            chosen = order[n : n + BATCH]
            loss = nn.functional.cross_entropy(model(inputs[chosen]), targets[chosen])
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += float(loss.detach())
        f1 = span_f1(model, held_out)
        print(
            f"epoch {epoch + 1}: loss {total / (len(order) / BATCH):.4f} held-out F1 {f1:.4f} {time.time() - start:.0f}s"
        )
        if f1 > best:
            best = f1
            save(model, out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/german-ner"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/lagebild-ner"))
    parser.add_argument("--out", type=Path, default=Path("src/lagebild/language/model/ner_encoder.npz"))
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    print(train(args.data, args.cache, args.out, args.epochs, args.threads))


if __name__ == "__main__":
    main()
