// The duty officer's board: alerts by severity, live; detail with samples and a per-minute chart;
// takedown requests with their 24-hour countdown; the summary report with CSV export.
import { t } from "./i18n.js";
import { api, live, escapeHtml, toast } from "./api.js";

const RANK = { critical: 3, high: 2, medium: 1, low: 0 };

export function perMinuteChart(samples) {
  const times = (samples || []).map(s => s.detectedAt).filter(Boolean);
  if (!times.length) return `<p class="muted">${t("noItems")}</p>`;
  const first = Math.min(...times), buckets = new Map();
  for (const at of times) { const m = Math.floor((at - first) / 60000); buckets.set(m, (buckets.get(m) || 0) + 1); }
  const n = Math.max(...buckets.keys()) + 1, max = Math.max(...buckets.values());
  const w = 100 / n;
  const bars = [...Array(n).keys()].map(i => { const v = buckets.get(i) || 0; const h = 100 * v / max;
    return `<rect x="${i * w}%" y="${100 - h}%" width="${Math.max(w - 1, 0.5)}%" height="${h}%" fill="#0b57d0"><title>${v}</title></rect>`; }).join("");
  return `<svg class="chart" role="img" aria-label="${t("perMinute")}">${bars}</svg>`;
}

/** Horizontal bars for {group: {key: count}}: one row per group and key, labelled, with the number. */
export function bars(title, nested) {
  const rows = Object.entries(nested || {}).flatMap(([g, m]) => Object.entries(m).map(([k, v]) => [g + " · " + k, v]));
  if (!rows.length) return `<h3>${escapeHtml(title)}</h3><p class="muted">${t("noItems")}</p>`;
  const max = Math.max(...rows.map(r => r[1]));
  const h = 22;
  const body = rows.map(([label, v], i) => `<text x="0" y="${i * h + 15}" font-size="12">${escapeHtml(label)}</text>
    <rect x="220" y="${i * h + 4}" width="${Math.max(1, 600 * v / max)}" height="14" fill="#0b57d0"></rect>
    <text x="${226 + 600 * v / max}" y="${i * h + 15}" font-size="12">${v}</text>`).join("");
  return `<h3>${escapeHtml(title)}</h3><svg width="900" height="${rows.length * h + 6}" role="img" aria-label="${escapeHtml(title)}">${body}</svg>`;
}

export function renderReport(r) {
  const td = r.takedowns || {};
  return `<p>${t("from")} ${escapeHtml(r.from)} ${t("to")} ${escapeHtml(r.to)} · ${t("count")}: ${r.flags} · decisions: ${r.decisions}
    · median time to decision: ${r.medianSecondsToDecision == null ? "—" : Math.round(r.medianSecondsToDecision) + " s"}</p>
    ${bars("Flags by platform and category", r.flagsByPlatform)}${bars("Decisions by platform and action", r.decisionsByPlatform)}
    <h3>${t("takedowns")}</h3><table><tbody>${Object.entries(td).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join("")}</tbody></table>`;
}

export function countdown(deadline, now) {
  const ms = deadline - now;
  if (ms <= 0) return `<span class="overdue">${t("overdue")}</span>`;
  const h = Math.floor(ms / 3600000), m = Math.floor(ms % 3600000 / 60000), s = Math.floor(ms % 60000 / 1000);
  return `${h}h ${String(m).padStart(2, "0")}m ${String(s).padStart(2, "0")}s ${t("remaining")}`;
}

export class OfficerView {
  constructor(root, session) { this.root = root; this.session = session; this.alerts = new Map(); this.selected = null; this.takedowns = []; }

