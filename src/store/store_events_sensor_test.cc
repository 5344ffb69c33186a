// Sensor data: the epcis_sensor_reports rows written at capture and the
// SensorQuery filters over them, on both backends.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "epcis/event_hash.h"
#include "epcis/json_decode.h"
#include "store/event_testing.h"
#include "store/sensor_units.h"
#include "store/store_test_fixture.h"

namespace txng {
namespace {

using Field = SensorValueCondition::Field;
using Op = SensorValueCondition::Op;

const std::string kTemperature = "https://gs1.org/voc/Temperature";
const std::string kHumidity = "https://gs1.org/voc/AbsoluteHumidity";
const std::string kDevice1 = "https://id.gs1.org/8004/4000001111";
const std::string kDevice2 = "https://id.gs1.org/8004/4000001222";

// An ObjectEvent at `time` whose sensorElementList is `elements` (JSON),
// none when `elements` is empty.
NewEvent SensorEvent(const std::string& time, const std::string& elements) {
  return DecodeTestEvent(
      "\"type\": \"ObjectEvent\", \"eventTime\": \"" + time +
      "\", \"eventTimeZoneOffset\": \"+07:00\", \"action\": \"OBSERVE\", \"epcList\": "
      "[\"https://id.gs1.org/01/08930001000018/21/A1\"]" +
      (elements.empty() ? "" : ", \"sensorElementList\": [" + elements + "]"));
}

SensorValueCondition Value(Field field, Op op, const std::string& uom, std::vector<double> values) {
  SensorValueCondition c;
  c.field = field;
  c.op = op;
  c.uom = uom;
  c.values = std::move(values);
  return c;
}

class SensorEventsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    org_ = MakeOrganisation("HTX Cold Chain").id;
    // A truck: one element per reading time from device 1, and a report
    // from device 2 that names its own device and time.
    ids_.push_back(Capture(SensorEvent(
        "2026-03-01T08:00:00+07:00",
        "{\"sensorMetadata\": {\"time\": \"2026-03-01T07:00:00+07:00\", \"deviceID\": \"" +
            kDevice1 +
            "\", \"startTime\": \"2026-03-01T06:00:00+07:00\", \"endTime\": "
            "\"2026-03-01T07:00:00+07:00\", \"bizRules\": \"https://example.com/rules/cold\", "
            "\"dataProcessingMethod\": \"https://example.com/methods/avg\"}, "
            "\"sensorReport\": [{\"type\": \"Temperature\", \"value\": 26, \"uom\": \"CEL\", "
            "\"minValue\": 24, \"maxValue\": 28, \"meanValue\": 26.5, \"sDev\": 0.5, "
            "\"percRank\": 90, \"percValue\": 27.5}, "
            "{\"type\": \"AbsoluteHumidity\", \"value\": 12, \"uom\": \"A93\"}]}, "
            "{\"sensorMetadata\": {\"time\": \"2026-03-01T07:30:00+07:00\", \"deviceID\": \"" +
            kDevice1 +
            "\"}, \"sensorReport\": [{\"type\": \"Temperature\", \"value\": 3, \"uom\": \"CEL\"}, "
            "{\"type\": \"Temperature\", \"value\": 40, \"uom\": \"FAH\", \"deviceID\": \"" +
            kDevice2 + "\", \"time\": \"2026-03-01T07:45:00+07:00\"}]}")));
    // A lab: qualitative results, no metadata.
    ids_.push_back(Capture(SensorEvent(
        "2026-03-02T08:00:00+07:00",
        "{\"sensorReport\": [{\"type\": \"Mass\", \"value\": 1.5, \"uom\": \"KGM\"}, "
        "{\"type\": \"Count\", \"value\": 60, \"uom\": \"P1\"}, "
        "{\"exception\": \"ALARM_CONDITION\", \"booleanValue\": true, "
        "\"stringValue\": \"SmellOK\", \"hexBinaryValue\": \"ab01\", "
        "\"uriValue\": \"https://example.com/grade/A\", "
        "\"microorganism\": \"https://www.ncbi.nlm.nih.gov/taxonomy/1496\", "
        "\"chemicalSubstance\": \"https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N\"}"
        "]}")));
    // No sensor data at all.
    ids_.push_back(Capture(SensorEvent("2026-03-03T08:00:00+07:00", "")));
  }

  int64_t Capture(const NewEvent& event) {
    CaptureContext ctx;
    ctx.org_id = org_;
    ctx.review_status = ReviewStatus::kApproved;
    auto captured = store_->CaptureEvents({event}, ctx, Admin());
    EXPECT_TRUE(IsOk(captured));
    return captured.ok() ? captured->at(0).id : 0;
  }

