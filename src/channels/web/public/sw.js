// The service worker: keeps the page shell so the chat opens without a connection. Pages and files come from
// the network when it answers (so updates show at once) and from the cache when it does not; /api/ is never
// cached (the page itself queues messages until the connection is back). A push message (a notice of the
// ward, sent by the server with Web Push) is shown as a notification and kept for the chat to show with its
// buttons; tapping the notification opens the chat.
const CACHE = "hvs-shell-v2";
const NOTICES = "hvs-notices";
const SHELL = [
  "/",
  "/chat.css",
  "/chat.js",
  "/conversation.js",
  "/menu.js",
  "/outbox.js",
  "/push.js",
  "/render.js",
  "/settings.js",
  "/speech.js",
  "/storage.js",
  "/manifest.webmanifest",
  "/icon.svg",
  "/icon-192.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== CACHE && key !== NOTICES).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (!SHELL.includes(url.pathname)) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
        }
        return response;
      })
      .catch(() => caches.match(url.pathname).then((cached) => cached ?? Response.error())),
  );
});

self.addEventListener("push", (event) => {
  let notice = {};
  try {
    notice = event.data ? event.data.json() : {};
  } catch {
    notice = { body: event.data ? event.data.text() : "" };
  }
  const title = typeof notice.title === "string" && notice.title ? notice.title : "Trợ lý Bình dân học vụ số";
  const body = typeof notice.body === "string" ? notice.body : "";
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(title, {
        body,
        icon: "/icon-192.png",
        badge: "/icon-192.png",
        lang: "vi",
        data: { url: "/" },
      }),
      keepForChat({ body, options: Array.isArray(notice.options) ? notice.options : [] }),
    ]),
  );
});

/** Keeps the last notices (Cache Storage, read by the page) and tells open chats to show them. */
async function keepForChat(notice) {
  const cache = await caches.open(NOTICES);
  const kept = await cache.match("/notices");
  const list = kept ? await kept.json().catch(() => []) : [];
  const body = JSON.stringify([...list, notice].slice(-5));
  await cache.put("/notices", new Response(body, { headers: { "content-type": "application/json" } }));
  for (const client of await self.clients.matchAll({ type: "window" }))
    client.postMessage({ type: "notices" });
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openChat());
});

/** Brings forward a window already showing the chat (no second copy of it), or opens the chat. */
async function openChat() {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const chat = windows.find((w) => new URL(w.url).origin === self.location.origin);
  return chat ? chat.focus() : self.clients.openWindow("/");
}
