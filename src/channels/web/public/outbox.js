// Sends messages one at a time, in the order they were typed. A lost connection, a busy shared network or a
// failed send never loses a message: it waits, resends by itself, or offers "Gửi lại".
const TIMEOUT_MS = 30_000;

/** POST /api/chat: {replies} on success, {retryAfter} (seconds) when the server asks to wait, else {error}. */
export async function postChat(sessionId, payload) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sessionId, ...payload }),
      signal: controller.signal,
    });
    if (response.status === 429) {
      const seconds = Number(response.headers.get("retry-after"));
      return { retryAfter: Math.min(60, Math.max(1, Number.isFinite(seconds) ? seconds : 5)) };
    }
    if (!response.ok) return { error: response.status };
    const body = await response.json();
    return { replies: Array.isArray(body?.replies) ? body.replies : [] };
  } catch {
    return { error: "network" };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Items are {payload, silent?, ...}; `ui` is told: state(item) as it moves (waiting, sending, failed, sent =
 * undefined), sent(item, replies), failed(item), status(text) and offline(boolean).
 */
export function createOutbox(post, ui) {
  const queue = [];
  let busy = false;
  let timer = null;
  let silentTries = 0;

  const progress = () => {
    const more = queue.length - 1;
    ui.status(more ? `Đang trả lời… (còn ${more} tin chờ gửi)` : "Đang trả lời…");
  };
  const setState = (item, state) => {
    item.state = state;
    ui.state(item);
  };

  async function pump() {
    if (busy) return;
    clearTimeout(timer);
    busy = true;
    try {
      while (queue.length) {
        const item = queue[0];
        if (!navigator.onLine) {
          ui.offline(true);
          ui.status("");
          for (const waiting of queue) if (waiting.state !== "waiting") setState(waiting, "waiting");
          return;
        }
        ui.offline(false);
        setState(item, "sending");
        progress();
        const result = await post(item.payload);
        if (result.replies) {
          queue.shift();
          silentTries = 0;
          setState(item, undefined);
          ui.sent(item, result.replies);
          continue;
        }
        if (!navigator.onLine) continue;
        if (result.retryAfter) {
          setState(item, "waiting");
          ui.status(
            `Nhiều người đang dùng chung mạng này nên phải chờ một chút. Tin nhắn sẽ tự gửi lại sau ${result.retryAfter} giây.`,
          );
          timer = setTimeout(pump, result.retryAfter * 1000);
          return;
        }
        if (item.silent) {
          silentTries++;
          ui.status("Đang kết nối lại…");
          timer = setTimeout(pump, Math.min(30, 2 ** silentTries) * 1000);
          return;
        }
        setState(item, "failed");
        ui.failed(item);
        ui.status("Chưa gửi được. Bạn bấm “Gửi lại” nhé, tin nhắn vẫn còn đây.");
        return;
      }
      ui.status("");
    } finally {
      busy = false;
    }
  }

  window.addEventListener("online", () => pump());
  window.addEventListener("offline", () => {
    if (!busy) ui.offline(true);
  });

  return {
    /** Queues a message behind the others and starts sending (a failed one first, to keep the order). */
    add(item) {
      queue.push(item);
      if (item.state !== "waiting") setState(item, "waiting");
      if (busy && queue[0]?.state === "sending") progress();
      pump();
    },
    retry: () => pump(),
    /** Forgets failed messages `matches` picks (an option tapped instead of another that failed). */
    dropFailed(matches) {
      for (const item of queue.filter((i) => i.state === "failed" && matches(i))) {
        queue.splice(queue.indexOf(item), 1);
        ui.dropped?.(item);
      }
    },
    isOffline: () => !navigator.onLine,
  };
}