  start() {
    this.root.innerHTML = `
      <div class="tabs" role="tablist">${["alerts", "takedowns", "report"].map((k, i) => `<button role="tab" data-tab="${k}" aria-selected="${i === 0}">${t(k)}</button>`).join("")}
        <span id="live-state" class="muted" aria-live="polite"></span></div>
      <div id="tab-body"></div>`;
    this.root.querySelectorAll("[role=tab]").forEach(b => b.addEventListener("click", () => this.show(b.dataset.tab)));
    this.feed = live("/v1/alerts/live", a => this.upsert(a), ok => { const el = document.getElementById("live-state"); if (el) el.textContent = ok ? "● " + t("live") : ""; });
    this.timer = setInterval(() => this.tick(), 1000);
    this.show("alerts");
  }

  stop() { if (this.feed) this.feed.close(); clearInterval(this.timer); }

  show(tab) {
    this.tab = tab;
    this.root.querySelectorAll("[role=tab]").forEach(b => b.setAttribute("aria-selected", String(b.dataset.tab === tab)));
    ({ alerts: () => this.showAlerts(), takedowns: () => this.showTakedowns(), report: () => this.showReport() })[tab]();
  }

  async showAlerts() {
    document.getElementById("tab-body").innerHTML = `<div class="layout"><section class="panel" aria-label="${t("alerts")}"><table><thead><tr><th>${t("severity")}</th><th>${t("kind")}</th><th>${t("platform")}</th><th>${t("category")}</th><th>${t("count")}</th><th>${t("status")}</th></tr></thead><tbody id="alert-rows"></tbody></table></section><section class="panel" id="alert-detail" aria-live="polite"><p class="muted">${t("noItems")}</p></section></div>`;
    try { const page = await api("GET", "/v1/alerts?limit=200"); this.alerts = new Map(page.items.map(a => [a.alertId, a])); } catch (e) { toast(e.message); }
    this.renderAlerts();
  }

  upsert(a) { if (a && a.alertId) { this.alerts.set(a.alertId, a); if (this.tab === "alerts") this.renderAlerts(); } }

  renderAlerts() {
    const rows = document.getElementById("alert-rows");
    if (!rows) return;
    const list = [...this.alerts.values()].filter(a => a.status !== "resolved")
      .sort((a, b) => (RANK[b.severity] - RANK[a.severity]) || (b.lastSeen - a.lastSeen));
    rows.innerHTML = list.map(a => `<tr tabindex="0" data-id="${escapeHtml(a.alertId)}" class="${a.alertId === this.selected ? "selected" : ""}">
      <td><span class="sev sev-${escapeHtml(a.severity)}">${escapeHtml(a.severity)}</span></td><td>${escapeHtml(a.kind)}</td>
      <td>${escapeHtml(a.platform || (a.platforms || []).join(", "))}</td><td>${escapeHtml(a.category)}</td><td>${a.count}</td><td>${escapeHtml(t(a.status || "open"))}</td></tr>`).join("")
      || `<tr><td colspan="6" class="muted">${t("noItems")}</td></tr>`;
    rows.querySelectorAll("tr[data-id]").forEach(tr => {
      const open = () => { this.selected = tr.dataset.id; this.renderAlerts(); this.alertDetail(tr.dataset.id); };
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", e => { if (e.key === "Enter") open(); });
    });
  }

  async alertDetail(id) {
    let a;
    try { a = await api("GET", "/v1/alerts/" + encodeURIComponent(id)); } catch (e) { toast(e.message); return; }
    document.getElementById("alert-detail").innerHTML = `
      <h2><span class="sev sev-${escapeHtml(a.severity)}">${escapeHtml(a.severity)}</span> ${escapeHtml(a.summary || a.kind)}</h2>
      <p>${t("count")}: ${a.count} · ${t("users")}: ${a.distinctUsers} · ${new Date(a.firstSeen).toLocaleString()} → ${new Date(a.lastSeen).toLocaleString()}</p>
      <h3>${t("perMinute")}</h3>${perMinuteChart(a.samples)}
      <h3>${t("samples")}</h3><ul>${(a.samples || []).map(s => `<li>${escapeHtml(s.text)} <span class="muted">(${escapeHtml(s.userId)})</span></li>`).join("")}</ul>
      <div class="field"><label for="alert-note">${t("note")}</label><textarea id="alert-note" rows="2" style="min-height:3rem"></textarea></div>
      <div class="actions"><button id="ack" class="primary">${t("ack")}</button><button id="resolve">${t("resolve")}</button></div>`;
    document.getElementById("ack").addEventListener("click", () => this.act(id, "ack"));
    document.getElementById("resolve").addEventListener("click", () => this.act(id, "resolve"));
  }

