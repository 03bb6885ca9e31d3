import { describe, expect, it } from "vitest";
import type { SectionKind } from "../../src/knowledge/schema.ts";
import { compose } from "../../src/tutor/compose.ts";
import { chunk, composeIn, hit, overlapOnly, steps } from "../helpers/compose-fixtures.ts";

describe("compose: an answer that reads on its own", () => {
  it("never quotes a lead-in without the list it introduces, nor a fragment too short to mean anything alone", () => {
    const scams = chunk(
      4,
      "Kẻ gian hứa lấy lại tiền",
      [
        "Kẻ gian hứa lấy lại tiền đã mất, ví dụ như sau:",
        "- Gửi thư mời nhận quà tri ân khách hàng.",
        "Đừng lo.",
        "Không trả phí cho ai hứa lấy lại tiền đã mất.",
      ].join("\n"),
    );
    const composed = composeIn(
      [scams],
      ["ke", "gian", "hua", "lay", "lai", "tien", "lo"],
      "ke gian hua lay lai tien, lo qua",
      null,
    );
    const all = [composed.direct, ...composed.points];
    expect(all).toContain("Không trả phí cho ai hứa lấy lại tiền đã mất.");
    expect(all).not.toContain("Kẻ gian hứa lấy lại tiền đã mất, ví dụ như sau:");
    expect(all).not.toContain("Đừng lo.");
  });

  it("opens with what to do, not with a sentence about 'them', when the message asks what to do", () => {
    const callers = chunk(
      5,
      "Cuộc gọi giả danh",
      [
        "Chúng xưng là công an phường và đòi đọc mã OTP.",
        "Kẻ gian xưng là công an và đòi bạn đọc mã OTP.",
        "Tắt máy ngay khi có người xưng công an đòi mã OTP.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn(
      [callers],
      ["xung", "cong", "an", "doi", "doc", "ma", "otp", "phuong"],
      "co nguoi xung cong an phuong doi doc ma otp, phai lam gi",
      "xu-ly",
    );
    expect(composed.direct).toBe("Tắt máy ngay khi có người xưng công an đòi mã OTP.");
  });

  it("opens a how-to answer with what to do, not with what a word means", () => {
    const install = chunk(
      9,
      "Cài ứng dụng",
      [
        "Ứng dụng chính thức là ứng dụng do cơ quan nhà nước phát hành trên kho.",
        "Chỉ cài ứng dụng chính thức từ kho CH Play hoặc App Store.",
        "1. Mở kho ứng dụng trên điện thoại.",
        "2. Gõ tên ứng dụng vào ô tìm kiếm.",
      ].join("\n"),
      "cac-buoc",
    );
    const ask = (kind: SectionKind | null) =>
      composeIn(
        [install],
        ["cai", "ung", "dung", "chinh", "thuc", "dien", "thoai", "nha", "nuoc"],
        "cach cai ung dung chinh thuc cua nha nuoc tren dien thoai",
        kind,
      ).direct;
    expect(ask("cac-buoc")).toBe("Chỉ cài ứng dụng chính thức từ kho CH Play hoặc App Store.");
    // Asked what it is, the sentence that says what it is may open.
    expect(ask("la-gi")).toBe("Ứng dụng chính thức là ứng dụng do cơ quan nhà nước phát hành trên kho.");
  });

  it("never lists examples of what goes wrong as if they were advice when the message asks what to do", () => {
    const bullying = chunk(
      6,
      "Bắt nạt trên mạng là gì",
      [
        "Bắt nạt trên mạng là dùng tin nhắn để làm hại một người. Ví dụ:",
        "- Lập nhóm chat riêng để nói xấu một bạn.",
        "- Đăng ảnh xấu của bạn lên nhóm chat.",
        "Chặn tài khoản bắt nạt và chụp màn hình nhóm chat làm bằng chứng.",
      ].join("\n"),
      "xu-ly",
    );
    const ask = (kind: "xu-ly" | "la-gi") =>
      composeIn(
        [bullying],
        ["lap", "nhom", "chat", "noi", "xau", "dang", "anh"],
        "may ban lap nhom chat noi xau em, dang anh em",
        kind,
      );
    const whatToDo = [ask("xu-ly").direct, ...ask("xu-ly").points].join("\n");
    expect(whatToDo).toContain("Chặn tài khoản bắt nạt");
    expect(whatToDo).not.toContain("Lập nhóm chat riêng để nói xấu");
    expect(whatToDo).not.toContain("Đăng ảnh xấu của bạn");
    // Asked what bullying is, the examples are the answer.
    const whatItIs = ask("la-gi");
    expect([whatItIs.direct, ...whatItIs.points].join("\n")).toContain("Lập nhóm chat riêng để nói xấu");
  });

  it("never opens with a question the lesson asks itself ('Lỡ cài ứng dụng lạ?'), nor shows it without its answer", () => {
    const slip = chunk(
      7,
      "Khi lỡ tay",
      [
        "Lỡ cài ứng dụng lạ?",
        "Tắt Wi-Fi và dữ liệu di động ngay, rồi nhờ người thân gỡ ứng dụng.",
        "Đổi mật khẩu trên một điện thoại sạch.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn([slip], ["lo", "cai", "ung", "dung", "la"], "lo cai ung dung la roi", "xu-ly");
    expect(composed.direct).toBe("Tắt Wi-Fi và dữ liệu di động ngay, rồi nhờ người thân gỡ ứng dụng.");
    expect(composed.points).not.toContain("Lỡ cài ứng dụng lạ?");
  });

  it("shows a list item with the sentence that introduces its list, and opens with no 'Hoặc …' that leans on a sentence left out", () => {
    const whenToAsk = chunk(
      8,
      "Khi nào nên gặp cán bộ",
      [
        "Cán bộ ở quầy giúp bạn làm thủ tục.",
        "Hoặc hỏi máy ở quầy để được chỉ chỗ ngồi chờ cán bộ.",
        "Hãy gặp cán bộ tại quầy khi:",
        "- Máy báo lỗi, hoặc bạn làm mãi không được.",
        "- Bạn cần ký nhận hay nộp bản gốc giấy tờ cho cán bộ.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn(
      [whenToAsk],
      ["ky", "nhan", "nop", "ban", "goc", "giay", "to", "hoi", "may", "quay"],
      "can ky nhan nop ban goc giay to thi hoi may o quay hay sao",
      null,
    );
    const all = [composed.direct, ...composed.points];
    expect(composed.direct).not.toMatch(/^Hoặc/);
    const item = all.indexOf("• Bạn cần ký nhận hay nộp bản gốc giấy tờ cho cán bộ.");
    expect(item).toBeGreaterThan(0);
    expect(all.slice(0, item)).toContain("Hãy gặp cán bộ tại quầy khi:");
  });

  it("never quotes the introduction's sentences about the lesson itself ('Bài này chỉ cách…')", () => {
    const intro = chunk(
      0,
      "Bài thử",
      'Bài này chỉ cách chuyển tiền an toàn trên điện thoại.\nBạn cũng sẽ biết cách chuyển tiền an toàn.\nTrong bài, ứng dụng ngân hàng trên điện thoại gọi ngắn là "app".',
    );
    const composed = compose({
      hit: { ...hit, chunks: [intro, steps], chunkScores: [1, 0.5] },
      chosen: steps,
      lessonChunks: [intro, steps],
      terms: ["chuyen", "tien", "an", "toan", "dien", "thoai"],
      question: "chuyen tien an toan tren dien thoai",
      kind: null,
      model: overlapOnly,
    });
    const all = [composed.direct, ...composed.points].join("\n");
    expect(all).not.toContain("Bài này");
    expect(all).not.toContain("Bạn cũng sẽ biết");
    expect(all).not.toContain("Trong bài");
    expect(all).toContain("Mở ứng dụng ngân hàng trên điện thoại.");
  });

  it("opens with the sentence the likeliest one leans on when nothing standing alone comes close", () => {
    const composed = composeIn(
      [
        chunk(1, "Nhận tiền", "Bạn in mã QR nhận tiền của mình, dán ở quầy."),
        chunk(
          2,
          "Giao hàng",
          "Mã vận đơn là mã riêng của mỗi gói hàng.\nNhờ mã này, bạn và khách biết hàng đang ở đâu.",
        ),
      ],
      ["khach", "biet"],
      "khach hoi hang toi dau roi, lam sao biet",
      null,
    );
    expect(composed.direct).toBe("Mã vận đơn là mã riêng của mỗi gói hàng.");
    expect(composed.points[0]).toBe("Nhờ mã này, bạn và khách biết hàng đang ở đâu.");
  });

  it("shows a sentence leaning on the direct sentence right after it, before the other points", () => {
    const again = chunk(
      9,
      "Cẩn thận bị lừa lần hai",
      [
        "Mở đầu về chuyện bị lừa.",
        "Kẻ hứa lấy lại tiền bị lừa đòi bạn đóng phí trước.",
        "Đó là lừa đảo lần hai, đừng đóng phí lấy lại tiền.",
        "Gọi ngay tổng đài ngân hàng để khóa tài khoản bị lừa.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn(
      [again],
      ["lay", "lai", "tien", "bi", "lua", "dong", "phi", "hua", "ngan", "hang"],
      "co nguoi hua lay lai tien bi lua, doi dong phi, ngan hang",
      null,
    );
    expect(composed.direct).toBe("Kẻ hứa lấy lại tiền bị lừa đòi bạn đóng phí trước.");
    expect(composed.points[0]).toBe("Đó là lừa đảo lần hai, đừng đóng phí lấy lại tiền.");
  });

  it("quotes a sentence too short to stand alone only together with the sentence before it", () => {
    const wrongTransfer = chunk(
      9,
      "Người lạ chuyển nhầm tiền",
      [
        "Người lạ chuyển nhầm tiền vào tài khoản rồi gọi đòi chuyển trả sang số khác.",
        "Đừng chuyển trả.",
        "Báo ngân hàng để ngân hàng xử lý khoản tiền chuyển nhầm.",
      ].join("\n"),
      "xu-ly",
    );
    const composed = composeIn(
      [wrongTransfer],
      ["nguoi", "la", "chuyen", "nham", "tien", "doi", "tra", "ngan", "hang"],
      "nguoi la chuyen nham tien roi doi chuyen tra, ngan hang",
      "xu-ly",
    );
    const all = [composed.direct, ...composed.points];
    const short = all.indexOf("Đừng chuyển trả.");
    expect(short).toBeGreaterThan(0);
    expect(all[short - 1]).toBe(
      "Người lạ chuyển nhầm tiền vào tài khoản rồi gọi đòi chuyển trả sang số khác.",
    );
  });
});
