"""NER by analysis profile: the CRF tagger alone, the ``fast`` profile and the ``accurate`` profile side by side.

    python benchmarks/ner.py [--data ../shared/data/german-ner] [--limit N]

Exact-span P/R/F1 by type (PER, ORG, LOC, MISC; micro-averaged ALL) on GermEval 2014 test sentences 3001-5100 and
German Europarl test (also with its lower-case MISC adjectives removed from the gold, the GermEval convention the
models are trained to). ``fast`` and ``accurate`` are the entities stage's recogniser under each profile (tagger
plus the actor gazetteer's names it missed): ``fast`` runs the CRF, ``accurate`` the encoder head
(:mod:`lagebild.language.ner`). Speed: sentences per second in this process, each sentence a text of its own.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # training/: the gold readers

from entities import TYPES, Spans, score  # noqa: E402
from lagebild.entities.crf import load_crf  # noqa: E402
from lagebild.entities.stage import EntityStage  # noqa: E402
from lagebild.language.profiles import entity_model  # noqa: E402
from training.conll import germeval_split, read_europarl  # noqa: E402
from training.entities_ner import germeval_convention  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def systems() -> dict[str, Callable[[str], Spans]]:
    crf = load_crf()
    if crf is None:
        raise SystemExit("missing CRF model: run make train-ner first")
    out: dict[str, Callable[[str], Spans]] = {"CRF tagger (old)": crf.recognise}
    for profile in ("fast", "accurate"):
        try:
            stage = EntityStage(roles=False, ner=entity_model(profile))
        except ValueError as exc:
            print(f"{profile}: not run ({exc})")
            continue
        out[f"profile {profile}"] = stage.recognise
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "german-ner")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each set (quick runs)")
    args = parser.parse_args()
    _, germeval = germeval_split(args.data / "germeval2014")
    europarl = list(read_europarl(args.data / "europarl" / "test.tsv"))
    sets = [("GermEval14 test 3001-5100", germeval), ("Europarl test", europarl)]
    runners = systems()
    for fn in runners.values():
        fn("Warmlauf in Berlin.")  # load the models before timing
    results: dict[tuple[str, str], dict] = {}
    speed: dict[tuple[str, str], float] = {}
    for name, sentences in sets:
        sentences = sentences[: args.limit] if args.limit else sentences
        texts = [s.text_and_offsets()[0] for s in sentences]
        golds = {name: [s.text_and_offsets()[1] for s in sentences]}
        if name.startswith("Europarl"):
            golds["Europarl test, adj. not MISC"] = [
                germeval_convention(s).text_and_offsets()[1] for s in sentences
            ]
        for system, fn in runners.items():
            start = time.perf_counter()
            pred = [fn(t) for t in texts]
            speed[(name, system)] = len(texts) / max(time.perf_counter() - start, 1e-9)
            for gold_name, gold in golds.items():
                results[(gold_name, system)] = score(gold, pred)
                speed[(gold_name, system)] = speed[(name, system)]
    names = list(runners)
    header = ["dataset", "type", "gold"] + [f"{n} P/R/F1" for n in names]
    rows = []
    for dataset in dict.fromkeys(d for d, _ in results):
        for kind in (*TYPES, "ALL"):
            first = results[(dataset, names[0])][kind]
            cells = [
                f"{r[0]:.3f}/{r[1]:.3f}/{r[2]:.3f}" for r in (results[(dataset, n)][kind] for n in names)
            ]
            rows.append([dataset, kind, str(first[3]), *cells])
        rows.append([dataset, "sent/s", "", *[f"{speed[(dataset, n)]:,.1f}" for n in names]])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print(
            "  ".join(
                c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )


if __name__ == "__main__":
    main()
