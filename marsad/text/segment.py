"""Paragraph and sentence splitting for Arabic news copy.

Works on the folded text (Arabic punctuation already mapped to ASCII), so one
set of rules covers "؟" and "?", "،" and ",". Sentences end at . ! ? and at line
breaks; a full stop between digits (3.5) or inside an abbreviation of one
letter does not end a sentence. Quotes are kept inside their sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PARA = re.compile(r"[^\n]+")
_SENT_END = re.compile(r'[.!?]+(?:["\')\]]+)?(?=\s|$)')


@dataclass(slots=True)  # not frozen: made dozens of times per article, and a frozen __init__ costs ~7x
class Segment:
    """A paragraph or sentence as [start, end) in folded-text offsets."""

    start: int
    end: int
    paragraph: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[Segment]:
    """Non-empty lines of the article; news copy puts one paragraph per line."""
    out = []
    for m in _PARA.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if e > s:
            out.append(Segment(s, e, len(out)))
    return out


def sentences(text: str) -> list[Segment]:
    """Sentences of every paragraph, in order."""
    out: list[Segment] = []
    for para in paragraphs(text):
        cursor = para.start
        chunk = text[para.start:para.end]
        for m in _SENT_END.finditer(chunk):
            end = para.start + m.end()
            dot = para.start + m.start()
            if text[dot] == "." and dot > 0 and text[dot - 1].isdigit() and dot + 1 < len(text) and text[dot + 1].isdigit():
                continue
            s, e = _trim(text, cursor, end)
            if e > s:
                out.append(Segment(s, e, para.paragraph))
            cursor = end
        s, e = _trim(text, cursor, para.end)
        if e > s:
            out.append(Segment(s, e, para.paragraph))
    return out
