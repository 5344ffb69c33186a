// The EPCIS 2.0 query parameters of GET /epcis/events and `txng query`
// (REST bindings: one URI query parameter each, several values separated by
// '|'), read into an EventQuery. Values are normalised the way captured
// events are, so a bare CBV word, a CBV URN or a Web URI finds the same
// events, and so do an EPC URN and a Digital Link URI.
#ifndef TXNG_SERVICE_EPCIS_QUERY_H_
#define TXNG_SERVICE_EPCIS_QUERY_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "service/principal.h"
#include "store/events.h"
#include "store/store.h"

namespace txng {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct EventQueryRequest {
  EventQuery query;  // limit = the page size (perPage, default 30, at most 1000)
  // eventCountLimit: at most this many events in all pages together.
  std::optional<int> event_count_limit;
  // maxEventCount: fail with kResourceExhausted (QueryTooLargeException)
  // when more events match.
  std::optional<int> max_event_count;
};

// Reads `params`. Fails with kInvalidArgument naming the parameter
// (QueryParameterException) for an unknown parameter, a malformed value or
// conflicting parameters (eventCountLimit with maxEventCount, or without
// orderBy); with kUnimplemented for a standard parameter TXNG does not
// answer yet, so no filter is ever silently ignored.
Result<EventQueryRequest> ParseEventQuery(const QueryParams& params);

struct EventQueryAnswer {
  std::vector<StoredEvent> events;
  std::optional<std::string> next_page_token;  // when more events follow
};

// Answers `request` for `who`: administrators and reviewers see every
// event; producers and API keys approved events and their organisation's;
// everyone else approved events only. maxEventCount is checked on the first
// page (kPayloadTooLarge, QueryTooLargeException); eventCountLimit caps the
// pages together through the token.
Result<EventQueryAnswer> RunEventQuery(Store& store, EventQueryRequest request,
                                       const Principal& who);

// The nextPageToken of a page cursor (and, with eventCountLimit, of how
// many events may still follow), and back.
std::string EncodePageToken(const EventCursor& cursor, std::optional<int> remaining);
struct PageToken {
  EventCursor cursor;
  std::optional<int> remaining;
};
Result<PageToken> DecodePageToken(std::string_view token);

}  // namespace txng

#endif  // TXNG_SERVICE_EPCIS_QUERY_H_
