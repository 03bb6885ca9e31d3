/** Removes Vietnamese diacritics: NFD, combining marks dropped, đ/Đ → d/D, back to NFC. Idempotent. */
export function foldAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}
