// Recalls as the store keeps them (store_recalls.cc): the recall, its
// impact set and its history. What a recall means and who may do what with
// it is the service's (service/recall.h).
#ifndef TXNG_STORE_RECALLS_H_
#define TXNG_STORE_RECALLS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"

namespace txng {

// The FDA recall classes: kClassI a reasonable probability of serious
// adverse health consequences or death, kClassII temporary or medically
// reversible consequences, kClassIII adverse consequences unlikely. Their
// names are "I", "II" and "III".
enum class RecallSeverity { kClassI, kClassII, kClassIII };
std::string_view ToString(RecallSeverity s);
std::optional<RecallSeverity> ParseRecallSeverity(std::string_view s);

enum class RecallStatus { kOpen, kClosed };
std::string_view ToString(RecallStatus s);
std::optional<RecallStatus> ParseRecallStatus(std::string_view s);

struct Recall {
  int64_t id = 0;
  int64_t org_id = 0;   // the organisation the recalled identifier belongs to
  std::string root_id;  // the recalled identifier, internal form
  std::string reason;
  RecallSeverity severity = RecallSeverity::kClassII;
  std::string affected_from;  // YYYY-MM-DD or empty
  std::string affected_to;    // YYYY-MM-DD or empty
  RecallStatus status = RecallStatus::kOpen;
  std::string opened_by;  // Actor::label
  std::optional<int64_t> opened_by_user;
  UnixMillis opened_at = 0;
  UnixMillis updated_at = 0;
  std::string closed_by;  // Actor::label, empty while open
  std::optional<UnixMillis> closed_at;
  std::string closing_note;
  int64_t item_count = 0;        // size of the stored impact set
  bool items_truncated = false;  // the impact set was cut at its bound
};

// One identifier of an impact set. kind and reach are the trace layer's
// names (trace::NodeKind, trace::Reach: "root", "downstream", "carrier").
struct RecallItem {
  std::string identifier;
  std::string kind;
  std::string reach;
  int depth = 0;
  std::string name;  // from the catalogue or master data, empty when unknown
  std::optional<double> quantity;
  std::string uom;
  std::string holder;  // party identifier, empty when unknown
  std::string holder_name;
  std::string location;  // location identifier, empty when unknown
  std::string location_name;

  bool operator==(const RecallItem&) const = default;
};

// One entry of a recall's history: the action, the fields it changed and
// the recall's fields after it.
struct RecallUpdate {
  int64_t id = 0;
  int64_t recall_id = 0;
  UnixMillis at = 0;
  std::string actor;  // Actor::label
  std::optional<int64_t> user_id;
  std::string action;                // "open", "update" or "close"
  std::vector<std::string> changed;  // field names ("reason", "severity", ...)
  std::string reason;
  RecallSeverity severity = RecallSeverity::kClassII;
  std::string affected_from, affected_to;
  int64_t item_count = 0;
  bool items_truncated = false;
  std::string note;  // the closing note
};

struct RecallFilter {
  std::optional<int64_t> org_id;
  std::optional<RecallStatus> status;
};

// The fields an update may change, and the impact set recomputed for them.
struct RecallChange {
  std::string reason;
  RecallSeverity severity = RecallSeverity::kClassII;
  std::string affected_from, affected_to;
  std::vector<RecallItem> items;
  bool items_truncated = false;
};

// Open recalls covering identifiers: those with an item equal to one of
// `identifiers` or starting with `identifier_prefix` (when not empty).
struct RecallCoverQuery {
  std::vector<std::string> identifiers;
  std::string identifier_prefix;
};
struct RecallCover {
  Recall recall;
  std::vector<std::string> identifiers;  // its matching items, at most 20, sorted
};

}  // namespace txng

#endif  // TXNG_STORE_RECALLS_H_
