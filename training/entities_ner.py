"""Train the packaged German NER model (a CRF, ``lagebild.entities.crf``) reproducibly on CPU, one thread.

    python -m training.entities_ner --data ../shared/data/german-ner --out src/lagebild/entities/model

Training data: GermEval 2014 dev + test sentences 1-3000 and German Europarl train. Europarl tags nationality
adjectives ("europäischen") as MISC where GermEval does not count them as entities; they are relabelled O so both
sets follow one convention. Word clusters and capitalisation statistics come from the training sentences plus the
unlabeled German text under ``--unlabeled`` (default: the folder holding ``--data``). ``--tune`` holds out every
5th GermEval training sentence and prints a c1/c2 grid scored on it first. GermEval test 3001-5100 and Europarl
test are never seen. Writes ``crf.bin`` + ``crf_lexicon.json``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

from lagebild.entities.ner import model_dir  # noqa: E402
from training.conll import Sentence, germeval_split, read_europarl  # noqa: E402


def germeval_convention(sentence: Sentence) -> Sentence:
    """Drop lower-case MISC spans (adjectives such as "europäischen"), which GermEval does not mark."""
    spans = [s for s in sentence.spans if not (s[2] == "MISC" and sentence.words[s[0]][:1].islower())]
    return Sentence(sentence.words, spans)


def train_crf(data: Path, out: Path, unlabeled: Path | None, tune: bool = False) -> Path:
    """Train the CRF tagger (the held-out slice is only used by ``tune``)."""
    from training.entities_crf import train_crf as fit_crf

    train_ge, _ = germeval_split(data / "germeval2014")
    europarl = [germeval_convention(s) for s in read_europarl(data / "europarl" / "train.tsv")]
    if not tune:
        return fit_crf(train_ge + europarl, out, unlabeled)
    train_set = [s for i, s in enumerate(train_ge) if i % 5] + europarl
    held_out = [s for i, s in enumerate(train_ge) if not i % 5]
    return fit_crf(train_set, out, unlabeled, tune_on=held_out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/german-ner"))
    parser.add_argument(
        "--unlabeled",
        type=Path,
        default=None,
        help="data folder with KRAUTS, SpkAtt, web pages (word clusters)",
    )
    parser.add_argument("--tune", action="store_true", help="pick c1/c2 on the held-out slice first")
    parser.add_argument("--out", type=Path, default=model_dir())
    args = parser.parse_args()
    print(train_crf(args.data, args.out, args.unlabeled or args.data.parent, args.tune))


if __name__ == "__main__":
    main()
