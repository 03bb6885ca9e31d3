// Text size (three steps) and high contrast, remembered in this browser.
import { load, save } from "./storage.js";

const KEY = "hvs-settings";
const SIZES = ["", "size-1", "size-2"];

function apply(settings) {
  const root = document.documentElement;
  for (const size of SIZES) if (size) root.classList.toggle(size, SIZES[settings.size] === size);
  root.classList.toggle("contrast", Boolean(settings.contrast));
  for (const button of document.querySelectorAll("[data-size]"))
    button.setAttribute("aria-pressed", String(Number(button.dataset.size) === settings.size));
  document.getElementById("contrast")?.setAttribute("aria-pressed", String(Boolean(settings.contrast)));
}

/** Applies the remembered settings and wires their buttons; `changed` is called after each change. */
export function setUpSettings(changed) {
  const stored = load(KEY, {});
  const settings = {
    size: [0, 1, 2].includes(stored?.size) ? stored.size : 0,
    contrast: stored?.contrast === true,
  };
  apply(settings);
  const update = (patch) => {
    Object.assign(settings, patch);
    save(KEY, settings);
    apply(settings);
    changed();
  };
  for (const button of document.querySelectorAll("[data-size]"))
    button.addEventListener("click", () => update({ size: Number(button.dataset.size) }));
  document
    .getElementById("contrast")
    ?.addEventListener("click", () => update({ contrast: !settings.contrast }));
}
