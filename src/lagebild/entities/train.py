"""Train the packaged German NER model (a CRF, ``lagebild.entities.crf``) reproducibly on CPU, one thread.

    python -m lagebild.entities.train --data ../shared/data/german-ner --out src/lagebild/entities/model

Training data: GermEval 2014 dev + test sentences 1-3000 and German Europarl train; every 25th sentence is held out
for model selection with ``--tune`` (which first prints a c1/c2 grid scored on it). GermEval test 3001-5100 and
Europarl test are never seen. Writes ``crf.bin`` + ``crf_lexicon.json``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

from lagebild.entities.conll import germeval_split, read_europarl  # noqa: E402


def train_crf(data: Path, out: Path, krauts: Path | None, tune: bool = False) -> Path:
    """Train the CRF tagger (the held-out slice is only used by ``tune``)."""
    from lagebild.entities.crf_train import train_crf as fit_crf

    train_ge, _ = germeval_split(data / "germeval2014")
    pool = train_ge + list(read_europarl(data / "europarl" / "train.tsv"))
    if not tune:
        return fit_crf(pool, out, krauts)
    train_set = [s for i, s in enumerate(pool) if i % 25]
    held_out = [s for i, s in enumerate(pool) if not i % 25]
    return fit_crf(train_set, out, krauts, tune_on=held_out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/german-ner"))
    parser.add_argument(
        "--krauts", type=Path, default=Path("../shared/data/krauts"), help="unlabeled news for word clusters"
    )
    parser.add_argument("--tune", action="store_true", help="pick c1/c2 on the held-out slice first")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "model")
    args = parser.parse_args()
    print(train_crf(args.data, args.out, args.krauts, args.tune))


if __name__ == "__main__":
    main()
