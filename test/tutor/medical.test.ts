import { describe, expect, it } from "vitest";
import { isMedical, medicalOnlyInStory, onlyLooksMedical } from "../../src/tutor/medical.ts";

describe("a declined message that only looks medical", () => {
  it("is a money or order matter that names nothing of health", () => {
    expect(onlyLooksMedical("bị trừ tiền không rõ lý do")).toBe(true);
    expect(onlyLooksMedical("bi tru tien trong tai khoan khong ro ly do")).toBe(true);
  });

  it("keeps the doctor's advice for anything that might name health, money words or not", () => {
    expect(onlyLooksMedical("tim đập nhanh, hồi hộp không rõ lý do")).toBe(false);
    expect(onlyLooksMedical("mẹ bầu bị tiền sản giật không rõ lý do")).toBe(false);
    expect(onlyLooksMedical("con bị béo phì, mất tiền khám mãi không rõ lý do")).toBe(false);
    expect(onlyLooksMedical("bị đau bụng sau khi chuyển tiền")).toBe(false);
  });
});

describe("asking whether something happened to you", () => {
  it("is a self-diagnosis when it may be an illness", () => {
    expect(isMedical("dạo này hay đau đầu, có phải bị bệnh gì không")).toBe(true);
    expect(isMedical("tê bì chân tay, khát nước suốt, có phải bị làm sao không")).toBe(true);
  });

  it("is no doctor's matter when it is a trick, a hacked or blocked account, or the word is 'biết'", () => {
    for (const text of [
      "tôi chuyển tiền cho shop rồi mà không thấy hàng, có phải bị lừa không",
      "chuyển 15 triệu thì app bắt quét mặt, có phải bị hack không hay quy định mới",
      "co phai bi khoa tai khoan ko",
      "họ bảo nạp 3 triệu để nhận nhiệm vụ lớn, thế này có phải bị dụ ko ạ",
      "người mua bảo đọc mã mới nhận được tiền, có phải bị gạt không",
      "máy cứ tự mở quảng cáo có phải bị virus không",
      "trên mạng nhiều app quá, tôi có phải biết dùng hết không",
    ])
      expect(isMedical(text), text).toBe(false);
  });
});

describe("a long message whose illness is only its story", () => {
  const lodging =
    "Con tôi bị sốt xuất huyết nằm viện mấy hôm, em gái tôi ở quê lên ở nhà tôi một tuần để trông cháu giúp. " +
    "Sáng nay bác tổ trưởng đi qua nhắc nhà có người ở lại qua đêm thì phải báo công an. Tôi sáng vào viện, " +
    "chiều đi làm, không có thời gian lên phường. Có cách nào báo mà không phải đi không?";

  it("asks something that is not medical", () => {
    expect(isMedical(lodging)).toBe(true);
    expect(medicalOnlyInStory(lodging)).toBe(true);
  });

  it("reads its questions, not a story sentence that only sounds like asking ('ngày nào cũng')", () => {
    const password =
      "Mẹ tôi bị tiểu đường mấy năm nay, ngày nào cũng phải uống thuốc. Tôi là cán bộ văn phòng phường, lâu nay " +
      "dùng chung một mật khẩu là ngày sinh con gái cho Zalo, email và ứng dụng ngân hàng. Tôi nên đặt mật khẩu " +
      "thế nào cho khó đoán, và có cách nào thêm một lớp bảo vệ nữa không?";
    expect(medicalOnlyInStory(password)).toBe(true);
  });

  it("is a doctor's matter when what it asks names a medicine or a dose", () => {
    const dose =
      "Cháu tôi 3 tuổi bị sốt cao mấy hôm nay, hôm qua đi khám bác sĩ kê cho mấy loại thuốc, tôi quên mất " +
      "cách dùng rồi, đơn thì để ở nhà bà nội. Cho tôi hỏi một ngày cho cháu uống mấy lần?";
    expect(isMedical(dose)).toBe(true);
    expect(medicalOnlyInStory(dose)).toBe(false);
  });

  it("is never one that tells signs of an emergency, wherever they are told", () => {
    const emergency =
      "Mẹ tôi năm nay 80 tuổi, ở một mình, từ tối qua sốt cao, khó thở, con cháu đi làm xa hết cả. " +
      "Tôi gọi mãi không ai nghe máy. Giờ tôi phải làm sao đây?";
    expect(isMedical(emergency)).toBe(true);
    expect(medicalOnlyInStory(emergency)).toBe(false);
    const feverish =
      "Con tôi sốt cao không hạ từ hôm qua, giờ nằm mê man, chồng tôi đi làm xa chưa về được, nhà chỉ có hai " +
      "mẹ con. Tôi sợ quá, cần gọi cho ai bây giờ?";
    expect(medicalOnlyInStory(feverish)).toBe(false);
  });

  it("is not a short message, which is read whole", () => {
    expect(medicalOnlyInStory("con toi sot 39 do phai lam sao")).toBe(false);
  });
});

describe("what makes symptoms a question about a digital tool", () => {
  it("is not 'ai' meaning who, nor 'đang' meaning in the middle of", () => {
    expect(isMedical("bố tôi tự nhiên đau ngực, cả nhà đang cuống lên, không ai biết làm gì")).toBe(true);
  });

  it("is AI in capitals, or something posted online", () => {
    expect(isMedical("bà bị chóng mặt, cháu bảo hỏi cái AI xem sao")).toBe(false);
    expect(isMedical("tôi bị chóng mặt, có nên đăng lên nhóm hỏi không")).toBe(false);
  });
});
