#include "epcis/validation.h"

#include <cctype>

#include "epcis/timestamp.h"

namespace txng::epcis {

Status ValidationError(std::optional<std::size_t> event_index, std::string pointer,
                       std::string_view rule_name, std::string_view detail) {
  std::string message;
  if (event_index) message = "event " + std::to_string(*event_index) + " ";
  message += "at " + (pointer.empty() ? std::string("/") : pointer) + ": [" +
             std::string(rule_name) + "] " + std::string(detail);
  return Status::InvalidArgument(std::move(message), std::move(pointer));
}

namespace {

// Collects the first error; the checks below read as a list of rules.
class Checker {
 public:
  Checker(std::size_t index, const std::string& pointer) : index_(index), pointer_(pointer) {}

  void Fail(std::string_view member, std::string_view rule_name, std::string_view detail) {
    if (!status_.ok()) return;
    status_ = ValidationError(index_, pointer_ + std::string(member), rule_name, detail);
  }
  void Require(bool present, std::string_view member, std::string_view type_name) {
    if (!present) {
      Fail(member, rule::kRequired,
           std::string(type_name) + " requires " +
               std::string(member.substr(member.rfind('/') + 1)));
    }
  }
  void Forbid(bool present, std::string_view member, std::string_view type_name) {
    if (present) {
      Fail(member, rule::kNotAllowed,
           std::string(member.substr(1)) + " is not a field of " + std::string(type_name));
    }
  }
  void Timestamp(const std::string& value, std::string_view member) {
    if (value.empty()) return;
    Result<Instant> parsed = ParseTimestamp(value);
    if (!parsed.ok()) Fail(member, rule::kTimestamp, parsed.status().message());
  }
  Status status() const { return status_; }

 private:
  std::size_t index_;
  const std::string& pointer_;
  Status status_;
};

void CheckQuantities(Checker& c, const std::vector<QuantityElement>& list,
                     std::string_view member) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string at = std::string(member) + "/" + std::to_string(i);
    if (list[i].epc_class.empty()) c.Fail(at, rule::kRequired, "a quantity element needs epcClass");
    if (list[i].quantity && *list[i].quantity < 0) {
      c.Fail(at + "/quantity", rule::kQuantity, "a quantity may not be negative");
    }
    if (!list[i].uom.empty() && !list[i].quantity) {
      c.Fail(at + "/uom", rule::kQuantity, "a uom needs a quantity");
    }
  }
}

void CheckSensors(Checker& c, const std::vector<SensorElement>& elements) {
  for (std::size_t e = 0; e < elements.size(); ++e) {
    std::string at = "/sensorElementList/" + std::to_string(e);
    const SensorElement& element = elements[e];
    if (element.metadata) {
      c.Timestamp(element.metadata->time, at + "/sensorMetadata/time");
      c.Timestamp(element.metadata->start_time, at + "/sensorMetadata/startTime");
      c.Timestamp(element.metadata->end_time, at + "/sensorMetadata/endTime");
    }
    if (element.reports.empty()) {
      c.Fail(at, rule::kSensor, "a sensor element needs at least one sensorReport");
    }
    for (std::size_t r = 0; r < element.reports.size(); ++r) {
      const SensorReport& report = element.reports[r];
      std::string rat = at + "/sensorReport/" + std::to_string(r);
      if (report.type.empty() && report.exception.empty()) {
        c.Fail(rat, rule::kSensor, "a sensor report needs a type or an exception");
      }
      c.Timestamp(report.time, rat + "/time");
      for (char ch : report.hex_binary_value) {
        if (!std::isxdigit(static_cast<unsigned char>(ch))) {
          c.Fail(rat + "/hexBinaryValue", rule::kSensor, "hexBinaryValue must be hex digits");
          break;
        }
      }
      if (report.hex_binary_value.size() % 2 != 0) {
        c.Fail(rat + "/hexBinaryValue", rule::kSensor,
               "hexBinaryValue must have an even number of hex digits");
      }
      if (report.perc_rank && (*report.perc_rank < 0 || *report.perc_rank > 100)) {
        c.Fail(rat + "/percRank", rule::kSensor, "percRank must be within 0..100");
      }
    }
  }
}

}  // namespace

