"""Cache the encoder's piece states at one layer for the NER gold sets (float16, outside the repository).

    python -m training.ner_encoder_cache --data ../shared/data/german-ner --cache /tmp/lagebild-ner [--sets ...]

One ``<set>.npz`` per set: ``states`` [n_pieces, H] (``<s>``/``</s>`` included), ``offsets`` (window starts),
``owner`` (word index of each piece, -1 for ``<s>``/``</s>``), ``sentence`` (sentence index of each window).
The sets: ``germeval-train`` (GermEval dev + test 1-3000), ``germeval-test`` (test 3001-5100), ``europarl-test``,
``europarl-train``; by default only ``germeval-train``, the one the NER training reads.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from lagebild.language.encoder import Encoder, _windows
from training.conll import Sentence, germeval_split, read_europarl

CUT_LAYER = 6


def gold_sets(data: Path) -> dict[str, list[Sentence]]:
    """The NER gold sentences by set name (training set first)."""
    from training.entities_ner import germeval_convention

    train, report = germeval_split(data / "germeval2014")
    europarl_train = [germeval_convention(s) for s in read_europarl(data / "europarl" / "train.tsv")]
    europarl_test = [germeval_convention(s) for s in read_europarl(data / "europarl" / "test.tsv")]
    return {
        "germeval-train": train,
        "germeval-test": report,
        "europarl-test": europarl_test,
        "europarl-train": europarl_train,
    }


def cache_set(enc: Encoder, sentences: list[Sentence], layer: int, path: Path, chunk: int = 128) -> None:
    limit = enc.max_positions - 2
    windows: list[list[int]] = []
    owners: list[list[int]] = []
    sentence_of: list[int] = []
    for n, sent in enumerate(sentences):
        ids, owner = enc.tokenizer.encode_words(sent.words)
        for a, b in _windows(owner, limit):
            windows.append(ids[a:b])
            owners.append([-1, *owner[a:b], -1])
            sentence_of.append(n)
    states: list[np.ndarray] = []
    start = time.time()
    for i in range(0, len(windows), chunk):
        for s in enc.hidden(windows[i : i + chunk], [layer]):
            states.append(s[:, 0].astype(np.float16))
        done = min(i + chunk, len(windows))
        print(f"{path.name}: {done}/{len(windows)} windows, {time.time() - start:.0f}s", flush=True)
    lengths = np.array([len(s) for s in states])
    np.savez(
        path,
        states=np.concatenate(states),
        offsets=np.r_[0, np.cumsum(lengths)],
        owner=np.array([o for w in owners for o in w], dtype=np.int32),
        sentence=np.array(sentence_of, dtype=np.int32),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/german-ner"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/lagebild-ner"))
    parser.add_argument("--layer", type=int, default=CUT_LAYER)
    parser.add_argument("--sets", nargs="*", default=["germeval-train"])
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    enc = Encoder()
    for name, sentences in gold_sets(args.data).items():
        if name not in args.sets:
            continue
        path = args.cache / f"{name}-l{args.layer}.npz"
        if not path.exists():
            cache_set(enc, sentences, args.layer, path)


if __name__ == "__main__":
    main()
