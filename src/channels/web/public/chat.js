// The web chat: sends {sessionId, text|action} to /api/chat in order and shows the replies; options become
// buttons, links become a button, and the conversation survives reloads, weak lines and going offline.
import { createConversation } from "./conversation.js";
import { setUpMenu } from "./menu.js";
import { createOutbox, postChat } from "./outbox.js";
import { setUpNotices, takeNotices } from "./push.js";
import { setUpSettings } from "./settings.js";
import { createReader, setUpVoiceInput } from "./speech.js";
import { sessionId } from "./storage.js";

const $ = (id) => document.getElementById(id);
const main = $("main");
const log = $("log");
const input = $("message");
const status = $("status");
const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)");
const id = sessionId();

/** The newest reply, kept in view above the composer: whole when it fits, else from its start. */
let shown = null;
function reveal(item, smooth = true) {
  if (!item) return;
  shown = item;
  const top = item.offsetTop - 8;
  const fits = main.scrollHeight - top <= main.clientHeight;
  const behavior = smooth && !reduceMotion.matches ? "smooth" : "auto";
  main.scrollTo({ top: fits ? main.scrollHeight : top, behavior });
}
// The on-screen keyboard, the menu or a text size shrinks the conversation: keep the newest reply in view.
new ResizeObserver(() => reveal(shown, false)).observe(main);

/** The options of the newest reply of this visit: disabled while a choice is on its way, back on failure. */
let liveGroup = null;
const setOptions = (group, enabled) => {
  for (const button of group?.querySelectorAll("button") ?? []) button.disabled = !enabled;
};

const reader = createReader((available) => {
  for (const button of log.querySelectorAll(".listen")) button.hidden = !available;
});

const conversation = createConversation(
  log,
  {
    choose(option, group) {
      outbox.dropFailed((item) => item.group === group);
      send({ action: option.action }, option.full || option.label, { group, fromButton: true });
    },
    retry: () => outbox.retry(),
    listen: (text) => reader.speak(text),
  },
  () => reader.available(),
);

const strings = (list) =>
  Array.isArray(list)
    ? list
        .filter((o) => typeof o?.label === "string" && typeof o?.action === "string")
        .map((o) => ({
          label: o.label,
          action: o.action,
          ...(typeof o.full === "string" ? { full: o.full } : {}),
        }))
    : undefined;

const outbox = createOutbox((payload) => postChat(id, payload), {
  state(item) {
    if (item.entryId) conversation.setState(item.entryId, item.state);
  },
  sent(item, replies) {
    let last = null;
    for (const reply of replies) {
      if (typeof reply?.text !== "string") continue;
      const link =
        typeof reply.link?.url === "string"
          ? { label: String(reply.link.label ?? ""), url: reply.link.url }
          : undefined;
      last = conversation.add({ who: "bot", text: reply.text, options: strings(reply.options), link }).item;
      liveGroup = last.querySelector(".options") ?? liveGroup;
    }
    reveal(last);
    if (item.fromButton && last) {
      const target = last.querySelector(".options button:not(:disabled), .link-button") ?? last;
      target.focus({ preventScroll: true });
    }
  },
  failed(item) {
    setOptions(item.group ?? liveGroup, true);
  },
  dropped(item) {
    if (item.entryId) conversation.remove(item.entryId);
  },
  status(text) {
    status.textContent = text;
  },
  offline(on) {
    $("offline").hidden = !on;
  },
});

function send(payload, shownText, extra = {}) {
  for (const button of log.querySelectorAll(".options button")) button.disabled = true;
  const { entry, item } = conversation.add({ who: "me", text: shownText, state: "waiting", payload });
  reveal(item);
  outbox.add({ payload, entryId: entry.id, state: "waiting", ...extra });
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  fitHeight();
  send({ text }, text);
});
// The message box grows with what is typed (up to four lines), and shrinks back once it is sent.
const fitHeight = () => {
  input.style.height = "";
  if (input.value) input.style.height = `${input.scrollHeight + 4}px`;
};
input.addEventListener("input", fitHeight);
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});

setUpMenu($("menu-button"), $("menu"), (payload, label) => send(payload, label, { fromButton: true }));
setUpSettings(() => reveal(shown, false));
setUpVoiceInput($("mic"), input, status);
setUpNotices($("notify"), id, (text) => {
  status.textContent = text;
});

// Messages typed before a reload (or offline) go first; otherwise the server says what is left open.
const unsent = conversation.unsent();
for (const entry of unsent) outbox.add({ payload: entry.payload, entryId: entry.id, state: "waiting" });
if (!unsent.length) outbox.add({ payload: { action: "v1:back" }, silent: true });
reveal(log.lastElementChild, false);

// Notices pushed to this phone show in the conversation too, with their buttons (a class's "Tham gia").
async function showNotices() {
  let last = null;
  for (const notice of await takeNotices().catch(() => [])) {
    last = conversation.add({ who: "bot", text: notice.body, options: strings(notice.options) }).item;
    liveGroup = last.querySelector(".options") ?? liveGroup;
  }
  reveal(last);
}
// One look at a time, so a notice is never shown twice.
let looking = Promise.resolve();
const lookForNotices = () => {
  looking = looking.then(showNotices);
};
lookForNotices();

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => {});
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type === "notices") lookForNotices();
  });
}
