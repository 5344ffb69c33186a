// Builders of lineage scenarios for the trace layer's tests: identifiers
// and a chain of events written one after another.
#ifndef TXNG_TRACE_SCENARIO_TESTING_H_
#define TXNG_TRACE_SCENARIO_TESTING_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "trace/memory_source.h"

namespace txng::trace::scenario {

using epcis::Action;
using epcis::EventType;

// Identifiers of the scenarios, as canonical Digital Link URIs.
inline std::string Lot(std::string_view gtin, std::string_view lot) {
  return "https://id.gs1.org/01/" + std::string(gtin) + "/10/" + std::string(lot);
}
inline std::string Item(std::string_view serial) {
  return "https://id.gs1.org/01/08930000000028/21/" + std::string(serial);
}
inline std::string Sscc(std::string_view n) {
  return "https://id.gs1.org/00/08930000000000" + std::string(n);
}
inline std::string Place(std::string_view gln) {
  return "https://id.gs1.org/414/" + std::string(gln);
}
inline std::string Party(std::string_view gln) {
  return "https://id.gs1.org/417/" + std::string(gln);
}

inline constexpr std::string_view kRawCashew = "08930000000011";
inline constexpr std::string_view kKernel = "08930000000035";
inline constexpr std::string_view kOwningParty = "https://ref.gs1.org/cbv/SDT-owning_party";
inline const std::string kShipping = "https://ref.gs1.org/cbv/BizStep-shipping";
inline const std::string kReceiving = "https://ref.gs1.org/cbv/BizStep-receiving";

inline NamedObject Epc(std::string id, Role role = Role::kEpc) {
  return {std::move(id), role, false, std::nullopt, ""};
}
inline NamedObject Qty(std::string id, double q, Role role = Role::kEpc) {
  return {std::move(id), role, true, q, "KGM"};
}

// Builds events in capture order, one minute apart unless told.
class Chain {
 public:
  LineageEvent& Add(EventType type, Action action, std::vector<NamedObject> objects,
                    std::string place = {}) {
    LineageEvent e;
    e.row = static_cast<int64_t>(events_.size()) + 1;
    e.event_id = "urn:uuid:event-" + std::to_string(e.row);
    e.type = type;
    e.action = action;
    e.event_time = 1'700'000'000'000 + e.row * 60'000;
    e.biz_location = std::move(place);
    e.objects = std::move(objects);
    e.org_id = 1;
    events_.push_back(std::move(e));
    return events_.back();
  }
  LineageEvent& Commission(std::vector<NamedObject> objects, std::string place) {
    return Add(EventType::kObject, Action::kAdd, std::move(objects), std::move(place));
  }
  LineageEvent& Transform(std::vector<NamedObject> inputs, std::vector<NamedObject> outputs,
                          std::string place) {
    for (auto& o : inputs) o.role = Role::kInput;
    for (auto& o : outputs) o.role = Role::kOutput;
    inputs.insert(inputs.end(), outputs.begin(), outputs.end());
    return Add(EventType::kTransformation, Action::kNone, std::move(inputs), std::move(place));
  }
  LineageEvent& Pack(std::string parent, std::vector<NamedObject> children,
                     Action action = Action::kAdd) {
    for (auto& o : children) o.role = Role::kChild;
    children.insert(children.begin(), Epc(std::move(parent), Role::kParent));
    return Add(EventType::kAggregation, action, std::move(children));
  }
  LineageEvent& Move(std::vector<NamedObject> objects, const std::string& step, std::string from,
                     std::string to, std::string place) {
    LineageEvent& e =
        Add(EventType::kObject, Action::kObserve, std::move(objects), std::move(place));
    e.biz_step = step;
    e.sources.push_back({std::string(kOwningParty), std::move(from)});
    e.destinations.push_back({std::string(kOwningParty), std::move(to)});
    return e;
  }

  MemorySource Source(const std::set<int64_t>& unapproved = {},
                      const std::set<int64_t>& in_error = {}) const {
    MemorySource s;
    for (const LineageEvent& e : events_) {
      s.Add(e, !unapproved.contains(e.row), in_error.contains(e.row));
    }
    return s;
  }

  std::vector<LineageEvent> events_;
};

}  // namespace txng::trace::scenario

#endif  // TXNG_TRACE_SCENARIO_TESTING_H_