  async act(id, what) {
    try {
      const updated = await api("POST", `/v1/alerts/${encodeURIComponent(id)}/${what}`, { note: document.getElementById("alert-note").value });
      toast(t(what) + " ✓");
      if (updated && updated.alertId) this.upsert(updated); else this.showAlerts();
      this.alertDetail(id);
    } catch (e) { toast(t("failed") + ": " + e.message); }
  }

  async showTakedowns() {
    document.getElementById("tab-body").innerHTML = `
      <form id="takedown-form" class="filters"><label>${t("platform")}<input name="platform" required></label><label>${t("stream")}<input name="streamId"></label>
      <label>${t("reason")}<input name="reason" required></label><label>${t("legalBasis")}<input name="legalBasis" value="Nghị định 147/2024/NĐ-CP" required></label>
      <button class="primary">${t("send")}</button></form>
      <table><thead><tr><th>${t("platform")}</th><th>${t("stream")}</th><th>${t("reason")}</th><th>${t("status")}</th><th>${t("deadline")}</th></tr></thead><tbody id="takedown-rows"></tbody></table>`;
    document.getElementById("takedown-form").addEventListener("submit", async e => {
      e.preventDefault();
      const body = Object.fromEntries([...new FormData(e.target)].filter(([, v]) => v));
      try { await api("POST", "/v1/takedowns", body); toast(t("saved")); this.showTakedowns(); } catch (err) { toast(t("failed") + ": " + err.message); }
    });
    try { const page = await api("GET", "/v1/takedowns"); this.takedowns = page.items || []; } catch (e) { toast(e.message); }
    this.tick();
  }

  tick() {
    const rows = document.getElementById("takedown-rows");
    if (!rows) return;
    const now = Date.now();
    rows.innerHTML = this.takedowns.map(d => `<tr><td>${escapeHtml(d.platform)}</td><td>${escapeHtml(d.streamId || d.commentId)}</td><td>${escapeHtml(d.reason)}</td>
      <td>${escapeHtml(d.status)}</td><td>${d.status === "done" ? "✓" : countdown(d.deadline, now)}</td></tr>`).join("") || `<tr><td colspan="5" class="muted">${t("noItems")}</td></tr>`;
  }

  showReport() {
    const today = new Date().toISOString().slice(0, 10);
    document.getElementById("tab-body").innerHTML = `<form id="report-form" class="filters"><label>${t("from")}<input type="date" name="from" value="${today}"></label>
      <label>${t("to")}<input type="date" name="to" value="${today}"></label><button class="primary">${t("load")}</button><button type="button" id="csv">${t("exportCsv")}</button></form><div id="report-body"></div>`;
    const range = () => { const f = new FormData(document.getElementById("report-form")); return `from=${f.get("from")}T00:00:00Z&to=${f.get("to")}T23:59:59Z`; };
    document.getElementById("report-form").addEventListener("submit", async e => {
      e.preventDefault();
      try { const r = await api("GET", "/v1/reports/summary?" + range()); document.getElementById("report-body").innerHTML = renderReport(r); }
      catch (err) { toast(err.message); }
    });
    document.getElementById("csv").addEventListener("click", async () => {
      try {
        const res = await api("GET", "/v1/reports/summary?format=csv&" + range(), undefined, true);
        const a = document.createElement("a"); a.href = URL.createObjectURL(await res.blob()); a.download = "livemod-summary.csv"; a.click();
      } catch (err) { toast(err.message); }
    });
  }
}
