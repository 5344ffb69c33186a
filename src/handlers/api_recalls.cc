#include "handlers/api_recalls.h"

#include <string>

#include "handlers/api_handler.h"
#include "handlers/json_body.h"
#include "service/recall.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

json TextOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json RecallToJson(const Recall& r) {
  return {{"id", r.id},
          {"href", "/api/v1/recalls/" + std::to_string(r.id)},
          {"organisationId", r.org_id},
          {"identifier", r.root_id},
          {"reason", r.reason},
          {"severity", ToString(r.severity)},
          {"affectedFrom", TextOrNull(r.affected_from)},
          {"affectedTo", TextOrNull(r.affected_to)},
          {"status", ToString(r.status)},
          {"openedBy", r.opened_by},
          {"openedAt", FormatIso8601(r.opened_at)},
          {"updatedAt", FormatIso8601(r.updated_at)},
          {"closedBy", TextOrNull(r.closed_by)},
          {"closedAt", r.closed_at ? json(FormatIso8601(*r.closed_at)) : json(nullptr)},
          {"closingNote", TextOrNull(r.closing_note)},
          {"itemCount", r.item_count},
          {"itemsTruncated", r.items_truncated}};
}

json ItemToJson(const RecallItem& i) {
  return {{"identifier", i.identifier},
          {"kind", i.kind},
          {"reach", i.reach},
          {"depth", i.depth},
          {"name", TextOrNull(i.name)},
          {"quantity", i.quantity ? json(*i.quantity) : json(nullptr)},
          {"uom", TextOrNull(i.uom)},
          {"holder", TextOrNull(i.holder)},
          {"holderName", TextOrNull(i.holder_name)},
          {"location", TextOrNull(i.location)},
          {"locationName", TextOrNull(i.location_name)}};
}

json UpdateToJson(const RecallUpdate& u) {
  return {{"at", FormatIso8601(u.at)},
          {"actor", u.actor},
          {"action", u.action},
          {"changed", u.changed},
          {"reason", u.reason},
          {"severity", ToString(u.severity)},
          {"affectedFrom", TextOrNull(u.affected_from)},
          {"affectedTo", TextOrNull(u.affected_to)},
          {"itemCount", u.item_count},
          {"itemsTruncated", u.items_truncated},
          {"note", TextOrNull(u.note)}};
}

Result<RecallRequest> RecallRequestFromJson(const json& body) {
  JsonFields f(body, {"id", "reason", "severity", "affectedFrom", "affectedTo"});
  std::optional<std::string> id, reason, severity, from, to;
  f.Text("id", id);
  f.Text("reason", reason);
  f.Text("severity", severity);
  f.Text("affectedFrom", from);
  f.Text("affectedTo", to);
  TXNG_RETURN_IF_ERROR(f.status());
  if (!id || id->empty()) {
    return Status::InvalidArgument(
        "id is required: the EPC URI, Digital Link or element string "
        "of the lot to recall",
        "id");
  }
  return RecallRequest{*id, reason.value_or(""), severity.value_or(""), from.value_or(""),
                       to.value_or("")};
}

// The dates may be null to clear them, as "" does.
Result<RecallPatch> RecallPatchFromJson(json body) {
  for (const char* date : {"affectedFrom", "affectedTo"}) {
    if (auto it = body.find(date); it != body.end() && it->is_null()) *it = "";
  }
  JsonFields f(body, {"reason", "severity", "affectedFrom", "affectedTo"});
  RecallPatch patch;
  f.Text("reason", patch.reason);
  f.Text("severity", patch.severity);
  f.Text("affectedFrom", patch.affected_from);
  f.Text("affectedTo", patch.affected_to);
  TXNG_RETURN_IF_ERROR(f.status());
  return patch;
}

Result<std::optional<RecallStatus>> StatusQuery(const http::Request& r) {
  auto v = r.Query("status");
  if (!v) return std::optional<RecallStatus>();
  auto s = ParseRecallStatus(*v);
  if (!s) return Status::InvalidArgument("status must be open or closed", "status");
  return std::optional<RecallStatus>(*s);
}

}  // namespace

