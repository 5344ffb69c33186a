#include "service/trace_export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "epcis/identifiers.h"
#include "export/writers.h"

namespace txng {
namespace {

using exports::Cell;
using ::testing::ElementsAre;
using trace::LineageEvent;
using trace::NamedObject;
using trace::Role;

constexpr const char* kFarm = "https://id.gs1.org/414/8930001000018";
constexpr const char* kFactory = "https://id.gs1.org/414/8930001000025";
constexpr const char* kImporter = "https://id.gs1.org/414/8930001000049";
constexpr const char* kParty = "https://id.gs1.org/417/8930001000032";
constexpr const char* kRaw = "https://id.gs1.org/01/08930001000018/10/L1";
constexpr const char* kKernels = "https://id.gs1.org/01/08930001000025/10/K1";
constexpr const char* kPallet = "https://id.gs1.org/00/089300010000000018";
constexpr const char* kSerial1 = "https://id.gs1.org/01/08930001000018/21/S1";
constexpr const char* kSerial2 = "https://id.gs1.org/01/08930001000018/21/S2";

std::string Step(const char* word) {
  return std::string("https://ref.gs1.org/cbv/BizStep-") + word;
}
std::string Sdt(const char* word) { return std::string("https://ref.gs1.org/cbv/SDT-") + word; }
std::string Btt(const char* word) { return std::string("https://ref.gs1.org/cbv/BTT-") + word; }

UnixMillis At(int day, int hour = 2) {
  // 2026-03-01T00:00Z is 1772323200000.
  return 1772323200000 + (day - 1) * 86400000LL + hour * 3600000LL;
}

NamedObject Class(const std::string& id, double quantity, Role role = Role::kEpc) {
  return {id, role, true, quantity, "KGM"};
}
NamedObject Instance(const std::string& id, Role role = Role::kEpc) {
  return {id, role, false, std::nullopt, ""};
}

LineageEvent Event(int64_t row, epcis::EventType type, epcis::Action action, std::string step,
                   UnixMillis at, std::string where, std::vector<NamedObject> objects) {
  LineageEvent e;
  e.row = row;
  e.event_id = "urn:uuid:e" + std::to_string(row);
  e.type = type;
  e.action = action;
  e.biz_step = std::move(step);
  e.event_time = at;
  e.biz_location = std::move(where);
  e.objects = std::move(objects);
  e.org_id = 1;
  return e;
}

// Farm harvest → processor transformation → packing onto a pallet →
// shipping the pallet → receiving it; an observation in between.
FsmaInput CashewChain() {
  using T = epcis::EventType;
  using A = epcis::Action;
  FsmaInput in;
  in.events.push_back(
      Event(1, T::kObject, A::kAdd, Step("commissioning"), At(1), kFarm, {Class(kRaw, 500)}));
  LineageEvent transform =
      Event(2, T::kTransformation, A::kNone, Step("commissioning"), At(5), kFactory,
            {Class(kRaw, 480, Role::kInput), Class(kKernels, 120, Role::kOutput)});
  transform.biz_transactions = {{Btt("prodorder"), "urn:epcglobal:cbv:bt:8930001000025:SX-1"}};
  in.events.push_back(transform);
  in.events.push_back(
      Event(3, T::kAggregation, A::kAdd, Step("packing"), At(6), kFactory,
            {Instance(kPallet, Role::kParent), Class(kKernels, 120, Role::kChild)}));
  LineageEvent ship =
      Event(4, T::kObject, A::kObserve, Step("shipping"), At(7), kFactory, {Instance(kPallet)});
  ship.sources = {{Sdt("owning_party"), kParty}, {Sdt("location"), kFactory}};
  ship.destinations = {{Sdt("location"), kImporter}};
  ship.biz_transactions = {{Btt("po"), "urn:epcglobal:cbv:bt:8930001000032:PO-7"},
                           {Btt("desadv"), "urn:epcglobal:cbv:bt:8930001000025:DA-3"}};
  in.events.push_back(ship);
  in.events.push_back(
      Event(5, T::kObject, A::kObserve, Step("storing"), At(8), kFactory, {Instance(kPallet)}));
  in.events.push_back(
      Event(6, T::kObject, A::kObserve, Step("receiving"), At(9), kImporter, {Instance(kPallet)}));

  NodeInfo farm;
  farm.name_vi = farm.name_en = "Vườn điều Bà Rá";
  farm.address = "Ấp 3, Phước Long";
  in.names[kFarm] = farm;
  NodeInfo factory;
  factory.name_vi = factory.name_en = "Nhà máy chế biến Đồng Xoài";
  factory.district = "Đồng Xoài";
  in.names[kFactory] = factory;
  NodeInfo party;
  party.name_vi = party.name_en = "Công ty Hạt Vàng";
  in.names[kParty] = party;
  NodeInfo raw;
  raw.name_vi = "Hạt điều thô";
  raw.name_en = "Raw cashew nuts";
  raw.gtin = "08930001000018";
  in.names["https://id.gs1.org/01/08930001000018"] = raw;
  NodeInfo kernels;
  kernels.name_vi = "Nhân điều W320";
  kernels.name_en = "Cashew kernels W320";
  kernels.gtin = "08930001000025";
  in.names["https://id.gs1.org/01/08930001000025"] = kernels;
  return in;
}

std::vector<std::string> Texts(const std::vector<Cell>& row) {
  std::vector<std::string> out;
  for (const Cell& c : row) {
    switch (c.kind) {
      case Cell::Kind::kEmpty:
        out.push_back("");
        break;
      case Cell::Kind::kNumber: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", c.number);
        out.push_back(std::string("#") + buf);
        break;
      }
      case Cell::Kind::kDate:
        out.push_back("@" + c.text);
        break;
      case Cell::Kind::kText:
        out.push_back(c.text);
        break;
    }
  }
  return out;
}

TEST(TraceExport, IdentifiersOfTheTestsAreCanonical) {
  for (const char* id : {kFarm, kFactory, kImporter, kParty, kRaw, kKernels, kPallet, kSerial1}) {
    auto normal = epcis::NormalizeIdentifier(id);
    ASSERT_TRUE(normal.ok()) << id << ": " << normal.status().ToString();
    EXPECT_EQ(*normal, id);
    EXPECT_TRUE(epcis::IsCanonicalDigitalLink(id)) << id;
  }
}

TEST(CteOf, MapsBizStepsAndEventTypes) {
  using T = epcis::EventType;
  using A = epcis::Action;
  const auto cte = [](T type, A action, std::string step) {
    return CteOf(Event(1, type, action, std::move(step), 0, "", {}));
  };
  EXPECT_EQ(cte(T::kTransformation, A::kNone, ""), Cte::kTransformation);
  EXPECT_EQ(cte(T::kTransformation, A::kNone, Step("shipping")), Cte::kTransformation);
  EXPECT_EQ(cte(T::kObject, A::kObserve, Step("shipping")), Cte::kShipping);
  EXPECT_EQ(cte(T::kTransaction, A::kAdd, Step("departing")), Cte::kShipping);
  EXPECT_EQ(cte(T::kObject, A::kObserve, Step("receiving")), Cte::kReceiving);
  EXPECT_EQ(cte(T::kObject, A::kObserve, Step("arriving")), Cte::kReceiving);
  EXPECT_EQ(cte(T::kAggregation, A::kObserve, Step("accepting")), Cte::kReceiving);
  EXPECT_EQ(cte(T::kAggregation, A::kAdd, Step("packing")), Cte::kInitialPacking);
  EXPECT_EQ(cte(T::kObject, A::kAdd, Step("packing")), Cte::kInitialPacking);
  EXPECT_EQ(cte(T::kObject, A::kAdd, Step("commissioning")), Cte::kHarvesting);
  EXPECT_EQ(cte(T::kObject, A::kAdd, Step("creating_class_instance")), Cte::kHarvesting);
  EXPECT_EQ(cte(T::kObject, A::kAdd, ""), Cte::kHarvesting);
  // No CTE: other steps, commissioning that is no ADD, other events without a step,
  // values outside the CBV.
  EXPECT_EQ(cte(T::kObject, A::kObserve, Step("storing")), std::nullopt);
  EXPECT_EQ(cte(T::kObject, A::kObserve, Step("inspecting")), std::nullopt);
  EXPECT_EQ(cte(T::kAggregation, A::kDelete, Step("unpacking")), std::nullopt);
  EXPECT_EQ(cte(T::kObject, A::kDelete, Step("commissioning")), std::nullopt);
  EXPECT_EQ(cte(T::kObject, A::kObserve, ""), std::nullopt);
  EXPECT_EQ(cte(T::kAggregation, A::kAdd, ""), std::nullopt);
  EXPECT_EQ(cte(T::kObject, A::kAdd, Step("storing")), std::nullopt);
  EXPECT_EQ(cte(T::kObject, A::kObserve, "urn:example:bizstep:shipping"), std::nullopt);
}

TEST(BuildFsmaTable, CashewChainEveryColumn) {
  const FsmaTable t = BuildFsmaTable(CashewChain(), ExportLang::kVi);
  EXPECT_FALSE(t.truncated);
  EXPECT_EQ(t.sheet.title, "FSMA 204");
  EXPECT_THAT(t.sheet.columns,
              ElementsAre("Sự kiện truy xuất (CTE)", "Mã lô truy xuất (TLC)", "Mô tả sản phẩm",
                          "Số lượng", "Đơn vị tính", "Địa điểm", "GLN địa điểm", "Ngày",
                          "Thời điểm (UTC)", "Loại chứng từ tham chiếu", "Số chứng từ tham chiếu",
                          "Nguồn cung cấp liền trước", "Địa điểm của nguồn liền trước",
                          "Địa điểm nhận hàng", "Nơi gán mã lô truy xuất", "Mã sự kiện EPCIS"));
  ASSERT_EQ(t.sheet.rows.size(), 6u);
  const std::string farm = "Vườn điều Bà Rá, Ấp 3, Phước Long";
  const std::string factory = "Nhà máy chế biến Đồng Xoài";
  const std::string factory_gln = factory + " (GLN 8930001000025)";
  EXPECT_THAT(
      Texts(t.sheet.rows[0]),
      ElementsAre("Thu hoạch / trồng trọt", "(01)08930001000018(10)L1", "Hạt điều thô", "#500",
                  "KGM", farm, "8930001000018", "@2026-03-01", "2026-03-01T02:00:00.000Z", "", "",
                  "", "", "", farm + " (GLN 8930001000018)", "urn:uuid:e1"));
  EXPECT_THAT(
      Texts(t.sheet.rows[1]),
      ElementsAre("Chế biến (đầu vào)", "(01)08930001000018(10)L1", "Hạt điều thô", "#480", "KGM",
                  factory, "8930001000025", "@2026-03-05", "2026-03-05T02:00:00.000Z",
                  "Lệnh sản xuất", "urn:epcglobal:cbv:bt:8930001000025:SX-1", "", "", "",
                  farm + " (GLN 8930001000018)", "urn:uuid:e2"));
  EXPECT_THAT(
      Texts(t.sheet.rows[2]),
      ElementsAre("Chế biến (đầu ra)", "(01)08930001000025(10)K1", "Nhân điều W320", "#120", "KGM",
                  factory, "8930001000025", "@2026-03-05", "2026-03-05T02:00:00.000Z",
                  "Lệnh sản xuất", "urn:epcglobal:cbv:bt:8930001000025:SX-1", "", "", "",
                  factory_gln, "urn:uuid:e2"));
  // The pallet is packed with the kernels, so its shipping and receiving
  // are rows of the kernels' lot.
  EXPECT_THAT(
      Texts(t.sheet.rows[3]),
      ElementsAre("Đóng gói ban đầu", "(01)08930001000025(10)K1", "Nhân điều W320", "#120", "KGM",
                  factory, "8930001000025", "@2026-03-06", "2026-03-06T02:00:00.000Z", "", "", "",
                  "", "", factory_gln, "urn:uuid:e3"));
  EXPECT_THAT(Texts(t.sheet.rows[4]),
              ElementsAre("Xuất hàng", "(01)08930001000025(10)K1", "Nhân điều W320", "#120", "KGM",
                          factory, "8930001000025", "@2026-03-07", "2026-03-07T02:00:00.000Z",
                          "Đơn đặt hàng; Thông báo giao hàng",
                          "urn:epcglobal:cbv:bt:8930001000032:PO-7; "
                          "urn:epcglobal:cbv:bt:8930001000025:DA-3",
                          "Công ty Hạt Vàng (GLN 8930001000032)", factory_gln, "(414)8930001000049",
                          factory_gln, "urn:uuid:e4"));
  EXPECT_THAT(
      Texts(t.sheet.rows[5]),
      ElementsAre("Nhận hàng", "(01)08930001000025(10)K1", "Nhân điều W320", "#120", "KGM",
                  "(414)8930001000049", "8930001000049", "@2026-03-09", "2026-03-09T02:00:00.000Z",
                  "", "", "", "", "(414)8930001000049", factory_gln, "urn:uuid:e6"));
}

TEST(BuildFsmaTable, EnglishHeadersNamesAndEvents) {
  const FsmaTable t = BuildFsmaTable(CashewChain(), ExportLang::kEn);
  EXPECT_EQ(t.sheet.columns[0], "Critical tracking event");
  EXPECT_EQ(t.sheet.columns[14], "Traceability lot code source");
  ASSERT_EQ(t.sheet.rows.size(), 6u);
  const std::vector<std::string> events = {"Harvesting / growing",
                                           "Transformation (input)",
                                           "Transformation (output)",
                                           "Initial packing",
                                           "Shipping",
                                           "Receiving"};
  for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(t.sheet.rows[i][0].text, events[i]);
  EXPECT_EQ(t.sheet.rows[0][2].text, "Raw cashew nuts");
  EXPECT_EQ(t.sheet.rows[4][9].text, "Purchase order; Despatch advice");
  EXPECT_EQ(t.sheet.rows[1][9].text, "Production order");
}

TEST(BuildFsmaTable, InstancesStandForTheirLotWhenKnown) {
  using T = epcis::EventType;
  FsmaInput in;
  in.events.push_back(Event(1, T::kObject, epcis::Action::kObserve, Step("shipping"), At(2), "",
                            {Instance(kSerial1), Instance(kSerial2),
                             Instance("https://id.gs1.org/01/08930001000018/21/S9")}));
  NodeInfo s;
  s.gtin = "08930001000018";
  s.lot_code = "L1";
  in.names[kSerial1] = s;
  in.names[kSerial2] = s;
  const FsmaTable t = BuildFsmaTable(in, ExportLang::kEn);
  ASSERT_EQ(t.sheet.rows.size(), 2u);
  // Two serials of lot L1 counted; the serial of unknown lot is its own TLC.
  EXPECT_EQ(t.sheet.rows[0][1].text, "(01)08930001000018(10)L1");
  EXPECT_EQ(t.sheet.rows[0][3], Cell::Number(2));
  EXPECT_EQ(t.sheet.rows[0][4].text, "EA");
  EXPECT_EQ(t.sheet.rows[1][1].text, "(01)08930001000018(21)S9");
  EXPECT_EQ(t.sheet.rows[1][3], Cell::Number(1));
  // No place named: empty location cells.
  EXPECT_EQ(t.sheet.rows[0][5].text, "");
  EXPECT_EQ(t.sheet.rows[0][6].text, "");
}

TEST(BuildFsmaTable, ContainersFollowPackingNestingAndUnpacking) {
  using T = epcis::EventType;
  using A = epcis::Action;
  const std::string kCase = "https://id.gs1.org/01/18930001000015/21/C1";
  FsmaInput in;
  // Context only: a case of 10 kg of L1 and an unknown instance onto the
  // pallet; later the pallet is emptied.
  in.context.push_back(Event(1, T::kAggregation, A::kAdd, Step("packing"), At(1), "",
                             {Instance(kCase, Role::kParent), Class(kRaw, 10, Role::kChild)}));
  in.context.push_back(Event(2, T::kAggregation, A::kAdd, Step("packing"), At(2), "",
                             {Instance(kPallet, Role::kParent), Instance(kCase, Role::kChild)}));
  in.context.push_back(Event(5, T::kAggregation, A::kDelete, Step("unpacking"), At(5), "",
                             {Instance(kPallet, Role::kParent)}));
  in.events.push_back(
      Event(3, T::kObject, A::kObserve, Step("shipping"), At(3), "", {Instance(kPallet)}));
  in.events.push_back(
      Event(6, T::kObject, A::kObserve, Step("shipping"), At(6), "", {Instance(kPallet)}));
  const FsmaTable t = BuildFsmaTable(in, ExportLang::kEn);
  ASSERT_EQ(t.sheet.rows.size(), 2u);
  EXPECT_EQ(t.sheet.rows[0][1].text, "(01)08930001000018(10)L1");
  EXPECT_EQ(t.sheet.rows[0][3], Cell::Number(10));
  EXPECT_EQ(t.sheet.rows[0][4].text, "KGM");
  // After the DELETE the pallet is empty: it is its own TLC.
  EXPECT_EQ(t.sheet.rows[1][1].text, "(00)089300010000000018");
  EXPECT_EQ(t.sheet.rows[1][4].text, "EA");
  // Context events give no rows of their own.
  EXPECT_EQ(t.sheet.rows[0][15].text, "urn:uuid:e3");
}

TEST(BuildFsmaTable, ContainerCyclesStopAtTheContainer) {
  using T = epcis::EventType;
  using A = epcis::Action;
  const std::string kBox = "https://id.gs1.org/00/089300010000000025";
  FsmaInput in;
  in.context.push_back(Event(1, T::kAggregation, A::kAdd, "", At(1), "",
                             {Instance(kPallet, Role::kParent), Instance(kBox, Role::kChild)}));
  in.context.push_back(Event(2, T::kAggregation, A::kAdd, "", At(2), "",
                             {Instance(kBox, Role::kParent), Instance(kPallet, Role::kChild)}));
  in.events.push_back(
      Event(3, T::kObject, A::kObserve, Step("shipping"), At(3), "", {Instance(kPallet)}));
  const FsmaTable t = BuildFsmaTable(in, ExportLang::kEn);
  ASSERT_EQ(t.sheet.rows.size(), 1u);
  EXPECT_EQ(t.sheet.rows[0][1].text, "(00)089300010000000018");
}

TEST(BuildFsmaTable, KeepFiltersLotsAndUnknownQuantitiesStayEmpty) {
  using T = epcis::EventType;
  FsmaInput in;
  NamedObject no_quantity = Class(kRaw, 0);
  no_quantity.quantity.reset();
  in.events.push_back(Event(1, T::kObject, epcis::Action::kObserve, Step("shipping"), At(1), "",
                            {Class(kRaw, 5), no_quantity, Class(kKernels, 7)}));
  in.keep = [](std::string_view tlc) { return tlc == kRaw; };
  const FsmaTable t = BuildFsmaTable(in, ExportLang::kEn);
  ASSERT_EQ(t.sheet.rows.size(), 1u);
  EXPECT_EQ(t.sheet.rows[0][1].text, "(01)08930001000018(10)L1");
  EXPECT_EQ(t.sheet.rows[0][3], Cell::Empty());
}

TEST(BuildFsmaTable, SortedByDateThenLotAndCutAtMaxRows) {
  using T = epcis::EventType;
  FsmaInput in;
  in.events.push_back(Event(1, T::kObject, epcis::Action::kObserve, Step("receiving"), At(3), "",
                            {Class(kRaw, 1)}));
  in.events.push_back(Event(2, T::kObject, epcis::Action::kObserve, Step("shipping"), At(2), "",
                            {Class(kKernels, 1), Class(kRaw, 1)}));
  in.events.push_back(in.events[0]);  // the same event twice gives its rows once
  FsmaTable t = BuildFsmaTable(in, ExportLang::kEn);
  ASSERT_EQ(t.sheet.rows.size(), 3u);
  EXPECT_FALSE(t.truncated);
  EXPECT_EQ(t.sheet.rows[0][1].text, "(01)08930001000018(10)L1");
  EXPECT_EQ(t.sheet.rows[0][0].text, "Shipping");
  EXPECT_EQ(t.sheet.rows[1][1].text, "(01)08930001000025(10)K1");
  EXPECT_EQ(t.sheet.rows[2][0].text, "Receiving");
  t = BuildFsmaTable(in, ExportLang::kEn, 2);
  EXPECT_TRUE(t.truncated);
  ASSERT_EQ(t.sheet.rows.size(), 2u);
  EXPECT_EQ(t.sheet.rows[1][1].text, "(01)08930001000025(10)K1");
}

TEST(BuildFsmaTable, FormulaLookingNamesAreWrittenAsText) {
  FsmaInput in = CashewChain();
  in.names["https://id.gs1.org/01/08930001000018"].name_vi = "=HYPERLINK(\"http://evil\",\"x\")";
  in.names[kFarm].name_vi = "@SUM(1+1)";
  const FsmaTable t = BuildFsmaTable(in, ExportLang::kVi);
  EXPECT_EQ(t.sheet.rows[0][2].text, "=HYPERLINK(\"http://evil\",\"x\")");
  const std::string csv = exports::WriteCsv(t.sheet);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","), std::string::npos);
  EXPECT_NE(csv.find(",\"'@SUM(1+1), Ấp 3, Phước Long\","), std::string::npos);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
}

TEST(Circular02Sheet, OneRowPerItem) {
  Circular02Report r;
  for (int i = 0; i < 10; ++i) r.items.push_back({"k", "Mục " + std::to_string(i), "=x"});
  const exports::Sheet s = Circular02Sheet(r, ExportLang::kVi);
  EXPECT_THAT(s.columns, ElementsAre("STT", "Thông tin", "Nội dung"));
  ASSERT_EQ(s.rows.size(), 10u);
  EXPECT_THAT(s.rows[9], ElementsAre(Cell::Number(10), Cell::Text("Mục 9"), Cell::Text("=x")));
  EXPECT_THAT(Circular02Sheet(r, ExportLang::kEn).columns, ElementsAre("No.", "Item", "Value"));
}

}  // namespace
}  // namespace txng
