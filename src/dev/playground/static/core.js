// Shared by the page's modules: its state, labels, the server's API, small notices.
export const $ = (selector) => document.querySelector(selector);

export const state = {
  lang: localStorage.getItem("playground-lang") === "en" ? "en" : "id",
  labels: {},
  bot: { name: "", username: "" },
  timeZone: "Asia/Makassar",
  personas: [],
  person: null,
  messages: new Map(),
  // counts the chat events applied, so that a snapshot fetched while one arrived is not used
  // (it would wipe out the newer message)
  chatEvents: 0,
  keyboard: null,
  commands: [],
  joinLinks: [],
  events: null,
};

export function t(key, vars = {}) {
  let text = state.labels[key] ?? key;
  for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

export async function api(path, body, raw) {
  const init = raw ? { method: "POST", headers: { "content-type": raw.type || "application/octet-stream" }, body: raw }
    : body !== undefined ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }
    : {};
  const res = await fetch(path, init);
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? res.statusText);
  return data;
}

let toastTimer;
export function toast(text, alert = false) {
  const box = $("#toast");
  box.textContent = text;
  box.className = `toast${alert ? " alert" : ""}`;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.hidden = true), alert ? 6000 : 3000);
}

export const failed = (err) => toast(t("playground-failed", { error: err.message }));

export const timeFormat = () => new Intl.DateTimeFormat(state.lang === "en" ? "en-GB" : "id-ID", { timeZone: state.timeZone, hour: "2-digit", minute: "2-digit" });
export const dayFormat = () =>
  new Intl.DateTimeFormat(state.lang === "en" ? "en-GB" : "id-ID", { timeZone: state.timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" });
