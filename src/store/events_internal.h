// Helpers shared by the files that implement the event part of Store.
#ifndef TXNG_STORE_EVENTS_INTERNAL_H_
#define TXNG_STORE_EVENTS_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "epcis/model.h"
#include "store/database.h"
#include "store/events.h"

namespace txng::store_internal {

// The columns StoredEventFromRow reads, of epcis_events aliased "e".
inline constexpr std::string_view kEventColumns =
    "e.id, e.document, e.hash_id, e.org_id, e.review_status, e.declared_in_error_at";

// The stored form of an event: its JSON-LD (single event, internal form).
std::string EventDocument(const epcis::Event& event);
// The event back from its stored form; kInternal when it does not decode.
Result<epcis::Event> EventFromDocument(const std::string& text);
Result<StoredEvent> StoredEventFromRow(const SqlRow& row);

// Stores master data for `org_id` (store_master_data.cc): each element
// replaces the organisation's earlier description of it.
Status UpsertMasterData(SqlConnection& c, const std::vector<epcis::VocabularyElement>& elements,
                        int64_t org_id, UnixMillis now);

}  // namespace txng::store_internal

#endif  // TXNG_STORE_EVENTS_INTERNAL_H_
