// The chat: messages (formatting, photos, documents, inline buttons), the reply keyboard,
// the command menu, and what the person sends.
import { $, api, dayFormat, failed, state, t, timeFormat } from "./core.js";
import { formatSize, renderEntities, renderTelegramHtml } from "./render.js";

export function showMessages(toBottom = false) {
  const box = $("#messages");
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 120;
  if (state.person === null) {
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = t("playground-nobody");
    box.replaceChildren(empty);
    return;
  }
  if (state.messages.size === 0) {
    // Telegram opens a new chat with a Start button: it sends /start.
    const empty = document.createElement("div");
    empty.className = "empty";
    const text = document.createElement("p");
    text.textContent = t("playground-empty-chat");
    const start = document.createElement("button");
    start.type = "button";
    start.className = "primary";
    start.textContent = t("playground-start");
    start.addEventListener("click", () => sendText("/start"));
    empty.append(text, start);
    box.replaceChildren(empty);
    return;
  }
  const nodes = [];
  let lastDay = "";
  const days = dayFormat();
  for (const m of [...state.messages.values()].sort((a, b) => a.id - b.id)) {
    const day = days.format(new Date(m.date * 1000));
    if (day !== lastDay) {
      const sep = document.createElement("div");
      sep.className = "day";
      sep.textContent = day;
      nodes.push(sep);
      lastDay = day;
    }
    nodes.push(messageNode(m));
  }
  box.replaceChildren(...nodes);
  if (toBottom || nearBottom) box.scrollTop = box.scrollHeight;
}

export function joinCodeOf(url) {
  const m = /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]+)$/.exec(url);
  return m && m[1].toLowerCase() === state.bot.username.toLowerCase() ? m[2] : null;
}

const onLink = (a, href) => {
  const code = joinCodeOf(href);
  if (code) a.dataset.joinCode = code;
};

export function messageNode(m) {
  const wrap = document.createElement("div");
  wrap.className = `msg ${m.from}`;
  wrap.dataset.id = m.id;
  const bubble = document.createElement("div");
  bubble.className = "bubble";
  if (m.photo) {
    const link = document.createElement("a");
    link.className = "photo";
    link.href = m.photo.url;
    link.target = "_blank";
    const img = document.createElement("img");
    img.src = m.photo.url;
    img.alt = "";
    img.loading = "lazy";
    link.append(img);
    bubble.append(link);
  }
  if (m.document) {
    const a = document.createElement("a");
    a.className = "doc";
    a.href = m.document.url;
    a.download = m.document.name;
    a.title = t("playground-download");
    const icon = document.createElement("span");
    icon.className = "doc-icon";
    icon.textContent = "📄";
    const label = document.createElement("span");
    const name = document.createElement("span");
    name.className = "doc-name";
    name.textContent = m.document.name;
    const size = document.createElement("small");
    size.textContent = `${formatSize(m.document.size)} · ${t("playground-download")}`;
    label.append(name, size);
    a.append(icon, label);
    bubble.append(a);
  }
  if (m.sticker) {
    const s = document.createElement("div");
    s.className = "sticker";
    s.textContent = m.sticker;
    bubble.append(s);
  }
  if (m.contact) {
    const c = document.createElement("div");
    c.className = "text";
    c.textContent = `👤 ${t("playground-contact")}: ${m.contact.name}\n${m.contact.phone}`;
    bubble.append(c);
  }
  if (m.text !== undefined) {
    const text = document.createElement("div");
    text.className = "text";
    if (m.html) renderTelegramHtml(text, m.text, onLink);
    else renderEntities(text, m.text, m.entities, onLink);
    bubble.append(text);
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.textContent = `${m.edited ? `${t("playground-edited")} · ` : ""}${timeFormat().format(new Date(m.date * 1000))}`;
  bubble.append(meta);
  wrap.append(bubble);
  if (m.buttons?.length) {
    const inline = document.createElement("div");
    inline.className = "inline";
    for (const row of m.buttons) {
      const r = document.createElement("div");
      r.className = "row";
      for (const b of row) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.url ? `${b.text} ↗` : b.text;
        button.addEventListener("click", () => pressInline(m, b));
        r.append(button);
      }
      inline.append(r);
    }
    wrap.append(inline);
  }
  return wrap;
}

function pressInline(message, button) {
  if (button.url) return openLink(button.url);
  if (button.data === undefined) return;
  api(`/api/chats/${state.person}/press`, { messageId: message.id, data: button.data }).catch(failed);
}

export function openLink(url) {
  const code = joinCodeOf(url);
  if (!code) return window.open(url, "_blank", "noopener");
  if (confirm(t("playground-link-open-as-new"))) document.dispatchEvent(new CustomEvent("join-link", { detail: code }));
}

export function showKeyboard() {
  const box = $("#keyboard");
  const kb = state.keyboard;
  box.hidden = !kb;
  $("#text").placeholder = kb?.placeholder ?? t("playground-message-placeholder");
  if (!kb) return box.replaceChildren();
  box.replaceChildren(
    ...kb.rows.map((row) => {
      const r = document.createElement("div");
      r.className = "row";
      for (const b of row) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.text;
        button.addEventListener("click", () => {
          api(`/api/chats/${state.person}/reply`, b.contact ? { contact: true } : { text: b.text }).catch(failed);
        });
        r.append(button);
      }
      return r;
    }),
  );
}

export function showCommands() {
  const box = $("#commands");
  if (state.commands.length === 0) {
    const none = document.createElement("p");
    none.className = "hint";
    none.style.padding = "8px 14px";
    none.textContent = t("playground-no-commands");
    return box.replaceChildren(none);
  }
  box.replaceChildren(
    ...state.commands.map((c) => {
      const button = document.createElement("button");
      button.type = "button";
      const cmd = document.createElement("span");
      cmd.className = "cmd";
      cmd.textContent = `/${c.command}`;
      const desc = document.createElement("span");
      desc.className = "desc";
      desc.textContent = c.description;
      button.append(cmd, desc);
      button.addEventListener("click", () => {
        box.hidden = true;
        sendText(`/${c.command}`);
      });
      return button;
    }),
  );
}

export function sendText(text) {
  if (state.person === null || text.trim() === "") return;
  api(`/api/chats/${state.person}/text`, { text }).catch(failed);
}
