// The conversation on screen, also kept in this browser (the last KEEP messages) so a reload loses nothing.
import { messageItem, setState } from "./render.js";
import { load, save } from "./storage.js";

const KEY = "hvs-log";
const KEEP = 60;

const valid = (e) =>
  e && (e.who === "me" || e.who === "bot") && typeof e.text === "string" && typeof e.id === "string";

/** `on`: choose(option, group), retry(), listen(text); `canListen()`: whether "🔊 Nghe" is shown. */
export function createConversation(log, on, canListen) {
  const stored = load(KEY, []);
  const entries = (Array.isArray(stored) ? stored : []).filter(valid);
  const items = new Map();
  let next = 0;

  for (const entry of entries) {
    entry.old = true; // buttons of an earlier visit are stale: the server offers fresh ones
    if (entry.state) entry.state = "waiting";
    items.set(entry.id, log.appendChild(messageItem(entry, on, canListen())));
  }

  function persist() {
    const unsent = entries.filter((e) => e.state);
    const recent = entries.slice(-KEEP).filter((e) => !e.state);
    const kept = entries.filter((e) => unsent.includes(e) || recent.includes(e));
    save(
      KEY,
      kept.map(({ old, ...rest }) => rest),
    );
  }

  return {
    /** Messages of mine not yet answered by the server, oldest first (to send again after a reload). */
    unsent: () => entries.filter((e) => e.who === "me" && e.state && e.payload),
    /** Adds a message; returns its entry (with its id) and its list item. */
    add(entry) {
      const full = { ...entry, id: `${Date.now().toString(36)}-${next++}` };
      entries.push(full);
      const item = log.appendChild(messageItem(full, on, canListen()));
      items.set(full.id, item);
      persist();
      return { entry: full, item };
    },
    setState(id, state) {
      const entry = entries.find((e) => e.id === id);
      if (!entry) return;
      if (state) entry.state = state;
      else {
        delete entry.state;
        delete entry.payload;
      }
      setState(items.get(id), state, on);
      persist();
    },
    remove(id) {
      const at = entries.findIndex((e) => e.id === id);
      if (at >= 0) entries.splice(at, 1);
      items.get(id)?.remove();
      items.delete(id);
      persist();
    },
    item: (id) => items.get(id),
  };
}
