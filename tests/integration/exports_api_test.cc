// Traceability exports over HTTP, on both backends: a cashew chain captured
// by a producer and approved by the reviewer, exported as the FSMA-204-style
// spreadsheet (CSV and XLSX, read back cell by cell) and as the Circular
// 02/2024 report; what anonymous callers may see; bad requests.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export/xlsx_read_testing.h"
#include "integration/app_fixture.h"
#include "service/trace.h"
#include "service/trace_export.h"

namespace txng {
namespace {

using ::testing::ElementsAre;

constexpr const char* kRawGtin = "08930001000018";
constexpr const char* kKernelGtin = "08930001000025";

// RFC 4180 records of a CSV text (after the BOM).
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
      quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  rows.pop_back();  // after the last CRLF
  return rows;
}

class ExportsApiTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    const Actor setup = Actor::System("system:test");
    const auto product = [&](const char* gtin, const char* vi, const char* en) {
      Product p;
      p.org_id = org_a_;
      p.gtin = gtin;
      p.name_vi = vi;
      p.name_en = en;
      p.category = "cashew";
      p.brand = "Điều Bù Đăng";
      p.standards = "TCVN 4850:2010";
      p.shelf_life_days = 365;
      p.image_url = "https://example.vn/nhan-dieu.jpg";
      p.review_status = ReviewStatus::kApproved;
      auto r = store_->CreateProduct(p, setup);
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      return r.ok() ? r->id : 0;
    };
    raw_id_ = product(kRawGtin, "Hạt điều thô", "Raw cashew nuts");
    kernel_id_ = product(kKernelGtin, "Nhân điều W320", "Cashew kernels W320");
    const auto location = [&](const char* gln, const char* name, const char* address) {
      Location l;
      l.org_id = org_a_;
      l.gln = gln;
      l.name = name;
      l.address = address;
      l.review_status = ReviewStatus::kApproved;
      EXPECT_TRUE(store_->CreateLocation(l, setup).ok());
    };
    // A name that a spreadsheet would take for a formula.
    location("8930001000018", "=HYPERLINK(\"http://evil\",\"Vườn điều\")", "Ấp 3, Bù Đăng");
    location("8930001000025", "Nhà máy chế biến Đồng Xoài", "");
    Lot lot;
    lot.org_id = org_a_;
    lot.product_id = kernel_id_;
    lot.lot_code = "K1";
    lot.expiry_date = "2027-03-05";
    lot.review_status = ReviewStatus::kApproved;
    EXPECT_TRUE(store_->CreateLot(lot, setup).ok());
  }

  static std::string Event(const std::string& body) {
    return R"({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
      "eventTimeZoneOffset": "+07:00", )" +
           body + "}";
  }

  // Farm harvest of raw nuts L1 → transformation into kernels K1 → packing
  // onto a pallet → shipping the pallet, captured by producer A.
  void CaptureChain(bool approve) {
    Caller producer = Login("producer_a");
    const std::vector<std::string> events = {
        Event(R"("type": "ObjectEvent", "eventTime": "2026-03-01T09:00:00+07:00",
          "action": "ADD", "bizStep": "commissioning",
          "bizLocation": {"id": "https://id.gs1.org/414/8930001000018"},
          "quantityList": [{"epcClass": "https://id.gs1.org/01/08930001000018/10/L1",
                            "quantity": 500, "uom": "KGM"}])"),
        Event(R"("type": "TransformationEvent", "eventTime": "2026-03-05T09:00:00+07:00",
          "bizStep": "commissioning",
          "bizLocation": {"id": "https://id.gs1.org/414/8930001000025"},
          "inputQuantityList": [{"epcClass": "https://id.gs1.org/01/08930001000018/10/L1",
                                 "quantity": 480, "uom": "KGM"}],
          "outputQuantityList": [{"epcClass": "https://id.gs1.org/01/08930001000025/10/K1",
                                  "quantity": 120, "uom": "KGM"}],
          "bizTransactionList": [{"type": "prodorder",
                                  "bizTransaction": "urn:epcglobal:cbv:bt:8930001000025:SX-1"}])"),
        Event(R"("type": "AggregationEvent", "eventTime": "2026-03-06T09:00:00+07:00",
          "action": "ADD", "bizStep": "packing",
          "bizLocation": {"id": "https://id.gs1.org/414/8930001000025"},
          "parentID": "https://id.gs1.org/00/089300010000000018",
          "childQuantityList": [{"epcClass": "https://id.gs1.org/01/08930001000025/10/K1",
                                 "quantity": 120, "uom": "KGM"}])"),
        Event(R"("type": "ObjectEvent", "eventTime": "2026-03-07T09:00:00+07:00",
          "action": "OBSERVE", "bizStep": "shipping",
          "bizLocation": {"id": "https://id.gs1.org/414/8930001000025"},
          "epcList": ["https://id.gs1.org/00/089300010000000018"],
          "bizTransactionList": [{"type": "po",
                                  "bizTransaction": "urn:epcglobal:cbv:bt:8930001000032:PO-7"}],
          "sourceList": [{"type": "location", "source": "https://id.gs1.org/414/8930001000025"}],
          "destinationList": [{"type": "location",
                               "destination": "https://id.gs1.org/414/8930001000049"}])"),
    };
    for (const std::string& e : events) {
      auto created = Call("POST", "/epcis/events", producer, e);
      ASSERT_EQ(created.status, 201) << created.body;
    }
    if (approve) ApprovePending(4);
  }

  // The reviewer approves the `count` pending events.
  void ApprovePending(size_t count) {
    Caller reviewer = Login("reviewer");
    auto queue = Call("GET", "/api/v1/events?status=pending", reviewer);
    ASSERT_EQ(queue.status, 200) << queue.body;
    std::vector<int64_t> ids;
    const nlohmann::json pending = Json(queue);
    for (const auto& item : pending["items"]) ids.push_back(item["id"].get<int64_t>());
    ASSERT_EQ(ids.size(), count);
    auto approved = Call("POST", "/api/v1/events/review", reviewer,
                         nlohmann::json({{"ids", ids}, {"decision", "approve"}}).dump());
    ASSERT_EQ(approved.status, 200) << approved.body;
  }

  test::HttpResponse Get(const std::string& target, const Caller& who = Caller{}) {
    return Call("GET", target, who);
  }

  // The problem's status and detail.
  std::pair<int, std::string> Problem(const std::string& target, const Caller& who = Caller{}) {
    auto r = Get(target, who);
    const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    return {r.status,
            j.is_object() && j.contains("detail") ? j["detail"].get<std::string>() : r.body};
  }

  int64_t raw_id_ = 0, kernel_id_ = 0;
};

