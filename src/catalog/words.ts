/**
 * Vietnamese words the assistant READS (as opposed to what it says): the headings lessons are split by and
 * the function words the search leaves out.
 */

/** Section headings with a meaning of their own in lessons. */
export const sectionHeadings = {
  /** The introduction (text before the first "## ") is named by this key in `asks` and `answers`. */
  intro: "Mở đầu",
} as const;

/** Function words, as typed with diacritics: they carry no topic, so search ignores them. */
export const accentedStopwords =
  "à ạ ơi nhé nhe nha hả hở vậy thế thì là mà và với của cho các những một cái con chiếc " +
  "tôi tui mình tớ em anh chị ông bà cô chú bác cháu bạn ad admin " +
  "có được bị đã đang sẽ rồi nữa cũng lại ra vào lên này kia đó đây ấy nào gì sao đâu " +
  "nhỉ chứ thôi luôn hay hoặc nếu khi để ở trong từ làm như xin hỏi giúp";

/** What a number typed with a shorthand unit means: "500k", "2tr", "15t", "12h". */
export const numberUnits: Readonly<Record<string, string>> = {
  k: "nghìn đồng",
  tr: "triệu đồng",
  t: "tuổi",
  h: "giờ",
};

/** What a web address a message quotes is read as when the lessons never name it: a stranger's link. */
export const strangeLinkWords = "đường link lạ";
