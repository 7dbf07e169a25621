"""marsad: Arabic conflict news to verified, geocoded, source-attributed incident records."""
from marsad.pipeline import extract, extract_article
from marsad.record import EventRecord

__all__ = ["extract", "extract_article", "EventRecord"]
__version__ = "0.1.0"