const std::vector<std::string> kEnglishColumns = {"Critical tracking event",
                                                  "Traceability lot code",
                                                  "Product description",
                                                  "Quantity",
                                                  "Unit of measure",
                                                  "Location description",
                                                  "Location GLN",
                                                  "Date",
                                                  "Time (UTC)",
                                                  "Reference document type",
                                                  "Reference document number",
                                                  "Immediate previous source",
                                                  "Immediate previous source location",
                                                  "Receiving location",
                                                  "Traceability lot code source",
                                                  "EPCIS event ID"};

constexpr const char* kFarmName = "=HYPERLINK(\"http://evil\",\"Vườn điều\"), Ấp 3, Bù Đăng";
constexpr const char* kFactory = "Nhà máy chế biến Đồng Xoài, Bù Đăng";

// The expected rows of the whole chain, as text (the event ID column left
// out: hash IDs), in the order of the export.
std::vector<std::vector<std::string>> ChainRows() {
  const std::string farm_gln = std::string(kFarmName) + " (GLN 8930001000018)";
  const std::string factory_gln = std::string(kFactory) + " (GLN 8930001000025)";
  return {
      {"Harvesting / growing", "(01)08930001000018(10)L1", "Raw cashew nuts", "500", "KGM",
       kFarmName, "8930001000018", "2026-03-01", "2026-03-01T02:00:00.000Z", "", "", "", "", "",
       farm_gln},
      {"Transformation (input)", "(01)08930001000018(10)L1", "Raw cashew nuts", "480", "KGM",
       kFactory, "8930001000025", "2026-03-05", "2026-03-05T02:00:00.000Z", "Production order",
       "urn:epcglobal:cbv:bt:8930001000025:SX-1", "", "", "", farm_gln},
      {"Transformation (output)", "(01)08930001000025(10)K1", "Cashew kernels W320", "120", "KGM",
       kFactory, "8930001000025", "2026-03-05", "2026-03-05T02:00:00.000Z", "Production order",
       "urn:epcglobal:cbv:bt:8930001000025:SX-1", "", "", "", factory_gln},
      {"Initial packing", "(01)08930001000025(10)K1", "Cashew kernels W320", "120", "KGM", kFactory,
       "8930001000025", "2026-03-06", "2026-03-06T02:00:00.000Z", "", "", "", "", "", factory_gln},
      {"Shipping", "(01)08930001000025(10)K1", "Cashew kernels W320", "120", "KGM", kFactory,
       "8930001000025", "2026-03-07", "2026-03-07T02:00:00.000Z", "Purchase order",
       "urn:epcglobal:cbv:bt:8930001000032:PO-7", "", factory_gln, "(414)8930001000049",
       factory_gln},
  };
}

