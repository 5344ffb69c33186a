#include "epcis/validation.h"

#include <gtest/gtest.h>

namespace txng::epcis {
namespace {

Event Valid(EventType type) {
  Event e;
  e.type = type;
  e.event_time = "2024-01-01T08:00:00+07:00";
  e.event_time_zone_offset = "+07:00";
  e.action = type == EventType::kTransformation ? Action::kNone : Action::kObserve;
  if (type == EventType::kAssociation) e.parent_id = "https://id.gs1.org/8004/4000001111";
  if (type == EventType::kTransaction) e.biz_transactions.push_back({"", "urn:x:po:1"});
  return e;
}

std::string Check(const Event& e) {
  Status s = ValidateEvent(e, 3, "/epcisBody/eventList/3");
  return s.ok() ? "ok" : s.message();
}

TEST(Validation, MinimalEventsOfEveryTypeAreValid) {
  for (EventType t : {EventType::kObject, EventType::kAggregation, EventType::kTransaction,
                      EventType::kTransformation, EventType::kAssociation}) {
    EXPECT_EQ(Check(Valid(t)), "ok") << EventTypeName(t);
  }
}

TEST(Validation, RequiredAndForbiddenFields) {
  Event e = Valid(EventType::kObject);
  e.event_time_zone_offset.clear();
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/eventTimeZoneOffset: [required] "
            "ObjectEvent requires eventTimeZoneOffset");
  e = Valid(EventType::kTransformation);
  e.action = Action::kAdd;
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/action: [not-allowed] action is not a "
            "field of TransformationEvent");
  e = Valid(EventType::kAggregation);
  e.epc_list.push_back("https://id.gs1.org/00/089350000000000014");
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/epcList: [not-allowed] epcList is not a "
            "field of AggregationEvent");
  e = Valid(EventType::kTransaction);
  e.biz_transactions.clear();
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/bizTransactionList: [required] "
            "TransactionEvent requires bizTransactionList");
  e = Valid(EventType::kObject);
  e.sources.push_back({"", "https://id.gs1.org/417/4000001000005"});
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/sourceList/0/type: [required] a source "
            "requires type");
}

TEST(Validation, IlmdOnlyWithAdd) {
  Event e = Valid(EventType::kObject);
  e.ilmd = Extensions{{"{urn:epcglobal:cbv:mda:}lotNumber", "L1"}};
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/ilmd: [ilmd] ilmd (instance/lot master "
            "data) is allowed only with action ADD");
  e.action = Action::kAdd;
  EXPECT_EQ(Check(e), "ok");
  Event t = Valid(EventType::kTransformation);
  t.ilmd = e.ilmd;
  EXPECT_EQ(Check(t), "ok");
  Event a = Valid(EventType::kAggregation);
  a.ilmd = e.ilmd;
  EXPECT_EQ(Check(a),
            "event 3 at /epcisBody/eventList/3/ilmd: [not-allowed] ilmd is not a field "
            "of AggregationEvent");
}

TEST(Validation, TimesQuantitiesAndSensors) {
  Event e = Valid(EventType::kObject);
  e.event_time_zone_offset = "+7";
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/eventTimeZoneOffset: [time-zone-offset] "
            "\"+7\" is not a time zone offset like +07:00");
  e = Valid(EventType::kObject);
  e.quantity_list.push_back({"https://id.gs1.org/01/08935000123454", std::nullopt, "KGM"});
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/quantityList/0/uom: [quantity] a uom "
            "needs a quantity");
  e = Valid(EventType::kObject);
  SensorElement s;
  SensorReport r;
  r.type = "https://gs1.org/voc/Temperature";
  r.hex_binary_value = "0g";
  s.reports.push_back(r);
  e.sensor_elements.push_back(s);
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/sensorElementList/0/sensorReport/0/"
            "hexBinaryValue: [sensor] hexBinaryValue must be hex digits");
  e.sensor_elements[0].reports[0] = SensorReport();
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/sensorElementList/0/sensorReport/0: "
            "[sensor] a sensor report needs a type or an exception");
  e.sensor_elements[0].reports.clear();
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/sensorElementList/0: [sensor] a sensor "
            "element needs at least one sensorReport");
  e = Valid(EventType::kObject);
  e.error_declaration = ErrorDeclaration();
  EXPECT_EQ(Check(e),
            "event 3 at /epcisBody/eventList/3/errorDeclaration/declarationTime: "
            "[required] errorDeclaration requires declarationTime");
}

}  // namespace
}  // namespace txng::epcis
