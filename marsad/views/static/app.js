// The observatory page: map, timeline, incident list, and each report's Arabic text with its evidence lit up.
// Article text is only ever inserted as text nodes (textContent), never parsed as markup.
"use strict";

const I18N = {
  en: {subtitle: "Incidents from Arabic conflict reporting, with the words they came from", since: "From",
       until: "To", admin1: "Governorate", event_type: "Event type", actor: "Actor", source: "Source",
       min_fatalities: "Min. killed", q: "Text", apply: "Apply", map: "Map", timeline: "Timeline",
       incidents: "Incidents", date: "Date", type: "Type", place: "Place", killed: "Killed", reports: "Reports",
       grade: "Grade", approx: "Governorate borders are approximate, drawn from the gazetteer.",
       toll: "Reconciled toll", sources: "Independent sources", disagreements: "Disagreements", report: "Report",
       review: "Review", correct: "Correct", corrected: "Correct a field", rejected: "Reject", reviewer: "Reviewer",
       field: "Field", value: "Value", save: "Save", none: "none", injured: "Injured", lang: "العربية"},
  ar: {subtitle: "حوادث مستخرجة من التغطية الإخبارية العربية للنزاعات، مع الكلمات التي جاءت منها", since: "من",
       until: "إلى", admin1: "المحافظة", event_type: "نوع الحدث", actor: "الفاعل", source: "المصدر",
       min_fatalities: "أدنى عدد قتلى", q: "نص", apply: "تطبيق", map: "الخريطة", timeline: "الخط الزمني",
       incidents: "الحوادث", date: "التاريخ", type: "النوع", place: "المكان", killed: "القتلى", reports: "التقارير",
       grade: "التقييم", approx: "حدود المحافظات تقريبية، مرسومة من المعجم الجغرافي.",
       toll: "الحصيلة الموحدة", sources: "المصادر المستقلة", disagreements: "التباينات", report: "تقرير",
       review: "المراجعة", correct: "صحيح", corrected: "تصحيح حقل", rejected: "رفض", reviewer: "المراجع",
       field: "الحقل", value: "القيمة", save: "حفظ", none: "لا شيء", injured: "الجرحى", lang: "English"},
};
const LABELS = {trigger: ["trigger", "المؤشر"], date: ["date", "التاريخ"], location: ["place", "المكان"],
  actor1: ["actor 1", "الفاعل"], actor2: ["actor 2", "المستهدف"], casualty: ["casualties", "الضحايا"],
  source: ["source", "المصدر"], sentence: ["incident", "الحدث"], mention: ["mention", "إشارة"]};
const COLORS = {"Battles": "#e03131", "Explosions/Remote violence": "#f08c00", "Violence against civilians": "#9c36b5",
  "Protests": "#1971c2", "Riots": "#0c8599", "Strategic developments": "#5c940d"};
const EDITABLE = ["event_type", "sub_event_type", "event_date", "actor1", "actor2", "admin1", "location", "fatalities"];
let lang = "en";
const t = (k) => I18N[lang][k] || k;
const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}
function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}
async function api(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error((await r.json()).detail || r.statusText);
  return r.json();
}
function query() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) if (v !== "") p.set(k, v);
  return p;
}

// map ---------------------------------------------------------------------------------------------------
const BOX = {lon0: 35.4, lon1: 42.6, lat0: 32.1, lat1: 37.5, w: 700, h: 520};
const px = (lon, lat) => [(lon - BOX.lon0) / (BOX.lon1 - BOX.lon0) * BOX.w,
                          BOX.h - (lat - BOX.lat0) / (BOX.lat1 - BOX.lat0) * BOX.h];
let boundaries = null;
function drawMap(incidents) {
  const map = $("#map");
  map.replaceChildren();
  for (const f of boundaries.features) {
    const g = f.geometry;
    if (f.properties.kind === "outline") {
      map.append(svg("path", {class: "outline", d: "M" + g.coordinates[0].map((c) => px(...c).join(",")).join("L") + "Z"}));
    } else if (f.properties.kind === "governorate-borders") {
      const d = g.coordinates.map((seg) => "M" + seg.map((c) => px(...c).join(",")).join("L")).join("");
      map.append(svg("path", {class: "border", d}));
    }
  }
  for (const f of boundaries.features.filter((f) => f.properties.kind === "label")) {
    const [x, y] = px(...f.geometry.coordinates);
    const label = svg("text", {x, y: y - 6, class: "gov-label"});
    label.textContent = lang === "ar" ? f.properties.name_ar : f.properties.name;
    map.append(label);
  }
  for (const inc of incidents.filter((i) => i.latitude != null)) {
    const [x, y] = px(inc.longitude, inc.latitude);
    const dot = svg("circle", {cx: x, cy: y, r: 4 + 2.2 * Math.sqrt(inc.fatalities || 0), class: "dot",
                               fill: COLORS[inc.event_type] || "#495057", "data-incident": inc.incident_id});
    const title = svg("title");
    title.textContent = `${inc.event_date} · ${inc.sub_event_type} · ${inc.location || inc.admin1} · ${inc.fatalities}`;
    dot.append(title);
    dot.addEventListener("click", () => openIncident(inc.incident_id));
    map.append(dot);
  }
  $("#legend").replaceChildren(...Object.entries(COLORS).map(([k, c]) =>
    el("span", {}, el("i", {style: `background:${c}`}), k)));
}

