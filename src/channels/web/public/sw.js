// The service worker: keeps the page shell so the chat opens without a connection. Pages and files come from
// the network when it answers (so updates show at once) and from the cache when it does not; /api/ is never
// cached (the page itself queues messages until the connection is back). A push message (a notice of the
// ward, sent by the server with Web Push) is shown as a notification; tapping it opens the chat.
const CACHE = "hvs-shell-v2";
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
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
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
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof notice.body === "string" ? notice.body : "",
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      lang: "vi",
      data: { url: "/" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const chat = windows.find((w) => new URL(w.url).origin === self.location.origin);
      return chat ? chat.focus() : self.clients.openWindow("/");
    }),
  );
});
