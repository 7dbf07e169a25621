"""`marsad eval`: run extraction over annotated articles and report precision, recall and field accuracy."""
from __future__ import annotations

import json
from pathlib import Path

from marsad.document import Article
from marsad.evaluation.scoring import Score, score_article
from marsad.ingest.readers import parse_published
from marsad.pipeline import extract_article


class GoldError(ValueError):
    """A gold file or text folder that cannot be used, said in one line."""


def evaluate(gold_path: Path, texts: Path, preds: list[dict] | None = None) -> Score:
    """Score marsad (or the given predictions) on every article of a marsad-gold/1 file."""
    try:
        gold = json.loads(gold_path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise GoldError(f"{gold_path}: cannot read gold ({e})") from None
    if gold.get("format") != "marsad-gold/1":
        raise GoldError(f"{gold_path}: not a marsad-gold/1 file")
    result = Score()
    for art in gold["articles"]:
        path = texts / f"{art['id']}.txt"
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise GoldError(f"{path}: cannot read article text ({e})") from None
        if preds is None:
            published = parse_published(art.get("published"))
            article = Article(art["id"], text, published, "metadata" if published else "none")
            try:
                mine = [r.to_dict() for r in extract_article(article)]
            except Exception as e:  # one article that breaks the extractor is a miss, not a crash
                result.errors.append(f"{art['id']}: extraction failed ({type(e).__name__}: {e})")
                mine = []
        else:
            mine = [p for p in preds if str(p.get("article_id")) == art["id"]]
        score_article(result, art["id"], text, art["events"], mine)
    return result


def as_dict(s: Score) -> dict:
    return {"events": {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 3),
                       "recall": round(s.recall, 3), "f1": round(s.f1, 3)},
            "fields": {k: {"right": sum(v), "of": len(v), "share": round(sum(v) / len(v), 3)}
                       for k, v in sorted(s.fields.items())},
            "missed": s.missed, "spurious": s.spurious, "gold_unlocated": s.unlocated}


def as_text(s: Score) -> str:
    lines = [f"events  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})"]
    for k, v in sorted(s.fields.items()):
        lines.append(f"  {k:<18} {sum(v) / len(v):.3f}  ({sum(v)}/{len(v)})")
    lines += [f"  missed   {m}" for m in s.missed]
    lines += [f"  spurious {m}" for m in s.spurious]
    lines += [f"  gold evidence not found in text: {u}" for u in s.unlocated]
    lines += [f"  error    {e}" for e in s.errors]
    lines.append(f"F1: {s.f1:.3f}")
    return "\n".join(lines)