// timeline ----------------------------------------------------------------------------------------------
function drawTimeline(days) {
  const box = $("#timeline");
  box.replaceChildren();
  if (!days.length) return;
  const first = new Date(days[0].date), last = new Date(days[days.length - 1].date);
  const span = Math.max(1, (last - first) / 864e5 + 1);
  const max = Math.max(...days.map((d) => Object.values(d.counts).reduce((a, b) => a + b, 0)));
  const bw = Math.max(2, 680 / span - 1);
  for (const d of days) {
    let y = 120;
    const x = 10 + (new Date(d.date) - first) / 864e5 * (680 / span);
    for (const [type, n] of Object.entries(d.counts)) {
      const h = n / max * 100;
      y -= h;
      const bar = svg("rect", {x, y, width: bw, height: h, fill: COLORS[type] || "#495057", class: "bar",
                               "data-date": d.date});
      const title = svg("title");
      title.textContent = `${d.date}: ${n} ${type}`;
      bar.append(title);
      box.append(bar);
    }
  }
  for (const [x, text] of [[10, days[0].date], [560, days[days.length - 1].date]]) {
    const label = svg("text", {x, y: 136, "font-size": 11});
    label.textContent = text;
    box.append(label);
  }
}

// list ----------------------------------------------------------------------------------------------------
function drawList(incidents, total) {
  $("#count").textContent = `(${total})`;
  $("#list tbody").replaceChildren(...incidents.map((i) => el("tr", {"data-incident": i.incident_id,
      onclick: () => openIncident(i.incident_id)},
    el("td", {text: i.event_date || ""}), el("td", {text: i.sub_event_type}),
    el("td", {text: [i.location, i.admin1].filter(Boolean).join(", ")}), el("td", {text: String(i.fatalities)}),
    el("td", {text: String(i.reports)}), el("td", {text: i.grade}))));
}

