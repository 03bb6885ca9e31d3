/**
 * What the public certificate verification page (/chung-nhan/…) says. Plain text only: the markup and the
 * escaping stay in src/http/routes/certificate-page-html.ts. Arguments documented as "escaped" are
 * inserted as they come.
 */

export const certificatePageText = {
  heading: "Chứng nhận học tập — Bình dân học vụ số",
  /** Under every outcome: where the nationwide confirmation happens. */
  note:
    "Đây là ghi nhận học tập của phường. Việc xác nhận chính thức trên toàn quốc thực hiện trên VNeID, " +
    "theo hướng dẫn của phường và nền tảng binhdanhocvuso.gov.vn.",
  qrLabel: "Mã QR kiểm tra chứng nhận",
  /** The labels of the certificate's fields. */
  fields: {
    id: "Số chứng nhận",
    name: "Họ và tên",
    group: "Nhóm",
    to: "Tổ dân phố",
    issuedOn: "Ngày cấp",
    modules: "Đã hoàn thành",
  },
} as const;

/** A certificate found and valid. */
export const validCertificateText = {
  title: (id: string, name: string) => `Chứng nhận ${id} — ${name}`,
  status: "✓ Hợp lệ",
  statusDetail: "Chứng nhận này có trong sổ ghi nhận học tập của phường.",
  verifyLabel: "Kiểm tra bản gốc",
  qrCaption: "Quét mã để xem bản gốc",
  howToVerify:
    "Muốn biết bản in có đúng không, hãy quét mã QR hoặc mở địa chỉ dưới đây và so từng dòng với trang hiện ra:",
  print: "In chứng nhận",
  printHint:
    "Dùng chức năng In của trình duyệt (trên điện thoại: menu ⋮ hoặc Chia sẻ → In) để in hoặc lưu thành PDF.",
} as const;

/** A certificate the ward revoked, shown in full or (its learner erased) by number only. */
export const revokedCertificateText = {
  title: (id: string) => `Chứng nhận ${id} — đã thu hồi`,
  status: "✗ Đã thu hồi",
  /** `on` is a dd/mm/yyyy date, or empty when unknown. */
  detail: (on: string) =>
    `Chứng nhận này đã bị phường thu hồi${on ? ` ngày ${on}` : ""} và không còn giá trị.`,
  /** `reason` comes escaped. */
  reason: (reason: string) => `Lý do: ${reason}`,
  noReason: "không ghi",
  /** The certificate's learner was erased: only its number remains; `id` comes escaped. */
  withdrawnDetail: (id: string, on: string) =>
    `Chứng nhận ${id} đã bị phường thu hồi ngày ${on} và không còn giá trị.`,
} as const;

/** No valid certificate by that number and code. */
export const certificateNotFoundText = {
  title: "Không tìm thấy chứng nhận hợp lệ",
  status: "Không tìm thấy chứng nhận hợp lệ",
  causes:
    "Có thể số chứng nhận hoặc mã kiểm tra bị gõ sai, đường dẫn bị cắt mất một phần, hoặc chứng nhận này " +
    "không do phường cấp (bản in có thể đã bị sửa).",
  whatToDo:
    "Hãy kiểm tra lại số chứng nhận (dạng HVS-26-XXXXXX) hoặc quét lại mã QR trên bản in. Nếu vẫn không " +
    "thấy, xin liên hệ Tổ công nghệ số cộng đồng của phường.",
} as const;

/** The store could not be read. */
export const certificateUnavailableText = {
  title: "Tạm thời chưa kiểm tra được",
  status: "Tạm thời chưa kiểm tra được chứng nhận",
  message: "Hệ thống đang bận hoặc đang bảo trì. Bạn vui lòng thử lại sau ít phút.",
} as const;
