#include "http/templates.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace txng::http {
namespace {

using nlohmann::json;

const Renderer& BinhPhuoc() {
  static const Renderer renderer(EmbeddedWeb(), Site{.province = "Bình Phước"});
  return renderer;
}

size_t Count(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

constexpr UnixMillis kApprovedAt = 1741712400000;  // 2025-03-12 00:00 in Vietnam

json SignedIn(json data) {
  data["user"] = {{"display_name", "Nguyễn Thị Hạnh"}, {"username", "hanh"}};
  data["csrf_token"] = "csrf-7f3a";
  return data;
}

// The production diary's pages (handlers/diary_pages.cc).
json DiaryPageData(std::string_view page, Lang lang) {
  const json option = {
      {"value", "08930001000018/L01"}, {"label", "Hạt điều — L01"}, {"selected", true}};
  const json stages = json::array({{{"url", "/workspace/diary/new?stage=harvesting"},
                                    {"name", "harvesting"},
                                    {"label", "Thu hoạch"},
                                    {"selected", true}}});
  if (page == "diary") {
    return {{"title", "Nhật ký sản xuất"},
            {"stages", stages},
            {"lots", json::array({option})},
            {"statuses", json::array({{{"value", "pending"}, {"label", "Chờ duyệt"}}})},
            {"filter", {{"from", "2026-11-01"}, {"to", "2026-11-30"}}},
            {"recorded", "1"},
            {"problems", json::array({"Ngày cần lọc không hợp lệ."})},
            {"entries", json::array({{{"stage", "Thu hoạch"},
                                      {"time", DateTimeValue(lang, kApprovedAt)},
                                      {"what", "Hạt điều — L01 · 120 kg"},
                                      {"place", "Vườn điều (VT-01)"},
                                      {"partner", "cho HTX B"},
                                      {"activity", "Bón phân"},
                                      {"note", "<script>alert(1)</script>"},
                                      {"status", {{"name", "rejected"}, {"label", "Bị từ chối"}}},
                                      {"reason", "Thiếu số lượng"}}})},
            {"total", 21},
            {"prev", "/workspace/diary?offset=0"},
            {"next", "/workspace/diary?offset=20"}};
  }
  if (page == "diary_form") {
    return {
        {"title", "Thu hoạch"},
        {"csrf_token", "tok"},
        {"stage", {{"name", "processing"}, {"label", "Sơ chế"}, {"help", "Ghi lại"}}},
        {"stages", stages},
        {"show",
         {{"output", true}, {"partner", true}, {"activity", true}, {"quantity_required", true}}},
        {"lot_label", "Lô"},
        {"partner_label", "Xuất cho"},
        {"values",
         {{"time", "2026-11-20T07:30"},
          {"quantity", "12"},
          {"output_quantity", "3"},
          {"note", "x"}}},
        {"lots", json::array({option})},
        {"output_lots", json::array({option})},
        {"places", json::array({option})},
        {"partners", json::array({option})},
        {"units", json::array({option})},
        {"output_units", json::array({option})},
        {"activities", json::array({option})},
        {"errors", json::array({{{"field", "lot"}, {"column", "Lô"}, {"reason", "cần nhập"}}})},
        {"has_errors", true},
        {"invalid", {{"lot", true}}},
        {"capture_error", "event 0: bad"},
        {"no_lots", true},
        {"no_places", true}};
  }
  if (page == "diary_import") {
    return {{"title", "Nhập"},
            {"csrf_token", "tok"},
            {"columns", json::array({{{"name", "stage"}, {"help", "Công đoạn"}}})},
            {"stages", stages},
            {"error", "Chỉ nhận tệp .xlsx hoặc .csv."}};
  }
  if (page == "diary_preview") {
    return {{"title", "Xem trước"},
            {"csrf_token", "tok"},
            {"file_name", "nhat-ky.csv"},
            {"token", "abc"},
            {"columns", json::array({"stage", "time"})},
            {"rows", json::array({{{"row", 2},
                                   {"cells", json::array({"harvesting", "x"})},
                                   {"ok", true},
                                   {"errors", json::array()}},
                                  {{"row", 3},
                                   {"cells", json::array({"", ""})},
                                   {"ok", false},
                                   {"errors", json::array({{{"field", "stage"},
                                                            {"column", "Công đoạn"},
                                                            {"reason", "cần nhập"}}})}}})},
            {"count", {{"all", 2}, {"valid", 1}, {"invalid", 1}}},
            {"all_valid", true},
            {"some_valid", true},
            {"error", "Còn lỗi"}};
  }
  return nullptr;
}

// Representative data for every page, as its handler would pass it.
json PageData(std::string_view page, Lang lang) {
  if (page.starts_with("diary")) return DiaryPageData(page, lang);
  if (page == "home") {
    return {{"target", "/"},
            {"featured", json::array({{{"url", "/01/08930001000018"},
                                       {"name", "Hạt điều rang muối Bù Đăng"},
                                       {"gtin", "08930001000018"},
                                       {"producer", "HTX Điều Phú Riềng"},
                                       {"image_url", "/media/dieu.jpg"},
                                       {"category", "Hạt điều"},
                                       {"ocop", OcopValue(4)}},
                                      {{"url", "/01/08931234567897"},
                                       {"name", "Mật ong rừng Bù Gia Mập"},
                                       {"gtin", "08931234567897"},
                                       {"producer", "Hộ kinh doanh Ong Vàng"}}})}};
  }
  if (page == "login") {
    return {{"target", "/login?next=%2Fdashboard"},
            {"csrf_token", "csrf-login-1"},
            {"next", "/dashboard"},
            {"username", "hanh"},
            {"error", "Tên đăng nhập hoặc mật khẩu không đúng."}};
  }
  if (page == "trace") {
    return {{"target", "/trace?id=x"},
            {"title", "Truy xuất theo mã"},
            {"query", {{"id", "(01)08930001000018(10)L01"}, {"backward", true}}},
            {"trace",
             {{"root",
               {{"id", "https://id.gs1.org/01/08930001000018/10/L01"},
                {"label", "Hạt điều rang muối"}}},
              {"withheld", true},
              {"stages", json::array({{{"name", "Sản xuất, thu hoạch"},
                                       {"subject", "Hạt điều thô — Lô R1"},
                                       {"quantity", "900 KGM"},
                                       {"place", "Vườn điều Phú Riềng (mã VN-BPTR-0012)"},
                                       {"actor", "Hộ ông Lê Văn Ba"},
                                       {"time", DateTimeValue(lang, kApprovedAt)}}})},
              {"svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"},
              {"findings", json::array({{{"detail", "no origin"}}})},
              {"actors", json::array({{{"party", "HTX Điều Phú Riềng"},
                                       {"suppliers", "Hộ ông Lê Văn Ba"},
                                       {"customers", ""}}})},
              {"api_url", "/api/v1/trace?id=x"}}}};
  }
  if (page == "product") {
    return {
        {"target", "/01/08930001000018"},
        {"title", "Hạt điều rang muối Bù Đăng"},
        {"product",
         {{"name_vi", "Hạt điều rang muối Bù Đăng"},
          {"name_en", "Bu Dang roasted salted cashews"},
          {"image_url", "/media/dieu.jpg"},
          {"gtin", "08930001000018"},
          {"digital_link", "https://txng.binhphuoc.gov.vn/01/08930001000018"},
          {"category", "Hạt điều"},
          {"brand", "Điều Bù Đăng"},
          {"standards", "TCVN 12381:2018, HACCP"},
          {"shelf_life_days", 365},
          {"description", "Điều W320 rang củi, muối biển."},
          {"priority", "Sản phẩm chủ lực"},
          {"ocop", OcopValue(4)}}},
        {"producer",
         {{"name", "HTX Điều Phú Riềng"},
          {"address", "Ấp 3, xã Phú Riềng"},
          {"district", "Phú Riềng"},
          {"phone", "0271 3888 888"}}},
        {"stages", json::array({{{"name", "Thu hoạch"},
                                 {"place", "Vườn điều Phú Riềng"},
                                 {"actor", "Hộ ông Lê Văn Ba"},
                                 {"time", DateTimeValue(lang, kApprovedAt - 86400000 * 30LL)}},
                                {{"name", "Chế biến, rang muối"},
                                 {"place", "Xưởng HTX Điều Phú Riềng"},
                                 {"time", DateTimeValue(lang, kApprovedAt - 86400000 * 10LL)}},
                                {{"name", "Đóng gói"}}})},
        {"lots", json::array({{{"code", "L2503A"},
                               {"url", "/01/08930001000018/10/L2503A"},
                               {"production_date", CalendarDateValue(lang, "2025-03-01")},
                               {"expiry_date", CalendarDateValue(lang, "2026-03-01")}},
                              {{"code", "L2503B"},
                               {"url", "/01/08930001000018/10/L2503B"},
                               {"production_date", CalendarDateValue(lang, "2025-03-05")},
                               {"expiry_date", CalendarDateValue(lang, "")}}})},
        {"lot",
         {{"code", "L2503A"},
          {"serial", ""},
          {"production_date", CalendarDateValue(lang, "2025-03-01")},
          {"expiry_date", CalendarDateValue(lang, "2026-03-01")},
          {"quantity", "400 KGM"},
          {"place", "Xưởng HTX Điều Phú Riềng"}}},
        {"certifications", json::array({{{"text", "TCVN 12381:2018"}},
                                        {{"text", "https://cert.example.vn/vietgap/123"},
                                         {"url", "https://cert.example.vn/vietgap/123"}}})},
        {"feedback_url", "/feedback/new?gtin=08930001000018&lot=L2503A"},
        {"approval", {{"by", "Sở Khoa học và Công nghệ"}, {"date", DateValue(lang, kApprovedAt)}}},
        {"recall", {{"message", "Lô L2503B bị thu hồi do bao bì hở."}}}};
  }
  // Consumer pages (handlers/consumer_pages.cc).
  if (page == "place") {
    return {{"target", "/414/8930001000005"},
            {"title", "Vườn điều Phú Riềng"},
            {"place",
             {{"name", "Vườn điều Phú Riềng"},
              {"kind", "Vùng trồng"},
              {"address", "Ấp 3, xã Phú Riềng"},
              {"district", "Phú Riềng"},
              {"area_code", "VN-BPTR-0012"},
              {"gln", "8930001000005"},
              {"extension", "A1"},
              {"digital_link", "https://id.gs1.org/414/8930001000005/254/A1"},
              {"org", "HTX Điều Phú Riềng"}}}};
  }
  if (page == "unit") {
    return {{"target", "/00/089300010000000017"},
            {"title", "SSCC 089300010000000017"},
            {"unit",
             {{"sscc", "089300010000000017"},
              {"digital_link", "https://id.gs1.org/00/089300010000000017"}}},
            {"stages", json::array({{{"name", "Vận chuyển"},
                                     {"place", "Kho Đồng Xoài"},
                                     {"time", DateTimeValue(lang, kApprovedAt)}}})},
            {"trace_url", "/trace?id=x"}};
  }
  if (page == "lookup_error") {
    return {{"target", "/01/123"},
            {"status", 400},
            {"title", "Mã không hợp lệ"},
            {"message", "AI (01): the GTIN's check digit is wrong"}};
  }
  if (page == "search") {
    return {{"target", "/search?q=hat+dieu"},
            {"q", "hat dieu"},
            {"searched", true},
            {"total", 30},
            {"more", "/search?q=hat%20dieu&offset=24"},
            {"results", json::array({{{"url", "/01/08930001000018"},
                                      {"name", "Hạt điều rang muối"},
                                      {"gtin", "08930001000018"},
                                      {"producer", "HTX Điều Phú Riềng"},
                                      {"image_url", "/media/dieu.jpg"},
                                      {"category", "Hạt điều"},
                                      {"ocop", OcopValue(4)}}})}};
  }
  if (page == "feedback_form") {
    return {{"target", "/feedback/new?gtin=08930001000018"},
            {"csrf_token", "tok"},
            {"error", "Hãy mô tả vấn đề bạn gặp."},
            {"form",
             {{"gtin", "08930001000018"},
              {"lot", "L2503A"},
              {"text", ""},
              {"contact", ""},
              {"product", "Hạt điều rang muối"},
              {"back", "/01/08930001000018/10/L2503A"},
              {"max", 2000},
              {"contact_max", 200}}}};
  }
  if (page == "feedback") {
    return SignedIn({{"target", "/feedback"},
                     {"total", 2},
                     {"error", "Hãy ghi cách xử lý trước khi đóng phản ánh."},
                     {"items", json::array({{{"id", 2},
                                             {"product", "Hạt điều rang muối"},
                                             {"url", "/01/08930001000018/10/L2503A"},
                                             {"lot", "L2503A"},
                                             {"org", "HTX Điều Phú Riềng"},
                                             {"text", "Bao bì bị rách"},
                                             {"contact", "0912 345 678"},
                                             {"created", DateTimeValue(lang, kApprovedAt)},
                                             {"open", true}},
                                            {{"id", 1},
                                             {"product", "Hạt điều rang muối"},
                                             {"url", "/01/08930001000018"},
                                             {"org", "HTX Điều Phú Riềng"},
                                             {"text", "Hạn dùng mờ"},
                                             {"created", DateTimeValue(lang, kApprovedAt)},
                                             {"open", false},
                                             {"closed",
                                              {{"by", "user:reviewer"},
                                               {"at", DateTimeValue(lang, kApprovedAt)},
                                               {"note", "Đã nhắc cơ sở"}}}}})}});
  }
  if (page == "error") {
    return {{"target", "/01/0893"},
            {"status", 404},
            {"title", "Không tìm thấy"},
            {"message", "Không có sản phẩm mang mã 0893."},
            {"hint", "Hãy đối chiếu lại mã trên tem."}};
  }
  if (page == "dashboard") {
    const json counts = {{"draft", 2}, {"pending", 1}, {"approved", 7}, {"rejected", 0}};
    return SignedIn({{"target", "/dashboard"},
                     {"user", {{"role", "Tổ chức, cá nhân sản xuất kinh doanh"}}},
                     {"org",
                      {{"name", "HTX Điều Phú Riềng"},
                       {"kind", "Hợp tác xã"},
                       {"tax_code", "3801234567"},
                       {"district", "Phú Riềng"}}},
                     {"counts", {{"products", counts}, {"locations", counts}, {"lots", counts}}},
                     {"api_docs_url", "/api/v1/docs"}});
  }
  if (page == "recalls") {
    return SignedIn(
        {{"target", "/recalls"},
         {"any", true},
         {"recalls", json::array({{{"url", "/recalls/3"},
                                   {"id", 3},
                                   {"identifier", "https://id.gs1.org/01/08930001000018/10/L2503B"},
                                   {"lot", "L2503B"},
                                   {"reason", "Bao bì hở"},
                                   {"severity", "Cấp II"},
                                   {"status", "Đang thu hồi"},
                                   {"opened", DateValue(lang, kApprovedAt)},
                                   {"items", 12},
                                   {"truncated", false}}})},
         {"total", 1},
         {"more", {{"url", "/recalls?offset=50&limit=50"}}}});
  }
  if (page == "workspace") {
    // Every view at once, so that every text of the template is checked.
    const json review_rejected = {{"status", "Bị từ chối"},
                                  {"status_key", "rejected"},
                                  {"reason", "Thiếu tiêu chuẩn"},
                                  {"reviewed", DateValue(lang, kApprovedAt)},
                                  {"editable", true},
                                  {"submittable", true}};
    const json review_pending = {{"status", "Chờ duyệt"},
                                 {"status_key", "pending"},
                                 {"reason", ""},
                                 {"editable", false},
                                 {"submittable", false}};
    const json options = json::array({{{"value", ""}, {"label", "Tất cả"}, {"selected", false}},
                                      {{"value", "draft"}, {"label", "Nháp"}, {"selected", true}}});
    const json counts = {{"draft", 1}, {"pending", 2}, {"approved", 3}, {"rejected", 0}};
    return SignedIn(
        {{"target", "/workspace/products/7"},
         {"title", "Hạt điều rang muối"},
         {"ws", {{"org", "HTX Điều Phú Riềng"}, {"nav", {{"products", true}}}}},
         {"done", "Đã lưu."},
         {"error", {{"message", "GTIN must be 8, 12, 13 or 14 digits"}}},
         {"invalid", {{"gtin", true}, {"image", true}, {"name", true}, {"lotCode", true}}},
         {"upload_error", {{"message", "Ảnh quá lớn."}}},
         {"home", {{"products", counts}, {"locations", counts}, {"lots", counts}}},
         {"profile",
          {{"name", "HTX Điều Phú Riềng"},
           {"taxCode", "3800100123"},
           {"address", "Ấp 3, xã Phú Riềng"},
           {"district", "Phú Riềng"},
           {"phone", "0271 3888 888"},
           {"email", "htx@example.vn"},
           {"kind", "Hợp tác xã"},
           {"sector", "agriculture"},
           {"gs1_company_prefix", "8930001"},
           {"gln", ""},
           {"review", review_pending},
           {"can_edit", false}}},
         {"products",
          {{"rows", json::array({{{"url", "/workspace/products/7"},
                                  {"name", "Hạt điều rang muối"},
                                  {"gtin", "08930001000018"},
                                  {"category", "Hạt điều"},
                                  {"review", review_rejected}}})},
           {"any", true},
           {"total", 1},
           {"status_options", options},
           {"category_options", options}}},
         {"product",
          {{"f", {{"gtin", "08930001000018"}, {"nameVi", "Hạt điều"}, {"description", "W320"}}},
           {"category_options", options},
           {"ocop_options", options},
           {"priority_options", options},
           {"action", "/workspace/products/7"},
           {"can_edit", true},
           {"id", 7},
           {"review", review_rejected},
           {"upload_url", "/workspace/products/7/image"},
           {"submit_url", "/workspace/products/7/submit"},
           {"max_image_kib", 5120},
           {"photo",
            {{"url", "/media/3/large.jpg"},
             {"width", 640},
             {"height", 480},
             {"small_url", "/media/3/small.jpg"}}}}},
         {"locations",
          {{"rows", json::array({{{"url", "/workspace/locations/2"},
                                  {"name", "Vườn điều"},
                                  {"kind", "Vùng trồng"},
                                  {"gln", "8930001000018"},
                                  {"area_code", "VN-BPTR-0012"},
                                  {"review", review_pending}}})},
           {"any", true},
           {"status_options", options}}},
         {"location",
          {{"f", {{"gln", "8930001000018"}, {"name", "Vườn điều"}}},
           {"kind_options", options},
           {"action", "/workspace/locations"},
           {"is_new", true},
           {"can_edit", true}}},
         {"lots",
          {{"rows", json::array({{{"url", "/workspace/lots/4"},
                                  {"labels_url", "/workspace/lots/4/labels"},
                                  {"code", "L2503B"},
                                  {"product", "Hạt điều"},
                                  {"production_date", CalendarDateValue(lang, "2025-03-01")},
                                  {"quantity", "400 KGM"},
                                  {"review", review_rejected}}})},
           {"any", true},
           {"status_options", options},
           {"product_options", options},
           {"for_labels", false}}},
         {"lot",
          {{"f", {{"lotCode", "L2503B"}, {"productionDate", "2025-03-01"}}},
           {"product_options", options},
           {"location_options", options},
           {"unit_options", options},
           {"action", "/workspace/lots/4"},
           {"can_edit", false},
           {"product_fixed", true},
           {"product_name", "Hạt điều (08930001000018)"},
           {"submit_url", "/workspace/lots/4/submit"},
           {"labels_url", "/workspace/lots/4/labels"},
           {"review", review_pending}}},
         {"labels",
          {{"lot_code", "L2503B"},
           {"lot_url", "/workspace/lots/4"},
           {"action", "/workspace/lots/4/labels.pdf"},
           {"f", {{"columns", "3"}, {"rows", "8"}}},
           {"lang_options", options}}},
         {"apikeys",
          {{"rows", json::array({{{"key_id", "ab12cd"},
                                  {"label", "ERP"},
                                  {"created_on", DateValue(lang, kApprovedAt)},
                                  {"last_used", DateTimeValue(lang, kApprovedAt)},
                                  {"revoke_url", "/workspace/apikeys/ab12cd/revoke"}},
                                 {{"key_id", "ef34gh"},
                                  {"label", "Cũ"},
                                  {"created_on", DateValue(lang, kApprovedAt)},
                                  {"revoked", DateValue(lang, kApprovedAt)}}})},
           {"any", true},
           {"created", {{"token", "txng_ab12cd_secret"}, {"label", "ERP"}}}}},
         {"submissions",
          {{"rows", json::array({{{"kind", "Sản phẩm"},
                                  {"name", "Hạt điều"},
                                  {"url", "/workspace/products/7"},
                                  {"submit_url", "/workspace/products/7/submit"},
                                  {"review", review_rejected}}})},
           {"any", true},
           {"status_options", options}}}});
  }
  if (page == "recall") {
    return SignedIn(
        {{"target", "/recalls/3"},
         {"recall",
          {{"id", 3},
           {"identifier", "https://id.gs1.org/01/08930001000018/10/L2503B"},
           {"lot", "L2503B"},
           {"reason", "Bao bì hở"},
           {"severity", "Cấp II"},
           {"status", "Đã kết thúc"},
           {"period", "2025-03-01 – 2025-03-05"},
           {"opened", DateValue(lang, kApprovedAt)},
           {"opened_by", "user:hanh"},
           {"closed", DateValue(lang, kApprovedAt + 86400000)},
           {"closed_by", "user:hanh"},
           {"note", "Đã tiêu hủy toàn bộ"},
           {"item_count", 2},
           {"truncated", true}}},
         {"items", json::array({{{"identifier", "https://id.gs1.org/01/08930001000018/10/L2503B"},
                                 {"name", "Hạt điều rang muối Bù Đăng"},
                                 {"reach", "Lô bị thu hồi"},
                                 {"quantity", "400"},
                                 {"uom", "KGM"},
                                 {"holder", ""},
                                 {"location", "https://id.gs1.org/414/8930001000018"},
                                 {"location_name", "Xưởng HTX Điều Phú Riềng"}},
                                {{"identifier", "https://id.gs1.org/00/089300010000000018"},
                                 {"reach", "Bao bì, pallet đã chứa lô này"},
                                 {"holder", "https://id.gs1.org/417/8930002000000"},
                                 {"holder_name", "Công ty Nhập khẩu"},
                                 {"location", ""}}})},
         {"page", {{"from", 1}, {"to", 2}, {"total", 2}, {"next", "/recalls/3?offset=200"}}},
         {"history", json::array({{{"at", DateTimeValue(lang, kApprovedAt)},
                                   {"actor", "user:hanh"},
                                   {"action", "Mở"},
                                   {"changed", ""},
                                   {"note", ""}},
                                  {{"at", DateTimeValue(lang, kApprovedAt + 86400000)},
                                   {"actor", "user:hanh"},
                                   {"action", "Đóng"},
                                   {"changed", "status"},
                                   {"note", "Đã tiêu hủy toàn bộ"}}})}});
  }
  // The reviewer's workspace (handlers/review_pages.cc).
  const json pager = {{"total", 61}, {"from", 51}, {"to", 61}, {"prev", "/review?offset=0"}};
  const json options =
      json::array({{{"value", ""}, {"label", "Tất cả"}, {"selected", false}},
                   {{"value", "Bù Đăng"}, {"label", "Bù Đăng"}, {"selected", true}}});
  if (page == "review_queue") {
    return SignedIn(
        {{"target", "/review?district=B%C3%B9%20%C4%90%C4%83ng"},
         {"can_decide", true},
         {"feedback_open", "3"},
         {"any", true},
         {"rows", json::array({{{"key", "product:12"},
                                {"url", "/review/product/12"},
                                {"kind", "Sản phẩm"},
                                {"title", "Hạt điều rang muối <script>alert(1)</script>"},
                                {"org", "HTX Điều Bù Đăng"},
                                {"district", "Bù Đăng"},
                                {"submitted", DateValue(lang, kApprovedAt)},
                                {"days", 9}}})},
         {"pager", pager},
         {"filter",
          {{"kinds", options},
           {"districts", options},
           {"sectors", options},
           {"orgs", options},
           {"age", "7"}}},
         {"error", "Từ chối phải có lý do. Chưa có hồ sơ nào thay đổi."},
         {"notice", ""},
         {"reason", ""}});
  }
  if (page == "review_item") {
    return SignedIn({{"target", "/review/product/12"},
                     {"title", "Sản phẩm 12"},
                     {"item",
                      {{"kind", "Sản phẩm"},
                       {"id", 12},
                       {"action", "/review/product/12"},
                       {"status", "Bị từ chối"},
                       {"reason", "Thiếu tiêu chuẩn"},
                       {"org", "HTX Điều Bù Đăng"},
                       {"org_url", "/review/organisation/3"},
                       {"district", "Bù Đăng"},
                       {"submitted", DateTimeValue(lang, kApprovedAt)}}},
                     {"fields", json::array({{{"label", "Tên sản phẩm"}, {"value", "Hạt điều"}},
                                             {{"label", "Thương hiệu"}, {"value", ""}}})},
                     {"history", json::array({{{"step", "Bị từ chối"},
                                               {"when", DateTimeValue(lang, kApprovedAt)},
                                               {"actor", "user:reviewer"},
                                               {"reason", "Thiếu tiêu chuẩn"}}})},
                     {"can_decide", true},
                     {"decided", true},
                     {"error", "Từ chối phải có lý do."},
                     {"reason", "Thiếu"}});
  }
  if (page == "review_audit") {
    return SignedIn({{"target", "/review/audit?actor=user%3Areviewer"},
                     {"any", true},
                     {"rows", json::array({{{"when", DateTimeValue(lang, kApprovedAt)},
                                            {"actor", "user:reviewer"},
                                            {"action", "product.review"},
                                            {"entity", "product"},
                                            {"entity_id", "12"},
                                            {"detail", "{\"status\":\"approved\"}"},
                                            {"remote_addr", "127.0.0.1"}}})},
                     {"pager", pager},
                     {"filter",
                      {{"actor", "user:reviewer"},
                       {"action", ""},
                       {"entity", ""},
                       {"entity_id", ""},
                       {"from", "2025-03-01"},
                       {"to", ""}}}});
  }
  if (page == "directory_organisations" || page == "directory_products") {
    return SignedIn(
        {{"target", "/directory/products"},
         {"any", true},
         {"rows", json::array({{{"url", "/review/product/12"},
                                {"name", "Hạt điều"},
                                {"kind", "Hợp tác xã"},
                                {"tax_code", "3801234567"},
                                {"gtin", "08930001000018"},
                                {"org", "HTX Điều Bù Đăng"},
                                {"district", "Bù Đăng"},
                                {"sector", "Nông nghiệp"},
                                {"status", "Đã duyệt"}}})},
         {"pager", pager},
         {"filter",
          {{"districts", options}, {"sectors", options}, {"statuses", options}, {"q", "điều"}}}});
  }
  if (page == "account_password") {
    return SignedIn({{"target", "/account/password"},
                     {"title", "Đổi mật khẩu"},
                     {"forced", true},
                     {"done", true},
                     {"error", {{"message", "Mật khẩu hiện tại không đúng."}}},
                     {"invalid", {{"current", true}}}});
  }
  if (page == "admin_users") {
    return SignedIn({{"target", "/admin/users"},
                     {"rows", json::array({{{"id", 2},
                                            {"username", "reviewer"},
                                            {"display_name", "Cán bộ kiểm duyệt"},
                                            {"role", "Cán bộ kiểm duyệt"},
                                            {"org", ""},
                                            {"scope", ""},
                                            {"disabled", false},
                                            {"self", false}},
                                           {{"id", 1},
                                            {"username", "admin"},
                                            {"display_name", "Quản trị"},
                                            {"role", "Quản trị hệ thống"},
                                            {"org", ""},
                                            {"scope", ""},
                                            {"disabled", true},
                                            {"self", true}}})},
                     {"pager", pager},
                     {"roles", options},
                     {"orgs", options},
                     {"form", {{"username", "moi"}}},
                     {"error", ""},
                     {"notice", "Đã tạo tài khoản: moi"},
                     {"password", "Xy12-ab_CDef34gh"}});
  }
  return nullptr;
}

std::vector<std::string> PageNames() {
  std::vector<std::string> pages;
  for (const EmbeddedFile& f : EmbeddedWeb()) {
    if (!f.path.starts_with("templates/") || !f.path.ends_with(".mustache")) continue;
    std::string name(f.path.substr(10, f.path.size() - 10 - 9));
    if (name != "layout") pages.push_back(name);
  }
  return pages;
}

TEST(Renderer, EveryPageRendersCompletelyInBothLanguages) {
  const std::vector<std::string> pages = PageNames();
  ASSERT_GE(pages.size(), 5u);
  for (const std::string& page : pages) {
    for (Lang lang : {Lang::kVi, Lang::kEn}) {
      SCOPED_TRACE(page + " " + std::string(LangCode(lang)));
      json data = PageData(page, lang);
      ASSERT_TRUE(data.is_object()) << "give the new template representative data in PageData";
      const std::string html = BinhPhuoc().Render(page, data, lang);
      EXPECT_TRUE(
          html.starts_with("<!DOCTYPE html>\n<html lang=\"" + std::string(LangCode(lang)) + "\">"));
      EXPECT_EQ(html.find("{{"), std::string::npos);
      EXPECT_EQ(html.find("}}"), std::string::npos);
      EXPECT_TRUE(html.ends_with("</html>\n"));
      // Catalogue keys left on the page mean a text is missing.
      EXPECT_FALSE(std::regex_search(html, std::regex(R"(>\s*[a-z_]+\.[a-z0-9_.]+\s*<)")));
      EXPECT_EQ(Count(html, "<main id=\"main\""), 1u);
    }
  }
}

TEST(Renderer, TemplatesUseOnlyKeysBothCataloguesHave) {
  const Catalogue& c = BinhPhuoc().catalogue();
  const std::regex key_tag(R"(\{\{[#^/]?\s*t\.([a-z0-9_.]+)\s*\}\})");
  size_t keys_seen = 0;
  for (const EmbeddedFile& f : EmbeddedWeb()) {
    if (!f.path.starts_with("templates/")) continue;
    const std::string source(f.data);
    for (auto it = std::sregex_iterator(source.begin(), source.end(), key_tag);
         it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[1];
      EXPECT_TRUE(c.Find(Lang::kVi, key)) << f.path << " uses " << key << ", absent in vi.json";
      EXPECT_TRUE(c.Find(Lang::kEn, key)) << f.path << " uses " << key << ", absent in en.json";
      ++keys_seen;
    }
  }
  EXPECT_GT(keys_seen, 50u);
}

TEST(Renderer, ReviewQueueEscapesTitlesAndCarriesTheCsrfToken) {
  const std::string html =
      BinhPhuoc().Render("review_queue", PageData("review_queue", Lang::kVi), Lang::kVi);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(html.find("<input type=\"hidden\" name=\"csrf_token\" value=\"csrf-7f3a\">"),
            std::string::npos);
  EXPECT_NE(html.find("value=\"product:12\""), std::string::npos);
}

TEST(Renderer, PortalNameComesFromTheProvince) {
  const std::string vi = BinhPhuoc().Render("home", PageData("home", Lang::kVi), Lang::kVi);
  EXPECT_NE(vi.find("<span>Cổng thông tin truy xuất nguồn gốc tỉnh Bình Phước</span>"),
            std::string::npos);
  EXPECT_NE(
      vi.find("<title>Trang chủ · Cổng thông tin truy xuất nguồn gốc tỉnh Bình Phước</title>"),
      std::string::npos);
  const std::string en = BinhPhuoc().Render("home", PageData("home", Lang::kEn), Lang::kEn);
  EXPECT_NE(en.find("<span>Bình Phước Traceability Portal</span>"), std::string::npos);

  const Renderer national(EmbeddedWeb(), Site{});
  const std::string generic = national.Render("home", json::object(), Lang::kVi);
  EXPECT_NE(generic.find("<span>Cổng thông tin truy xuất nguồn gốc</span>"), std::string::npos);
  EXPECT_EQ(generic.find("{province}"), std::string::npos);
}

TEST(Renderer, EscapesDataEverywhere) {
  json data = PageData("product", Lang::kVi);
  data["title"] = "<script>alert(1)</script>";
  data["product"]["name_vi"] = "Điều <script>alert(1)</script>";
  data["product"]["image_url"] = "\" onerror=\"alert(2)";
  data["q"] = "\"><img src=x onerror=alert(3)>";
  data["target"] = "/01/08930001000018?x=\"><script>";
  const std::string html = BinhPhuoc().Render("product", data, Lang::kVi);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("<h1>Điều &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("<title>&lt;script&gt;alert(1)&lt;/script&gt; · "), std::string::npos);
  EXPECT_EQ(html.find("\" onerror="), std::string::npos);
  EXPECT_NE(html.find("src=\"&quot; onerror=&quot;alert(2)\""), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(Count(html, "<script"), 1u);  // the layout's own deferred script
}

TEST(Renderer, DataIsNeverParsedAsATemplateNorReplacesTheRenderersNames) {
  json data = PageData("product", Lang::kEn);
  data["product"]["description"] = "{{t.login.title}} {{{body}}} {{#user}}x{{/user}}";
  data["body"] = "<b>replaced</b>";
  data["lang"] = "xx";
  data["is_vi"] = true;
  data["t"] = {{"product", {{"lots", "<b>lots</b>"}}}};
  const std::string html = BinhPhuoc().Render("product", data, Lang::kEn);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_NE(html.find("<h1>Bu Dang roasted salted cashews</h1>"), std::string::npos);
  EXPECT_EQ(html.find("<h1>Hạt điều rang muối Bù Đăng</h1>"), std::string::npos);
  EXPECT_EQ(html.find("lots</b>"), std::string::npos);
  EXPECT_NE(html.find("{{t.login.title}} {{{body}}} {{#user}}x{{/user}}"), std::string::npos);
  EXPECT_EQ(html.find("<b>replaced</b>"), std::string::npos);
  EXPECT_NE(html.find("<article class=\"product\">"), std::string::npos);
}

TEST(Renderer, LanguageSwitchKeepsThePage) {
  json data = PageData("home", Lang::kVi);
  data["target"] = "/search?q=h%E1%BA%A1t&lang=vi";
  const std::string vi = BinhPhuoc().Render("home", data, Lang::kVi);
  EXPECT_NE(vi.find("<a class=\"lang\" href=\"/search?q=h%E1%BA%A1t&amp;lang=en\" hreflang=\"en\" "
                    "lang=\"en\">English</a>"),
            std::string::npos);
  const std::string en = BinhPhuoc().Render("home", data, Lang::kEn);
  EXPECT_NE(en.find("href=\"/search?q=h%E1%BA%A1t&amp;lang=vi\" hreflang=\"vi\" "
                    "lang=\"vi\">Tiếng Việt</a>"),
            std::string::npos);
  const std::string no_target = BinhPhuoc().Render("home", json::object(), Lang::kEn);
  EXPECT_NE(no_target.find("href=\"/?lang=vi\""), std::string::npos);
}

TEST(Renderer, ShowsTheSignedInUserAndCarriesTheCsrfToken) {
  const std::string html = BinhPhuoc().Render("home", SignedIn(json::object()), Lang::kVi);
  EXPECT_NE(html.find("<strong>Nguyễn Thị Hạnh</strong>"), std::string::npos);
  EXPECT_NE(html.find("<form class=\"inline\" method=\"post\" action=\"/logout\"><input "
                      "type=\"hidden\" name=\"csrf_token\" value=\"csrf-7f3a\">"),
            std::string::npos);
  EXPECT_NE(html.find(">Đăng xuất</button>"), std::string::npos);
  EXPECT_EQ(html.find("href=\"/login\""), std::string::npos);

  const std::string visitor = BinhPhuoc().Render("home", json::object(), Lang::kVi);
  EXPECT_NE(visitor.find("<a href=\"/login\">Đăng nhập</a>"), std::string::npos);
  EXPECT_EQ(visitor.find("/logout"), std::string::npos);
  EXPECT_EQ(visitor.find("csrf_token"), std::string::npos);
}

TEST(Renderer, MarksTheCurrentNavigationEntry) {
  const std::string home = BinhPhuoc().Render("home", json::object(), Lang::kVi);
  EXPECT_NE(home.find("<a href=\"/\" aria-current=\"page\">Trang chủ</a>"), std::string::npos);
  const std::string login = BinhPhuoc().Render("login", json::object(), Lang::kVi);
  EXPECT_NE(login.find("<a href=\"/login\" aria-current=\"page\">"), std::string::npos);
  EXPECT_EQ(login.find("<a href=\"/\" aria-current"), std::string::npos);
}

TEST(Renderer, LoginFormCarriesTokenNextAndError) {
  const std::string html = BinhPhuoc().Render("login", PageData("login", Lang::kVi), Lang::kVi);
  EXPECT_NE(html.find("<title>Đăng nhập · "), std::string::npos);
  EXPECT_NE(html.find("<form class=\"stack\" method=\"post\" action=\"/login\">"),
            std::string::npos);
  EXPECT_NE(html.find("<input type=\"hidden\" name=\"csrf_token\" value=\"csrf-login-1\">"),
            std::string::npos);
  EXPECT_NE(html.find("<input type=\"hidden\" name=\"next\" value=\"/dashboard\">"),
            std::string::npos);
  EXPECT_NE(html.find("role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("name=\"username\" value=\"hanh\""), std::string::npos);
  EXPECT_NE(html.find("name=\"password\" type=\"password\""), std::string::npos);

  const std::string plain = BinhPhuoc().Render("login", {{"csrf_token", "t"}}, Lang::kEn);
  EXPECT_EQ(plain.find("name=\"next\""), std::string::npos);
  EXPECT_EQ(plain.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(plain.find("<h1>Sign in</h1>"), std::string::npos);
}

TEST(Renderer, ProductPageShowsTheCircularItems) {
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    SCOPED_TRACE(LangCode(lang));
    const std::string html = BinhPhuoc().Render("product", PageData("product", lang), lang);
    const Catalogue& c = BinhPhuoc().catalogue();
    // The ten items of Circular 02/2024, each labelled and named.
    const std::pair<const char*, const char*> items[] = {
        {"name", "product.item_name"},
        {"image", "product.item_image"},
        {"producer", "product.item_producer"},
        {"address", "product.item_address"},
        {"stages", "consumer.item_stages"},
        {"stage_times", "consumer.item_stage_times"},
        {"trace_code", "product.item_trace_code"},
        {"brand", "product.item_brand"},
        {"expiry", "product.item_shelf_life"},
        {"standards", "product.item_standards"}};
    for (const auto& [item, key] : items) {
      EXPECT_EQ(Count(html, "<dt data-item=\"" + std::string(item) + "\">" +
                                std::string(c.T(lang, key)) + "</dt>"),
                1u)
          << item;
    }
    EXPECT_EQ(Count(html, "<dt data-item="), 10u);
    EXPECT_NE(html.find("<dl class=\"facts c02\">"), std::string::npos);
    EXPECT_NE(html.find("08930001000018"), std::string::npos);
    EXPECT_NE(html.find("<span class=\"stars\" aria-hidden=\"true\">★★★★</span><span "
                        "class=\"vh\">4 " +
                        std::string(c.T(lang, "product.stars_unit")) + "</span>"),
              std::string::npos);
    EXPECT_NE(html.find("role=\"alert\""), std::string::npos);
    EXPECT_EQ(Count(html, "<li><a class=\"code\" href=\"/01/08930001000018/10/L2503"), 2u);
    EXPECT_NE(html.find("<img class=\"photo\" src=\"/media/dieu.jpg\""), std::string::npos);
    EXPECT_NE(html.find("width=\"640\" height=\"480\""), std::string::npos);
    EXPECT_NE(
        html.find("<li>TCVN 12381:2018</li><li><a href=\"https://cert.example.vn/vietgap/123\" "
                  "rel=\"nofollow\">https://cert.example.vn/vietgap/123</a></li>"),
        std::string::npos);
    EXPECT_NE(html.find("href=\"/feedback/new?gtin=08930001000018&amp;lot=L2503A\""),
              std::string::npos);
  }
  const std::string vi = BinhPhuoc().Render("product", PageData("product", Lang::kVi), Lang::kVi);
  EXPECT_NE(vi.find("<h1>Hạt điều rang muối Bù Đăng</h1>"), std::string::npos);
  EXPECT_NE(vi.find("<p class=\"alt\" lang=\"en\">Bu Dang roasted salted cashews</p>"),
            std::string::npos);
  EXPECT_NE(vi.find("Thông tin đã được <strong>Sở Khoa học và Công nghệ</strong> kiểm duyệt ngày "
                    "<time datetime=\"2025-03-11T17:00:00.000Z\">12/03/2025</time>"),
            std::string::npos);
  EXPECT_NE(vi.find("<time datetime=\"2025-03-01\">01/03/2025</time>"), std::string::npos);
  // A lot's page gives the lot's expiry date rather than the shelf life.
  EXPECT_EQ(vi.find("365 ngày kể từ ngày sản xuất"), std::string::npos);
  EXPECT_NE(vi.find("Số lượng:</dt><dd>400 KGM</dd>"), std::string::npos);
  const std::string en = BinhPhuoc().Render("product", PageData("product", Lang::kEn), Lang::kEn);
  EXPECT_NE(en.find("<h1>Bu Dang roasted salted cashews</h1>"), std::string::npos);
  EXPECT_NE(en.find("<p class=\"alt\" lang=\"vi\">Hạt điều rang muối Bù Đăng</p>"),
            std::string::npos);
  EXPECT_NE(en.find("<time datetime=\"2025-03-11T17:00:00.000Z\">2025-03-12</time>"),
            std::string::npos);
}

TEST(Renderer, ProductPageSaysWhatIsNotYetAvailable) {
  const json data = {{"product", {{"name_vi", "Tiêu đen Lộc Ninh"}, {"gtin", "08931234567897"}}}};
  const std::string vi = BinhPhuoc().Render("product", data, Lang::kVi);
  // image, producer, address, stages, stage times, standards
  EXPECT_EQ(Count(vi, "<span class=\"na\">Chưa có thông tin</span>"), 6u);
  EXPECT_EQ(Count(vi, "<span class=\"na\">Không có</span>"), 2u);  // brand, shelf life
  EXPECT_NE(vi.find("<p class=\"na\">Chưa có thông tin</p>"), std::string::npos);  // certificates
  EXPECT_NE(vi.find("Chưa có lô sản phẩm nào được công bố."), std::string::npos);
  EXPECT_EQ(vi.find("class=\"photo\""), std::string::npos);
  EXPECT_EQ(vi.find("role=\"alert\""), std::string::npos);
  const std::string en = BinhPhuoc().Render("product", data, Lang::kEn);
  EXPECT_NE(en.find("<h1><span lang=\"vi\">Tiêu đen Lộc Ninh</span></h1>"), std::string::npos);
  EXPECT_EQ(Count(en, "Not yet available"), 7u);
}

TEST(Renderer, DashboardCountsByReviewStatus) {
  const std::string html =
      BinhPhuoc().Render("dashboard", PageData("dashboard", Lang::kEn), Lang::kEn);
  EXPECT_NE(html.find("<tr><th scope=\"row\">Products</th><td>2</td><td>1</td><td>7</td><td>0</td>"
                      "</tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"/api/v1/docs\">API documentation</a>"), std::string::npos);
  EXPECT_NE(html.find("HTX Điều Phú Riềng · Hợp tác xã · Phú Riềng"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/dashboard\" aria-current=\"page\">"), std::string::npos);
  const std::string no_org = BinhPhuoc().Render("dashboard", SignedIn(json::object()), Lang::kVi);
  EXPECT_NE(no_org.find("Tài khoản không thuộc tổ chức nào"), std::string::npos);
  EXPECT_EQ(no_org.find("<table>"), std::string::npos);
}

TEST(Renderer, HomeListsFeaturedProducts) {
  const std::string html = BinhPhuoc().Render("home", PageData("home", Lang::kVi), Lang::kVi);
  EXPECT_EQ(Count(html, "<li class=\"card\">"), 2u);
  EXPECT_NE(
      html.find("<a class=\"name\" href=\"/01/08930001000018\">Hạt điều rang muối Bù Đăng</a>"),
      std::string::npos);
  EXPECT_NE(html.find("<form class=\"code-box\" method=\"get\" action=\"/search\">"),
            std::string::npos);
  EXPECT_EQ(html.find("Chưa có sản phẩm nào được công bố."), std::string::npos);
  const std::string empty = BinhPhuoc().Render("home", {{"featured", json::array()}}, Lang::kVi);
  EXPECT_NE(empty.find("Chưa có sản phẩm nào được công bố."), std::string::npos);
  EXPECT_NE(empty.find("aria-describedby=\"code-help\""), std::string::npos);
}

TEST(Renderer, PagesFetchNothingFromOutside) {
  for (const std::string& page : PageNames()) {
    const std::string html = BinhPhuoc().Render(page, json::object(), Lang::kVi);
    EXPECT_EQ(html.find("http://"), std::string::npos) << page;
    EXPECT_EQ(html.find("https://"), std::string::npos) << page;
    EXPECT_NE(html.find("<link rel=\"stylesheet\" href=\"/static/txng.css?v="), std::string::npos);
    EXPECT_NE(html.find("<script src=\"/static/txng.js?v="), std::string::npos);
    EXPECT_NE(html.find("\" defer></script>"), std::string::npos);
  }
  const std::string_view css = *FindEmbedded(EmbeddedWeb(), "static/txng.css");
  // One stylesheet for the whole portal (consumer, workspace, review),
  // fetched once and cached by its versioned URL: about 3 KiB gzipped.
  EXPECT_LT(css.size(), 12288u);
  EXPECT_EQ(css.find("@import"), std::string_view::npos);
  EXPECT_EQ(css.find("url("), std::string_view::npos);
}

TEST(Renderer, ErrorPagesSayWhatToDoNext) {
  const std::string vi =
      BinhPhuoc().RenderError(404, "Không có sản phẩm mang mã <0893>.", json::object(), Lang::kVi);
  EXPECT_NE(vi.find("<p class=\"status\">Mã lỗi 404</p>"), std::string::npos);
  EXPECT_NE(vi.find("<h1>Không tìm thấy</h1>"), std::string::npos);
  EXPECT_NE(vi.find("Không có sản phẩm mang mã &lt;0893&gt;."), std::string::npos);
  EXPECT_NE(vi.find("Hãy đối chiếu lại mã trên tem"), std::string::npos);
  EXPECT_NE(vi.find("<title>Không tìm thấy · "), std::string::npos);
  EXPECT_NE(vi.find("<a class=\"button\" href=\"/\">Về trang chủ</a>"), std::string::npos);

  const Catalogue& c = BinhPhuoc().catalogue();
  const std::string teapot = BinhPhuoc().RenderError(418, "", json::object(), Lang::kEn);
  EXPECT_NE(teapot.find("<h1>" + std::string(c.T(Lang::kEn, "error.400.title")) + "</h1>"),
            std::string::npos);
  EXPECT_EQ(teapot.find("<p class=\"lead\">"), std::string::npos);
  const std::string gateway = BinhPhuoc().RenderError(502, "x", SignedIn({}), Lang::kEn);
  EXPECT_NE(gateway.find("<h1>" + std::string(c.T(Lang::kEn, "error.500.title")) + "</h1>"),
            std::string::npos);
  EXPECT_NE(gateway.find("Nguyễn Thị Hạnh"), std::string::npos);
}

TEST(Renderer, RejectsUnknownPagesAndData) {
  EXPECT_THROW(BinhPhuoc().Render("nope", json::object(), Lang::kVi), std::out_of_range);
  EXPECT_THROW(BinhPhuoc().Render("layout", json::object(), Lang::kVi), std::out_of_range);
  EXPECT_THROW(BinhPhuoc().Render("home", json::array(), Lang::kVi), std::invalid_argument);
  EXPECT_NO_THROW(BinhPhuoc().Render("home", nullptr, Lang::kVi));
}

// The real bundle with `path` replaced by `data` (or removed when data is empty).
std::vector<EmbeddedFile> BundleWith(std::string_view path, std::string_view data) {
  std::vector<EmbeddedFile> files;
  for (const EmbeddedFile& f : EmbeddedWeb()) {
    if (f.path != path) files.push_back(f);
  }
  if (!data.empty()) files.push_back({path, data});
  return files;
}

std::string ConstructionError(const std::vector<EmbeddedFile>& files) {
  try {
    Renderer renderer(files);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(Renderer, RefusesABrokenBundle) {
  EXPECT_EQ(ConstructionError(BundleWith("templates/layout.mustache", "")),
            "templates/layout.mustache is missing from the web bundle");
  EXPECT_EQ(ConstructionError(BundleWith("templates/home.mustache", "{{#a}}never closed")),
            "templates/home.mustache: Unclosed section \"a\" at 0");
  EXPECT_EQ(ConstructionError(BundleWith("templates/home.mustache", "<p>{{ > header }}</p>")),
            "templates/home.mustache: partials are not supported");
  EXPECT_EQ(ConstructionError(BundleWith("i18n/en.json", "")),
            "i18n/en.json is missing from the web bundle");
  EXPECT_EQ(ConstructionError(BundleWith("static/txng.js", "")),
            "static/txng.js is missing from the web bundle");
  EXPECT_EQ(ConstructionError(BundleWith("templates/home.mustache", "{{=<% %>=}}<%x%>")),
            "templates/home.mustache: changing delimiters is not supported");
  EXPECT_EQ(ConstructionError(BundleWith("templates/extra.mustache", "<p>{{t.home.title}}</p>")),
            "");
}

TEST(Renderer, CatalogueTextsAreEscapedAndInert) {
  json vi = json::parse(*FindEmbedded(EmbeddedWeb(), "i18n/vi.json"));
  vi["home.heading"] = "<b>{{#user}}{{csrf_token}}{{/user}}</b> & co";
  const std::string vi_text = vi.dump();
  const Renderer renderer(BundleWith("i18n/vi.json", vi_text), Site{.province = "{{q}}<i>"});
  const std::string html = renderer.Render("home", SignedIn({{"q", "QQ"}}), Lang::kVi);
  EXPECT_NE(html.find("<h1>&lt;b&gt;&#123;&#123;#user&#125;&#125;&#123;&#123;csrf_token&#125;&#125;"
                      "&#123;&#123;/user&#125;&#125;&lt;/b&gt; &amp; co</h1>"),
            std::string::npos);
  EXPECT_NE(html.find("<span>Cổng thông tin truy xuất nguồn gốc tỉnh "
                      "&#123;&#123;q&#125;&#125;&lt;i&gt;</span>"),
            std::string::npos);
}

TEST(Renderer, MissingTextsShowTheirKeys) {
  const Renderer renderer(
      BundleWith("templates/extra.mustache",
                 "<p>{{t.no.such_key}}|{{#t.no.such_key}}x{{/t.no.such_key}}</p>"));
  const std::string html = renderer.Render("extra", json::object(), Lang::kEn);
  EXPECT_NE(html.find("<p>no.such_key|</p>"), std::string::npos);
}

TEST(Renderer, RendersConcurrently) {
  const json data = SignedIn(PageData("product", Lang::kVi));
  const std::string expected = BinhPhuoc().Render("product", data, Lang::kVi);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) {
        if (BinhPhuoc().Render("product", data, Lang::kVi) != expected) ++mismatches[t];
        BinhPhuoc().Render("home", PageData("home", Lang::kEn), Lang::kEn);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(ViewValues, ShapeDatesAndRatings) {
  EXPECT_EQ(DateValue(Lang::kVi, kApprovedAt),
            json({{"iso", "2025-03-11T17:00:00.000Z"}, {"text", "12/03/2025"}}));
  EXPECT_EQ(DateTimeValue(Lang::kEn, kApprovedAt),
            json({{"iso", "2025-03-11T17:00:00.000Z"}, {"text", "2025-03-12 00:00"}}));
  EXPECT_EQ(CalendarDateValue(Lang::kVi, "2025-03-01"),
            json({{"iso", "2025-03-01"}, {"text", "01/03/2025"}}));
  EXPECT_TRUE(CalendarDateValue(Lang::kVi, "").is_null());
  EXPECT_TRUE(CalendarDateValue(Lang::kVi, "2025-02-30").is_null());
  EXPECT_EQ(OcopValue(3), json({{"stars", 3}, {"symbols", "★★★"}}));
  EXPECT_EQ(OcopValue(5)["symbols"], "★★★★★");
  EXPECT_TRUE(OcopValue(0).is_null());
  EXPECT_TRUE(OcopValue(6).is_null());
}

TEST(Renderer, SearchPageShowsCountResultsAndTheEmptyState) {
  const std::string found = BinhPhuoc().Render("search", PageData("search", Lang::kVi), Lang::kVi);
  EXPECT_NE(found.find("<span class=\"count\">(30)</span>"), std::string::npos);
  EXPECT_NE(found.find("<a class=\"name\" href=\"/01/08930001000018\">Hạt điều rang muối</a>"),
            std::string::npos);
  EXPECT_NE(found.find("href=\"/search?q=hat%20dieu&amp;offset=24\""), std::string::npos);
  EXPECT_NE(found.find("value=\"hat dieu\""), std::string::npos);
  const std::string none = BinhPhuoc().Render(
      "search", {{"q", "xyz"}, {"searched", true}, {"total", 0}, {"results", json::array()}},
      Lang::kEn);
  EXPECT_NE(none.find("No published product matches these words."), std::string::npos);
  EXPECT_EQ(none.find("<li class=\"card\">"), std::string::npos);
  const std::string bad = BinhPhuoc().Render(
      "search", {{"q", "(01)1"}, {"code_error", "AI (01): too short"}}, Lang::kVi);
  EXPECT_NE(
      bad.find("<p class=\"alert\" role=\"alert\" id=\"search-error\">AI (01): too short</p>"),
      std::string::npos);
  EXPECT_NE(bad.find("aria-describedby=\"search-help search-error\""), std::string::npos);
}

TEST(Renderer, FeedbackPagesEscapeWhatVisitorsTyped) {
  json form = PageData("feedback_form", Lang::kVi);
  form["form"]["text"] = "<script>alert(1)</script>";
  const std::string html = BinhPhuoc().Render("feedback_form", form, Lang::kVi);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"), std::string::npos);
  EXPECT_NE(html.find("<input type=\"hidden\" name=\"csrf_token\" value=\"tok\">"),
            std::string::npos);
  json queue = PageData("feedback", Lang::kEn);
  queue["items"][0]["text"] = "<b>x</b>";
  const std::string page = BinhPhuoc().Render("feedback", queue, Lang::kEn);
  EXPECT_NE(page.find("<p class=\"fb-text\">&lt;b&gt;x&lt;/b&gt;</p>"), std::string::npos);
  EXPECT_EQ(Count(page, "action=\"/feedback/2/close\""), 1u);  // the open one only
  EXPECT_NE(page.find("Closed by user:reviewer"), std::string::npos);
}

}  // namespace
}  // namespace txng::http
