// The web chat: sends {sessionId, text|action} to /api/chat and shows replies; options become buttons.
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const status = document.getElementById("status");
  const storageKey = "hvs-session";

  function sessionId() {
    let id = localStorage.getItem(storageKey);
    if (!id || !/^[A-Za-z0-9_-]{8,128}$/.test(id)) {
      id = (
        crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(36).slice(2)
      ).replace(/[^A-Za-z0-9_-]/g, "");
      localStorage.setItem(storageKey, id);
    }
    return id;
  }

  // Renders *emphasis* as <strong> without ever interpreting HTML from the server.
  function renderText(target, text) {
    const parts = String(text).split(/(\*[^*\n]+\*)/g);
    for (const part of parts) {
      if (/^\*[^*\n]+\*$/.test(part)) {
        const strong = document.createElement("strong");
        strong.textContent = part.slice(1, -1);
        target.appendChild(strong);
      } else if (part) {
        target.appendChild(document.createTextNode(part));
      }
    }
  }

  function disableOldOptions() {
    for (const button of log.querySelectorAll(".options button")) button.disabled = true;
  }

  function addMessage(who, text, options) {
    const item = document.createElement("li");
    item.className = `msg ${who}`;
    renderText(item, text);
    if (options?.length) {
      const group = document.createElement("div");
      group.className = "options";
      group.setAttribute("role", "group");
      for (const option of options) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = option.label;
        button.addEventListener("click", () => send({ action: option.action }, option.label));
        group.appendChild(button);
      }
      item.appendChild(group);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "end", behavior: "smooth" });
  }

  let busy = false;
  async function send(payload, shownText) {
    if (busy) return;
    busy = true;
    disableOldOptions();
    if (shownText) addMessage("me", shownText);
    status.textContent = "Đang trả lời…";
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sessionId: sessionId(), ...payload }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body?.error?.message || String(response.status));
      for (const reply of body.replies || []) addMessage("bot", reply.text, reply.options);
      status.textContent = "";
    } catch {
      status.textContent = "Không gửi được. Bạn kiểm tra mạng rồi thử lại nhé.";
    } finally {
      busy = false;
      input.focus();
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  send({ action: "v1:menu" });
})();