void RegisterRecallsApi(http::Router& router, AppContext& app) {
  Store& store = app.store;
  router.Add("POST", "/api/v1/recalls",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               TXNG_ASSIGN_OR_RETURN(RecallRequest request, RecallRequestFromJson(body));
               TXNG_ASSIGN_OR_RETURN(Recall opened, OpenRecall(store, p, request));
               ApiReply reply{RecallToJson(opened), 201};
               reply.headers.emplace_back("Location",
                                          "/api/v1/recalls/" + std::to_string(opened.id));
               return reply;
             }));
  router.Add("GET", "/api/v1/recalls",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(PageRequest page, PageFromQuery(r));
               RecallFilter filter;
               TXNG_ASSIGN_OR_RETURN(filter.org_id, IntQuery(r, "organisationId"));
               TXNG_ASSIGN_OR_RETURN(filter.status, StatusQuery(r));
               TXNG_ASSIGN_OR_RETURN(Page<Recall> recalls, ListRecalls(store, p, filter, page));
               json items = json::array();
               for (const Recall& recall : recalls.items) items.push_back(RecallToJson(recall));
               return ApiReply{json{{"items", std::move(items)},
                                    {"total", recalls.total},
                                    {"limit", page.limit},
                                    {"offset", page.offset}}};
             }));
  router.Add("GET", "/api/v1/recalls/{id}",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", "recall"));
               TXNG_ASSIGN_OR_RETURN(PageRequest page, PageFromQuery(r));
               TXNG_ASSIGN_OR_RETURN(RecallDetail detail, GetRecall(store, p, id, page));
               json out = RecallToJson(detail.recall);
               json items = json::array();
               for (const RecallItem& i : detail.items.items) items.push_back(ItemToJson(i));
               out["items"] = {{"items", std::move(items)},
                               {"total", detail.items.total},
                               {"limit", page.limit},
                               {"offset", page.offset}};
               json history = json::array();
               for (const RecallUpdate& u : detail.history) history.push_back(UpdateToJson(u));
               out["history"] = std::move(history);
               return ApiReply{std::move(out)};
             }));
  router.Add("PATCH", "/api/v1/recalls/{id}",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", "recall"));
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               TXNG_ASSIGN_OR_RETURN(RecallPatch patch, RecallPatchFromJson(std::move(body)));
               TXNG_ASSIGN_OR_RETURN(Recall updated, UpdateRecall(store, p, id, patch));
               return ApiReply{RecallToJson(updated)};
             }));
  router.Add("POST", "/api/v1/recalls/{id}/close",
             Api(app, [&store](http::Request& r, const Principal& p) -> Result<ApiReply> {
               TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(r, "id", "recall"));
               TXNG_ASSIGN_OR_RETURN(json body, ParseJsonObject(r.body));
               JsonFields f(body, {"note"});
               std::optional<std::string> note;
               f.Text("note", note);
               TXNG_RETURN_IF_ERROR(f.status());
               TXNG_ASSIGN_OR_RETURN(Recall closed, CloseRecall(store, p, id, note.value_or("")));
               return ApiReply{RecallToJson(closed)};
             }));
  // Public, for anyone holding the goods: no holders, no impact set.
  router.Add("GET", "/api/v1/recall-status",
             Api(app, [&store](http::Request& r, const Principal&) -> Result<ApiReply> {
               const std::string id = r.Query("id").value_or("");
               if (id.empty()) {
                 return Status::InvalidArgument(
                     "id is required: an EPC URI, a GS1 Digital Link or an element string", "id");
               }
               TXNG_ASSIGN_OR_RETURN(RecallStatusAnswer answer, RecallStatusOf(store, id));
               json out = {{"identifier", answer.identifier},
                           {"recalled", !answer.open.empty()},
                           {"openRecalls", answer.open.size()}};
               if (!answer.open.empty()) {
                 const Recall& newest = answer.open.front();
                 out["recallId"] = newest.id;
                 out["reason"] = newest.reason;
                 out["severity"] = ToString(newest.severity);
                 out["openedAt"] = FormatIso8601(newest.opened_at);
                 out["affectedFrom"] = TextOrNull(newest.affected_from);
                 out["affectedTo"] = TextOrNull(newest.affected_to);
               }
               return ApiReply{std::move(out)};
             }));
}

}  // namespace txng::handlers
