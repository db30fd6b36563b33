// The playground page: choose a person, chat with the real bot as them. No framework: the
// server (src/dev/playground/http.ts) does the work; these modules draw and send.
import { $, api, dayFormat, failed, state, t, timeFormat, toast } from "./core.js";
import { openLink, sendText, showCommands, showKeyboard, showMessages } from "./chat.js";

// ── labels, state, people ───────────────────────────────────────────────────────────

function applyLabels() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll("[data-label]")) el.textContent = t(el.dataset.label);
  for (const el of document.querySelectorAll("[data-label-title]")) el.title = el.ariaLabel = t(el.dataset.labelTitle);
  for (const el of document.querySelectorAll("[data-label-placeholder]")) el.placeholder = t(el.dataset.labelPlaceholder);
  document.title = t("playground-title");
}

async function loadState() {
  const s = await api(`/api/state?lang=${state.lang}`);
  Object.assign(state, { labels: s.labels, bot: s.bot, timeZone: s.timeZone });
  applyLabels();
  showClock(s.clock);
  showJobs(s.jobs);
}

async function loadPeople() {
  const [personas, links] = await Promise.all([api("/api/personas"), api("/api/join-links")]);
  state.personas = personas;
  state.joinLinks = links;
  showPeople();
  showJoinLinks();
  showWho();
}

const personaOf = (id) => state.personas.find((p) => p.id === id);

function showPeople() {
  const list = $("#people");
  list.replaceChildren(
    ...state.personas.map((p) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.personId = p.id;
      if (p.id === state.person) button.setAttribute("aria-current", "true");
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = p.name;
      const role = document.createElement("span");
      role.className = "role";
      role.textContent = [t(`playground-role-${p.role}`), p.detail].filter(Boolean).join(" · ");
      button.append(name, role);
      button.addEventListener("click", () => choosePerson(p.id));
      li.append(button);
      return li;
    }),
  );
}

function linkLabel(link) {
  const role = t(`playground-link-${link.role}`);
  const target = link.group ?? link.institution;
  return target ? `${target} — ${role}` : role;
}

function showJoinLinks(selected) {
  const select = $("#new-person select");
  const keep = selected ?? select.value;
  select.replaceChildren(
    ...state.joinLinks.map((link) => {
      const option = document.createElement("option");
      option.value = link.code;
      option.textContent = linkLabel(link);
      return option;
    }),
  );
  if (keep && !state.joinLinks.some((l) => l.code === keep)) select.append(new Option(keep, keep));
  if (keep) select.value = keep;
}

function showWho() {
  const p = personaOf(state.person);
  $("#who-name").textContent = p ? p.name : t("playground-choose-person");
  $("#who-role").textContent = p ? [t(`playground-role-${p.role}`), p.detail].filter(Boolean).join(" · ") : `@${state.bot.username}`;
  $("#text").disabled = !p;
  for (const b of document.querySelectorAll(".people button")) b.setAttribute("aria-current", String(Number(b.dataset.personId) === state.person));
}

// ── the chat ────────────────────────────────────────────────────────────────────────

async function choosePerson(id) {
  if (location.hash !== `#person=${id}`) history.replaceState(null, "", `#person=${id}`);
  state.person = id;
  state.messages.clear();
  $("#app").classList.remove("side-open");
  showWho();
  connectEvents();
  await loadChat();
}

async function loadChat() {
  if (state.person === null) return showMessages();
  const person = state.person;
  let view;
  for (;;) {
    const seen = state.chatEvents;
    view = await api(`/api/chats/${person}`);
    if (state.person !== person) return; // another person was chosen meanwhile
    if (state.chatEvents === seen) break; // nothing arrived while fetching: the snapshot is current
  }
  state.messages = new Map(view.messages.map((m) => [m.id, m]));
  state.keyboard = view.keyboard;
  state.commands = view.commands;
  showMessages(true);
  showKeyboard();
  showCommands();
}
// ── live events ─────────────────────────────────────────────────────────────────────

let typingTimer;
let refreshTimer;

function connectEvents() {
  state.events?.close();
  const source = new EventSource(`/api/events${state.person === null ? "" : `?chat=${state.person}`}`);
  state.events = source;
  source.onopen = () => {
    setStatus("");
    loadChat().catch(failed); // catch up on what happened while disconnected
  };
  source.onerror = () => setStatus(t("playground-offline"));
  source.onmessage = (e) => handleEvent(JSON.parse(e.data));
}

function handleEvent(event) {
  switch (event.type) {
    case "message":
      state.chatEvents += 1;
      state.messages.set(event.message.id, event.message);
      state.keyboard = event.keyboard;
      if (event.message.from === "bot") setStatus("");
      showMessages(event.message.from === "user");
      showKeyboard();
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => loadPeople().catch(() => undefined), 800);
      break;
    case "delete":
      state.chatEvents += 1;
      state.messages.delete(event.id);
      state.keyboard = event.keyboard;
      showMessages();
      showKeyboard();
      break;
    case "toast":
      toast(event.text, event.alert);
      break;
    case "action":
      setStatus(t("playground-typing"), "typing");
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => setStatus(""), 5000);
      break;
    case "commands":
      if (state.person !== null) api(`/api/chats/${state.person}`).then((v) => { state.commands = v.commands; showCommands(); }).catch(() => undefined);
      break;
    case "clock":
      showClock(event);
      break;
    case "reset":
      toast(t("playground-reset-done"));
      Promise.all([loadState(), loadPeople()]).then(() => {
        if (state.person !== null && !personaOf(state.person)) {
          state.person = null;
          history.replaceState(null, "", location.pathname);
          showWho();
          connectEvents();
        }
        return loadChat();
      }).catch(failed);
      break;
  }
}

