// Named queries of the EPCIS REST bindings (/epcis/queries): an
// organisation saves an event query under a name and reads its events at
// /epcis/queries/{name}/events. Query subscriptions (webhooks, websockets)
// are not implemented: their routes answer 501 ImplementationException.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "handlers/api_epcis_internal.h"
#include "handlers/api_handler.h"

namespace txng::handlers::epcis_api {
namespace {

constexpr int kDefaultPerPage = 30;
constexpr int kMaxPerPage = 1000;
constexpr std::size_t kMaxNameLength = 64;

// Named queries are kept per organisation: the caller must belong to one.
Result<int64_t> CallerOrganisation(const Principal& who) {
  if (who.anonymous()) return Status::Unauthenticated("named queries need a sign-in or API key");
  if (!who.org_id) {
    return Status::PermissionDenied(
        "named queries are kept per organisation, and this account belongs to none");
  }
  return *who.org_id;
}

// Letters, digits, '-', '_' and '.': a name that is one path segment as it
// is.
Status CheckName(const std::string& name) {
  const bool ok = !name.empty() && name.size() <= kMaxNameLength &&
                  std::all_of(name.begin(), name.end(), [](char ch) {
                    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                           (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
                  });
  if (ok) return Status::Ok();
  return Status::InvalidArgument("a query name is 1 to " + std::to_string(kMaxNameLength) +
                                     " letters, digits, '-', '_' or '.', got \"" + name + "\"",
                                 "name");
}

// The query object of a named query (query-schema.json: parameter name to a
// string, number, boolean or array of strings) as URI query parameters,
// several values joined by '|'. Page controls belong to the request that
// reads the events, not to the query.
Result<QueryParams> ParamsOf(const nlohmann::json& query) {
  if (!query.is_object()) return Status::InvalidArgument("query must be a JSON object", "query");
  QueryParams params;
  for (const auto& [name, value] : query.items()) {
    if (name == "perPage" || name == "nextPageToken") {
      return Status::InvalidArgument(
          "query member " + name + ": give it when reading /epcis/queries/{name}/events", name);
    }
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_number() || value.is_boolean()) {
      text = value.dump();
    } else if (value.is_array() && !value.empty() &&
               std::all_of(value.begin(), value.end(),
                           [](const nlohmann::json& v) { return v.is_string(); })) {
      for (const auto& v : value) text += (text.empty() ? "" : "|") + v.get<std::string>();
    } else {
      return Status::InvalidArgument("query member " + name +
                                         ": must be a string, number, boolean or non-empty "
                                         "array of strings",
                                     name);
    }
    params.emplace_back(name, std::move(text));
  }
  return params;
}

nlohmann::json QueryJson(const NamedQuery& q) {
  return {{"name", q.name}, {"query", nlohmann::json::parse(q.query_json, nullptr, false)}};
}

Result<http::Response> CreateQuery(AppContext& app, const http::Request& req,
                                   const Principal& who) {
  TXNG_ASSIGN_OR_RETURN(const int64_t org, CallerOrganisation(who));
  const std::string type = req.Header("Content-Type").value_or("");
  if (type.find("json") == std::string::npos) {
    return TypedProblem(
        415, "UnsupportedMediaTypeException",
        "a query definition is JSON (application/json), got Content-Type \"" + type + "\"", req);
  }
  const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (!body.is_object()) return Status::InvalidArgument("the body must be a JSON object");
  for (const auto& [member, ignored] : body.items()) {
    if (member != "name" && member != "query") {
      return Status::InvalidArgument(
          "unknown member \"" + member + "\": a query definition has name and query", member);
    }
  }
  if (!body.contains("name") || !body["name"].is_string()) {
    return Status::InvalidArgument("name must be a string", "name");
  }
  if (!body.contains("query")) return Status::InvalidArgument("query is missing", "query");
  NamedQuery q;
  q.org_id = org;
  q.name = body["name"].get<std::string>();
  TXNG_RETURN_IF_ERROR(CheckName(q.name));
  // Refused now rather than on every read: the query must parse.
  TXNG_ASSIGN_OR_RETURN(QueryParams params, ParamsOf(body["query"]));
  TXNG_RETURN_IF_ERROR(ParseEventQuery(params).status());
  q.query_json = body["query"].dump();
  TXNG_ASSIGN_OR_RETURN(NamedQuery created, app.store.CreateNamedQuery(q, who.ToActor()));
  http::Response res = http::Response::JsonText(201, DumpJson(QueryJson(created)));
  res.SetHeader("Location", "/epcis/queries/" + http::PercentEncode(created.name));
  return res;
}

Result<http::Response> ListQueries(AppContext& app, const http::Request& req,
                                   const Principal& who) {
  TXNG_ASSIGN_OR_RETURN(const int64_t org, CallerOrganisation(who));
  int per_page = kDefaultPerPage;
  std::string after;
  for (const auto& [name, value] : req.query) {
    if (name == "perPage") {
      const bool digits =
          !value.empty() && value.size() <= 4 &&
          std::all_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      per_page = digits ? std::stoi(value) : 0;
      if (per_page < 1 || per_page > kMaxPerPage) {
        return Status::InvalidArgument(
            "query parameter perPage: must be a whole number from 1 to " +
                std::to_string(kMaxPerPage) + ", got \"" + value + "\"",
            "perPage");
      }
    } else if (name == "nextPageToken") {
      after = value;
    } else {
      return Status::InvalidArgument(
          "query parameter " + name + ": /epcis/queries takes only perPage and nextPageToken",
          name);
    }
  }
  TXNG_ASSIGN_OR_RETURN(std::vector<NamedQuery> queries,
                        app.store.ListNamedQueries(org, after, per_page));
  const bool more = queries.size() > static_cast<std::size_t>(per_page);
  if (more) queries.resize(per_page);
  nlohmann::json out = nlohmann::json::array();
  for (const NamedQuery& q : queries) out.push_back(QueryJson(q));
  http::Response res = http::Response::JsonText(200, DumpJson(out));
  if (more) {
    res.SetHeader("Link", "</epcis/queries?perPage=" + std::to_string(per_page) +
                              "&nextPageToken=" + http::PercentEncode(queries.back().name) +
                              ">; rel=\"next\"");
  }
  return res;
}

// Subscription parameters of /events (schedule or stream), which need the
// websocket subscriptions TXNG does not implement.
bool IsSubscriptionParameter(const std::string& name) {
  static constexpr std::string_view kNames[] = {"stream",    "second",        "minute",
                                                "hour",      "dayOfMonth",    "month",
                                                "dayOfWeek", "reportIfEmpty", "initialRecordTime"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

Result<http::Response> QueryEvents(AppContext& app, const http::Request& req,
                                   const Principal& who) {
  TXNG_ASSIGN_OR_RETURN(const int64_t org, CallerOrganisation(who));
  const std::string upgrade = req.Header("Upgrade").value_or("");
  for (const auto& [name, value] : req.query) {
    if (IsSubscriptionParameter(name)) {
      return Status::Unimplemented("query subscriptions (parameter " + name +
                                   ") are not implemented; read the events with GET");
    }
    if (name != "perPage" && name != "nextPageToken") {
      return Status::InvalidArgument("query parameter " + name +
                                         ": a named query's events take only perPage and "
                                         "nextPageToken; the filters are the query's",
                                     name);
    }
  }
  if (!upgrade.empty()) {
    return Status::Unimplemented("query subscriptions by websocket are not implemented");
  }
  TXNG_ASSIGN_OR_RETURN(NamedQuery q, app.store.GetNamedQuery(org, req.Param("queryName")));
  TXNG_ASSIGN_OR_RETURN(QueryParams params, ParamsOf(nlohmann::json::parse(q.query_json)));
  for (const auto& parameter : req.query) params.push_back(parameter);
  TXNG_ASSIGN_OR_RETURN(EventQueryRequest request, ParseEventQuery(params));
  TXNG_ASSIGN_OR_RETURN(EventQueryAnswer answer, RunEventQuery(app.store, std::move(request), who));
  return QueryDocument(app, req, answer);
}

Result<http::Response> NoSubscriptions(const http::Request&, const Principal&) {
  return Status::Unimplemented(
      "query subscriptions (webhooks and websockets) are not implemented; read a named query's "
      "events with GET /epcis/queries/{name}/events");
}

}  // namespace

void RegisterEpcisQueries(http::Router& router, AppContext& app) {
  router.Add("POST", "/epcis/queries",
             Epcis(app, Endpoint::kQuery, [&app](http::Request& req, const Principal& who) {
               return CreateQuery(app, req, who);
             }));
  router.Add("GET", "/epcis/queries",
             Epcis(app, Endpoint::kQuery, [&app](http::Request& req, const Principal& who) {
               return ListQueries(app, req, who);
             }));
  router.Add("GET", "/epcis/queries/{queryName}",
             Epcis(app, Endpoint::kQuery,
                   [&app](http::Request& req, const Principal& who) -> Result<http::Response> {
                     TXNG_ASSIGN_OR_RETURN(const int64_t org, CallerOrganisation(who));
                     TXNG_ASSIGN_OR_RETURN(NamedQuery q,
                                           app.store.GetNamedQuery(org, req.Param("queryName")));
                     return http::Response::JsonText(200, DumpJson(QueryJson(q)));
                   }));
  router.Add("DELETE", "/epcis/queries/{queryName}",
             Epcis(app, Endpoint::kQuery,
                   [&app](http::Request& req, const Principal& who) -> Result<http::Response> {
                     TXNG_ASSIGN_OR_RETURN(const int64_t org, CallerOrganisation(who));
                     TXNG_RETURN_IF_ERROR(
                         app.store.DeleteNamedQuery(org, req.Param("queryName"), who.ToActor()));
                     http::Response res;
                     res.status = 204;
                     return res;
                   }));
  router.Add("GET", "/epcis/queries/{queryName}/events",
             Epcis(app, Endpoint::kQuery, [&app](http::Request& req, const Principal& who) {
               return QueryEvents(app, req, who);
             }));
  AddOptions(router, app, "/epcis/queries", "GET, POST");
  AddOptions(router, app, "/epcis/queries/{queryName}", "GET, DELETE");
  AddOptions(router, app, "/epcis/queries/{queryName}/events", "GET");
  for (const char* method : {"GET", "POST"}) {
    router.Add(method, "/epcis/queries/{queryName}/subscriptions",
               Epcis(app, Endpoint::kQuery, NoSubscriptions));
  }
  for (const char* method : {"GET", "DELETE"}) {
    router.Add(method, "/epcis/queries/{queryName}/subscriptions/{subscriptionID}",
               Epcis(app, Endpoint::kQuery, NoSubscriptions));
  }
}

}  // namespace txng::handlers::epcis_api
