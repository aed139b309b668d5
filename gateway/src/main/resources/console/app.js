// Entry point: sign-in (dev identities or the identity provider's token), then the view of the role.
import { t, setLang, currentLang } from "./i18n.js";
import { api, session, saveSession, clearSession, escapeHtml, toast } from "./api.js";
import { ModeratorView } from "./moderator.js";
import { OfficerView } from "./officer.js";
import { AdminView } from "./admin.js";

const main = document.getElementById("main");
let view = null;

function claims(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch { return {}; }
}

const STATE_KEY = "livemod.signinState";

// The identity provider redirects back with #access_token=...&state=...; the token is taken only when
// the state is the one this tab sent (a token planted by another site's redirect is refused), then kept
// for this tab only.
function adoptTokenFromFragment() {
  if (!location.hash.includes("access_token=")) return;
  const params = new URLSearchParams(location.hash.slice(1));
  const expected = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  history.replaceState(null, "", location.pathname);
  const token = params.get("access_token");
  if (!expected || params.get("state") !== expected || !token) { toast(t("stateMismatch")); return; }
  const c = claims(token);
  saveSession({ token, role: c.role, platform: c.platform, sub: c.sub });
}

function startSignIn(url) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const state = Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
  sessionStorage.setItem(STATE_KEY, state);
  const redirect = location.origin + location.pathname;
  location.assign(url + (url.includes("?") ? "&" : "?") + "response_type=token&state=" + state + "&redirect_uri=" + encodeURIComponent(redirect));
}

async function renderSignIn() {
  document.getElementById("signout").hidden = true;
  document.getElementById("who").textContent = "";
  const cfg = await api("GET", "/console/config.json");
  if (!cfg.devMode) {
    main.innerHTML = `<h2>${t("signIn")}</h2><p>${t("idpSignIn")}</p>`;
    if (cfg.signInUrl) {
      const b = document.createElement("button");
      b.id = "idp-signin";
      b.textContent = t("signIn");
      b.addEventListener("click", () => startSignIn(cfg.signInUrl));
      main.append(b);
    }
    return;
  }
  main.innerHTML = `<h2 id="signin-title">${t("devSignIn")}</h2><div class="identities" role="list" aria-labelledby="signin-title"></div>`;
  const list = main.querySelector(".identities");
  for (const id of cfg.identities) {
    const b = document.createElement("button");
    b.setAttribute("role", "listitem");
    b.dataset.role = id.role;
    if (id.platform) b.dataset.platform = id.platform;
    b.innerHTML = `<strong>${escapeHtml(t(id.role))}</strong><br><span class="muted">${escapeHtml(id.platform || id.sub)}</span>`;
    b.addEventListener("click", async () => {
      try {
        const s = await api("POST", "/v1/dev/token", id);
        saveSession(s);
        start();
      } catch (e) { toast(t("failed") + ": " + e.message); }
    });
    list.append(b);
  }
}

function start() {
  if (view) { view.stop(); view = null; }
  adoptTokenFromFragment();
  const s = session();
  if (!s || !s.role) { renderSignIn(); return; }
  document.getElementById("signout").hidden = false;
  document.getElementById("who").textContent = `${t(s.role)} · ${s.sub || ""}${s.platform ? " · " + s.platform : ""}`;
  const View = { moderator: ModeratorView, officer: OfficerView, admin: AdminView }[s.role];
  if (!View) { clearSession(); renderSignIn(); return; }
  view = new View(main, s);
  view.start();
  main.focus();
}

document.getElementById("signout").addEventListener("click", () => { clearSession(); start(); });
const langSelect = document.getElementById("lang");
langSelect.value = currentLang();
langSelect.addEventListener("change", () => setLang(langSelect.value, start));
setLang(currentLang());
start();
