// The duty officer's board: alerts by severity, live; detail with samples and a per-minute chart;
// takedown requests with their 24-hour countdown; the summary report with CSV export.
import { t } from "./i18n.js";
import { api, live, escapeHtml, toast } from "./api.js";
import { showClaims } from "./claims.js";

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

/** The per-minute counts a false-claim alert carries (the whole last hour, not only the samples). */
export function minuteChart(minutes) {
  const max = Math.max(...minutes.map(m => m.count)), w = 100 / minutes.length;
  const bars = minutes.map((m, i) => { const h = 100 * m.count / max;
    return `<rect x="${i * w}%" y="${100 - h}%" width="${Math.max(w - 1, 0.5)}%" height="${h}%" fill="#0b57d0"><title>${m.count}</title></rect>`; }).join("");
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
    ${bars(t("falseClaimsReport"), r.falseClaimsByClaim)}
    <h3>${t("takedowns")}</h3><table><tbody>${Object.entries(td).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join("")}</tbody></table>`;
}

export function countdown(deadline, now) {
  const ms = deadline - now;
  if (ms <= 0) return `<span class="overdue">${t("overdue")}</span>`;
  const h = Math.floor(ms / 3600000), m = Math.floor(ms % 3600000 / 60000), s = Math.floor(ms % 60000 / 1000);
  return `${h}h ${String(m).padStart(2, "0")}m ${String(s).padStart(2, "0")}s ${t("remaining")}`;
}

/** Rows the board renders; more alerts are counted, not drawn (the list is sorted, the most severe first). */
export const SHOWN = 500;

export class OfficerView {
  constructor(root, session) {
    this.root = root; this.session = session; this.alerts = new Map(); this.selected = null; this.takedowns = [];
    this.loading = null; this.since = null; this.more = false; this.renderTimer = null;
  }

  start() {
    this.root.innerHTML = `
      <div class="tabs" role="tablist">${["alerts", "takedowns", "report", "falseClaims"].map((k, i) => `<button role="tab" data-tab="${k}" aria-selected="${i === 0}">${t(k)}</button>`).join("")}
        <span id="live-state" class="muted" aria-live="polite"></span></div>
      <div id="tab-body"></div>`;
    this.root.querySelectorAll("[role=tab]").forEach(b => b.addEventListener("click", () => this.show(b.dataset.tab)));
    // Every (re)connect of the feed reloads the list: the gateway drops a subscriber that falls
    // behind, and EventSource does not replay what was sent while it was away.
    this.feed = live("/v1/alerts/live", a => this.upsert(a), ok => {
      const el = document.getElementById("live-state"); if (el) el.textContent = ok ? "● " + t("live") : "";
      if (ok) this.reload();
    });
    this.timer = setInterval(() => this.tick(), 1000);
    this.show("alerts");
  }

  stop() { if (this.feed) this.feed.close(); clearInterval(this.timer); clearTimeout(this.renderTimer); }

  show(tab) {
    this.tab = tab;
    this.root.querySelectorAll("[role=tab]").forEach(b => b.setAttribute("aria-selected", String(b.dataset.tab === tab)));
    ({ alerts: () => this.showAlerts(), takedowns: () => this.showTakedowns(), report: () => this.showReport(),
      falseClaims: () => showClaims(document.getElementById("tab-body")) })[tab]();
  }

  showAlerts() {
    document.getElementById("tab-body").innerHTML = `<div class="layout"><section class="panel" aria-label="${t("alerts")}"><p id="alert-count" class="muted"></p><table><thead><tr><th>${t("severity")}</th><th>${t("kind")}</th><th>${t("platform")}</th><th>${t("category")}</th><th>${t("count")}</th><th>${t("status")}</th></tr></thead><tbody id="alert-rows"></tbody></table></section><section class="panel" id="alert-detail" aria-live="polite"><p class="muted">${t("noAlert")}</p></section></div>`;
    const rows = document.getElementById("alert-rows");
    const open = tr => { if (!tr) return; this.selected = tr.dataset.id; this.renderAlerts(); this.alertDetail(tr.dataset.id); };
    rows.addEventListener("click", e => open(e.target.closest("tr[data-id]")));
    rows.addEventListener("keydown", e => { if (e.key === "Enter") open(e.target.closest("tr[data-id]")); });
    const loaded = this.reload();
    this.renderAlerts(); // "loading" until the pages answer
    return loaded;
  }

  /**
   * The officers' open and acknowledged alerts, as the API lists them (filtered by the gateway: a
   * page of every status could be all resolved ones). Live updates that arrive while the pages load
   * are applied on top, so a reload never loses them. Calls while one runs join it and run once more.
   */
  reload() {
    if (this.loading) { this.again = true; return this.loading; }
    this.since = new Map();
    this.loading = Promise.all(["open", "acked"].map(s => api("GET", `/v1/alerts?status=${s}&limit=${SHOWN}`)))
      .then(pages => {
        const fresh = new Map();
        pages.forEach(p => (p.items || []).forEach(a => fresh.set(a.alertId, a)));
        this.since.forEach((a, id) => { if (a.status === "resolved") fresh.delete(id); else fresh.set(id, a); });
        this.alerts = fresh;
        this.more = pages.some(p => p.next);
      })
      .catch(e => toast(t("failed") + ": " + e.message))
      .finally(() => {
        this.loading = null; this.since = null;
        this.renderAlerts();
        if (this.again) { this.again = false; this.reload(); }
      });
    return this.loading;
  }

  upsert(a) {
    if (!a || !a.alertId) return;
    if (this.since) this.since.set(a.alertId, a);
    if (a.status === "resolved") this.alerts.delete(a.alertId); else this.alerts.set(a.alertId, a);
    this.scheduleRender();
  }

  /** At most one render per 200 ms: a burst of alerts must not re-render the table per event, or the page falls behind the feed. */
  scheduleRender() {
    if (this.renderTimer || this.tab !== "alerts") return;
    this.renderTimer = setTimeout(() => { this.renderTimer = null; this.renderAlerts(); }, 200);
  }

  renderAlerts() {
    const rows = document.getElementById("alert-rows");
    if (!rows) return;
    const list = [...this.alerts.values()]
      .sort((a, b) => ((RANK[b.severity] ?? -1) - (RANK[a.severity] ?? -1)) || (b.lastSeen - a.lastSeen));
    const shown = list.slice(0, SHOWN);
    document.getElementById("alert-count").textContent = list.length
      ? `${list.length}${this.more ? "+" : ""} ${t("alerts").toLowerCase()}` + (shown.length < list.length || this.more ? ` · ${t("showing")} ${shown.length}` : "")
      : "";
    rows.innerHTML = shown.map(a => `<tr tabindex="0" data-id="${escapeHtml(a.alertId)}" class="${a.alertId === this.selected ? "selected" : ""}">
      <td><span class="sev sev-${escapeHtml(a.severity)}">${escapeHtml(a.severity)}</span></td><td>${escapeHtml(a.kind)}</td>
      <td>${escapeHtml(a.platform || (a.platforms || []).join(", "))}</td><td>${escapeHtml(a.category)}</td><td>${a.count}</td><td>${escapeHtml(t(a.status || "open"))}</td></tr>`).join("")
      || `<tr><td colspan="6" class="muted">${t(this.loading ? "loading" : "noItems")}</td></tr>`;
  }

  async alertDetail(id) {
    let a;
    try { a = await api("GET", "/v1/alerts/" + encodeURIComponent(id)); } catch (e) { toast(e.message); return; }
    document.getElementById("alert-detail").innerHTML = `
      <h2><span class="sev sev-${escapeHtml(a.severity)}">${escapeHtml(a.severity)}</span> ${escapeHtml(a.summary || a.kind)}</h2>
      <p>${t("count")}: ${a.count} · ${t("users")}: ${a.distinctUsers} · ${new Date(a.firstSeen).toLocaleString()} → ${new Date(a.lastSeen).toLocaleString()}</p>
      ${a.claimId ? `<p>${t("claimId")}: <code>${escapeHtml(a.claimId)}</code> · ${escapeHtml((a.platforms || []).join(", "))}</p>` : ""}
      <h3>${t("perMinute")}</h3>${a.perMinute ? minuteChart(a.perMinute) : perMinuteChart(a.samples)}
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
