"""Rewrite tests/golden/seeds.jsonl from the current pipeline (review the diff before committing)."""
from __future__ import annotations

import json
from pathlib import Path

import marsad

SHARED = Path(__file__).resolve().parents[2] / "shared"

if __name__ == "__main__":
    lines = []
    for f in sorted((SHARED / "eval" / "texts").glob("*.txt")):
        lines += [json.dumps(r.to_dict(), ensure_ascii=False) for r in marsad.extract(f.read_text("utf-8"), article_id=f.stem)]
    (Path(__file__).parent / "golden" / "seeds.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
