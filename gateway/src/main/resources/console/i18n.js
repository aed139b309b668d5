// Vietnamese first, English on request; every visible label goes through t().
const STRINGS = {
  vi: {
    skip: "Bỏ qua đến nội dung", language: "Ngôn ngữ", signOut: "Đăng xuất", signIn: "Đăng nhập",
    apiDocs: "Tài liệu API",
    devSignIn: "Chế độ phát triển: chọn một danh tính mẫu", idpSignIn: "Đăng nhập qua nhà cung cấp danh tính", stateMismatch: "Đăng nhập bị từ chối: phiên đăng nhập không khớp (thiếu hoặc sai state). Hãy đăng nhập lại.",
    moderator: "Kiểm duyệt viên", officer: "Cán bộ trực", admin: "Quản trị",
    queue: "Hàng đợi", history: "Lịch sử quyết định", status: "Trạng thái", stream: "Luồng", category: "Danh mục",
    severity: "Mức độ", text: "Nội dung", user: "Người dùng", time: "Thời gian", all: "Tất cả",
    open: "Mở", claimed: "Đã nhận", decided: "Đã quyết định", acked: "Đã xác nhận", resolved: "Đã xử lý",
    claim: "Nhận xử lý", remove: "Gỡ", dismiss: "Bỏ qua", warn: "Cảnh cáo", timeout: "Tạm cấm", ban: "Cấm", escalate: "Chuyển Bộ",
    note: "Ghi chú", duration: "Thời lượng (giây)", reason: "Lý do", rule: "Luật", term: "Từ khóa", steps: "Bước chuẩn hoá",
    noFlag: "Chọn một cờ để xem chi tiết", noItems: "Không có mục nào", noAlert: "Chọn một cảnh báo để xem chi tiết", loading: "Đang tải…", showing: "hiển thị", live: "Trực tiếp", context: "Ngữ cảnh luồng",
    userFlags: "Cờ trước đây của người dùng", alerts: "Cảnh báo", takedowns: "Yêu cầu gỡ bỏ", report: "Báo cáo",
    ack: "Xác nhận", resolve: "Đã xử lý xong", samples: "Cờ mẫu", perMinute: "Số cờ mỗi phút", deadline: "Hạn chót",
    overdue: "Quá hạn", remaining: "còn lại", rules: "Bộ luật", platforms: "Nền tảng", validate: "Kiểm tra",
    dryRun: "Chạy thử", publish: "Xuất bản", rollback: "Quay lại phiên bản", version: "Phiên bản", comments: "Bình luận (mỗi dòng một)",
    from: "Từ", to: "Đến", exportCsv: "Xuất CSV", load: "Tải", count: "Số lượng", users: "Người dùng khác nhau",
    saved: "Đã lưu", failed: "Lỗi", shortcuts: "Phím tắt", platform: "Nền tảng", kind: "Loại", newTakedown: "Yêu cầu gỡ mới",
    legalBasis: "Căn cứ pháp lý", send: "Gửi", valid: "Hợp lệ",
    backtest: "Chạy thử trên bình luận đã lưu", backtestRun: "Chạy thử lại",
    backtestHint: "So sánh bộ luật trong ô soạn thảo với phiên bản đang chạy trên các bình luận đã nhận trong khoảng thời gian này.",
    running: "Đang chạy…", commentsRead: "bình luận đã đọc", truncated: "chưa đọc hết khoảng thời gian", liveVersion: "Đang chạy",
    candidate: "Bản thử", newlyFlagged: "Cờ mới", noLongerFlagged: "Không còn cờ", change: "Thay đổi", newRule: "luật mới",
    removedRule: "luật bị bỏ", termsChanged: "từ khóa hoặc phạm vi đổi",
    falseClaims: "Tin giả đã xác minh", search: "Tìm", newClaim: "Đăng ký tin giả mới", register: "Đăng ký", source: "Nguồn",
    verdict: "Kết luận", date: "Ngày kết luận", claimsInRegistry: "tin giả trong danh sách", claimId: "Mã tin giả",
    falseClaimsReport: "Tin giả theo mã và nền tảng",
  },
  en: {
    skip: "Skip to content", language: "Language", signOut: "Sign out", signIn: "Sign in",
    apiDocs: "API documentation",
    devSignIn: "Dev mode: pick a demo identity", idpSignIn: "Sign in with the identity provider", stateMismatch: "Sign-in refused: it does not match a sign-in started here (missing or wrong state). Please sign in again.",
    moderator: "Moderator", officer: "Duty officer", admin: "Admin",
    queue: "Queue", history: "Decision history", status: "Status", stream: "Stream", category: "Category",
    severity: "Severity", text: "Text", user: "User", time: "Time", all: "All",
    open: "Open", claimed: "Claimed", decided: "Decided", acked: "Acknowledged", resolved: "Resolved",
    claim: "Claim", remove: "Remove", dismiss: "Dismiss", warn: "Warn", timeout: "Timeout", ban: "Ban", escalate: "Escalate",
    note: "Note", duration: "Duration (seconds)", reason: "Reason", rule: "Rule", term: "Term", steps: "Normalization steps",
    noFlag: "Select a flag to see its detail", noItems: "Nothing here", noAlert: "Select an alert to see its detail", loading: "Loading…", showing: "showing", live: "Live", context: "Stream context",
    userFlags: "The user's earlier flags", alerts: "Alerts", takedowns: "Takedown requests", report: "Report",
    ack: "Acknowledge", resolve: "Resolve", samples: "Sample flags", perMinute: "Flags per minute", deadline: "Deadline",
    overdue: "Overdue", remaining: "left", rules: "Rule sets", platforms: "Platforms", validate: "Validate",
    dryRun: "Dry run", publish: "Publish", rollback: "Roll back to version", version: "Version", comments: "Comments (one per line)",
    from: "From", to: "To", exportCsv: "Export CSV", load: "Load", count: "Count", users: "Distinct users",
    saved: "Saved", failed: "Failed", shortcuts: "Shortcuts", platform: "Platform", kind: "Kind", newTakedown: "New takedown request",
    legalBasis: "Legal basis", send: "Send", valid: "Valid",
    backtest: "Backtest on retained comments", backtestRun: "Run backtest",
    backtestHint: "Compares the rule file in the editor with the live version on the comments received in this period.",
    running: "Running…", commentsRead: "comments read", truncated: "the period holds more", liveVersion: "Live",
    candidate: "Candidate", newlyFlagged: "Newly flagged", noLongerFlagged: "No longer flagged", change: "Change", newRule: "new rule",
    removedRule: "rule removed", termsChanged: "terms or scope changed",
    falseClaims: "False claims", search: "Search", newClaim: "Register a false claim", register: "Register", source: "Source",
    verdict: "Verdict", date: "Judged on", claimsInRegistry: "claims in the registry", claimId: "Claim id",
    falseClaimsReport: "False-claim matches by claim and platform",
  },
};

let lang = localStorage.getItem("livemod.lang") || "vi";

export function t(key) {
  return (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
}

export function currentLang() { return lang; }

export function setLang(next, rerender) {
  lang = STRINGS[next] ? next : "vi";
  localStorage.setItem("livemod.lang", lang);
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
  if (rerender) rerender();
}