// `rows` without their last column (event IDs), which must all be set.
std::vector<std::vector<std::string>> WithoutEventIds(std::vector<std::vector<std::string>> rows) {
  for (auto& row : rows) {
    EXPECT_EQ(row.size(), kEnglishColumns.size());
    if (row.empty()) continue;
    EXPECT_FALSE(row.back().empty());
    row.pop_back();
  }
  return rows;
}

TEST_P(ExportsApiTest, LotAsCsvCellByCell) {
  CaptureChain(true);
  auto r = Get("/api/v1/exports/fsma?lot=" + http::PercentEncode("(01)08930001000025(10)K1") +
               "&lang=en");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r.Header("content-disposition"),
            "attachment; filename=\"fsma-lot-_01_08930001000025_10_K1.csv\"");
  EXPECT_EQ(r.Header("x-export-rows"), "5");
  EXPECT_EQ(r.Header("x-export-truncated"), std::nullopt);
  ASSERT_EQ(r.body.substr(0, 3), "\xEF\xBB\xBF");
  auto rows = ParseCsv(std::string_view(r.body).substr(3));
  ASSERT_EQ(rows.size(), 6u) << r.body;
  EXPECT_EQ(rows[0], kEnglishColumns);
  rows.erase(rows.begin());
  // The formula-looking place name carries the apostrophe in CSV.
  std::vector<std::vector<std::string>> expected = ChainRows();
  for (auto& row : expected) {
    for (std::string& cell : row) {
      if (cell.rfind("=", 0) == 0) cell = "'" + cell;
    }
  }
  EXPECT_EQ(WithoutEventIds(rows), expected);
}