  // The events (by the index of their capture in SetUp) that `sensor` finds.
  std::vector<int> Find(const SensorQuery& sensor) {
    EventQuery q;
    q.sensor = sensor;
    auto page = store_->QueryEvents(q);
    EXPECT_TRUE(IsOk(page));
    std::vector<int> out;
    if (!page.ok()) return out;
    for (const StoredEvent& e : page->events) {
      for (std::size_t i = 0; i < ids_.size(); ++i) {
        if (ids_[i] == e.id) out.push_back(static_cast<int>(i));
      }
    }
    return out;
  }

  std::vector<int> FindValue(const SensorValueCondition& c) {
    SensorQuery q;
    q.values.push_back(c);
    return Find(q);
  }

  int64_t org_ = 0;
  std::vector<int64_t> ids_;
};

using Events = std::vector<int>;

TEST_P(SensorEventsTest, CaptureWritesOneRowPerReportWithItsMetadata) {
  EXPECT_EQ(CountRows("epcis_sensor_reports"), 7);
  SqlResult rows;
  Status read = store_->db().Transact(TxMode::kRead, [&](SqlConnection& c) -> Status {
    TXNG_ASSIGN_OR_RETURN(
        rows, c.Run("SELECT element_index, report_index, device_id, sensor_time, start_time, "
                    "biz_rules, si_unit, value_si, s_dev_si, hex_binary_value, boolean_value "
                    "FROM epcis_sensor_reports WHERE event_row = $1 OR event_row = $2 "
                    "ORDER BY event_row, element_index, report_index",
                    {ids_[0], ids_[1]}));
    return Status::Ok();
  });
  ASSERT_TRUE(IsOk(read));
  ASSERT_EQ(rows.rows.size(), 7u);
  const SqlRow& first = rows.rows[0];
  EXPECT_EQ(first.Text(2), kDevice1);
  EXPECT_EQ(first.OptInt(3), 1772323200000);  // 2026-03-01T07:00:00+07:00
  EXPECT_EQ(first.OptInt(4), 1772319600000);
  EXPECT_EQ(first.Text(5), "https://example.com/rules/cold");
  EXPECT_EQ(first.Text(6), "KEL");
  EXPECT_DOUBLE_EQ(first.Double(7), 299.15);
  EXPECT_DOUBLE_EQ(first.Double(8), 0.5);  // a deviation has no offset
  // The report's own device and time stand in for its element's.
  const SqlRow& own = rows.rows[3];
  EXPECT_EQ(own.Int(0), 1);
  EXPECT_EQ(own.Int(1), 1);
  EXPECT_EQ(own.Text(2), kDevice2);
  EXPECT_EQ(own.OptInt(3), 1772325900000);
  EXPECT_EQ(own.OptInt(4), std::nullopt);           // startTime was on the other element
  EXPECT_NEAR(own.Double(7), 277.594444444, 1e-6);  // 40 °F
  // Unconverted units and reports without a value keep NULL SI values.
  EXPECT_EQ(rows.rows[5].Text(6), "");
  EXPECT_EQ(rows.rows[5].OptDouble(7), std::nullopt);
  EXPECT_EQ(rows.rows[6].Text(9), "AB01");
  EXPECT_EQ(rows.rows[6].OptInt(10), 1);
}

TEST_P(SensorEventsTest, DuplicateCaptureAddsNoRows) {
  auto again = store_->CaptureEvents(
      {SensorEvent("2026-03-02T08:00:00+07:00",
                   "{\"sensorReport\": [{\"type\": \"Mass\", \"value\": 1.5, \"uom\": \"KGM\"}, "
                   "{\"type\": \"Count\", \"value\": 60, \"uom\": \"P1\"}]}")},
      CaptureContext{org_, ReviewStatus::kApproved}, Admin());
  ASSERT_TRUE(IsOk(again));
  EXPECT_EQ(again->at(0).result, CaptureResult::kStored);  // another event: other reports
  EXPECT_EQ(CountRows("epcis_sensor_reports"), 9);
  auto duplicate = store_->CaptureEvents({SensorEvent("2026-03-02T08:00:00+07:00",
                                                      "{\"sensorReport\": [{\"type\": \"Mass\", "
                                                      "\"value\": 1.5, \"uom\": \"KGM\"}, "
                                                      "{\"type\": \"Count\", \"value\": 60, "
                                                      "\"uom\": \"P1\"}]}")},
                                         CaptureContext{org_, ReviewStatus::kApproved}, Admin());
  ASSERT_TRUE(IsOk(duplicate));
  EXPECT_EQ(duplicate->at(0).result, CaptureResult::kDuplicate);
  EXPECT_EQ(CountRows("epcis_sensor_reports"), 9);
}

