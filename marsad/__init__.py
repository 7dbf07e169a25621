"""marsad: Arabic conflict news to verified, geocoded, source-attributed incident records."""
from marsad import compiled

compiled.install()  # before any compiled module is imported: a stale build never hides an edit

from marsad.pipeline import extract, extract_article  # noqa: E402
from marsad.record import EventRecord  # noqa: E402

__all__ = ["extract", "extract_article", "EventRecord"]
__version__ = "0.1.0"
