// What this browser keeps: the session id, the recent conversation and the reading settings (localStorage).
const SESSION_KEY = "hvs-session";

export function load(key, fallback) {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : fallback;
  } catch {
    return fallback;
  }
}

export function save(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing or a full storage: the chat still works, it just forgets on reload.
  }
}

/** The anonymous id the server knows this browser by (8–128 of A–Z a–z 0–9 _ -). */
export function sessionId() {
  let id = null;
  try {
    id = localStorage.getItem(SESSION_KEY);
  } catch {}
  if (!id || !/^[A-Za-z0-9_-]{8,128}$/.test(id)) {
    id = (
      crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(36).slice(2)
    ).replace(/[^A-Za-z0-9_-]/g, "");
    try {
      localStorage.setItem(SESSION_KEY, id);
    } catch {}
  }
  return id;
}