TEST_P(SensorEventsTest, UnreadableSensorTimeFailsTheCaptureAndStoresNothing) {
  NewEvent bad = SensorEvent("2026-03-05T08:00:00+07:00",
                             "{\"sensorMetadata\": {\"endTime\": \"2026-03-05T07:00:00Z\"}, "
                             "\"sensorReport\": [{\"type\": \"Temperature\", \"value\": 1, "
                             "\"uom\": \"CEL\"}]}");
  bad.event.sensor_elements.at(0).metadata->end_time = "yesterday";
  const int64_t events = CountRows("epcis_events");
  auto r = store_->CaptureEvents({bad}, CaptureContext{org_, ReviewStatus::kApproved}, Admin());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
  EXPECT_EQ(CountRows("epcis_events"), events);
  EXPECT_EQ(CountRows("epcis_sensor_reports"), 7);
}

TEST_P(SensorEventsTest, ExistsFindsEventsWithSensorData) {
  SensorQuery q;
  EXPECT_EQ(Find(q), (Events{0, 1, 2}));
  q.exists = true;
  EXPECT_EQ(Find(q), (Events{0, 1}));
}

TEST_P(SensorEventsTest, TextAttributesMatchOneOfTheValues) {
  SensorQuery q;
  q.types = {kHumidity, "https://gs1.org/voc/Mass"};
  EXPECT_EQ(Find(q), (Events{0, 1}));
  q = {};
  q.types = {"https://gs1.org/voc/Pressure"};
  EXPECT_EQ(Find(q), Events{});
  q = {};
  q.device_ids = {kDevice2};
  EXPECT_EQ(Find(q), Events{0});
  q = {};
  q.biz_rules = {"https://example.com/rules/cold"};
  EXPECT_EQ(Find(q), Events{0});
  q = {};
  q.data_processing_methods = {"https://example.com/methods/avg"};
  EXPECT_EQ(Find(q), Events{0});
  q = {};
  q.microorganisms = {"https://www.ncbi.nlm.nih.gov/taxonomy/1496"};
  EXPECT_EQ(Find(q), Events{1});
  q = {};
  q.chemical_substances = {"https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N"};
  EXPECT_EQ(Find(q), Events{1});
  q = {};
  q.string_values = {"SmellOK", "SmellBad"};
  EXPECT_EQ(Find(q), Events{1});
  q.string_values = {"smellok"};  // strings compare exactly
  EXPECT_EQ(Find(q), Events{});
  q = {};
  q.hex_binary_values = {"AB01"};
  EXPECT_EQ(Find(q), Events{1});
  q = {};
  q.uri_values = {"https://example.com/grade/A"};
  EXPECT_EQ(Find(q), Events{1});
  q = {};
  q.boolean_value = true;
  EXPECT_EQ(Find(q), Events{1});
  q.boolean_value = false;
  EXPECT_EQ(Find(q), Events{});
}

TEST_P(SensorEventsTest, TimesCompareAsHalfOpenWindows) {
  SensorQuery q;
  q.ge_time = 1772325900000;  // 07:45+07:00: the device 2 report only
  EXPECT_EQ(Find(q), Events{0});
  q.lt_time = 1772325900000;
  EXPECT_EQ(Find(q), Events{});
  q = {};
  q.ge_start_time = 1772319600000;
  q.lt_start_time = 1772319600001;
  EXPECT_EQ(Find(q), Events{0});
  q = {};
  q.lt_end_time = 1772323200000;  // endTime is 07:00: not before it
  EXPECT_EQ(Find(q), Events{});
  q.lt_end_time.reset();
  q.ge_end_time = 1772323200000;
  EXPECT_EQ(Find(q), Events{0});
}

TEST_P(SensorEventsTest, AllConditionsHoldForTheSameReport) {
  // Event 0 has a humidity report and a temperature below 10 CEL, but not
  // in one report.
  SensorQuery q;
  q.types = {kHumidity};
  q.values = {Value(Field::kValue, Op::kLt, "CEL", {10})};
  EXPECT_EQ(Find(q), Events{});
  q.types = {kTemperature};
  EXPECT_EQ(Find(q), Events{0});
  // Device 1 reported at 07:00 and 07:30, device 2 at 07:45: a window
  // after 07:40 has no device 1 report, though the event has both.
  q = {};
  q.device_ids = {kDevice1};
  q.ge_time = 1772325600000;  // 07:40+07:00
  EXPECT_EQ(Find(q), Events{});
  q.device_ids = {kDevice2};
  EXPECT_EQ(Find(q), Events{0});
  // Metadata holds for every report of its element: 24..28 CEL was
  // reported under the rules, 3 CEL was not.
  q = {};
  q.biz_rules = {"https://example.com/rules/cold"};
  q.values = {Value(Field::kValue, Op::kLe, "CEL", {5})};
  EXPECT_EQ(Find(q), Events{});
}

