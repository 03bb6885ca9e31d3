import { describe, expect, it } from "vitest";
import { askedClauses, focusOf, questionsOf, withoutPersona } from "../../src/retrieval/query-focus.ts";

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

  it("leaves out who writes from a short message too, but keeps a message that is only that", () => {
    expect(withoutPersona("Tôi là giáo viên. Học bạ số xem ở đâu?")).toBe("Học bạ số xem ở đâu?");
    expect(withoutPersona("Tôi năm nay 72 tuổi, ở một mình.\nGọi video cho con thế nào")).toBe(
      "Gọi video cho con thế nào",
    );
    expect(withoutPersona("Tôi là giáo viên.")).toBe("Tôi là giáo viên.");
  });

  it("reads the last words of a long message dictated without full stops as its question", () => {
    const spoken =
      "tuần trước tôi mổ mắt ở bệnh viện tỉnh hôm nay có người gọi xưng là bác sĩ bệnh viện nói đúng tên tôi đúng bệnh bảo có thuốc đặc trị mới phải chuyển ba triệu để gửi thuốc về tận nhà nghe cũng xuôi tai tôi có nên chuyển tiền cho họ không";
    expect(focusOf(spoken)).toBe(spoken.split(" ").slice(-20).join(" "));
    // A question of thirty words typed without a full stop is one question, read whole.
    expect(focusOf(spoken.split(" ").slice(-30).join(" "))).toBeNull();
  });

  it("reads the asking sentence of a punctuated story, its story left out", () => {
    const story =
      "Tuần trước tôi mổ mắt ở bệnh viện tỉnh. Hôm nay có người gọi xưng là bác sĩ, nói đúng tên tôi, đúng bệnh. Họ bảo có thuốc đặc trị mới, chuyển ba triệu để gửi thuốc về tận nhà. Tôi có nên chuyển tiền cho họ?";
    expect(focusOf(story)).toBe("Tôi có nên chuyển tiền cho họ?");
  });
});

describe("the things a message asks", () => {
  it("cuts the asking sentences of a long story at commas and at 'và', its story left out", () => {
    const story =
      "Tôi làm cán bộ một cửa ở phường, hay hướng dẫn bà con chụp giấy tờ để nộp hồ sơ trên mạng, mà ảnh gửi lên toàn mờ. Xin hỏi chụp thế nào cho đạt, cất ở đâu cho gọn, và giữ an toàn ra sao?";
    expect(askedClauses(story)).toEqual([
      "Xin hỏi chụp thế nào cho đạt",
      "cất ở đâu cho gọn",
      "và giữ an toàn ra sao",
    ]);
  });

  it("cuts a short message the same way, and keeps no clause of a single word", () => {
    expect(askedClauses("quên mật khẩu vneid, ok")).toEqual(["quên mật khẩu vneid"]);
    expect(askedClauses("mã otp ko về")).toEqual(["mã otp ko về"]);
  });
});

describe("what a long message asks in so many words", () => {
  it("is its asking sentences marked with a question mark, not a story sentence that only sounds like asking", () => {
    const story =
      "Mẹ tôi bị tiểu đường mấy năm nay, ngày nào cũng phải uống thuốc. Tôi bán hàng ở chợ, ít khi rảnh. " +
      "Tôi nên đặt mật khẩu thế nào cho khó đoán?";
    expect(focusOf(story)).toContain("ngày nào cũng");
    expect(questionsOf(story)).toBe("Tôi nên đặt mật khẩu thế nào cho khó đoán?");
  });

  it("is its last asking sentence when none is marked, and nothing for a short message", () => {
    const unmarked =
      "Tuần trước tôi đi khám ở bệnh viện tỉnh, chờ mãi không tới lượt. Con gái bảo giờ đặt lịch trên điện " +
      "thoai được. Tôi không biết bắt đầu từ đâu cho đúng";
    expect(questionsOf(unmarked)).toBe("Tôi không biết bắt đầu từ đâu cho đúng");
    expect(questionsOf("quên mật khẩu vneid thì sao")).toBeNull();
  });
});
