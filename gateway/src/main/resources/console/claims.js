// The registry of false claims for duty officers: search (any spelling: the gateway compares the
// canonical form) and registration. Matching every comment against it happens in moderation.
import { t } from "./i18n.js";
import { api, escapeHtml, toast } from "./api.js";

const SEVERITIES = ["critical", "high", "medium", "low"];

export async function showClaims(body) {
  const today = new Date().toISOString().slice(0, 10);
  body.innerHTML = `
    <form id="claim-search" class="filters" role="search"><label>${t("search")}<input name="q" id="claim-q" type="search"></label>
      <button class="primary">${t("search")}</button></form>
    <details id="claim-new"><summary>${t("newClaim")}</summary>
      <form id="claim-form" class="filters">
        <label>${t("text")}<textarea name="text" required maxlength="1000" rows="2"></textarea></label>
        <label>${t("source")}<input name="source" required maxlength="200"></label>
        <label>${t("verdict")}<input name="verdict" required maxlength="1000"></label>
        <label>${t("date")}<input type="date" name="date" value="${today}" required></label>
        <label>${t("category")}<input name="category" required pattern="[a-z][a-z0-9_]{0,39}" placeholder="health"></label>
        <label>${t("severity")}<select name="severity">${SEVERITIES.map(s => `<option value="${s}"${s === "high" ? " selected" : ""}>${s}</option>`).join("")}</select></label>
        <button class="primary">${t("register")}</button></form></details>
    <p id="claim-total" class="muted" aria-live="polite"></p>
    <table><thead><tr><th>${t("claimId")}</th><th>${t("text")}</th><th>${t("category")}</th><th>${t("severity")}</th><th>${t("source")}</th>
      <th>${t("date")}</th><th>${t("version")}</th></tr></thead><tbody id="claim-rows"></tbody></table>`;
  const load = async () => {
    const q = document.getElementById("claim-q").value.trim();
    try {
      const page = await api("GET", "/v1/claims" + (q ? "?q=" + encodeURIComponent(q) : ""));
      render(page);
    } catch (e) { toast(t("failed") + ": " + e.message); }
  };
  document.getElementById("claim-search").addEventListener("submit", e => { e.preventDefault(); load(); });
  document.getElementById("claim-form").addEventListener("submit", async e => {
    e.preventDefault();
    const claim = Object.fromEntries(new FormData(e.target));
    try {
      const created = await api("POST", "/v1/claims", claim);
      toast(t("saved") + " · " + created.id);
      e.target.reset();
      load();
    } catch (err) { toast(t("failed") + ": " + err.message); }
  });
  await load();
}

function render(page) {
  const items = page.items || [];
  document.getElementById("claim-total").textContent = `${items.length} / ${page.total} ${t("claimsInRegistry")}`;
  document.getElementById("claim-rows").innerHTML = items.map(c => `<tr data-id="${escapeHtml(c.id)}"><td>${escapeHtml(c.id)}</td>
    <td>${escapeHtml(c.text)}</td><td>${escapeHtml(c.category)}</td><td><span class="sev sev-${escapeHtml(c.severity)}">${escapeHtml(c.severity)}</span></td>
    <td>${escapeHtml(c.source)}</td><td>${escapeHtml(c.date)}</td><td>${c.version}</td></tr>`).join("")
    || `<tr><td colspan="7" class="muted">${t("noItems")}</td></tr>`;
}