TEST_P(ExportsApiTest, LotAsXlsxCellByCell) {
  CaptureChain(true);
  auto r =
      Get("/api/v1/exports/fsma?lot=https://id.gs1.org/01/08930001000025/10/K1"
          "&format=xlsx&lang=en");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(r.Header("content-disposition"),
            "attachment; filename=\"fsma-lot-_01_08930001000025_10_K1.xlsx\"");
  auto sheet = exports::testing::ReadXlsx(r.body);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->name, "FSMA 204");
  EXPECT_EQ(sheet->autofilter, "A1:P6");
  EXPECT_EQ(sheet->frozen_rows, 1);
  EXPECT_EQ(sheet->formulas, 0);
  ASSERT_EQ(sheet->rows.size(), 6u);
  for (size_t c = 0; c < kEnglishColumns.size(); ++c) {
    EXPECT_EQ(sheet->rows[0][c].value, kEnglishColumns[c]);
    EXPECT_TRUE(sheet->rows[0][c].bold);
  }
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 1; i < sheet->rows.size(); ++i) {
    std::vector<std::string> row;
    for (const auto& cell : sheet->rows[i]) row.push_back(cell.value);
    row.resize(kEnglishColumns.size());
    rows.push_back(row);
    // Quantities are numbers, dates date cells, the rest text.
    EXPECT_EQ(sheet->rows[i][3].type, 'n');
    EXPECT_EQ(sheet->rows[i][7].type, 'd');
    EXPECT_EQ(sheet->rows[i][5].type, 's');
  }
  // No apostrophe in XLSX: the name is a string cell, never a formula.
  EXPECT_EQ(WithoutEventIds(rows), ChainRows());
}

TEST_P(ExportsApiTest, ProductAndDateRangeScopes) {
  CaptureChain(true);
  // Every lot of the kernels' GTIN: its transformation output, its packing
  // and the shipping of the pallet it was packed onto.
  auto product = Get(std::string("/api/v1/exports/fsma?gtin=") + kKernelGtin + "&lang=en");
  ASSERT_EQ(product.status, 200) << product.body;
  EXPECT_EQ(product.Header("content-disposition"),
            "attachment; filename=\"fsma-gtin-08930001000025.csv\"");
  auto rows = WithoutEventIds(ParseCsv(std::string_view(product.body).substr(3)));
  ASSERT_EQ(rows.size(), 4u) << product.body;
  const auto chain = ChainRows();
  EXPECT_EQ(rows[1], chain[2]);
  EXPECT_EQ(rows[2], chain[3]);
  EXPECT_EQ(rows[3], chain[4]);
  // A GTIN-13 is the same product.
  auto short_gtin = Get("/api/v1/exports/fsma?gtin=8930001000025&lang=en");
  ASSERT_EQ(short_gtin.status, 200) << short_gtin.body;
  EXPECT_EQ(short_gtin.Header("x-export-rows"), "3");

  auto days = Get("/api/v1/exports/fsma?from=2026-03-05&to=2026-03-06&lang=en&format=xlsx");
  ASSERT_EQ(days.status, 200) << days.body;
  EXPECT_EQ(days.Header("content-disposition"),
            "attachment; filename=\"fsma-2026-03-05-to-2026-03-06.xlsx\"");
  auto sheet = exports::testing::ReadXlsx(days.body);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->rows.size(), 4u);
  EXPECT_EQ(sheet->rows[1][0].value, "Transformation (input)");
  EXPECT_EQ(sheet->rows[2][0].value, "Transformation (output)");
  EXPECT_EQ(sheet->rows[3][0].value, "Initial packing");
  // The lot's source comes from its commissioning, before the range.
  EXPECT_EQ(sheet->rows[1][14].value, chain[1][14]);

  // Vietnamese by default.
  auto vi = Get("/api/v1/exports/fsma?from=2026-03-01&to=2026-03-01");
  ASSERT_EQ(vi.status, 200) << vi.body;
  auto vi_rows = ParseCsv(std::string_view(vi.body).substr(3));
  ASSERT_EQ(vi_rows.size(), 2u);
  EXPECT_EQ(vi_rows[0][0], "Sự kiện truy xuất (CTE)");
  EXPECT_EQ(vi_rows[1][0], "Thu hoạch / trồng trọt");
  EXPECT_EQ(vi_rows[1][2], "Hạt điều thô");
  // A day without events: the header alone.
  auto empty = Get("/api/v1/exports/fsma?from=2026-04-01&to=2026-04-30");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.Header("x-export-rows"), "0");
}

