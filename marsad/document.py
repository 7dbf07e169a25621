"""The document model: an article, its folded text, paragraphs and sentences.

Every stage reads one `Doc`. Offsets inside the pipeline are folded-text
offsets (what the matchers see); `Doc.raw_span` turns them into [start, end)
offsets into the raw text, which is all a record ever shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from marsad.text.normalize import NormText, normalize
from marsad.text.segment import Segment, paragraphs, sentences


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from input."""

    id: str
    text: str
    published: date | None = None
    published_from: str = "none"  # "metadata", "dateline" or "none"
    outlet: str | None = None
    url: str | None = None
    language: str = "ar"


@dataclass
class Doc:
    """An article with its folded text and segmentation."""

    article: Article
    norm: NormText = field(init=False)

    def __post_init__(self) -> None:
        self.norm = normalize(self.article.text)

    @property
    def text(self) -> str:
        """The folded text the matchers run on."""
        return self.norm.text

    @cached_property
    def sentences(self) -> list[Segment]:
        return sentences(self.norm.text)

    @cached_property
    def paragraphs(self) -> list[Segment]:
        return paragraphs(self.norm.text)

    def raw_span(self, start: int, end: int) -> list[int]:
        """[start, end) in the raw text for a folded span."""
        s, e = self.norm.to_raw(start, end)
        return [s, e]

    def raw_text(self, start: int, end: int) -> str:
        return self.norm.raw_slice(start, end)
