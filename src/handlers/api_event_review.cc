#include "handlers/api_event_review.h"

#include <vector>

#include "handlers/api_handler.h"
#include "handlers/entity_json.h"
#include "handlers/json_body.h"
#include "service/event_review.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

// {"ids": [1, 2], "decision": …, "reason": …}
Result<std::pair<std::vector<int64_t>, ReviewDecision>> EventReviewFromJson(const json& body) {
  json decision_members = json::object();
  std::vector<int64_t> ids;
  for (const auto& [name, value] : body.items()) {
    if (name != "ids") {
      decision_members[name] = value;
      continue;
    }
    if (!value.is_array())
      return Status::InvalidArgument("ids must be an array of event ids", "ids");
    for (const json& id : value) {
      if (!id.is_number_integer() || id.get<int64_t>() < 1) {
        return Status::InvalidArgument("ids must be an array of event ids", "ids");
      }
      ids.push_back(id.get<int64_t>());
    }
  }
  if (!body.contains("ids")) return Status::InvalidArgument("ids is required", "ids");
  TXNG_ASSIGN_OR_RETURN(ReviewDecision decision, ReviewDecisionFromJson(decision_members));
  return std::make_pair(std::move(ids), std::move(decision));
}

}  // namespace

void RegisterEventReviewApi(http::Router& router, AppContext& app) {
  Store& store = app.store;
  router.Add("GET", "/api/v1/events",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(PageRequest page, PageFromQuery(r));
               EventReviewFilter filter;
               TXNG_ASSIGN_OR_RETURN(filter.org_id, IntQuery(r, "organisationId"));
               TXNG_ASSIGN_OR_RETURN(filter.review_status, ReviewStatusQuery(r));
               TXNG_ASSIGN_OR_RETURN(Page<EventSubmission> items,
                                     ListEventSubmissions(store, p, filter, page));
               return ApiReply{PageToJson(items, page)};
             }));
  router.Add("POST", "/api/v1/events/review",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               TXNG_ASSIGN_OR_RETURN(auto review, EventReviewFromJson(body));
               TXNG_ASSIGN_OR_RETURN(int64_t reviewed,
                                     ReviewEvents(store, p, review.first, review.second));
               return ApiReply{json{{"reviewed", reviewed}}};
             }));
}

}  // namespace txng::handlers
