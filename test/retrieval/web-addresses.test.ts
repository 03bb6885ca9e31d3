import { describe, expect, it } from "vitest";
import { strangeLinkWords } from "../../src/catalog/words.ts";
import { namedDomains, withStrangeLinksNamed } from "../../src/retrieval/web-addresses.ts";
import { testIndex } from "../helpers/core.ts";

const lessons = ["Nộp hồ sơ tại dichvucong.gov.vn.", "Kiểm tra trang lạ ở tinnhiemmang.vn."];

describe("web addresses in a message", () => {
  it("reads an address the lessons never name as a stranger's link", () => {
    const named = namedDomains(lessons);
    expect(withStrangeLinksNamed("Truy cap vneid-xacthuc.com de mo khoa", named)).toContain(strangeLinkWords);
    expect(withStrangeLinksNamed("bấm https://bit.ly/abc123 nhé", named)).not.toContain("bit.ly");
  });

  it("keeps the addresses the lessons name and any government one, and leaves numbers alone", () => {
    const named = namedDomains(lessons);
    for (const text of [
      "vào dichvucong.gov.vn nộp",
      "xem https://www.tinnhiemmang.vn/abc",
      "trang vneid.gov.vn có thật không",
      "giá 5.000.000đ, v.v.",
    ])
      expect(withStrangeLinksNamed(text, named)).toBe(text);
  });

  it("searches a pasted message for a stranger's link, not for the words of its address", async () => {
    const index = await testIndex();
    const query = index.prepare("Truy cap vneid-xacthuc.com de mo khoa");
    expect(query).not.toMatch(/vneid|xacthuc|xác thực/);
    expect(query).toContain(strangeLinkWords);
    expect(index.prepare("vào dichvucong.gov.vn nộp hồ sơ")).toContain("dichvucong");
  });

  it("takes a pasted message that a VNeID account is locked to the lesson on fake police and VNeID", async () => {
    const index = await testIndex();
    const pasted =
      'Tin nhắn: "BCA thông báo: tài khoản định danh của bạn bị khóa. Truy cập vneid-mokhoa.net để xác thực lại". Có nên bấm không?';
    const { hits } = await index.search(pasted, 3);
    expect(hits[0]?.lessonId).toBe("vneid/canh-giac-gia-mao");
  });
});
