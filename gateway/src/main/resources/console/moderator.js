// The moderator's queue: their platform's flags, live; detail with the matched spans; claim and decide.
import { t } from "./i18n.js";
import { api, live, escapeHtml, toast } from "./api.js";

const ACTIONS = [["remove", "r"], ["dismiss", "d"], ["warn", "w"], ["timeout", "t"], ["ban", "b"], ["escalate", "e"]];
const SEVERITY_RANK = { critical: 3, high: 2, medium: 1, low: 0 };

export function highlight(text, matches) {
  const spans = [...(matches || [])].filter(m => m.end > m.start).sort((a, b) => a.start - b.start);
  let out = "", at = 0;
  for (const m of spans) {
    if (m.start < at) continue;
    out += escapeHtml(text.slice(at, m.start)) + `<mark title="${escapeHtml(m.rule)}">${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + escapeHtml(text.slice(at));
}

export class ModeratorView {
  constructor(root, session) {
    this.root = root; this.session = session;
    this.flags = new Map(); this.selected = null; this.tab = "queue";
    // "active" = open or claimed: a flag stays in the queue while someone works on it.
    this.filters = { status: "active", streamId: "", category: "", severity: "" };
    this.onKey = e => this.key(e);
  }

  start() {
    this.root.innerHTML = `
      <div class="tabs" role="tablist">
        <button role="tab" data-tab="queue" aria-selected="true">${t("queue")}</button>
        <button role="tab" data-tab="history" aria-selected="false">${t("history")}</button>
        <span id="live-state" class="muted" aria-live="polite"></span>
      </div>
      <form class="filters" aria-label="filters">
        <label>${t("status")}<select name="status"><option value="active">${t("open")} + ${t("claimed")}</option><option value="open">${t("open")}</option><option value="claimed">${t("claimed")}</option><option value="decided">${t("decided")}</option><option value="">${t("all")}</option></select></label>
        <label>${t("stream")}<input name="streamId" size="12"></label>
        <label>${t("category")}<select name="category"><option value="">${t("all")}</option>${["profanity","hate","anti_state","fake_news","gambling_ads","scam","sexual","violence","spam"].map(c => `<option>${c}</option>`).join("")}</select></label>
        <label>${t("severity")}<select name="severity"><option value="">${t("all")}</option>${["critical","high","medium","low"].map(c => `<option>${c}</option>`).join("")}</select></label>
      </form>
      <p class="muted">${t("shortcuts")}: <kbd>j</kbd>/<kbd>k</kbd> · <kbd>c</kbd> ${t("claim")} · ${ACTIONS.map(([a, k]) => `<kbd>${k}</kbd> ${t(a)}`).join(" · ")}</p>
      <div class="layout"><section class="panel" aria-label="${t("queue")}"><table><thead><tr><th>${t("severity")}</th><th>${t("category")}</th><th>${t("text")}</th><th>${t("stream")}</th><th>${t("status")}</th></tr></thead><tbody id="flag-rows"></tbody></table></section>
      <section class="panel" id="flag-detail" aria-live="polite"><p class="muted">${t("noFlag")}</p></section></div>`;
    this.root.querySelectorAll("[role=tab]").forEach(b => b.addEventListener("click", () => this.switchTab(b.dataset.tab)));
    const form = this.root.querySelector(".filters");
    form.addEventListener("change", () => { for (const [k, v] of new FormData(form)) this.filters[k] = v; this.load(); });
    form.addEventListener("submit", e => e.preventDefault());
    document.addEventListener("keydown", this.onKey);
    this.feed = live("/v1/flags/live", f => this.upsert(f), ok => {
      const el = document.getElementById("live-state"); if (el) el.textContent = ok ? "● " + t("live") : "";
    });
    this.load();
  }

  stop() { document.removeEventListener("keydown", this.onKey); if (this.feed) this.feed.close(); }

  switchTab(tab) {
    this.tab = tab;
    this.root.querySelectorAll("[role=tab]").forEach(b => b.setAttribute("aria-selected", String(b.dataset.tab === tab)));
    this.filters.status = tab === "history" ? "decided" : "active";
    this.root.querySelector("select[name=status]").value = this.filters.status;
    this.load();
  }

  async load() {
    const statuses = this.filters.status === "active" ? ["open", "claimed"] : [this.filters.status];
    try {
      const pages = await Promise.all(statuses.map(status => {
        const q = new URLSearchParams({ limit: "100" });
        for (const [k, v] of Object.entries({ ...this.filters, status })) if (v) q.set(k, v);
        return api("GET", "/v1/flags?" + q);
      }));
      this.flags = new Map(pages.flatMap(p => p.items).map(f => [f.flagId, f]));
      this.render();
    } catch (e) { toast(t("failed") + ": " + e.message); }
  }

  matchesFilters(f) {
    return Object.entries(this.filters).every(([k, v]) => !v || (k === "status" && v === "active" ? f.status !== "decided" : f[k] === v));
  }

  upsert(f) {
    if (!f || !f.flagId) return;
    if (this.matchesFilters(f)) this.flags.set(f.flagId, f); else this.flags.delete(f.flagId);
    this.render();
    if (this.selected === f.flagId) this.showDetail(f.flagId);
  }

  sorted() {
    return [...this.flags.values()].sort((a, b) => (SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]) || (b.detectedAt - a.detectedAt));
  }

  render() {
    const rows = this.root.querySelector("#flag-rows");
    if (!rows) return;
    const list = this.sorted();
    rows.innerHTML = list.length ? list.map(f => `
      <tr tabindex="0" data-id="${escapeHtml(f.flagId)}" class="${f.flagId === this.selected ? "selected" : ""}" aria-selected="${f.flagId === this.selected}">
        <td><span class="sev sev-${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span></td><td>${escapeHtml(f.category)}</td>
        <td>${highlight(f.text || "", f.matches)}</td><td>${escapeHtml(f.streamId)}</td><td>${escapeHtml(t(f.status))}</td></tr>`).join("")
      : `<tr><td colspan="5" class="muted">${t("noItems")}</td></tr>`;
    rows.querySelectorAll("tr[data-id]").forEach(tr => {
      tr.addEventListener("click", () => this.select(tr.dataset.id));
      tr.addEventListener("keydown", e => { if (e.key === "Enter") this.select(tr.dataset.id); });
    });
  }

  select(id) { this.selected = id; this.render(); this.showDetail(id); }

  async showDetail(id) {
    const panel = this.root.querySelector("#flag-detail");
    let f;
    try { f = await api("GET", "/v1/flags/" + encodeURIComponent(id)); } catch (e) { toast(e.message); return; }
    panel.innerHTML = `
      <h2><span class="sev sev-${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span> ${escapeHtml(f.category)} · ${escapeHtml(f.kind)}</h2>
      <p id="flag-text" style="font-size:1.1rem">${highlight(f.text || "", f.matches)}</p>
      <p class="muted">${t("user")}: ${escapeHtml(f.userId)} · ${t("stream")}: ${escapeHtml(f.streamId)} · ${new Date(f.detectedAt).toLocaleString()} · ${t("version")} ${escapeHtml(f.rulesVersion)}</p>
      <h3>${t("reason")}</h3><ul>${(f.matches || []).map(m => `<li>${t("rule")} <code>${escapeHtml(m.rule)}</code>, ${t("term")} «${escapeHtml(m.term)}», ${t("steps")}: ${escapeHtml((m.steps || []).join(", ") || "—")}</li>`).join("")}</ul>
      <div class="actions"><button id="claim" class="primary">${t("claim")} (c)</button></div>
      <div class="field"><label for="note">${t("note")}</label><textarea id="note" rows="2" style="min-height:3rem"></textarea></div>
      <div class="field"><label for="duration">${t("duration")}</label><input id="duration" type="number" min="1" value="600"></div>
      <div class="actions">${ACTIONS.map(([a, k]) => `<button data-action="${a}">${t(a)} (${k})</button>`).join("")}</div>
      <h3>${t("context")}</h3><ul id="context" class="muted"></ul><h3>${t("userFlags")}</h3><ul id="user-flags" class="muted"></ul>`;
    panel.querySelector("#claim").addEventListener("click", () => this.claim());
    panel.querySelectorAll("[data-action]").forEach(b => b.addEventListener("click", () => this.decide(b.dataset.action)));
    this.context(f);
  }

  async context(f) {
    try {
      const stream = await api("GET", "/v1/flags?limit=10&streamId=" + encodeURIComponent(f.streamId));
      document.getElementById("context").innerHTML = stream.items.filter(x => x.flagId !== f.flagId).map(x => `<li>${escapeHtml(x.text)}</li>`).join("") || `<li>${t("noItems")}</li>`;
      const recent = await api("GET", "/v1/flags?limit=200");
      document.getElementById("user-flags").innerHTML = recent.items.filter(x => x.userId === f.userId && x.flagId !== f.flagId)
        .map(x => `<li>${escapeHtml(x.category)}: ${escapeHtml(x.text)}</li>`).join("") || `<li>${t("noItems")}</li>`;
    } catch { /* context is a help, not a must */ }
  }

  async claim() {
    if (!this.selected) return;
    try { await api("POST", `/v1/flags/${encodeURIComponent(this.selected)}/claim`); toast(t("claimed")); this.showDetail(this.selected); }
    catch (e) { toast(t("failed") + ": " + e.message); }
  }

  async decide(action) {
    if (!this.selected) return;
    const body = { action, note: document.getElementById("note")?.value || "" };
    if (action === "timeout") body.durationSeconds = Number(document.getElementById("duration").value);
    try {
      await api("POST", `/v1/flags/${encodeURIComponent(this.selected)}/decision`, body);
      toast(t(action) + " ✓");
      this.flags.delete(this.selected);
      this.render();
      this.load();
    } catch (e) { toast(t("failed") + ": " + e.message); }
  }

  key(e) {
    if (["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
    const list = this.sorted();
    const i = list.findIndex(f => f.flagId === this.selected);
    if (e.key === "j" && list.length) this.select(list[Math.min(list.length - 1, i + 1)].flagId);
    else if (e.key === "k" && list.length) this.select(list[Math.max(0, i - 1)].flagId);
    else if (e.key === "c") this.claim();
    else { const a = ACTIONS.find(([, k]) => k === e.key); if (a) this.decide(a[0]); }
  }
}
