// Reading replies aloud (speech synthesis, only with a Vietnamese voice) and speaking instead of typing
// (speech recognition), each only where the phone's browser has it.

/** The device's Vietnamese voice, if any; `onChange` is called when the voice list arrives or changes. */
export function createReader(onChange) {
  const synth = window.speechSynthesis;
  let voice = null;
  const pick = () => {
    const found = synth?.getVoices().find((v) => /^vi([-_]|$)/i.test(v.lang)) ?? null;
    if (found !== voice) {
      voice = found;
      onChange(Boolean(voice));
    }
  };
  if (synth) {
    pick();
    synth.addEventListener?.("voiceschanged", pick);
  }
  return {
    available: () => Boolean(voice),
    speak(text) {
      if (!voice) return;
      synth.cancel();
      const utterance = new SpeechSynthesisUtterance(String(text).replace(/\*([^*\n]+)\*/g, "$1"));
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      synth.speak(utterance);
    },
  };
}

/** Wires the 🎤 button: what is heard goes into the message box, for the person to check and send. */
export function setUpVoiceInput(button, input, status) {
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  if (!Recognition) return;
  button.hidden = false;
  let listening = null;
  button.addEventListener("click", () => {
    if (listening) {
      listening.stop();
      return;
    }
    const recognition = new Recognition();
    recognition.lang = "vi-VN";
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    recognition.onresult = (event) => {
      const heard = event.results?.[0]?.[0]?.transcript ?? "";
      if (heard) {
        input.value = input.value ? `${input.value} ${heard}` : heard;
        input.dispatchEvent(new Event("input")); // the box grows to show it all
      }
      status.textContent = heard ? "Bạn xem lại chữ rồi bấm Gửi nhé." : "";
    };
    recognition.onerror = (event) => {
      status.textContent = "Máy chưa nghe được. Bạn thử lại hoặc gõ chữ nhé.";
      if (event.error === "not-allowed" || event.error === "service-not-allowed") button.hidden = true;
    };
    recognition.onend = () => {
      listening = null;
      button.setAttribute("aria-pressed", "false");
      input.focus();
    };
    listening = recognition;
    button.setAttribute("aria-pressed", "true");
    status.textContent = "Đang nghe… bạn nói đi.";
    recognition.start();
  });
}
