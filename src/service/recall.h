// Recalls: an authorised producer or the authority withdraws a lot (or any
// traced identifier) from the market; TXNG computes and keeps the impact set
// (service/recall_impact.h), answers whether an identifier is recalled, and
// records every update and the close.
//
// Who may do what:
// - open: the producers and API keys of the organisation the identifier
//   belongs to (ImpactSet::org_id), and the authority: admins, reviewers and
//   officers (any scope: a recall protects consumers everywhere);
// - see, update, close: the authority, and the producers and API keys of
//   the recall's organisation; to anyone else a recall does not exist
//   (kNotFound);
// - whether an identifier is recalled (RecallStatusOf): anyone, without
//   the holders.
#ifndef TXNG_SERVICE_RECALL_H_
#define TXNG_SERVICE_RECALL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "service/principal.h"
#include "store/recalls.h"
#include "store/store.h"

namespace txng {

inline constexpr size_t kMaxRecallReason = 2000;
inline constexpr size_t kMaxRecallNote = 2000;

// What POST /api/v1/recalls gives. id: an identifier in any form ParseTraceId
// accepts. severity: "I", "II" or "III". affected_from and affected_to:
// YYYY-MM-DD calendar days in the province's time (UTC+7), inclusive, each
// optional, from <= to (see ImpactBuilder for how they narrow the set).
struct RecallRequest {
  std::string id;
  std::string reason;
  std::string severity;
  std::string affected_from, affected_to;
};

// What PATCH /api/v1/recalls/{id} gives: the fields to change; an empty
// date clears that end of the period. The impact set is recomputed.
struct RecallPatch {
  std::optional<std::string> reason, severity, affected_from, affected_to;
};

// kInvalidArgument naming the field for a bad reason, severity or period;
// kInvalidArgument ("id") with the parser's reason for an unparsable id;
// kNotFound when the caller can see no event naming the id;
// kPermissionDenied when it may see it but not recall it.
Result<Recall> OpenRecall(Store& store, const Principal& p, const RecallRequest& r);
// Also kFailedPrecondition once the recall is closed.
Result<Recall> UpdateRecall(Store& store, const Principal& p, int64_t id, const RecallPatch& patch);
Result<Recall> CloseRecall(Store& store, const Principal& p, int64_t id, const std::string& note);

// Producers and API keys see their organisation's recalls (f.org_id naming
// another is kPermissionDenied), the authority every recall; anonymous
// callers kUnauthenticated.
Result<Page<Recall>> ListRecalls(Store& store, const Principal& p, RecallFilter f,
                                 PageRequest page);

struct RecallDetail {
  Recall recall;
  Page<RecallItem> items;
  std::vector<RecallUpdate> history;
};
Result<RecallDetail> GetRecall(Store& store, const Principal& p, int64_t id, PageRequest items);

// Whether an open recall covers `id_text` (any form ParseTraceId accepts):
// a recall whose impact set holds the identifier itself, its lot (a serial
// of a recalled lot: /01/G/10/L/21/S is covered by /01/G/10/L) or its trade
// item (/01/G recalls every lot and serial of G). Newest first.
struct RecallStatusAnswer {
  std::string identifier;  // internal form
  std::vector<Recall> open;
};
Result<RecallStatusAnswer> RecallStatusOf(Store& store, std::string_view id_text);

// Open recalls covering any identifier of the trade item `gtin` (8, 12, 13
// or 14 digits: its class, lots and serials), each with the matching
// identifiers: for the product page's banner. kInvalidArgument for a bad GTIN.
Result<std::vector<RecallCover>> OpenRecallsForGtin(Store& store, const std::string& gtin);

// The lot code of an internal-form identifier (/01/G/10/L...), empty when
// it names no lot.
std::string LotCodeOf(std::string_view identifier);

}  // namespace txng

#endif  // TXNG_SERVICE_RECALL_H_
