// Builders of lineage scenarios for the trace layer's tests: identifiers
// and a chain of events written one after another.
#ifndef TXNG_TRACE_SCENARIO_TESTING_H_
#define TXNG_TRACE_SCENARIO_TESTING_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "epcis/model.h"
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

// `e` as an EPCIS event, for capturing a scenario into a store: event time
// in UTC, identifiers and lists as the lineage event names them.
inline epcis::Event ToEpcisEvent(const LineageEvent& e) {
  epcis::Event out;
  out.type = e.type;
  out.action = e.action;
  out.event_id = e.event_id;
  out.event_time = FormatIso8601(e.event_time);
  out.event_time_zone_offset = "+00:00";
  out.biz_step = e.biz_step;
  out.disposition = e.disposition;
  if (!e.read_point.empty()) out.read_point = epcis::Location{e.read_point, {}};
  if (!e.biz_location.empty()) out.biz_location = epcis::Location{e.biz_location, {}};
  for (const NamedObject& o : e.objects) {
    if (o.role == Role::kParent) {
      out.parent_id = o.id;
      continue;
    }
    if (o.class_level) {
      epcis::QuantityElement q{o.id, o.quantity, o.uom};
      auto& list = o.role == Role::kChild    ? out.child_quantity_list
                   : o.role == Role::kInput  ? out.input_quantity_list
                   : o.role == Role::kOutput ? out.output_quantity_list
                                             : out.quantity_list;
      list.push_back(std::move(q));
    } else {
      auto& list = o.role == Role::kChild    ? out.child_epcs
                   : o.role == Role::kInput  ? out.input_epc_list
                   : o.role == Role::kOutput ? out.output_epc_list
                                             : out.epc_list;
      list.push_back(o.id);
    }
  }
  out.sources = e.sources;
  out.destinations = e.destinations;
  out.biz_transactions = e.biz_transactions;
  return out;
}

// The scenarios of the trace tests, each a chain of events in capture order.

// Farms → collector → processor transformation → packer aggregation →
// exporter shipping → importer receiving.
namespace cashew {
inline const std::string kRaw1 = Lot(kRawCashew, "FARM-A-2026");
inline const std::string kRaw2 = Lot(kRawCashew, "FARM-B-2026");
inline const std::string kKernelLot = Lot(kKernel, "W320-0001");
inline const std::string kPallet = Sscc("0017");
inline const std::string kFarmA = Place("8930000000011");
inline const std::string kFarmB = Place("8930000000028");
inline const std::string kFactory = Place("8930000000300");
inline const std::string kCollector = Party("8930000000200");
inline const std::string kExporter = Party("8930000000400");
inline const std::string kImporter = Party("8930000000500");
}  // namespace cashew

inline Chain CashewScenario() {
  using namespace cashew;  // NOLINT(build/namespaces)
  Chain c;
  c.Commission({Qty(kRaw1, 1000)}, kFarmA);                                           // 1
  c.Commission({Qty(kRaw2, 600)}, kFarmB);                                            // 2
  c.Move({Qty(kRaw1, 1000)}, kShipping, Party("8930000000101"), kCollector, kFarmA);  // 3
  c.Move({Qty(kRaw2, 600)}, kShipping, Party("8930000000102"), kCollector, kFarmB);   // 4
  c.Move({Qty(kRaw1, 1000), Qty(kRaw2, 600)}, kReceiving, Party("8930000000101"), kCollector,
         Place("8930000000200"));                                                      // 5
  c.Transform({Qty(kRaw1, 1000), Qty(kRaw2, 600)}, {Qty(kKernelLot, 400)}, kFactory);  // 6
  c.Pack(kPallet, {Qty(kKernelLot, 400)});                                             // 7
  c.Move({Epc(kPallet)}, kShipping, kExporter, kImporter, Place("8930000000400"));     // 8
  c.Move({Epc(kPallet)}, kReceiving, kExporter, kImporter, Place("8930000000500"));    // 9
  return c;
}

// Three items on a pallet, the pallet taken apart, two of them on a new
// pallet that is shipped.
namespace repack {
inline const std::string kPallet1 = Sscc("0017");
inline const std::string kPallet2 = Sscc("0024");
}  // namespace repack

inline Chain PalletRepackScenario() {
  using namespace repack;  // NOLINT(build/namespaces)
  Chain c;
  c.Commission({Epc(Item("1")), Epc(Item("2")), Epc(Item("3"))}, Place("8930000000300"));  // 1
  c.Pack(kPallet1, {Epc(Item("1")), Epc(Item("2")), Epc(Item("3"))});                      // 2
  c.Move({Epc(kPallet1)}, kShipping, Party("8930000000300"), Party("8930000000400"),
         Place("8930000000300"));                                                   // 3
  c.Add(EventType::kAggregation, Action::kDelete, {Epc(kPallet1, Role::kParent)});  // 4
  c.Pack(kPallet2, {Epc(Item("1")), Epc(Item("2"))});                               // 5
  c.Move({Epc(kPallet2)}, kShipping, Party("8930000000400"), Party("8930000000500"),
         Place("8930000000400"));  // 6
  return c;
}

// Lot A split into A1 and A2; A2 merged with B into M.
namespace split {
inline const std::string kA = Lot(kKernel, "A"), kA1 = Lot(kKernel, "A1"), kA2 = Lot(kKernel, "A2"),
                         kB = Lot(kKernel, "B"), kM = Lot(kKernel, "M");
}  // namespace split

inline Chain SplitMergeScenario() {
  using namespace split;  // NOLINT(build/namespaces)
  Chain c;
  c.Commission({Qty(kA, 100)}, Place("8930000000300"));                               // 1
  c.Commission({Qty(kB, 50)}, Place("8930000000300"));                                // 2
  c.Transform({Qty(kA, 100)}, {Qty(kA1, 60), Qty(kA2, 40)}, Place("8930000000300"));  // 3 split
  c.Transform({Qty(kA2, 40), Qty(kB, 50)}, {Qty(kM, 90)}, Place("8930000000300"));    // 4 merge
  return c;
}

// A lot of honey (class level) bottled into serialised jars (instance
// level), two jars packed into a case.
namespace mixed {
inline const std::string kHoney = Lot(kRawCashew, "HONEY-7");
inline const std::string kCase = Sscc("0031");
}  // namespace mixed

inline Chain MixedScenario() {
  using namespace mixed;  // NOLINT(build/namespaces)
  Chain c;
  c.Commission({Qty(kHoney, 20)}, Place("8930000000011"));                                     // 1
  c.Transform({Qty(kHoney, 20)}, {Epc(Item("J1")), Epc(Item("J2"))}, Place("8930000000300"));  // 2
  c.Pack(kCase, {Epc(Item("J1")), Epc(Item("J2"))});                                           // 3
  return c;
}

}  // namespace txng::trace::scenario

#endif  // TXNG_TRACE_SCENARIO_TESTING_H_
