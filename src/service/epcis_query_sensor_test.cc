#include "service/epcis_query_sensor.h"

#include <gtest/gtest.h>

#include "service/epcis_query.h"

namespace txng {
namespace {

using Field = SensorValueCondition::Field;
using Op = SensorValueCondition::Op;

// The SensorQuery that `params` read into; a failure's code and message.
Result<SensorQuery> Sensor(const QueryParams& params) {
  TXNG_ASSIGN_OR_RETURN(EventQueryRequest r, ParseEventQuery(params));
  return r.query.sensor;
}

std::string ErrorOf(const std::string& name, const std::string& value) {
  Result<EventQueryRequest> r = ParseEventQuery({{name, value}});
  if (r.ok()) return "ok";
  return std::string(StatusCodeName(r.status().code())) + ": " + r.status().message() + " [field " +
         r.status().field() + "]";
}

SensorValueCondition Value(Field field, Op op, const std::string& uom, std::vector<double> values) {
  SensorValueCondition c;
  c.field = field;
  c.op = op;
  c.uom = uom;
  c.values = std::move(values);
  return c;
}

TEST(EpcisQuerySensor, ReadsTheAttributeParametersIntoTheInternalForm) {
  auto q = Sensor({{"EQ_type", "Temperature|https://example.com/voc/Brix"},
                   {"EQ_deviceID", "urn:epc:id:giai:4000001.111"},
                   {"EQ_dataProcessingMethod", "https://example.com/methods/avg"},
                   {"EQ_microorganism", "https://www.ncbi.nlm.nih.gov/taxonomy/1496"},
                   {"EQ_chemicalSubstance", "https://identifiers.org/inchikey:CZMRCDWAGMRECN"},
                   {"EQ_bizRules", "https://example.com/rules/cold"},
                   {"EQ_stringValue", "SmellOK|Smell Bad"},
                   {"EQ_hexBinaryValue", "ab01|FF"},
                   {"EQ_uriValue", "https://example.com/grade/A"},
                   {"EQ_booleanValue", "false"}});
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->types, (std::vector<std::string>{"https://gs1.org/voc/Temperature",
                                                "https://example.com/voc/Brix"}));
  EXPECT_EQ(q->device_ids, std::vector<std::string>{"https://id.gs1.org/8004/4000001111"});
  EXPECT_EQ(q->data_processing_methods,
            std::vector<std::string>{"https://example.com/methods/avg"});
  EXPECT_EQ(q->microorganisms,
            std::vector<std::string>{"https://www.ncbi.nlm.nih.gov/taxonomy/1496"});
  EXPECT_EQ(q->chemical_substances,
            std::vector<std::string>{"https://identifiers.org/inchikey:CZMRCDWAGMRECN"});
  EXPECT_EQ(q->biz_rules, std::vector<std::string>{"https://example.com/rules/cold"});
  EXPECT_EQ(q->string_values, (std::vector<std::string>{"SmellOK", "Smell Bad"}));
  EXPECT_EQ(q->hex_binary_values, (std::vector<std::string>{"AB01", "FF"}));
  EXPECT_EQ(q->uri_values, std::vector<std::string>{"https://example.com/grade/A"});
  EXPECT_EQ(q->boolean_value, false);
  EXPECT_FALSE(q->exists);
}

TEST(EpcisQuerySensor, ReadsTimesAndExistence) {
  auto q = Sensor({{"GE_time", "2026-03-01T07:00:00+07:00"},
                   {"LT_time", "2026-03-01T00:00:01Z"},
                   {"GE_startTime", "2026-03-01T06:00:00+07:00"},
                   {"LT_startTime", "2026-03-01T06:00:00+07:00"},
                   {"GE_endTime", "2026-03-01T07:00:00+07:00"},
                   {"LT_endTime", "2026-03-01T07:00:00+07:00"},
                   {"EXISTS_sensorElementList", ""}});
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->ge_time, 1772323200000);
  EXPECT_EQ(q->lt_time, 1772323201000);
  EXPECT_EQ(q->ge_start_time, 1772319600000);
  EXPECT_EQ(q->lt_start_time, 1772319600000);
  EXPECT_EQ(q->ge_end_time, 1772323200000);
  EXPECT_EQ(q->lt_end_time, 1772323200000);
  EXPECT_TRUE(q->exists);
  EXPECT_TRUE(Sensor({{"EXISTS_sensorElementList", "true"}})->exists);
  EXPECT_FALSE(Sensor({{"EXISTS_sensorElementList", "false"}})->exists);
  EXPECT_EQ(*Sensor({}), SensorQuery());
}

