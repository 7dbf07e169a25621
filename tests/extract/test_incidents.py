"""Assembly over whole (invented, realistic) reports: how many incidents, which, when."""
from __future__ import annotations

from pathlib import Path

import marsad

REPORT_IDLIB = """إدلب 12 أيار 2019 /
قتل 7 مدنيين بينهم 3 أطفال اليوم الأحد في غارات شنتها طائرات روسية على بلدة كفرنبل جنوب إدلب، بحسب ما أفاد المرصد السوري لحقوق الإنسان.
وأضاف المرصد أن الغارات استهدفت سوقا شعبيا وسط البلدة، وأن حصيلة القتلى مرشحة للارتفاع بسبب وجود جرحى في حالات خطرة.
من جهة أخرى، اندلعت اشتباكات عنيفة أمس بين قوات النظام وفصائل المعارضة على محور بلدة كفرنبودة في ريف حماة الشمالي، ما أسفر عن مقتل 12 عنصرا من قوات النظام و9 من مقاتلي الفصائل.
ويأتي ذلك بعد ثلاثة أيام على قصف مدفعي لقوات النظام استهدف مدينة خان شيخون وأدى إلى مقتل امرأة وطفلها.
ولم تسجل أي غارات على مدينة إدلب خلال الساعات الماضية.
وكانت قوات النظام قد سيطرت على مدينة خان شيخون في عام 2019 بعد معارك استمرت أشهرا.
"""

REPORT_HASAKAH = """الحسكة - وكالات
قالت وكالة سانا، أمس السبت، إن مسلحين مجهولين اغتالوا مختار قرية في ريف الحسكة الجنوبي.
إلى ذلك، انفجرت عبوة ناسفة بسيارة لقوات سوريا الديمقراطية قرب بلدة الشدادي ما أدى إلى مقتل عنصرين وإصابة ثالث.
وتتهم قسد خلايا تنظيم داعش بالوقوف وراء معظم التفجيرات في المنطقة.
"""


def _types(recs):
    return [(r.event_type, r.sub_event_type) for r in recs]


