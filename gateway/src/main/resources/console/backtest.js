// The rules page's backtest: the rule file in the editor against the live version on retained
// comments (POST /v1/rules/backtest), per rule, with sample comments.
import { t } from "./i18n.js";
import { api, escapeHtml } from "./api.js";

export function backtestPanel() {
  const hourAgo = localInput(new Date(Date.now() - 3600_000));
  return `
    <section id="backtest" aria-labelledby="bt-title">
      <h3 id="bt-title">${t("backtest")}</h3>
      <p class="hint">${t("backtestHint")}</p>
      <div class="actions">
        <label>${t("from")} <input id="bt-from" type="datetime-local" value="${hourAgo}"></label>
        <label>${t("to")} <input id="bt-to" type="datetime-local"></label>
        <label>${t("platform")} <input id="bt-platform" size="14"></label>
        <button id="bt-run">${t("backtestRun")}</button>
      </div>
      <div id="bt-out" aria-live="polite"></div>
    </section>`;
}

/** Runs the backtest of {@code source}; errors go to {@code onError} (the editor's inline error). */
export async function runBacktest(source, onError) {
  const out = document.getElementById("bt-out");
  const body = { source, from: iso("bt-from"), samples: 3 };
  if (document.getElementById("bt-to").value) body.to = iso("bt-to");
  const platform = document.getElementById("bt-platform").value.trim();
  if (platform) body.platform = platform;
  out.textContent = t("running");
  try {
    out.innerHTML = render(await api("POST", "/v1/rules/backtest", body));
  } catch (e) {
    out.textContent = "";
    onError(e);
  }
}

function render(r) {
  const f = r.flagged;
  const rows = r.rules.map(x => `<tr data-rule="${escapeHtml(x.rule)}"><td>${escapeHtml(x.rule)}</td><td>${x.liveFlags}</td>
      <td>${x.candidateFlags}</td><td class="added">+${x.added}</td><td class="removed">−${x.removed}</td><td>${escapeHtml(change(x))}</td></tr>`).join("");
  const samples = r.rules.filter(x => x.samples.added.length || x.samples.removed.length).map(x => `
      <details><summary>${escapeHtml(x.rule)}</summary><ul>${
        [...x.samples.added.map(s => sample("+", s)), ...x.samples.removed.map(s => sample("−", s))].join("")}</ul></details>`).join("");
  return `
    <p id="bt-summary">${r.comments} ${t("commentsRead")}${r.truncated ? " (" + t("truncated") + ")" : ""}.
      ${t("liveVersion")} ${escapeHtml(r.live.version)}: ${f.live}; ${t("candidate")} ${escapeHtml(r.candidate.version)}: ${f.candidate}.
      +${f.added} ${t("newlyFlagged")}, −${f.removed} ${t("noLongerFlagged")}.</p>
    <table><thead><tr><th>${t("rule")}</th><th>${t("liveVersion")}</th><th>${t("candidate")}</th><th>${t("newlyFlagged")}</th>
      <th>${t("noLongerFlagged")}</th><th>${t("change")}</th></tr></thead><tbody id="bt-rows">${rows}</tbody></table>${samples}`;
}

function change(x) {
  if (!x.live) return t("newRule");
  if (!x.candidate) return t("removedRule");
  if (!x.changed) return "";
  const parts = ["state", "severity", "category"].filter(k => x.live[k] !== x.candidate[k]).map(k => `${x.live[k]} → ${x.candidate[k]}`);
  return parts.length ? parts.join(", ") : t("termsChanged");
}

function sample(sign, s) {
  return `<li><span class="sign">${sign}</span> ${escapeHtml(s.platform)}/${escapeHtml(s.streamId)}: ${escapeHtml(s.text)} <em>(${escapeHtml(s.term)})</em></li>`;
}

function iso(id) { return new Date(document.getElementById(id).value).toISOString(); }

function localInput(d) {
  const p = n => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
