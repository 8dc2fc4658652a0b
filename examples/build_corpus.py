"""Rebuild examples/corpus/ from the KRAUTS corpus (CC BY-NC 4.0): raw texts with their publication dates and the
outlets' countries (Die Zeit: Germany; Dolomiten: South Tyrol, Italy) as JSONL.

Usage: python examples/build_corpus.py [--data ../shared/data/krauts]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from lxml import etree

OUTLETS = {
    "KRAUTS_DieZeit_raw-text": ("Die Zeit", "DEU"),
    "KRAUTS_Dolomiten-42_raw-text": ("Dolomiten", "ITA"),
}


def convert(folder: Path, outlet: str, country: str) -> list[dict]:
    records = []
    for path in sorted(folder.glob("*.tml")):
        root = etree.parse(str(path), etree.XMLParser(recover=True)).getroot()
        dct = root.find(".//DCT/TIMEX3")
        title = root.findtext(".//TITLE")
        text = root.findtext(".//TEXT") or ""
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
        if title and not text.startswith(title.upper()) and not text.startswith(title):
            text = f"{title.strip()}\n\n{text}"
        records.append(
            {
                "text": text,
                "source": outlet,
                "country": country,
                "published": dct.get("value") if dct is not None else None,
                "language": "de",
                "url": None,
                "doc": path.stem,
            }
        )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/krauts"
    )
    args = parser.parse_args()
    out = Path(__file__).resolve().parent / "corpus"
    out.mkdir(exist_ok=True)
    for folder, (outlet, country) in OUTLETS.items():
        records = convert(args.data / folder, outlet, country)
        name = outlet.lower().replace(" ", "-") + ".jsonl"
        with (out / name).open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{out / name}: {len(records)} articles")


if __name__ == "__main__":
    main()
