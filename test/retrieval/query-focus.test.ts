import { describe, expect, it } from "vitest";
import { withoutPersona } from "../../src/retrieval/query-focus.ts";

const STORY =
  "Tôi là tổ trưởng tổ dân phố. Nhiều bác lớn tuổi trong tổ muốn tự học trên trang web của phong trào mà không biết bắt đầu từ đâu. Các bác cần chuẩn bị gì, vào trang nào?";

describe("the asking part of a long message", () => {
  it("leaves out a short sentence that only says who the writer is", () => {
    expect(withoutPersona(STORY)).toBe(
      "Nhiều bác lớn tuổi trong tổ muốn tự học trên trang web của phong trào mà không biết bắt đầu từ đâu. Các bác cần chuẩn bị gì, vào trang nào?",
    );
  });

  it("reads who the writer is the same without accents", () => {
    const unaccented =
      "Ba nam nay 74 tuoi. Hom qua co nguoi goi xung la can bo phuong bao ba cai ung dung de cap nhat thong tin, ba bam vao duong link ho gui roi. Gio ba phai lam sao?";
    expect(withoutPersona(unaccented).startsWith("Hom qua")).toBe(true);
  });

  it("keeps a persona sentence that also says what is needed, or one that asks", () => {
    const needs =
      "Tôi làm công nhân ở khu công nghiệp, vợ mới sinh cháu nên cần làm giấy khai sinh cho cháu ngay trong tuần này. Tối về tôi lên mạng tìm thì mỗi nơi nói một kiểu. Làm ở đâu cho đúng?";
    expect(withoutPersona(needs)).toBe(needs);
    const asks =
      "Tôi là người mới dùng điện thoại thì học ở đâu? Con cháu đi làm xa cả, không ai chỉ cho, mà tôi thì muốn tự gọi video cho các cháu mỗi tối.";
    expect(withoutPersona(asks)).toBe(asks);
  });

  it("leaves a short message whole", () => {
    expect(withoutPersona("Tôi là giáo viên. Học bạ số xem ở đâu?")).toBe(
      "Tôi là giáo viên. Học bạ số xem ở đâu?",
    );
  });
});
