// The operator's view: the rule set with inline validation errors, dry run, backtest, publish, roll back; platforms.
import { t } from "./i18n.js";
import { api, escapeHtml, toast } from "./api.js";
import { backtestPanel, runBacktest } from "./backtest.js";

export class AdminView {
  constructor(root, session) { this.root = root; this.session = session; }

  async start() {
    this.root.innerHTML = `
      <div class="tabs" role="tablist"><button role="tab" data-tab="rules" aria-selected="true">${t("rules")}</button><button role="tab" data-tab="platforms" aria-selected="false">${t("platforms")}</button></div>
      <div id="tab-body"></div>`;
    this.root.querySelectorAll("[role=tab]").forEach(b => b.addEventListener("click", () => {
      this.root.querySelectorAll("[role=tab]").forEach(x => x.setAttribute("aria-selected", String(x === b)));
      b.dataset.tab === "rules" ? this.rules() : this.platforms();
    }));
    this.rules();
  }

  stop() {}

  async rules() {
    let current = {};
    try { current = await api("GET", "/v1/rules"); } catch (e) { toast(e.message); }
    document.getElementById("tab-body").innerHTML = `
      <p>${t("version")}: <strong id="rules-version">${escapeHtml(current.version || "—")}</strong></p>
      <div class="field"><label for="rules-source">${t("rules")}</label><textarea id="rules-source" spellcheck="false">${escapeHtml(current.source || "")}</textarea></div>
      <p id="rules-error" class="error" role="alert"></p>
      <div class="field"><label for="samples">${t("comments")}</label><textarea id="samples" style="min-height:5rem"></textarea></div>
      <div class="actions"><button id="dry">${t("dryRun")}</button><button id="publish" class="primary">${t("publish")}</button>
      <label>${t("rollback")} <input id="rollback-version" size="16"></label><button id="rollback">${t("rollback")}</button></div>
      <pre id="dry-out"></pre>${backtestPanel()}`;
    document.getElementById("dry").addEventListener("click", () => this.dryRun());
    document.getElementById("bt-run").addEventListener("click",
      () => runBacktest(document.getElementById("rules-source").value, e => this.showError(e)));
    document.getElementById("publish").addEventListener("click", () => this.publish());
    document.getElementById("rollback").addEventListener("click", () => this.rollback());
  }

  showError(e) {
    const b = e.body || {};
    document.getElementById("rules-error").textContent = b.line ? `line ${b.line}${b.field ? ", " + b.field : ""}: ${b.message}` : (b.message || e.message);
  }

  async dryRun() {
    const comments = document.getElementById("samples").value.split("\n").filter(Boolean);
    try {
      const r = await api("POST", "/v1/rules/test", { source: document.getElementById("rules-source").value, comments });
      document.getElementById("rules-error").textContent = "";
      document.getElementById("dry-out").textContent = JSON.stringify(r, null, 2);
    } catch (e) { this.showError(e); }
  }

  async publish() {
    try {
      const r = await api("PUT", "/v1/rules", { source: document.getElementById("rules-source").value });
      document.getElementById("rules-error").textContent = "";
      document.getElementById("rules-version").textContent = r.version;
      toast(t("saved"));
    } catch (e) { this.showError(e); }
  }

  async rollback() {
    try { const r = await api("POST", "/v1/rules/rollback", { version: document.getElementById("rollback-version").value }); toast(t("saved")); this.rules(); return r; }
    catch (e) { this.showError(e); }
  }

  async platforms() {
    let list = [];
    try { const r = await api("GET", "/v1/platforms"); list = r.items || r; } catch (e) { toast(e.message); }
    document.getElementById("tab-body").innerHTML = `<table><thead><tr><th>id</th><th>name</th><th>webhook</th></tr></thead><tbody>${
      (list || []).map(p => `<tr><td>${escapeHtml(p.id)}</td><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.webhookUrl || "—")}</td></tr>`).join("")}</tbody></table>`;
  }
}