TEST_P(SensorEventsTest, ValuesInTheSameUnitCompareExactly) {
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kEq, "CEL", {3, 99})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGt, "CEL", {26})), Events{});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGe, "CEL", {26})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kLt, "CEL", {3})), Events{});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kLe, "CEL", {3})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kMinValue, Op::kLt, "CEL", {24.5})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kMaxValue, Op::kGt, "CEL", {28})), Events{});
  EXPECT_EQ(FindValue(Value(Field::kMeanValue, Op::kGe, "CEL", {26.5})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kPercValue, Op::kLe, "CEL", {27.4})), Events{});
  EXPECT_EQ(FindValue(Value(Field::kSDev, Op::kLe, "CEL", {0.5})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kPercRank, Op::kGe, "", {90})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kPercRank, Op::kGt, "", {90})), Events{});
}

TEST_P(SensorEventsTest, ValuesInAnotherUnitCompareInTheSiUnit) {
  // GS1 TCR-53: a Kelvin bound finds a Celsius reading (26 CEL = 299.15 K).
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGe, "KEL", {280})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGe, "KEL", {300})), Events{});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kEq, "KEL", {299.15})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kEq, "FAH", {78.8})), Events{0});  // 26 CEL
  // At the boundary the converted value is equal, not above or below.
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGt, "KEL", {299.15})), Events{});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kLe, "FAH", {37.4})), Events{0});  // 3 CEL
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kLt, "FAH", {37.4})), Events{});
  // Device 2 reported 40 FAH, which is 4.44 CEL.
  SensorQuery device2;
  device2.device_ids = {kDevice2};
  device2.values = {Value(Field::kValue, Op::kGt, "CEL", {4.4})};
  EXPECT_EQ(Find(device2), Events{0});
  device2.values = {Value(Field::kValue, Op::kGt, "CEL", {4.5})};
  EXPECT_EQ(Find(device2), Events{});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kEq, "GRM", {1500})), Events{1});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kEq, "MGM", {1500})), Events{});
  // A deviation converts without the offset: 0.5 CEL is 0.5 K, 0.9 FAH.
  EXPECT_EQ(FindValue(Value(Field::kSDev, Op::kEq, "KEL", {0.5})), Events{0});
  EXPECT_EQ(FindValue(Value(Field::kSDev, Op::kEq, "FAH", {0.9})), Events{0});
  // Another quantity never compares, whatever the numbers.
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGe, "KGM", {0})), Events{1});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGe, "MTR", {0})), Events{});
}

TEST_P(SensorEventsTest, UnconvertedUnitsCompareOnlyWithTheSameUnit) {
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGe, "P1", {50})), Events{1});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGe, "P1", {61})), Events{});
  EXPECT_EQ(FindValue(Value(Field::kValue, Op::kGe, "C62", {0})), Events{});
}

TEST_P(SensorEventsTest, SensorConditionsCombineWithTheOtherParameters) {
  EventQuery q;
  q.sensor.exists = true;
  q.ge_event_time = 1772413200000;  // 2026-03-02T08:00:00+07:00
  auto page = store_->QueryEvents(q);
  ASSERT_TRUE(IsOk(page));
  ASSERT_EQ(page->events.size(), 1u);
  EXPECT_EQ(page->events[0].id, ids_[1]);
}

TXNG_INSTANTIATE_BACKENDS(SensorEventsTest);

TEST(SensorUnitsTest, ConvertsToTheSiUnitOfTheQuantity) {
  auto celsius = SiConversionOf("CEL");
  ASSERT_TRUE(celsius);
  EXPECT_EQ(celsius->si_unit, "KEL");
  EXPECT_DOUBLE_EQ(26 * celsius->factor + celsius->offset, 299.15);
  auto fahrenheit = SiConversionOf("FAH");
  ASSERT_TRUE(fahrenheit);
  EXPECT_DOUBLE_EQ(212 * fahrenheit->factor + fahrenheit->offset, 373.15);
  auto kmh = SiConversionOf("KMH");
  ASSERT_TRUE(kmh);
  EXPECT_EQ(kmh->si_unit, "MTS");
  EXPECT_DOUBLE_EQ(36 * kmh->factor, 10);
  auto pounds = SiConversionOf("LBR");
  ASSERT_TRUE(pounds);
  EXPECT_DOUBLE_EQ(pounds->factor, 0.45359237);
  EXPECT_EQ(SiConversionOf("A93")->si_unit, "KMQ");
  EXPECT_EQ(SiConversionOf("P1"), std::nullopt);  // percent: compared as given
  EXPECT_EQ(SiConversionOf("cel"), std::nullopt);
  EXPECT_EQ(SiConversionOf(""), std::nullopt);
}

}  // namespace
}  // namespace txng
