"""Train the packaged German NER models reproducibly on CPU (one thread).

    python -m lagebild.entities.train [--kind crf|spacy] --data ../shared/data/german-ner --out src/lagebild/entities/model

Training data: GermEval 2014 dev + test sentences 1-3000 and German Europarl train (every 25th sentence held out
for model selection, together with Europarl dev for spaCy). GermEval test 3001-5100 and Europarl test are never seen.
``--kind crf`` (the default, the model ``EntityStage`` uses) writes ``crf.bin`` + ``crf_lexicon.json``
(``lagebild.entities.crf``; ``--tune`` first prints a c1/c2 grid scored on the held-out slice); ``--kind spacy``
writes ``ner.cfg`` + ``ner.bin`` (one serialised spaCy pipeline, loaded by ``lagebild.entities.ner``).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from lagebild.entities.conll import Sentence, germeval_split, read_europarl  # noqa: E402

CONFIG_OVERRIDES = {
    "system.seed": 13,
    "training.max_epochs": 7,
    "training.max_steps": 0,
    "training.patience": 3000,
    "training.eval_frequency": 400,
    "training.dropout": 0.15,
    "components.tok2vec.model.embed.rows": [20000, 4000, 8000, 3000],
    "components.tok2vec.model.encode.width": 96,
    "components.tok2vec.model.encode.depth": 4,
    "components.ner.model.hidden_width": 64,
}


def _docbin(sentences: list[Sentence], path: Path) -> None:
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    vocab = spacy.blank("de").vocab
    db = DocBin(store_user_data=False)
    for sentence in sentences:
        doc = Doc(vocab, words=sentence.words, spaces=sentence.spaces())
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in sentence.spans]
        db.add(doc)
    db.to_disk(path)


def build_config(width: int = 96, depth: int = 4) -> str:
    """The training config: spaCy's CPU efficiency NER recipe with wider hash embeddings."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="de", pipeline=["ner"], optimize="efficiency", gpu=False)
    overrides = {
        **CONFIG_OVERRIDES,
        "components.tok2vec.model.encode.width": width,
        "components.tok2vec.model.encode.depth": depth,
    }
    for dotted, value in overrides.items():
        node = config
        *parents, leaf = dotted.split(".")
        for key in parents:
            node = node[key]
        node[leaf] = value
    return config.to_str()


def train(data: Path, out: Path, width: int = 96, depth: int = 4) -> Path:
    """Train and write ``ner.cfg`` and ``ner.bin`` under ``out``; returns ``out``.

    ``width``/``depth`` size the CNN token encoder (the main cost at run time)."""
    import spacy
    from spacy.cli.train import train as spacy_train

    train_ge, _ = germeval_split(data / "germeval2014")
    europarl = list(read_europarl(data / "europarl" / "train.tsv"))
    pool = train_ge + europarl
    train_set = [s for i, s in enumerate(pool) if i % 25]
    dev_set = [s for i, s in enumerate(pool) if not i % 25] + list(
        read_europarl(data / "europarl" / "dev.tsv")
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _docbin(train_set, work / "train.spacy")
        _docbin(dev_set, work / "dev.spacy")
        (work / "config.cfg").write_text(build_config(width, depth), encoding="utf-8")
        spacy_train(
            work / "config.cfg",
            work / "output",
            overrides={"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")},
        )
        nlp = spacy.load(work / "output" / "model-best")
        out.mkdir(parents=True, exist_ok=True)
        nlp.config.to_disk(out / "ner.cfg")
        (out / "ner.bin").write_bytes(nlp.to_bytes())
        shutil.rmtree(work / "output", ignore_errors=True)
    return out


def train_crf(data: Path, out: Path, krauts: Path | None, tune: bool = False) -> Path:
    """Train the CRF tagger on the same split as the spaCy model (held-out slice only used by ``tune``)."""
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
    parser.add_argument("--kind", choices=("crf", "spacy"), default="crf", help="model to train")
    parser.add_argument("--data", type=Path, default=Path("../shared/data/german-ner"))
    parser.add_argument(
        "--krauts", type=Path, default=Path("../shared/data/krauts"), help="unlabeled news (CRF)"
    )
    parser.add_argument("--tune", action="store_true", help="CRF: pick c1/c2 on the held-out slice first")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "model")
    parser.add_argument("--width", type=int, default=96, help="token encoder width")
    parser.add_argument("--depth", type=int, default=4, help="token encoder depth (CNN layers)")
    args = parser.parse_args()
    if args.kind == "crf":
        print(train_crf(args.data, args.out, args.krauts, args.tune))
    else:
        print(train(args.data, args.out, args.width, args.depth))


if __name__ == "__main__":
    main()
