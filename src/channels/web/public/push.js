// Notices on this phone (Web Push): one tap on "🔔 Nhận thông báo" asks the browser for permission, subscribes
// with the server's VAPID key and gives the subscription to the server; a second tap turns them off. Hidden
// where the browser cannot receive push messages.
const WORDS = {
  on: "Đã bật thông báo. Tin lớp học và thông báo của phường sẽ hiện trên điện thoại này.",
  off: "Đã tắt thông báo trên điện thoại này.",
  denied: "Trình duyệt chưa cho phép thông báo. Bạn bật lại trong phần cài đặt của trình duyệt nhé.",
  consent: "Bạn cần đồng ý cho mình lưu tiến độ học (ở đầu cuộc trò chuyện) rồi mới bật thông báo được.",
  failed: "Chưa bật được thông báo trên máy này. Bạn thử lại sau nhé.",
};

const post = (path, body) =>
  fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

export function pushSupported() {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

export function setUpNotices(button, sessionId, say) {
  if (!pushSupported()) return;
  button.hidden = false;
  const show = (on) => button.setAttribute("aria-pressed", String(on));
  post("/api/push/status", { sessionId })
    .then((r) => (r.ok ? r.json() : { subscribed: false }))
    .then((body) => show(body.subscribed === true))
    .catch(() => {});

  async function turnOn() {
    if ((await Notification.requestPermission()) !== "granted") return say(WORDS.denied);
    const { publicKey } = await (await fetch("/api/push/key")).json();
    const registration = await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      }));
    const response = await post("/api/push/subscribe", { sessionId, subscription: subscription.toJSON() });
    if (response.status === 403) {
      await subscription.unsubscribe();
      return say(WORDS.consent);
    }
    if (!response.ok) throw new Error(`subscribe ${response.status}`);
    show(true);
    say(WORDS.on);
  }

  async function turnOff() {
    const registration = await navigator.serviceWorker.ready;
    await (await registration.pushManager.getSubscription())?.unsubscribe();
    await post("/api/push/unsubscribe", { sessionId });
    show(false);
    say(WORDS.off);
  }

  button.addEventListener("click", () => {
    button.disabled = true;
    const on = button.getAttribute("aria-pressed") === "true";
    (on ? turnOff() : turnOn())
      .catch(() => say(WORDS.failed))
      .finally(() => {
        button.disabled = false;
      });
  });
}

/** Notices the service worker received since the chat last looked (each once), oldest first. */
export async function takeNotices() {
  if (!("caches" in window)) return [];
  const cache = await caches.open("hvs-notices");
  const kept = await cache.match("/notices");
  if (!kept) return [];
  await cache.delete("/notices");
  const list = await kept.json().catch(() => []);
  return Array.isArray(list) ? list.filter((n) => typeof n?.body === "string" && n.body) : [];
}
