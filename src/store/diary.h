// The production diary's questions to the store: an organisation's own
// events by stage, lot, time and review status, and the spreadsheet rows
// waiting between an import's preview and its confirmation.
#ifndef TXNG_STORE_DIARY_H_
#define TXNG_STORE_DIARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/model.h"

namespace txng {

// Every member set narrows the list; events of org_id only.
struct DiaryFilter {
  int64_t org_id = 0;
  std::vector<std::string> biz_steps;  // any of them (CBV Web URIs)
  // A lot as an EPC class (Digital Link URI): events naming it in any
  // quantity list.
  std::string epc_class;
  std::optional<UnixMillis> ge_event_time, lt_event_time;
  std::optional<ReviewStatus> review_status;
};

// An uploaded spreadsheet's rows awaiting confirmation.
struct ImportStaging {
  std::string token;  // random, names it in the confirmation form
  int64_t org_id = 0;
  int64_t user_id = 0;
  std::string file_name;
  std::string rows;  // JSON array of objects, column → text
  UnixMillis created_at = 0;
  UnixMillis expires_at = 0;
};

}  // namespace txng

#endif  // TXNG_STORE_DIARY_H_