TEST_P(ExportsApiTest, AnonymousCallersSeeApprovedEventsOnly) {
  CaptureChain(false);
  const std::string lot =
      "/api/v1/exports/fsma?lot=" + http::PercentEncode("(01)08930001000025(10)K1");
  EXPECT_EQ(Get(lot).status, 404);
  EXPECT_EQ(Get(std::string("/api/v1/exports/fsma?gtin=") + kKernelGtin).status, 404);
  auto days = Get("/api/v1/exports/fsma?from=2026-03-01&to=2026-03-31");
  ASSERT_EQ(days.status, 200);
  EXPECT_EQ(days.Header("x-export-rows"), "0");
  // The producer sees its own pending events; another producer does not.
  auto own = Get(lot, Login("producer_a"));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.Header("x-export-rows"), "5");
  EXPECT_EQ(Get(lot, Login("producer_b")).status, 404);
}

TEST_P(ExportsApiTest, EventsDeclaredInErrorAreLeftOut) {
  CaptureChain(true);
  const std::string receiving = R"("eventID": "urn:uuid:receiving-k1", "type": "ObjectEvent",
      "eventTime": "2026-03-09T09:00:00+07:00", "action": "OBSERVE", "bizStep": "receiving",
      "quantityList": [{"epcClass": "https://id.gs1.org/01/08930001000025/10/K1",
                        "quantity": 120, "uom": "KGM"}])";
  Caller producer = Login("producer_a");
  ASSERT_EQ(Call("POST", "/epcis/events", producer, Event(receiving)).status, 201);
  ApprovePending(1);
  const std::vector<std::pair<std::string, std::string>> exports = {
      {"/api/v1/exports/fsma?lot=" + http::PercentEncode("(01)08930001000025(10)K1"), "5"},
      {std::string("/api/v1/exports/fsma?gtin=") + kKernelGtin, "3"},
      {"/api/v1/exports/fsma?from=2026-03-09&to=2026-03-09", "0"}};
  for (const auto& [target, rows_without] : exports) {
    auto r = Get(target + "&lang=en");
    ASSERT_EQ(r.status, 200) << target << ": " << r.body;
    EXPECT_EQ(r.Header("x-export-rows"), std::to_string(std::stoi(rows_without) + 1)) << target;
    EXPECT_NE(r.body.find("\r\nReceiving,(01)08930001000025(10)K1,"), std::string::npos) << target;
  }
  const std::string retraction =
      receiving + R"(, "errorDeclaration": {"declarationTime": "2026-03-10T08:00:00Z",
                                             "reason": "incorrect_data"})";
  ASSERT_EQ(Call("POST", "/epcis/events", producer, Event(retraction)).status, 201);
  ApprovePending(1);
  for (const auto& [target, rows_without] : exports) {
    auto r = Get(target + "&lang=en");
    ASSERT_EQ(r.status, 200) << target << ": " << r.body;
    EXPECT_EQ(r.Header("x-export-rows"), rows_without) << target;
    EXPECT_EQ(r.body.find("\r\nReceiving,"), std::string::npos) << target;
  }
}

