import { describe, expect, it } from "vitest";
import { type Unit, unitsOf } from "../../src/tutor/answer-units.ts";
import {
  aboutTheLesson,
  exampleOutOfPlace,
  introOf,
  openingText,
  standsAlone,
  withoutDanglingLeadIns,
} from "../../src/tutor/unit-readability.ts";
import { lessonChunk } from "../helpers/lesson-chunk.ts";

const chunk = lessonChunk;

describe("unit readability", () => {
  const section = chunk(
    1,
    "Khi nào nên gặp cán bộ",
    [
      "Máy ở phường giúp bạn nộp hồ sơ.",
      "Hãy gặp cán bộ tại quầy khi:",
      "- Máy báo lỗi.",
      "- Bạn cần nộp bản gốc.",
    ].join("\n"),
  );
  const units = unitsOf(section, 1);
  const at = (i: number): Unit => {
    const unit = units[i];
    if (!unit) throw new Error(`no unit ${i}`);
    return unit;
  };
  const [plain, leadIn, firstItem, secondItem] = [at(0), at(1), at(2), at(3)];

  it("finds the sentence that introduces a list item's list, and none for a sentence", () => {
    expect(introOf(secondItem, units)).toBe(leadIn);
    expect(introOf(plain, units)).toBeUndefined();
  });

  it("keeps a lead-in only when an item of its list is kept", () => {
    expect(withoutDanglingLeadIns([leadIn, secondItem], units)).toEqual([leadIn, secondItem]);
    expect(withoutDanglingLeadIns([plain, leadIn], units)).toEqual([plain]);
    expect(firstItem?.kind).toBe("bullet");
  });

  it("lets a plain sentence open an answer, never a lead-in", () => {
    expect(standsAlone(plain)).toBe(true);
    expect(standsAlone(leadIn)).toBe(false);
  });

  it("marks the introduction's sentences about the lesson itself, not its advice", () => {
    const intro = unitsOf(chunk(0, "Bài thử", "Bài này giúp bạn nộp hồ sơ.\nĐừng đưa mã OTP cho ai cả."), 0);
    expect(intro.map(aboutTheLesson)).toEqual([true, false]);
  });

  it("opens with a list item that no sentence introduces under its section's heading, and with others as written", () => {
    const prepare = unitsOf(
      chunk(2, "Cần chuẩn bị gì?", "- Một tài khoản ngân hàng đứng tên bạn.\n- Điện thoại có mạng."),
      2,
    );
    expect(openingText(prepare[0] as Unit)).toBe("Cần chuẩn bị gì: Một tài khoản ngân hàng đứng tên bạn.");
    expect(openingText(secondItem)).toBe("Bạn cần nộp bản gốc.");
    expect(openingText(plain)).toBe("Máy ở phường giúp bạn nộp hồ sơ.");
  });

  it("reads a section's first sentence that answers its heading ('Đây là …') with the heading, and never opens with it alone", () => {
    const [answer, next] = unitsOf(
      chunk(
        4,
        "Xác thực 2 lớp là gì",
        "Đây là thêm một lớp khóa nữa.\nNgoài mật khẩu, ứng dụng hỏi thêm mã OTP.",
      ),
      4,
    );
    expect(standsAlone(answer as Unit)).toBe(false);
    expect(openingText(answer as Unit)).toBe("Xác thực 2 lớp là gì: Đây là thêm một lớp khóa nữa.");
    expect(standsAlone(next as Unit)).toBe(true);
    expect(openingText(next as Unit)).toBe("Ngoài mật khẩu, ứng dụng hỏi thêm mã OTP.");
  });

  it("never opens with an example of something said before it", () => {
    const [example, rule] = unitsOf(
      chunk(
        3,
        "Làm gì trên Cổng",
        "Ví dụ: đăng ký khai sinh cho con, xin xác nhận cư trú.\nTrên Cổng, bạn làm được nhiều thủ tục qua mạng.",
      ),
      3,
    );
    expect(standsAlone(example as Unit)).toBe(false);
    expect(standsAlone(rule as Unit)).toBe(true);
  });

  it("reads a question as introducing what follows it, and the last question of a section as a question", () => {
    const check = unitsOf(
      chunk(
        5,
        "Ảnh cũ",
        "Lỡ cài ứng dụng lạ? Hãy gỡ ngay.\nBạn hãy tự hỏi: ảnh này chụp khi nào? Có báo chính thống nào đăng ảnh này không?",
      ),
      5,
    );
    const [heading, advice, , selfCheck] = check;
    expect(heading?.leadIn).toBe(true);
    expect(advice?.leadIn).toBe(false);
    // Nothing follows it: it is one of the questions to ask, and is quoted when the resident needs it.
    expect(selfCheck?.text).toBe("Có báo chính thống nào đăng ảnh này không?");
    expect(selfCheck?.leadIn).toBe(false);
    expect(withoutDanglingLeadIns(selfCheck ? [selfCheck] : [], check)).toEqual([selfCheck]);
  });

  it("keeps examples out of what-to-do answers only when the list is introduced as examples", () => {
    const examples = unitsOf(
      chunk(2, "Bắt nạt", ["Ví dụ:", "- Lập nhóm chat để nói xấu một bạn."].join("\n")),
      2,
    );
    const rules = unitsOf(
      chunk(
        3,
        "Quyền truy cập là gì?",
        [
          "Quyền truy cập là sự cho phép ứng dụng dùng một phần của máy. Ví dụ: máy ảnh, micro, tin nhắn.",
          "- Ứng dụng lạ xin đọc tin nhắn: rất nguy hiểm. Hãy gỡ ngay.",
        ].join("\n"),
      ),
      3,
    );
    const example = examples.at(-1) as Unit;
    const rule = rules.at(-1) as Unit;
    expect(exampleOutOfPlace(example, "xu-ly", examples)).toBe(true);
    expect(exampleOutOfPlace(example, "la-gi", examples)).toBe(false);
    // "Ví dụ: máy ảnh, micro…" gives its own examples; the list after it gives rules.
    expect(exampleOutOfPlace(rule, "xu-ly", rules)).toBe(false);
  });
});

describe("a sentence that leans on the one before it", () => {
  it("is read as leaning back when it opens with 'Nhờ vậy', 'Do đó' or 'Vì thế'", () => {
    const units = unitsOf(
      chunk(
        4,
        "AI là gì",
        "AI là phần mềm được dạy bằng nhiều dữ liệu.\nNhờ vậy, nó làm được một số việc giống con người.\nDo đó, hãy kiểm tra lại.",
      ),
      4,
    );
    expect(units.map((u) => u.leansBack)).toEqual([false, true, true]);
  });
});
