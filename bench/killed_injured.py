"""How often "killed X ... and injured/wounded Y" in FA-KES gives X as killed and Y as wounded.

The issue that introduced quantity frames counted 106 of 135 such sentences with X read as
wounded (word distance). This re-counts them with the frames of `extract_quantities`.

    python bench/killed_injured.py
"""

from __future__ import annotations

import argparse
import re
import sys

import pandas as pd

from vericlaim.claims.quantities import extract_quantities
from vericlaim.claims.segment import split_sentences

PATTERN = re.compile(r"\bkill(?:ed|ing) (?:at least |more than |about |some )?(\w+)\b[^.;]{0,60}?\b(?:and|,) "
                     r"(?:injur|wound)(?:ed|ing) (?:at least |more than |about |some )?(\w+)", re.IGNORECASE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data/fa_kes/FA-KES-Dataset.csv")
    args = parser.parse_args()
    frame = pd.read_csv(args.data, encoding="latin-1")
    total = killed_right = wounded_right = 0
    for text in frame["article_content"].astype(str):
        for sentence in split_sentences(text):
            match = PATTERN.search(sentence.text)
            if not match:
                continue
            found = [q for q in extract_quantities(sentence.text) if q.unit != "date"]
            first = [q for q in found if q.start == match.start(1)]
            second = [q for q in found if q.start == match.start(2)]
            if not first or not second:
                continue
            total += 1
            killed_right += first[0].event == "killed"
            wounded_right += second[0].event == "wounded"
    print(f"{total} 'killed X and injured Y' sentences: X killed in {killed_right}, Y wounded in {wounded_right}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
