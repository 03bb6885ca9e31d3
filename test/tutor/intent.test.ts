import { describe, expect, it } from "vitest";
import { questionKind } from "../../src/tutor/intent.ts";

describe("what kind of answer a message asks for", () => {
  it("reads 'what should I do' in any spelling as a request for what to do after something went wrong", () => {
    expect(questionKind("thằng cháu bị bạn chê bai trên mạng, ông nên làm gì cho cháu")).toBe("xu-ly");
    expect(questionKind("lo bam vao link roi, gio lam gi truoc")).toBe("xu-ly");
    expect(questionKind("tk bị khóa r, cần làm j")).toBe("xu-ly");
    expect(questionKind("chuyện này giải quyết thế nào ạ")).toBe("xu-ly");
    expect(questionKind("ck nham cho nguoi la 2 trieu roi")).toBe("xu-ly");
  });

  it("reads how-to wording as a request for steps", () => {
    expect(questionKind("cach cai vneid tren dien thoai")).toBe("cac-buoc");
    expect(questionKind("hướng dẫn tôi tạo mã nhận tiền")).toBe("cac-buoc");
    expect(questionKind("ko bít chuyển tiền qua đt")).toBe("cac-buoc");
    expect(questionKind("Bà muốn nhìn thấy mặt thằng cháu thì gọi trên Zalo kiểu gì?")).toBe("cac-buoc");
  });

  it("reads 'is this a scam' as a request for warning signs, and 'what is' as a request for the summary", () => {
    expect(questionKind("tin nhắn này có phải lừa đảo không")).toBe("dau-hieu");
    expect(questionKind("chat gpt là cái gì")).toBe("la-gi");
  });

  it("says nothing when the message does not say what kind of answer it wants", () => {
    expect(questionKind("vneid mức 2")).toBeNull();
  });
});