def test_idlib_report_incidents():
    recs = marsad.extract(REPORT_IDLIB, article_id="idlib")
    assert _types(recs) == [
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Battles", "Armed clash"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ]
    strike, clash, shelling = recs
    assert strike.event_date == "2019-05-12" and strike.location == "Kafranbel" and strike.fatalities == 7
    assert strike.actor1 == "Military Forces of Russia" and strike.actor2 == "Civilians (Syria)"
    assert "expected_to_rise" in strike.hedges
    assert strike.sources[0]["name"] == "Syrian Observatory for Human Rights"
    assert clash.event_date == "2019-05-11" and clash.admin1 == "Hama" and clash.fatalities == 21
    assert {clash.actor1, clash.actor2} == {"Military Forces of Syria", "Opposition Rebels (Syria)"}
    assert shelling.event_date == "2019-05-08" and shelling.location == "Khān Shaykhūn"
    assert shelling.actor1 == "Military Forces of Syria" and shelling.fatalities == 2


def test_hasakah_report_incidents():
    recs = marsad.extract(REPORT_HASAKAH, published="2019-03-10", article_id="hasakah")
    assert _types(recs) == [
        ("Violence against civilians", "Attack"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ]
    killing, ied = recs
    assert killing.event_date == "2019-03-09" and killing.admin1 == "Al-Hasakeh" and killing.geo_precision == 2
    assert killing.sources[0]["name"] == "SANA"
    assert ied.location == "Ash Shaddadi" and ied.actor2 == "SDF: Syrian Democratic Forces"
    assert ied.fatalities == 2 and [c["outcome"] for c in ied.casualties] == ["killed", "injured"]


def test_every_evidence_span_is_inside_the_text():
    for text in (REPORT_IDLIB, REPORT_HASAKAH):
        for rec in marsad.extract(text, published="2019-05-12"):
            for key, span in rec.evidence.items():
                spans = span if key == "mentions" else [span]
                for s, e in spans:
                    assert 0 <= s < e <= len(text) and text[s:e].strip()


def test_clause_split_by_kama_keeps_the_sentence_day():
    text = ("حلب 9 آذار 2021 /\nأصيب جنديان، الإثنين، بقذيفة هاون سقطت على حاجز في مدينة الباب، "
            "كما قتل مدني برصاص مجهولين في بلدة قباسين.")
    recs = marsad.extract(text, article_id="kama")
    assert [(r.sub_event_type, r.event_date) for r in recs] == [
        ("Shelling/artillery/missile attack", "2021-03-08"), ("Attack", "2021-03-08")]


def test_launch_sites_of_drones_are_a_target_not_the_means():
    text = ("حماة 3 أيار 2022 /\nقالت وزارة الدفاع إن وحدات الجيش استهدفت منصات إطلاق الطائرات المسيرة "
            "في ريف إدلب الجنوبي ودمرتها.")
    recs = marsad.extract(text, article_id="launch")
    assert [r.sub_event_type for r in recs] == ["Shelling/artillery/missile attack"]


def test_outlet_named_in_the_head_fills_a_missing_outlet():
    for head, outlet in (("دمشق (رويترز) - ", "Reuters"), ("حمص-سانا\n", "SANA"), ("إدلب - وكالات\n", None)):
        recs = marsad.extract(head + "قتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل أمس.", published="2021-03-02")
        assert [r.outlet for r in recs] == [outlet]
    recs = marsad.extract("دمشق (رويترز) - قتل مدنيان بقصف على بلدة كفرنبل.", published="2021-03-02", outlet="Al Jazeera")
    assert recs[0].outlet == "Al Jazeera"


def test_a_date_of_the_report_gives_way_to_the_incidents_own_date():
    text = ("بيروت (أ ف ب) - أعلن المرصد السوري لحقوق الإنسان الجمعة أن 12 عنصرا من قوات النظام قتلوا في هجوم "
            "شنه تنظيم داعش في بادية حمص.\nوقال المرصد إن الهجوم وقع مساء الأربعاء قرب مدينة السخنة.")
    (rec,) = marsad.extract(text, published="2021-06-18")
    assert rec.event_date == "2021-06-16"
    assert text[slice(*rec.evidence["date"])] == "الأربعاء"


def test_a_date_of_the_report_dates_the_incident_when_nothing_else_does():
    text = "ذكرت وكالة سانا، يوم الأحد، أن مسلحين مجهولين اغتالوا مختار قرية في ريف درعا الشرقي."
    (rec,) = marsad.extract(text, published="2021-06-15")
    assert rec.event_date == "2021-06-13"


def test_an_incident_told_without_a_source_never_takes_another_incidents():
    text = ("ريف حلب – خاص\n"
            "قتل مدنيان جراء قصف صاروخي لقوات النظام على مدينة الأتارب غربي حلب، وفق ما أفاد به الدفاع المدني السوري.\n"
            "وفي سياق متصل، شنت طائرات حربية روسية غارات جوية على مدينة سراقب شرقي إدلب.\n"
            "إلى ذلك، أعلنت وزارة الداخلية التابعة للنظام القبض على ثلاثة أشخاص في مدينة درعا.\n"
            "وكانت فصائل المعارضة قد استهدفت يوم الإثنين الماضي تجمعا لقوات النظام في مدينة الباب بقذائف المدفعية.")
    recs = marsad.extract(text, published="2024-03-13")
    assert [[s["name"] for s in r.sources] for r in recs] == [
        ["Syria Civil Defence"], [], ["Syrian Ministry of Interior"], []]


def test_an_earlier_incident_told_as_background_shares_the_teller_and_a_wire_head_names_the_rest():
    text = ("قال المرصد السوري لحقوق الإنسان إن 5 مدنيين قتلوا اليوم في قصف مدفعي لقوات النظام على بلدة كفرنبل.\n"
            "ويأتي ذلك بعد يومين على غارة روسية استهدفت مدينة معرة النعمان وقتل فيها طفلان.\n"
            "من جهة أخرى، ذكرت وكالة سانا مقتل عنصرين من الجيش بانفجار لغم في مدينة تدمر.")
    recs = marsad.extract(text, published="2019-05-12")
    assert [[s["name"] for s in r.sources] for r in recs] == [
        ["Syrian Observatory for Human Rights"], ["Syrian Observatory for Human Rights"], ["SANA"]]
    text = ("حمص-سانا\nاستشهد مدني جراء اعتداء إرهابي بقذائف صاروخية على قرية جورين بريف حماة.\n"
            "وفي ريف اللاذقية، دمرت وحدات من الجيش مقرات للإرهابيين في محيط بلدة سلمى بضربات مدفعية.")
    assert [[s["name"] for s in r.sources] for r in marsad.extract(text, published="2022-10-20")] == [["SANA"], ["SANA"]]


def test_the_same_day_and_the_next_are_told_against_the_incident_before():
    text = ("قصفت القوات التركية بالمدفعية قرى في ريف بلدة تل تمر يوم الخميس، ما أسفر عن إصابة طفلة.\n"
            "وفي وقت لاحق من اليوم ذاته، استهدفت طائرة مسيرة تركية سيارة قرب مدينة عامودا ما أدى إلى مقتل شخصين.\n"
            "وفي اليوم التالي، انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الشدادي.")
    recs = marsad.extract(text, published="2023-05-13")
    assert [r.event_date for r in recs] == ["2023-05-11", "2023-05-11", "2023-05-12"]


def test_after_an_incident_told_in_sequence_the_story_is_about_it():
    text = ("قصفت القوات التركية بالمدفعية قرى في ريف بلدة تل تمر يوم الخميس، ما أسفر عن إصابة طفلة.\n"
            "وفي وقت لاحق من اليوم ذاته، استهدفت طائرة مسيرة تركية سيارة قرب مدينة عامودا.\n"
            "من جانبها، قالت قسد إن مقاتليها تصدوا لمحاولة تسلل على محور قرية الدردارة شمالي تل تمر وقتلوا ثلاثة مسلحين.")
    recs = marsad.extract(text, published="2023-05-13")
    assert [(r.sub_event_type, r.location) for r in recs] == [
        ("Shelling/artillery/missile attack", "Tall Tamr"), ("Air/drone strike", "‘Āmūdā"), ("Armed clash", "Tall Tamr")]


def test_an_abduction_after_a_body_found_is_another_incident_and_a_monthly_toll_is_none():
    text = ("عثر الأهالي صباح الاثنين على جثة شاب مقتولا بطلقات في الرأس قرب مدينة طفس بريف درعا الغربي.\n"
            "كما اختطف عناصر من الأمن العسكري ثلاثة شبان من أبناء بلدة المزيريب على حاجز في مدينة درعا.\n"
            "وتشهد محافظة درعا فلتانا أمنيا منذ توقيع اتفاق التسوية، إذ وثق ناشطون مقتل 35 شخصا خلال الشهر الماضي.")
    recs = marsad.extract(text, published="2024-04-09")
    assert [(r.sub_event_type, r.location, r.fatalities) for r in recs] == [
        ("Attack", "Ţafas", 1), ("Abduction/forced disappearance", "Dar‘ā", 0)]


def test_a_second_account_introduced_by_fi_al_muqabil_is_the_same_strike():
    text = ("شنت إسرائيل فجر اليوم غارات جوية على مواقع عسكرية في محيط العاصمة دمشق ومنطقة الكسوة، ما أدى إلى مقتل "
            "أربعة عسكريين، وفق ما نقلته وكالة سانا عن مصدر عسكري.\n"
            "وقال المصدر إن وسائط الدفاع الجوي تصدت لصواريخ العدوان في محيط دمشق وأسقطت معظمها.\n"
            "في المقابل، قال المرصد السوري لحقوق الإنسان إن حصيلة القتلى ارتفعت إلى سبعة.")
    (rec,) = marsad.extract(text, published="2024-02-13")
    assert [s["name"] for s in rec.sources] == ["SANA", "Syrian Observatory for Human Rights"]
    assert "sources_disagree" in rec.hedges


def test_a_monitor_that_opens_a_round_up_tells_the_rest_of_it():
    recs = marsad.extract((Path(__file__).parent / "reports" / "sohr_roundup.txt").read_text("utf-8"),
                          published="2021-06-14")
    assert {s["name"] for r in recs for s in r.sources} == {"Syrian Observatory for Human Rights"}