TEST(EpcisQuerySensor, ReadsValueComparisonsWithTheUnitOfTheirName) {
  auto q = Sensor({{"EQ_value_CEL", "2|2.5|-1e1"},
                   {"GT_value_KEL", "280"},
                   {"GE_minValue_FAH", "35.6"},
                   {"LT_maxValue_KGM", "10"},
                   {"LE_meanValue_A93", "12"},
                   {"GE_sDev_CEL", "0.5"},
                   {"LT_percValue_P1", "90"},
                   {"GE_percRank", "50"},
                   {"LE_percRank", "99.5"}});
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->values,
            (std::vector<SensorValueCondition>{Value(Field::kValue, Op::kEq, "CEL", {2, 2.5, -10}),
                                               Value(Field::kValue, Op::kGt, "KEL", {280}),
                                               Value(Field::kMinValue, Op::kGe, "FAH", {35.6}),
                                               Value(Field::kMaxValue, Op::kLt, "KGM", {10}),
                                               Value(Field::kMeanValue, Op::kLe, "A93", {12}),
                                               Value(Field::kSDev, Op::kGe, "CEL", {0.5}),
                                               Value(Field::kPercValue, Op::kLt, "P1", {90}),
                                               Value(Field::kPercRank, Op::kGe, "", {50}),
                                               Value(Field::kPercRank, Op::kLe, "", {99.5})}));
}

TEST(EpcisQuerySensor, OtherParametersAreLeftToTheirOwnReaders) {
  SensorQuery q;
  for (const char* name : {"GE_eventTime", "GE_valueOf_CEL", "EQ_typeOf", "eventType",
                           "GE_quantity", "EQ_ILMD_lotNumber"}) {
    auto read = ReadSensorParameter(name, "1", q);
    ASSERT_TRUE(read.ok()) << name << ": " << read.status().ToString();
    EXPECT_FALSE(*read) << name;
  }
  EXPECT_EQ(q, SensorQuery());
}

TEST(EpcisQuerySensor, BadValuesNameTheParameter) {
  EXPECT_EQ(ErrorOf("GE_time", "yesterday"),
            "invalid_argument: query parameter GE_time: must be a date and time with a time "
            "zone, such as 2026-03-01T08:00:00+07:00, got \"yesterday\" [field GE_time]");
  EXPECT_EQ(ErrorOf("LT_endTime", "2026-03-01T08:00:00"),
            "invalid_argument: query parameter LT_endTime: must be a date and time with a time "
            "zone, such as 2026-03-01T08:00:00+07:00, got \"2026-03-01T08:00:00\" "
            "[field LT_endTime]");
  EXPECT_EQ(
      ErrorOf("EQ_type", "Temprature").rfind("invalid_argument: query parameter EQ_type: ", 0), 0u);
  EXPECT_NE(ErrorOf("EQ_type", "Temprature").find("[field EQ_type]"), std::string::npos);
  EXPECT_EQ(ErrorOf("EQ_deviceID", "urn:epc:id:sgtin:4012345.011111.9876|"),
            "invalid_argument: query parameter EQ_deviceID: empty value in "
            "\"urn:epc:id:sgtin:4012345.011111.9876|\" [field EQ_deviceID]");
  EXPECT_EQ(ErrorOf("EQ_deviceID", "urn:epc:id:sgtin:4012345.011111")
                .rfind("invalid_argument: query parameter EQ_deviceID: ", 0),
            0u);
  EXPECT_EQ(ErrorOf("EQ_hexBinaryValue", "AB0G"),
            "invalid_argument: query parameter EQ_hexBinaryValue: must be hex digits, got "
            "\"AB0G\" [field EQ_hexBinaryValue]");
  EXPECT_EQ(ErrorOf("EQ_hexBinaryValue", "AB0"),
            "invalid_argument: query parameter EQ_hexBinaryValue: must have an even number of hex "
            "digits, got \"AB0\" [field EQ_hexBinaryValue]");
  EXPECT_EQ(ErrorOf("EQ_booleanValue", "yes"),
            "invalid_argument: query parameter EQ_booleanValue: must be true or false, got "
            "\"yes\" [field EQ_booleanValue]");
  EXPECT_EQ(ErrorOf("EXISTS_sensorElementList", "1"),
            "invalid_argument: query parameter EXISTS_sensorElementList: must be true or false, "
            "got \"1\" [field EXISTS_sensorElementList]");
  EXPECT_EQ(ErrorOf("EQ_stringValue", ""),
            "invalid_argument: query parameter EQ_stringValue: empty value in \"\" "
            "[field EQ_stringValue]");
}

