/**
 * Reply text marks emphasis with single asterisks: *x* on one line, with no space just inside them, so
 * "2 * 3 * 4" is not emphasis. Channels that can show bold use `markEmphasis`; the others `stripEmphasis`.
 * (The web page's own script, src/channels/web/public/render.js, follows the same rule.)
 */
const EMPHASIS = /\*(\S(?:[^*\n]*\S)?)\*/g;

/** The text with each emphasised part wrapped by `wrap` (e.g. in <b>…</b>). */
export function markEmphasis(text: string, wrap: (inner: string) => string): string {
  return text.replace(EMPHASIS, (_whole, inner: string) => wrap(inner));
}

/** The text with the emphasis asterisks removed. */
export function stripEmphasis(text: string): string {
  return text.replace(EMPHASIS, "$1");
}
