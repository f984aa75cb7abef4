import type { Translation } from "../../catalog.ts";
import type en from "./en.ts";

export default {
  setupTitle: "Cần cài đặt trước khi liên kết cửa hàng thật",
  setupSummary: "Hãy đặt {variables}, rồi khởi động lại balance-bot và chạy lại /balance connect.",
  and: "{first} và {next}",
  setupFooter: "xem README, mục “Connecting a real shop”",
  settingServiceId:
    "TIKTOK_SERVICE_ID: Service ID của ứng dụng trong TikTok Shop Partner Center toàn cầu (có trong liên kết ủy quyền, services.tiktokshop.com/open/authorize?service_id=…).",
  settingUsServiceId:
    "TIKTOK_US_SERVICE_ID: Service ID của ứng dụng trong TikTok Shop Partner Center Hoa Kỳ (có trong liên kết ủy quyền, services.tiktokshops.us/open/authorize?service_id=…).",
  settingPublicUrl:
    "PUBLIC_URL: địa chỉ https công khai của bot, ví dụ https://balance.example.com; đăng ký {callback} làm redirect URL của ứng dụng trong Partner Center.",
  settingPort:
    "PORT: máy chủ HTTP của bot (callback và webhook) chưa chạy; hãy đặt PORT (ví dụ 3000) rồi khởi động lại.",
  title: "Liên kết TikTok Shop",
  summary:
    "Với tư cách chủ cửa hàng, hãy mở {links, plural, =1 {liên kết này} other {liên kết dành cho khu vực của bạn}} và chấp thuận balance-bot: {urls}",
  linkSandbox: "Cửa hàng sandbox",
  linkUs: "Người bán tại Hoa Kỳ",
  linkGlobal: "Người bán ngoài Hoa Kỳ",
  noteOnce: "Liên kết chỉ dùng được một lần và hết hạn sau 30 phút (lúc {time} UTC).",
  noteApproved:
    "Khi chủ cửa hàng chấp thuận, kênh này sẽ nhận xác nhận và các cửa hàng sẽ hiện trong /balance shops.",
  footerSandbox: "cửa hàng sandbox · không động đến cửa hàng thật nào",
  footerReal: "Ủy quyền TikTok Shop",
  whichShop: "hãy chỉ rõ cửa hàng cần ngắt liên kết: {shops}",
  disconnectedTitle: "Đã ngắt liên kết {shop}",
  disconnectedSummary: "{shop} không còn liên kết với workspace này.",
  credentialsDeleted:
    "Không workspace nào khác dùng ủy quyền TikTok của cửa hàng này, nên thông tin xác thực đã lưu đã bị xóa.",
  credentialsKept:
    "Một workspace khác vẫn dùng ủy quyền TikTok của cửa hàng này, nên thông tin xác thực được giữ lại.",
  historyStays: "Lịch sử đã đồng bộ vẫn nằm trong cơ sở dữ liệu; /balance connect sẽ liên kết lại.",
  sandboxAgain: "Sandbox: workspace không có cửa hàng sẽ lại thấy các cửa hàng sandbox ở lệnh tiếp theo.",
} as const satisfies Translation<typeof en>;
