import { describe, expect, it } from "vitest";
import { countWords } from "../../src/knowledge/markdown.ts";
import { BODY_MAX_WORDS, compose } from "../../src/tutor/compose.ts";
import {
  afterScam,
  chunk,
  composeIn,
  filler,
  hit,
  lesson,
  overlapOnly,
  steps,
} from "../helpers/compose-fixtures.ts";

describe("compose: the procedure a how-to gets", () => {
  it("answers a how-to question with the chosen section's steps from the first, numbered, without gaps", () => {
    const composed = compose({
      hit,
      chosen: steps,
      lessonChunks: lesson,
      terms: ["otp", "ma"],
      question: "cach chuyen tien, nhap ma otp o dau",
      kind: "cac-buoc",
      model: overlapOnly,
    });
    const numbered = composed.points.filter((p) => /^\d+\. /.test(p)).map((p) => Number(p.split(".")[0]));
    expect(numbered.length).toBeGreaterThanOrEqual(2);
    expect(numbered).toEqual(numbered.map((_, i) => i + 1));
  });

  it("gives the whole procedure only to a message that asks for the steps; a situation gets the likeliest units", () => {
    const situation = {
      hit,
      chosen: steps,
      lessonChunks: lesson,
      question: "lo chuyen nham roi, goi tong dai hay den cong an, nen the nao",
      kind: "cac-buoc" as const,
      model: overlapOnly,
    };
    const advice = compose({ ...situation, terms: ["tong", "dai", "cong", "an", "trinh", "bao"] });
    expect(advice.points.some((p) => /^1\. /.test(p))).toBe(false);
    expect([advice.direct, ...advice.points].join("\n")).toContain("Đến công an phường trình báo");
    const oneStep = ["nhap", "so", "tai", "khoan", "nguoi", "nhan"];
    const aboutAStep = compose({
      ...situation,
      question: "so tai khoan nguoi nhan nhap o dau",
      terms: oneStep,
    });
    expect(aboutAStep.points).toContain("• Nhập số tài khoản người nhận thật cẩn thận.");
    expect(aboutAStep.points.some((p) => /^1\. /.test(p))).toBe(false);
    const procedure = compose({ ...situation, question: "cach chuyen tien qua dien thoai", terms: oneStep });
    expect(procedure.points[0]).toBe("1. Mở ứng dụng ngân hàng trên điện thoại.");
  });

  it("gives the step the resident needs, with the two before it, when it lies beyond what fits from step 1", () => {
    const long = chunk(
      1,
      "Các bước",
      [
        "Hồ sơ thiếu giấy thì làm theo lời nhắn của cán bộ.",
        ...[
          "Mở trang",
          "Đăng nhập",
          "Chọn mục hồ sơ",
          "Mở hồ sơ",
          "Xem lời nhắn",
          "Bấm nút bổ sung",
          "Gửi giấy tờ còn thiếu",
        ].map((step, i) => `${i + 1}. ${step} ${filler}.`),
        "8. Bấm gửi lại hồ sơ.",
      ].join("\n"),
      "cac-buoc",
    );
    const composed = composeIn(
      [long],
      ["bam", "gui", "lai", "ho", "so"],
      "cach bam gui lai ho so",
      "cac-buoc",
    );
    expect(composed.points.slice(-3).map((p) => p.split(" ").slice(0, 3).join(" "))).toEqual([
      "• Bấm nút",
      "• Gửi giấy",
      "• Bấm gửi",
    ]);
    expect(composed.points.some((p) => p.includes("Mở trang"))).toBe(false);
  });

  it("shows a step picked on its own as a bullet, never with a number that skips the steps before it", () => {
    const composed = compose({
      hit,
      chosen: afterScam,
      lessonChunks: lesson,
      terms: ["kiem", "tra", "ten", "nguoi", "nhan"],
      question: "co nen kiem tra ten nguoi nhan khong",
      kind: null,
      model: overlapOnly,
    });
    expect(composed.points).toContain("• Kiểm tra tên người nhận trước khi bấm tiếp.");
    expect(composed.points.some((p) => p.startsWith("4."))).toBe(false);
  });

  it("gives a long message the procedure only when its asking sentences ask for it, not its story", () => {
    const story =
      "Tôi là tổ trưởng, hay hướng dẫn bà con trong tổ dùng điện thoại cho quen. Hôm qua có người lạ gọi bảo tôi chuyển tiền vào một tài khoản khác ngay, nói là ngân hàng chuyển nhầm.";
    const terms = ["chuyen", "tien", "tai", "khoan", "nham", "ngan", "hang"];
    const answer = (question: string) =>
      compose({
        hit,
        chosen: steps,
        lessonChunks: lesson,
        terms,
        question,
        kind: "cac-buoc",
        model: overlapOnly,
      });
    expect(answer(`${story} Tôi có nên chuyển không?`).points).not.toContain(
      "1. Mở ứng dụng ngân hàng trên điện thoại.",
    );
    expect(answer(`${story} Chỉ tôi cách chuyển tiền cho đúng với?`).points).toContain(
      "1. Mở ứng dụng ngân hàng trên điện thoại.",
    );
  });

  it("keeps room beside a procedure that would fill the answer for the likeliest other sentence, steps from the first", () => {
    const procedure = chunk(
      1,
      "Các bước",
      [
        "Bạn nộp hồ sơ ngay trên trang.",
        "1. Mở trang dịch vụ công.",
        ...["Đăng nhập", "Chọn thủ tục", "Điền tờ khai", "Đính kèm giấy tờ", "Bấm nộp"].map(
          (step, i) => `${i + 2}. ${step} ${filler}.`,
        ),
      ].join("\n"),
      "cac-buoc",
    );
    const help = chunk(
      2,
      "Khi cần giúp",
      "Nếu bạn không biết làm, hoặc màn hình khác hẳn với bài, hãy hỏi Tổ công nghệ số cộng đồng của tổ dân phố hoặc cán bộ ở Trung tâm Phục vụ hành chính công phường để được giúp tận nơi, không mất tiền.",
    );
    const composed = composeIn(
      [procedure, help],
      ["mo", "trang", "hoi", "to", "cong", "nghe"],
      "cach mo trang nop ho so, khong biet thi hoi to cong nghe o dau",
      "cac-buoc",
    );
    const body = composed.points.join("\n");
    expect(body).toContain("hãy hỏi Tổ công nghệ số cộng đồng");
    expect(composed.points[0]).toBe("1. Mở trang dịch vụ công.");
    expect(countWords(body.replace(/^\d+\. /gm, ""))).toBeLessThanOrEqual(BODY_MAX_WORDS);
  });

  it("gives the procedure for 'cách …' only when one of its steps is among the likeliest units", () => {
    const openShop = chunk(
      1,
      "Mở gian hàng",
      "1. Cài ứng dụng từ CH Play.\n2. Chọn mục làm người bán.\n3. Đặt tên gian hàng dễ nhớ.",
      "cac-buoc",
    );
    const passwords = chunk(
      2,
      "Giữ tài khoản an toàn",
      [
        "- Đặt mật khẩu riêng cho việc bán.",
        "- Không dùng chung mật khẩu ngân hàng.",
        "- Đổi mật khẩu khi nghi bị lộ.",
        "- Không đưa mật khẩu cho ai.",
      ].join("\n"),
    );
    const answer = (question: string, terms: string[]) =>
      composeIn([openShop, passwords], terms, question, "cac-buoc").points.join("\n");
    expect(
      answer("cách đặt mật khẩu, dùng chung được không", ["mat", "khau", "rieng", "chung"]),
    ).not.toContain("1. Cài ứng dụng từ CH Play.");
    expect(
      answer("cách mở gian hàng, chọn người bán", ["mo", "gian", "hang", "chon", "nguoi", "ban"]),
    ).toContain("1. Cài ứng dụng từ CH Play.");
  });
});