TEST_P(ExportsApiTest, ExportsAreCutAtTheirRowLimitAndSaySo) {
  CaptureChain(true);
  Principal admin;
  admin.kind = Principal::Kind::kUser;
  admin.role = Role::kAdmin;
  FsmaRequest lot;
  lot.lot = "(01)08930001000025(10)K1";
  FsmaRequest product;
  product.gtin = kKernelGtin;
  FsmaRequest days;
  days.from = "2026-03-01";
  days.to = "2026-03-31";
  for (FsmaRequest r : {lot, product, days}) {
    r.max_rows = 2;
    auto cut = ExportFsma(*store_, r, admin);
    ASSERT_TRUE(cut.ok()) << cut.status().ToString();
    EXPECT_TRUE(cut->table.truncated) << r.lot << r.gtin << r.from;
    ASSERT_EQ(cut->table.sheet.rows.size(), 2u);
    // The earliest rows are kept.
    EXPECT_EQ(cut->table.sheet.rows[0][7].text, r.gtin.empty() ? "2026-03-01" : "2026-03-05");
    r.max_rows = 5;
    auto whole = ExportFsma(*store_, r, admin);
    ASSERT_TRUE(whole.ok()) << whole.status().ToString();
    EXPECT_FALSE(whole->table.truncated);
    EXPECT_EQ(whole->table.sheet.rows.size(), r.gtin.empty() ? 5u : 3u);
  }
}

TEST_P(ExportsApiTest, BadRequestsAreProblems) {
  CaptureChain(true);
  const std::string unparsable = "(01)08930001000024(10)K1";  // wrong check digit
  const Status reason = ParseTraceId(unparsable).status();
  ASSERT_FALSE(reason.ok());
  const std::string base = "/api/v1/exports/fsma?";
  const std::vector<std::tuple<std::string, int, std::string>> cases = {
      {base + "lot=" + http::PercentEncode("(01)08930001000025(10)NOPE"), 404, ""},
      {base + "lot=" + http::PercentEncode(unparsable), 400, reason.message()},
      {base + "gtin=08930001000019", 400,
       "'08930001000019' is not a GTIN: expected 8, 12, 13 or 14 digits with a valid check "
       "digit"},
      {base + "gtin=08930002000017", 404,
       "no event you may see names a lot of GTIN 08930002000017"},
      {base + "from=2026-02-30&to=2026-03-01", 400,
       "from must be a date YYYY-MM-DD, not '2026-02-30'"},
      {base + "from=2026-03-01&to=tomorrow", 400, "to must be a date YYYY-MM-DD, not 'tomorrow'"},
      {base + "from=2026-03-02&to=2026-03-01", 400, "from (2026-03-02) is after to (2026-03-01)"},
      {base + "from=2026-03-01", 400, "a date range needs to as well as from"},
      {base + "to=2026-03-01", 400, "a date range needs from as well as to"},
      {base, 400,
       "say what to export: lot (an identifier), gtin (a product), or from and to (dates "
       "YYYY-MM-DD)"},
      {base + "lot=x&gtin=08930001000025", 400, "give only one of lot, gtin, or from and to"},
      {base + "gtin=08930001000025&format=pdf", 400, "format must be csv or xlsx"},
      {base + "gtin=08930001000025&format=json", 400, "format must be csv or xlsx"},
      {base + "gtin=08930001000025&lang=fr", 400, "lang must be vi or en"},
  };
  for (const auto& [target, status, detail] : cases) {
    auto [got_status, got_detail] = Problem(target);
    EXPECT_EQ(got_status, status) << target << " → " << got_detail;
    if (!detail.empty()) {
      EXPECT_EQ(got_detail, detail) << target;
    }
  }
  // Problems name the parameter at fault.
  EXPECT_EQ(Json(Get(base + "lot=" + http::PercentEncode(unparsable)))["field"], "lot");
  EXPECT_EQ(Json(Get(base + "from=2026-02-30&to=2026-03-01"))["field"], "from");
  EXPECT_EQ(Json(Get(base + "gtin=08930001000025&format=pdf"))["field"], "format");
}

