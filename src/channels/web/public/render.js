// Builds one message of the conversation as DOM nodes; text from the server is never read as HTML.

// *x* on one line with no space just inside the asterisks, as in src/messaging/emphasis.ts ("2 * 3 * 4" is not).
const EMPHASIS = /(\*\S(?:[^*\n]*\S)?\*)/g;

/** The text as parts, each emphasised or not. */
export function emphasisParts(text) {
  return String(text)
    .split(EMPHASIS)
    .filter(Boolean)
    .map((part) =>
      /^\*\S(?:[^*\n]*\S)?\*$/.test(part)
        ? { text: part.slice(1, -1), strong: true }
        : { text: part, strong: false },
    );
}

/** Renders *emphasis* as <strong>, everything else as plain text. */
export function renderText(target, text) {
  for (const part of emphasisParts(text)) {
    if (part.strong) {
      const strong = document.createElement("strong");
      strong.textContent = part.text;
      target.appendChild(strong);
    } else {
      target.appendChild(document.createTextNode(part.text));
    }
  }
}

const NOTES = { waiting: "Đang chờ gửi…", sending: "Đang gửi…", failed: "Chưa gửi được." };

/** Only web links (http, https) become buttons; anything else is left out. */
function safeUrl(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * One message: {who: "me"|"bot", text, options?, link?, state?, old?}. `on` has choose(option, group),
 * retry() and listen(text); `canListen` says whether "🔊 Nghe" is shown.
 */
export function messageItem(entry, on, canListen) {
  const item = document.createElement("li");
  item.className = `msg ${entry.who}${entry.old ? " old" : ""}`;
  item.tabIndex = -1;
  const text = document.createElement("div");
  text.className = "text";
  // A line that is also a button's wording ("A. …" of a quiz question) is shown once: as the button.
  const wordings = new Set((entry.options ?? []).map((o) => o.full).filter(Boolean));
  const lines = String(entry.text).split("\n");
  renderText(text, wordings.size ? lines.filter((line) => !wordings.has(line)).join("\n") : entry.text);
  item.appendChild(text);
  if (entry.who === "me") {
    setState(item, entry.state, on);
    return item;
  }
  const url = entry.link && safeUrl(entry.link.url);
  if (url) {
    // The link is the reply's main step (a certificate to open and print): right under its first line, so
    // a long reply that opens at its start shows it too.
    const link = document.createElement("a");
    link.className = "link-button";
    link.href = url;
    link.textContent = `📄 ${entry.link.label}`;
    const first = text.firstChild?.nodeType === Node.TEXT_NODE ? text.firstChild : null;
    const cut = first?.data.indexOf("\n") ?? -1;
    if (first && cut >= 0) {
      const rest = document.createElement("div");
      rest.className = "text";
      rest.appendChild(document.createTextNode(first.data.slice(cut + 1)));
      while (first.nextSibling) rest.appendChild(first.nextSibling);
      first.data = first.data.slice(0, cut);
      item.append(link, rest);
    } else item.appendChild(link);
  }
  if (entry.options?.length) {
    const group = document.createElement("div");
    group.className = "options";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Các lựa chọn");
    for (const option of entry.options) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = option.full || option.label;
      button.disabled = Boolean(entry.old);
      button.addEventListener("click", () => on.choose(option, group));
      group.appendChild(button);
    }
    item.appendChild(group);
  }
  const listen = document.createElement("button");
  listen.type = "button";
  listen.className = "listen";
  listen.textContent = "🔊 Nghe";
  listen.setAttribute("aria-label", "Nghe đọc tin này");
  listen.hidden = !canListen;
  listen.addEventListener("click", () => on.listen(entry.text));
  item.appendChild(listen);
  return item;
}

/** Shows where a message of mine is: waiting, sending, failed (with "Gửi lại"), or sent (nothing). */
export function setState(item, state, on) {
  item.classList.toggle("failed", state === "failed");
  for (const old of item.querySelectorAll(".note, .retry")) old.remove();
  if (!state) return;
  const note = document.createElement("p");
  note.className = "note";
  note.textContent = NOTES[state] ?? "";
  item.appendChild(note);
  if (state !== "failed") return;
  const retry = document.createElement("button");
  retry.type = "button";
  retry.className = "retry";
  retry.textContent = "Gửi lại";
  retry.addEventListener("click", () => on.retry());
  item.appendChild(retry);
}