// incident -----------------------------------------------------------------------------------------------
function spansOf(rec) {
  const spans = [];
  for (const [k, v] of Object.entries(rec.evidence)) {
    if (k === "mentions") v.forEach((s) => spans.push(["mention", s])); else spans.push([k, v]);
  }
  rec.casualties.forEach((c) => spans.push(["casualty", c.span]));
  rec.sources.forEach((s) => spans.push(["source", s.span]));
  return spans;
}
const ORDER = ["trigger", "casualty", "date", "location", "actor1", "actor2", "source", "mention", "sentence"];
function highlighted(text, rec) {
  const chars = Array.from(text);  // evidence offsets count code points
  const marks = chars.map(() => new Set());
  const starts = new Map();
  for (const [field, [s, e]] of spansOf(rec)) {
    for (let i = s; i < e && i < chars.length; i++) marks[i].add(field);
    if (field !== "sentence" && field !== "mention") starts.set(s, (starts.get(s) || []).concat(field));
  }
  const box = el("div", {class: "article", lang: "ar", dir: "rtl"});
  let i = 0;
  while (i < chars.length) {
    const key = [...marks[i]].sort().join(" ");
    let j = i + 1;
    while (j < chars.length && [...marks[j]].sort().join(" ") === key && !starts.has(j)) j++;
    const piece = chars.slice(i, j).join("");
    if (!key) box.append(document.createTextNode(piece));
    else {
      const top = ORDER.find((f) => marks[i].has(f));
      const span = el("span", {class: "ev ev-" + top, "data-fields": key, title: key, text: piece});
      box.append(span);
      for (const f of starts.get(i) || []) span.prepend(el("sup", {class: "tag", text: LABELS[f][lang === "ar" ? 1 : 0]}));
    }
    i = j;
  }
  return box;
}
function fieldList(rec) {
  const rows = [["event_type", rec.event_type + " / " + rec.sub_event_type], ["date", `${rec.event_date} (p${rec.time_precision})`],
    ["place", [rec.location, rec.admin2, rec.admin1].filter(Boolean).join(", ") + ` (p${rec.geo_precision})`],
    ["actor", `${rec.actor1 || "–"} → ${rec.actor2 || "–"}`], ["killed", String(rec.fatalities)],
    ["source", rec.sources.map((s) => s.name + (s.via.length ? " ← " + s.via.join(", ") : "")).join("; ") || t("none")]];
  return el("dl", {class: "fields"}, ...rows.flatMap(([k, v]) => [el("dt", {text: t(k)}), el("dd", {text: v})]));
}
function reviewForm(rec, targetType = "event") {
  const targetId = targetType === "event" ? rec.event_id : rec.incident_id;
  const state = el("span", {class: "review-state", text: rec.review ? `${rec.review.status} (${rec.review.reviewer})` : ""});
  const who = el("input", {name: "reviewer", placeholder: t("reviewer"), size: 10});
  const field = el("select", {name: "field"}, ...EDITABLE.map((f) => el("option", {value: f, text: f})));
  const value = el("input", {name: "value", placeholder: t("value"), size: 12});
  const send = async (status) => {
    const body = {target_type: targetType, target_id: targetId, status, reviewer: who.value || "analyst"};
    if (status === "corrected") { body.field = field.value; body.value = field.value === "fatalities" ? Number(value.value) : value.value; }
    const r = await fetch("/api/reviews", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    const out = await r.json();
    state.textContent = r.ok ? `${out.status} (${out.reviewer})` : out.detail;
  };
  return el("div", {class: "review", ["data-" + targetType]: targetId}, el("b", {text: t("review") + ": "}), state, " ", who,
    el("button", {type: "button", class: "btn-correct", onclick: () => send("correct"), text: t("correct")}),
    el("button", {type: "button", class: "btn-reject", onclick: () => send("rejected"), text: t("rejected")}),
    field, value, el("button", {type: "button", class: "btn-corrected", onclick: () => send("corrected"), text: t("corrected")}));
}
async function openIncident(id) {
  const inc = await api(`/api/incidents/${encodeURIComponent(id)}`);
  const box = $("#incident");
  const k = inc.killed, inj = inc.injured;
  box.replaceChildren(el("h2", {text: `${inc.event_date} · ${inc.sub_event_type} · ${inc.location || inc.admin1 || ""}`}),
    el("p", {text: `${t("toll")}: ${t("killed")} ${k.low}–${k.high} (best ${k.best}); ${t("injured")} ${inj.low}–${inj.high} · ${inc.grade}`}),
    el("p", {text: `${t("sources")}: ${inc.sources.join(", ") || t("none")}`}),
    ...inc.discrepancies.map((d) => el("p", {class: "discrepancy", text: `${t("disagreements")}: ${d}`})),
    reviewForm(inc, "incident"));
  for (const rec of inc.events) {
    const art = await api(`/api/articles/${encodeURIComponent(rec.article_id)}`);
    box.append(el("div", {class: "report", "data-event": rec.event_id},
      el("h3", {text: `${t("report")}: ${rec.article_id}${art.outlet ? " — " + art.outlet : ""}`}),
      fieldList(rec), highlighted(art.text, rec), reviewForm(rec)));
  }
  box.hidden = false;
  box.querySelectorAll(".article").forEach((a) => {
    const first = a.querySelector(".ev-trigger");
    if (first) a.scrollTop = Math.max(0, first.offsetTop - a.offsetTop - 60);
  });
  box.scrollIntoView({behavior: "smooth"});
}

// page ----------------------------------------------------------------------------------------------------
async function refresh() {
  const p = query();
  const [incidents, timeline] = await Promise.all([api("/api/incidents?limit=500&" + p), api("/api/timeline?" + p)]);
  drawMap(incidents.items);
  drawTimeline(timeline.days);
  drawList(incidents.items, incidents.total);
  document.body.dataset.ready = "1";
}
function translate() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  $("#lang").textContent = t("lang");
}
async function start() {
  boundaries = await api("/api/boundaries");
  const facets = await api("/api/facets");
  $("[name=admin1]").append(...facets.admin1.map((a) => el("option", {value: a, text: a})));
  $("[name=event_type]").append(...facets.event_type.map((a) => el("option", {value: a, text: a})));
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); document.body.dataset.ready = ""; refresh(); });
  $("#lang").addEventListener("click", () => { lang = lang === "en" ? "ar" : "en"; translate(); refresh(); });
  translate();
  await refresh();
}
start();
