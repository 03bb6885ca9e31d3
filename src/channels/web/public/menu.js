// The ☰ Menu: every learner feature one tap away (Hỏi, Học bài, Kiểm tra, Ôn tập, Tiến độ, Chứng nhận,
// Lịch học, Trợ giúp) and the reading settings. Escape closes it and gives focus back to its button.
export function setUpMenu(button, panel, choose) {
  const toggle = (open) => {
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) panel.querySelector("button")?.focus();
  };
  button.addEventListener("click", () => toggle(panel.hidden));
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    toggle(false);
    button.focus();
  });
  for (const item of panel.querySelectorAll("[data-action], [data-text]")) {
    item.addEventListener("click", () => {
      toggle(false);
      const { action, text } = item.dataset;
      choose(action ? { action } : { text }, item.textContent.trim());
    });
  }
}
