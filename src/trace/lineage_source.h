// What the lineage needs to know about captured EPCIS events, and the narrow
// read interface through which it asks (implemented by the store, and by an
// in-memory source in tests). Identifiers are in the epcis layer's internal
// form (canonical Digital Link URIs for GS1 keys, other URIs as captured).
#ifndef TXNG_TRACE_LINEAGE_SOURCE_H_
#define TXNG_TRACE_LINEAGE_SOURCE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "epcis/model.h"

namespace txng::trace {

// The role in which an event names an identifier. Instance identifiers
// (epcList, parentID, childEPCs, inputEPCList, outputEPCList) and class-level
// ones (quantityList, childQuantityList, inputQuantityList,
// outputQuantityList) share the roles: kEpc stands for epcList and
// quantityList alike.
enum class Role { kEpc, kParent, kChild, kInput, kOutput };

struct NamedObject {
  std::string id;
  Role role = Role::kEpc;
  bool class_level = false;        // from a quantity list
  std::optional<double> quantity;  // class-level only, when given
  std::string uom;                 // UN/ECE Rec 20 code, empty when none

  bool operator==(const NamedObject&) const = default;
};

// One captured event, reduced to what lineage, journeys and exports use.
struct LineageEvent {
  int64_t row = 0;       // the store's capture order; unique
  std::string event_id;  // eventID, or the hash ID when it had none
  epcis::EventType type = epcis::EventType::kObject;
  epcis::Action action = epcis::Action::kNone;
  UnixMillis event_time = 0;
  std::string biz_step;     // CBV Web URI or other URI, empty when absent
  std::string disposition;  // likewise
  std::string read_point;
  std::string biz_location;
  std::vector<NamedObject> objects;  // in document order, per role
  std::vector<epcis::TypedId> sources, destinations, biz_transactions;
  int64_t org_id = 0;  // the organisation that captured it

  bool operator==(const LineageEvent&) const = default;
};

// Whose view: unset visible_to_org with approved_only false sees every event
// (administrators, reviewers, the command line); visible_to_org sees
// approved events and that organisation's own; approved_only (anonymous
// callers) sees approved events only.
struct Visibility {
  std::optional<int64_t> visible_to_org;
  bool approved_only = false;

  bool operator==(const Visibility&) const = default;
};

struct SourceQuery {
  std::vector<std::string> ids;
  Visibility visibility;
  std::optional<UnixMillis> as_of;  // only events with event_time <= as_of
  int max_events_per_id = 1000;     // at most this many events per identifier
};

// Events declared in error (and the declarations themselves) are never
// answered.
struct NamingAnswer {
  // Every event that names one of the ids, visible and within as_of, each
  // once, ordered by event time then row; per id at most max_events_per_id
  // (the earliest).
  std::vector<LineageEvent> events;
  // Ids of the query named by events the caller may not see.
  std::vector<std::string> withheld;
  // Ids of the query named by more than max_events_per_id visible events.
  std::vector<std::string> truncated;
};

class LineageSource {
 public:
  virtual ~LineageSource() = default;
  virtual Result<NamingAnswer> EventsNaming(const SourceQuery& q) = 0;
};

}  // namespace txng::trace

#endif  // TXNG_TRACE_LINEAGE_SOURCE_H_
