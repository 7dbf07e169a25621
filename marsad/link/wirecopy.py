"""Wire copy: passages one outlet took from another, found with MinHash/LSH (datasketch).

Each sentence of enough words is shingled into word 3-grams of folded text;
LSH proposes candidate pairs across articles and the Jaccard estimate confirms
them. A copied passage repeats a claim; it is not a second witness.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from marsad.text.normalize import normalize
from marsad.text.segment import sentences

NUM_PERM = 64
MIN_WORDS = 8
THRESHOLD = 0.7


@dataclass(frozen=True, slots=True)
class Copy:
    """Two passages of different articles that are (near) copies: raw [start, end) spans."""

    a: str
    a_span: tuple[int, int]
    b: str
    b_span: tuple[int, int]
    similarity: float


def _shingles(words: list[str]) -> set[bytes]:
    return {" ".join(words[i:i + 3]).encode("utf-8") for i in range(len(words) - 2)}


def _passages(article_id: str, raw: str) -> Iterable[tuple[tuple[str, int, int], set[bytes]]]:
    norm = normalize(raw)
    for seg in sentences(norm.text):
        words = [w for w in norm.text[seg.start:seg.end].replace('"', " ").split() if any(c.isalpha() for c in w)]
        if len(words) >= MIN_WORDS:
            s, e = norm.to_raw(seg.start, seg.end)
            yield (article_id, s, e), _shingles(words)


def find_copies(articles: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> list[Copy]:
    """Copied sentences between different articles, most similar first."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[tuple[str, int, int], tuple[MinHash, set[bytes]]] = {}
    found: dict[tuple, Copy] = {}
    for article_id, raw in articles:
        mine = []
        for key, shingles in _passages(article_id, raw):
            m = MinHash(num_perm=NUM_PERM)
            m.update_batch(list(shingles))
            mine.append((key, m, shingles))
        for key, m, shingles in mine:
            for other in lsh.query(m):
                if other[0] == article_id:
                    continue
                other_shingles = hashes[other][1]
                jaccard = len(shingles & other_shingles) / len(shingles | other_shingles)
                if jaccard >= threshold:
                    a, b = sorted([other, key])
                    found[(a, b)] = Copy(a[0], (a[1], a[2]), b[0], (b[1], b[2]), round(jaccard, 3))
        for key, m, shingles in mine:
            if key not in hashes:
                lsh.insert(key, m)
                hashes[key] = (m, shingles)
    return sorted(found.values(), key=lambda c: -c.similarity)