Status ValidateEvent(const Event& event, std::size_t event_index, const std::string& pointer) {
  Checker c(event_index, pointer);
  const std::string_view name = EventTypeName(event.type);
  const bool object = event.type == EventType::kObject;
  const bool aggregation = event.type == EventType::kAggregation;
  const bool transaction = event.type == EventType::kTransaction;
  const bool transformation = event.type == EventType::kTransformation;
  const bool association = event.type == EventType::kAssociation;

  c.Require(!event.event_time.empty(), "/eventTime", name);
  c.Timestamp(event.event_time, "/eventTime");
  c.Timestamp(event.record_time, "/recordTime");
  c.Require(!event.event_time_zone_offset.empty(), "/eventTimeZoneOffset", name);
  if (!event.event_time_zone_offset.empty() && !IsTimeZoneOffset(event.event_time_zone_offset)) {
    c.Fail("/eventTimeZoneOffset", rule::kTimeZoneOffset,
           "\"" + event.event_time_zone_offset + "\" is not a time zone offset like +07:00");
  }
  if (event.error_declaration) {
    c.Require(!event.error_declaration->declaration_time.empty(),
              "/errorDeclaration/declarationTime", "errorDeclaration");
    c.Timestamp(event.error_declaration->declaration_time, "/errorDeclaration/declarationTime");
  }

  c.Forbid(!event.parent_id.empty() && (object || transformation), "/parentID", name);
  c.Forbid(!event.epc_list.empty() && !(object || transaction), "/epcList", name);
  c.Forbid(!event.quantity_list.empty() && !(object || transaction), "/quantityList", name);
  c.Forbid(!event.child_epcs.empty() && !(aggregation || association), "/childEPCs", name);
  c.Forbid(!event.child_quantity_list.empty() && !(aggregation || association),
           "/childQuantityList", name);
  c.Forbid(!event.input_epc_list.empty() && !transformation, "/inputEPCList", name);
  c.Forbid(!event.input_quantity_list.empty() && !transformation, "/inputQuantityList", name);
  c.Forbid(!event.output_epc_list.empty() && !transformation, "/outputEPCList", name);
  c.Forbid(!event.output_quantity_list.empty() && !transformation, "/outputQuantityList", name);
  c.Forbid(!event.transformation_id.empty() && !transformation, "/transformationID", name);
  c.Forbid(event.action != Action::kNone && transformation, "/action", name);
  c.Require(event.action != Action::kNone || transformation, "/action", name);
  c.Require(!event.parent_id.empty() || !association, "/parentID", name);
  c.Require(!event.biz_transactions.empty() || !transaction, "/bizTransactionList", name);

  if (event.ilmd) {
    if (!(object || transformation)) {
      c.Forbid(true, "/ilmd", name);
    } else if (object && event.action != Action::kAdd) {
      c.Fail("/ilmd", rule::kIlmd,
             "ilmd (instance/lot master data) is allowed only with action ADD");
    }
  }
  for (std::size_t i = 0; i < event.sources.size(); ++i) {
    c.Require(!event.sources[i].type.empty(), "/sourceList/" + std::to_string(i) + "/type",
              "a source");
  }
  for (std::size_t i = 0; i < event.destinations.size(); ++i) {
    c.Require(!event.destinations[i].type.empty(),
              "/destinationList/" + std::to_string(i) + "/type", "a destination");
  }
  CheckQuantities(c, event.quantity_list, "/quantityList");
  CheckQuantities(c, event.child_quantity_list, "/childQuantityList");
  CheckQuantities(c, event.input_quantity_list, "/inputQuantityList");
  CheckQuantities(c, event.output_quantity_list, "/outputQuantityList");
  CheckSensors(c, event.sensor_elements);
  return c.status();
}

}  // namespace txng::epcis