TEST(EpcisQuerySensor, BadValueComparisonsNameTheParameter) {
  EXPECT_EQ(ErrorOf("GE_value_CEL", "warm"),
            "invalid_argument: query parameter GE_value_CEL: must be a number, got \"warm\" "
            "[field GE_value_CEL]");
  EXPECT_EQ(ErrorOf("GE_value_CEL", "2|3"),
            "invalid_argument: query parameter GE_value_CEL: must be a number, got \"2|3\" "
            "[field GE_value_CEL]");
  EXPECT_EQ(ErrorOf("EQ_value_CEL", "2|inf"),
            "invalid_argument: query parameter EQ_value_CEL: must be a number, got \"inf\" "
            "[field EQ_value_CEL]");
  EXPECT_EQ(ErrorOf("LT_percRank", "1.5x"),
            "invalid_argument: query parameter LT_percRank: must be a number, got \"1.5x\" "
            "[field LT_percRank]");
  EXPECT_EQ(ErrorOf("GE_value_cel", "2"),
            "invalid_argument: query parameter GE_value_cel: the unit in the name must be a "
            "UN/ECE Rec 20 code of 2 to 4 upper-case letters or digits, as in GE_value_CEL, got "
            "\"cel\" [field GE_value_cel]");
  EXPECT_EQ(ErrorOf("LT_sDev_", "2"),
            "invalid_argument: query parameter LT_sDev_: the unit in the name must be a UN/ECE "
            "Rec 20 code of 2 to 4 upper-case letters or digits, as in LT_sDev_CEL, got \"\" "
            "[field LT_sDev_]");
  EXPECT_EQ(ErrorOf("GT_maxValue", "2"),
            "invalid_argument: query parameter GT_maxValue: the unit in the name must be a UN/ECE "
            "Rec 20 code of 2 to 4 upper-case letters or digits, as in GT_maxValue_CEL, got \"\" "
            "[field GT_maxValue]");
  EXPECT_EQ(ErrorOf("EQ_value_KELVIN", "2"),
            "invalid_argument: query parameter EQ_value_KELVIN: the unit in the name must be a "
            "UN/ECE Rec 20 code of 2 to 4 upper-case letters or digits, as in EQ_value_CEL, got "
            "\"KELVIN\" [field EQ_value_KELVIN]");
  EXPECT_EQ(ErrorOf("EQ_minValue_CEL", "2"),
            "invalid_argument: query parameter EQ_minValue_CEL: minValue is compared with GT_, "
            "GE_, LT_ or LE_ [field EQ_minValue_CEL]");
  EXPECT_EQ(ErrorOf("EQ_percRank", "2"),
            "invalid_argument: query parameter EQ_percRank: percRank is compared with GT_, GE_, "
            "LT_ or LE_ [field EQ_percRank]");
  EXPECT_EQ(ErrorOf("GE_percRank_P1", "2"),
            "invalid_argument: query parameter GE_percRank_P1: percRank is a percentile rank and "
            "has no unit [field GE_percRank_P1]");
}

}  // namespace
}  // namespace txng
