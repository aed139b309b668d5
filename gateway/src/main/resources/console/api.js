// The console's only way to the gateway: Bearer token on every call, the contract's error shape on failure.
const KEY = "livemod.session";

export function session() {
  try { return JSON.parse(sessionStorage.getItem(KEY)); } catch { return null; }
}

export function saveSession(s) { sessionStorage.setItem(KEY, JSON.stringify(s)); }

export function clearSession() { sessionStorage.removeItem(KEY); }

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export async function api(method, path, body, raw) {
  const s = session();
  const headers = { "Accept": "application/json" };
  if (s) headers["Authorization"] = "Bearer " + s.token;
  if (body !== undefined) headers["Content-Type"] = typeof body === "string" ? "text/plain" : "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : (typeof body === "string" ? body : JSON.stringify(body)) });
  if (raw) { if (!res.ok) throw new ApiError(res.status, null); return res; }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

/** A Server-Sent Events feed; EventSource cannot send headers, so the token goes as access_token. */
export function live(path, onEvent, onState) {
  const s = session();
  const es = new EventSource(path + (path.includes("?") ? "&" : "?") + "access_token=" + encodeURIComponent(s.token));
  es.onmessage = e => { try { onEvent(JSON.parse(e.data)); } catch { /* keep-alive or non-JSON */ } };
  es.onopen = () => onState && onState(true);
  es.onerror = () => onState && onState(false);
  return es;
}

export function escapeHtml(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c]));
}

export function toast(message) {
  const el = document.createElement("div");
  el.textContent = message;
  document.getElementById("toast").append(el);
  setTimeout(() => el.remove(), 5000);
}
