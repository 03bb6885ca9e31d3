// The service worker: keeps the page shell so the chat opens without a connection. Pages and files come from
// the network when it answers (so updates show at once) and from the cache when it does not; /api/ is never
// cached (the page itself queues messages until the connection is back).
const CACHE = "hvs-shell-v1";
const SHELL = [
  "/",
  "/chat.css",
  "/chat.js",
  "/conversation.js",
  "/menu.js",
  "/outbox.js",
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
