"""A synthetic multi-outlet corpus with known truth: copies, paraphrases, conflicting tolls, look-alikes.

Each incident is told by several invented outlets in different words; some
outlets copy a paragraph word for word from another; two incidents strike the
same town days apart (look-alikes). `truth` maps every report to its incident.
"""
from __future__ import annotations

from datetime import date, timedelta

TOWNS = [("كفرنبل", "إدلب"), ("سراقب", "إدلب"), ("اللطامنة", "حماة"), ("هجين", "دير الزور"), ("الباب", "حلب"),
         ("دوما", "ريف دمشق"), ("تلبيسة", "حمص"), ("جاسم", "درعا")]
TELLINGS = [
    "قتل {n} مدنيين {when} في غارات جوية شنتها طائرات حربية روسية على بلدة {town} في ريف {gov}، بحسب ما أفاد المرصد السوري لحقوق الإنسان.",
    "أفادت وكالة الأناضول بأن الطيران الروسي قصف {when} مدينة {town} بريف {gov} ما أسفر عن مقتل {n} مدنيين وإصابة آخرين بجروح.",
    "ذكرت مصادر محلية أن {n} مدنيين قتلوا {when} جراء غارات روسية استهدفت الأحياء السكنية في {town} بمحافظة {gov}.",
]
WHEN = {0: "اليوم", 1: "أمس"}


def _report(kind: int, town: str, gov: str, n: int, offset: int) -> str:
    return TELLINGS[kind].format(n=n, town=town, gov=gov, when=WHEN[offset])


def corpus(start: date = date(2019, 5, 1)) -> tuple[list[dict], dict[str, str]]:
    """Articles (id, text, published) and the truth: report article id -> incident name."""
    articles: list[dict] = []
    truth: dict[str, str] = {}
    for t, (town, gov) in enumerate(TOWNS):
        for strike in range(2):  # two strikes on each town, ten days apart: look-alikes
            day = start + timedelta(days=t * 3 + strike * 10)
            incident = f"{town}-{strike}"
            tolls = [5 + t + strike, 5 + t + strike, 7 + t + strike]  # the third outlet disagrees on the toll
            for outlet in range(3):
                published = day + timedelta(days=outlet % 2)
                body = _report(outlet, town, gov, tolls[outlet], outlet % 2)
                art_id = f"{incident}-o{outlet}"
                articles.append({"id": art_id, "text": body, "published": published.isoformat()})
                truth[art_id] = incident
            copier = f"{incident}-copy"  # an outlet that took the first telling word for word
            articles.append({"id": copier, "text": "وكالات - " + _report(0, town, gov, tolls[0], 0)
                             + "\nوتشهد المنطقة تصعيدا عسكريا منذ أسابيع.",
                             "published": day.isoformat()})
            truth[copier] = incident
    return articles, truth