TEST_P(ExportsApiTest, Circular02ReportAsJsonCsvAndXlsx) {
  CaptureChain(true);
  const std::string url = "/api/v1/products/" + std::to_string(kernel_id_) + "/circular02";
  auto r = Get(url + "?lang=en");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json j = Json(r);
  EXPECT_EQ(j["product"]["gtin"], kKernelGtin);
  ASSERT_EQ(j["items"].size(), 10u);
  std::vector<std::string> keys, values;
  for (const auto& item : j["items"]) {
    keys.push_back(item["key"]);
    values.push_back(item["value"]);
  }
  EXPECT_THAT(keys,
              ElementsAre("product_name", "image", "producer_name", "producer_address", "stages",
                          "stage_times", "trace_code", "brand", "expiry", "standards"));
  EXPECT_THAT(values,
              ElementsAre("Cashew kernels W320", "https://example.vn/nhan-dieu.jpg",
                          "Hợp tác xã Điều Bù Đăng", "Bù Đăng",
                          "1. Transformation — Nhà máy chế biến Đồng Xoài\n"
                          "2. Initial packing — Nhà máy chế biến Đồng Xoài",
                          "1. 2026-03-05\n2. 2026-03-06",
                          "(01)08930001000025\nhttps://id.gs1.org/01/08930001000025",
                          "Điều Bù Đăng\nLots: K1",
                          "365 days from the production date\nK1: 2027-03-05", "TCVN 4850:2010"));
  EXPECT_EQ(j["items"][0]["label"], "Product name");
  EXPECT_EQ(j["items"][0]["number"], 1);
  ASSERT_EQ(j["stages"].size(), 2u);
  EXPECT_EQ(j["stages"][0]["cte"], "transformation");
  EXPECT_EQ(j["stages"][0]["location"], "https://id.gs1.org/414/8930001000025");
  EXPECT_EQ(j["stages"][1]["events"], 1);

  auto csv = Get(url + "?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-disposition"),
            "attachment; filename=\"circular02-08930001000025.csv\"");
  auto rows = ParseCsv(std::string_view(csv.body).substr(3));
  ASSERT_EQ(rows.size(), 11u);
  EXPECT_THAT(rows[0], ElementsAre("STT", "Thông tin", "Nội dung"));
  EXPECT_THAT(rows[1], ElementsAre("1", "Tên sản phẩm", "Nhân điều W320"));
  EXPECT_THAT(rows[5], ElementsAre("5", "Các công đoạn sản xuất",
                                   "1. Chế biến — Nhà máy chế biến Đồng Xoài\n"
                                   "2. Đóng gói ban đầu — Nhà máy chế biến Đồng Xoài"));

  auto xlsx = Get(url + "?format=xlsx&lang=en");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  auto sheet = exports::testing::ReadXlsx(xlsx.body);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->rows.size(), 11u);
  EXPECT_EQ(sheet->rows[10][1].value, "Standards applied");
  EXPECT_EQ(sheet->rows[10][2].value, "TCVN 4850:2010");
  EXPECT_EQ(sheet->rows[10][0].type, 'n');

  EXPECT_EQ(Problem(url + "?format=pdf"),
            std::pair(400, std::string("format must be json, csv or xlsx")));
  EXPECT_EQ(Problem("/api/v1/products/999999/circular02").first, 404);
  EXPECT_EQ(Problem("/api/v1/products/abc/circular02").first, 404);
}

TEST_P(ExportsApiTest, Circular02OfAnUnpublishedProductIsNotFoundForThePublic) {
  Product p;
  p.org_id = org_a_;
  p.gtin = "08930001000032";
  p.name_vi = "Điều chưa duyệt";
  auto created = store_->CreateProduct(p, Actor::System("system:test"));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  const std::string url = "/api/v1/products/" + std::to_string(created->id) + "/circular02";
  EXPECT_EQ(Get(url).status, 404);
  auto own = Get(url, Login("producer_a"));
  ASSERT_EQ(own.status, 200) << own.body;
  // No approved events: no stages.
  EXPECT_EQ(Json(own)["items"][4]["value"], "");
  EXPECT_EQ(Get(url, Login("producer_b")).status, 404);
}

TXNG_INSTANTIATE_BACKENDS(ExportsApiTest);

}  // namespace
}  // namespace txng