function setStatus(text, kind = "") {
  const status = $("#status");
  status.textContent = text;
  status.className = `status ${kind}`;
}
// ── operator ────────────────────────────────────────────────────────────────────────

function showClock(clock) {
  const now = new Date(clock.now);
  $("#clock-now").textContent = `${dayFormat().format(now)} ${timeFormat().format(now)}`;
  const days = Math.floor(clock.offsetMs / 86_400_000);
  const hours = Math.floor((clock.offsetMs % 86_400_000) / 3_600_000);
  $("#clock-offset").textContent = clock.offsetMs > 0 ? t("playground-clock-offset", { days, hours }) : "";
}

function showJobs(jobs) {
  $("#jobs").replaceChildren(
    ...jobs.map((job) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "job";
      button.disabled = !job.available;
      button.dataset.job = job.id;
      const name = document.createElement("span");
      name.textContent = `▶ ${t(`playground-job-${job.id}`)}`;
      button.append(name);
      if (!job.available) {
        const note = document.createElement("small");
        note.textContent = t("playground-job-unavailable");
        button.append(note);
      }
      button.addEventListener("click", () => api(`/api/operator/jobs/${job.id}`, {}).then(() => toast(t("playground-job-started"))).catch(failed));
      return button;
    }),
  );
}

// ── wiring ──────────────────────────────────────────────────────────────────────────

/** The message box as high as its lines (up to its CSS max-height, then it scrolls). */
function fitText() {
  const box = $("#text");
  box.style.height = "auto";
  box.style.height = `${box.scrollHeight}px`;
}

function wire() {
  $("#composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const input = $("#text");
    sendText(input.value);
    input.value = "";
    fitText();
    $("#commands").hidden = true;
  });
  // Enter sends, Shift+Enter starts a new line (a multi-line agenda); the box grows with its text.
  $("#text").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $("#composer").requestSubmit();
    }
  });
  $("#text").addEventListener("input", fitText);
  $("#menu").addEventListener("click", () => ($("#commands").hidden = !$("#commands").hidden));
  $("#attach").addEventListener("click", () => state.person !== null && $("#photo").click());
  $("#photo").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    e.target.value = "";
    if (!file || state.person === null) return;
    const caption = $("#text").value;
    $("#text").value = "";
    const query = new URLSearchParams({ caption, name: file.name });
    api(`/api/chats/${state.person}/photo?${query}`, undefined, file).catch(failed);
  });
  $("#messages").addEventListener("click", (e) => {
    const link = e.target.closest("a[data-join-code]");
    if (link) {
      e.preventDefault();
      openLink(link.href);
    }
    const spoiler = e.target.closest(".spoiler");
    if (spoiler) spoiler.classList.add("shown");
  });
  $("#new-person").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    try {
      const persona = await api("/api/personas", { name: form.get("name") });
      e.target.reset();
      await loadPeople();
      await choosePerson(persona.id);
      sendText(`/start ${form.get("code")}`);
    } catch (err) {
      failed(err);
    }
  });
  for (const button of document.querySelectorAll("[data-advance]")) {
    button.addEventListener("click", () => api("/api/operator/clock", { ms: Number(button.dataset.advance) }).then(showClock).catch(failed));
  }
  $("#reset").addEventListener("click", async () => {
    if (!confirm(t("playground-reset-confirm"))) return;
    $("#reset").disabled = true;
    await api("/api/operator/reset", {}).catch(failed);
    $("#reset").disabled = false;
  });
  $("#lang").addEventListener("click", async () => {
    state.lang = state.lang === "id" ? "en" : "id";
    localStorage.setItem("playground-lang", state.lang);
    await loadState();
    showPeople();
    showJoinLinks();
    showWho();
    showMessages();
    showKeyboard();
    showCommands();
  });
  // a join link pressed in a chat: offer it to a new person
  document.addEventListener("join-link", (e) => {
    showJoinLinks(e.detail);
    $("#app").classList.add("side-open");
    $("#new-person input[name=name]").focus();
  });
  $("#open-side").addEventListener("click", () => $("#app").classList.add("side-open"));
  $("#close-side").addEventListener("click", () => $("#app").classList.remove("side-open"));
  window.addEventListener("hashchange", () => {
    const id = personFromHash();
    if (id !== null && id !== state.person) choosePerson(id).catch(failed);
  });
}

function personFromHash() {
  const m = /^#person=(\d+)$/.exec(location.hash);
  return m ? Number(m[1]) : null;
}

async function start() {
  wire();
  await loadState();
  await loadPeople();
  const id = personFromHash();
  if (id !== null && personaOf(id)) await choosePerson(id);
  else {
    showWho();
    showMessages();
    connectEvents();
    if (matchMedia("(max-width: 800px)").matches) $("#app").classList.add("side-open");
  }
}

start().catch(failed);
