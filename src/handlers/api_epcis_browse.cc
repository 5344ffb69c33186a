// The browse endpoints of the EPCIS REST bindings: the top-level resources,
// the collections of event types, EPCs, business steps, business locations,
// read points and dispositions, each value's sub-resources, and its events
// (the event query with that value's filter added).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epcis/cbv.h"
#include "epcis/identifiers.h"
#include "handlers/api_epcis_internal.h"
#include "handlers/api_handler.h"
#include "service/gs1_inspect.h"

namespace txng::handlers::epcis_api {
namespace {

constexpr const char* kContext = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
constexpr int kDefaultPerPage = 30;
constexpr int kMaxPerPage = 1000;

// A collection route: its path under /epcis, the store field it lists
// (none for event types, which are the standard's five), and the query
// parameter its /events variant adds.
struct Collection {
  std::string name;         // "bizSteps"
  std::string value_param;  // "bizStep", the path parameter
  std::optional<EventField> field;
  std::string filter;                           // "EQ_bizStep"
  std::optional<epcis::Vocabulary> vocabulary;  // members written as CBV bare words
};

const std::vector<Collection>& Collections() {
  static const auto* collections = new std::vector<Collection>{
      {"eventTypes", "eventType", std::nullopt, "eventType", std::nullopt},
      {"epcs", "epc", EventField::kEpc, "MATCH_anyEPC", std::nullopt},
      {"bizSteps", "bizStep", EventField::kBizStep, "EQ_bizStep", epcis::Vocabulary::kBizStep},
      {"bizLocations", "bizLocation", EventField::kBizLocation, "EQ_bizLocation", std::nullopt},
      {"readPoints", "readPoint", EventField::kReadPoint, "EQ_readPoint", std::nullopt},
      {"dispositions", "disposition", EventField::kDisposition, "EQ_disposition",
       epcis::Vocabulary::kDisposition},
  };
  return *collections;
}

const std::vector<std::string>& EventTypeNames() {
  static const auto* names =
      new std::vector<std::string>{"AggregationEvent", "AssociationEvent", "ObjectEvent",
                                   "TransactionEvent", "TransformationEvent"};
  return *names;
}

http::Response CollectionResponse(const std::vector<std::string>& members) {
  nlohmann::json body = {{"@context", kContext}, {"type", "Collection"}, {"member", members}};
  return http::Response::JsonText(200, DumpJson(body));
}

// perPage and nextPageToken of a collection request; any other parameter
// is a QueryParameterException.
struct CollectionPage {
  int per_page = kDefaultPerPage;
  std::string after;  // the token: the last value of the previous page
};

Result<CollectionPage> ReadCollectionPage(const http::Request& req) {
  CollectionPage page;
  for (const auto& [name, value] : req.query) {
    if (name == "perPage") {
      int n = 0;
      const bool digits =
          !value.empty() && value.size() <= 4 &&
          std::all_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (digits) n = std::stoi(value);
      if (n < 1 || n > kMaxPerPage) {
        return Status::InvalidArgument(
            "query parameter perPage: must be a whole number from 1 to " +
                std::to_string(kMaxPerPage) + ", got \"" + value + "\"",
            "perPage");
      }
      page.per_page = n;
    } else if (name == "nextPageToken") {
      if (value.empty()) {
        return Status::InvalidArgument("query parameter nextPageToken: must not be empty",
                                       "nextPageToken");
      }
      page.after = value;
    } else {
      return Status::InvalidArgument(
          "query parameter " + name + ": a collection takes only perPage and nextPageToken", name);
    }
  }
  return page;
}

// The members of one page and the Link to the next when `more`.
http::Response PagedCollection(const http::Request& req, const std::vector<std::string>& members,
                               const CollectionPage& page, const std::string& last, bool more) {
  http::Response res = CollectionResponse(members);
  if (more) {
    res.SetHeader("Link", "<" + RawPath(req) + "?perPage=" + std::to_string(page.per_page) +
                              "&nextPageToken=" + http::PercentEncode(last) + ">; rel=\"next\"");
  }
  return res;
}

// Who sees which events, as RunEventQuery decides: administrators and
// reviewers all; producers and API keys approved events and their
// organisation's; everyone else approved events only.
Status SetVisibility(EventValuesQuery& q, const Principal& who) {
  if (who.anonymous() || who.is(Role::kOfficer)) {
    q.approved_only = true;
  } else if (!who.is(Role::kAdmin) && !who.is(Role::kReviewer)) {
    if (!who.org_id) return Status::PermissionDenied("this account belongs to no organisation");
    q.visible_to_org = *who.org_id;
  }
  return Status::Ok();
}

Result<http::Response> ListCollection(AppContext& app, const http::Request& req,
                                      const Principal& who, const Collection& c) {
  TXNG_ASSIGN_OR_RETURN(CollectionPage page, ReadCollectionPage(req));
  if (!c.field) {
    // The five standard event types; TXNG has no custom ones.
    std::vector<std::string> members;
    for (const std::string& name : EventTypeNames()) {
      if (name > page.after && members.size() < static_cast<std::size_t>(page.per_page)) {
        members.push_back(name);
      }
    }
    const bool more = !members.empty() && members.back() < EventTypeNames().back();
    return PagedCollection(req, members, page, members.empty() ? "" : members.back(), more);
  }
  TXNG_ASSIGN_OR_RETURN(const bool urns, WantsEpcUrns(req));
  gs1::CompanyPrefixLengths prefixes;
  if (urns) {
    TXNG_ASSIGN_OR_RETURN(prefixes, RegisteredCompanyPrefixes(app.store));
  }
  EventValuesQuery q;
  q.field = *c.field;
  q.after = page.after;
  q.limit = page.per_page;
  TXNG_RETURN_IF_ERROR(SetVisibility(q, who));
  TXNG_ASSIGN_OR_RETURN(EventValuesPage values, app.store.ListEventValues(q));
  std::vector<std::string> members;
  for (const std::string& value : values.values) {
    if (c.vocabulary) {
      members.push_back(epcis::CompactVocabulary(*c.vocabulary, value));
    } else {
      members.push_back(epcis::FormatIdentifier(
          value, urns ? epcis::EpcFormat::kEpcUrn : epcis::EpcFormat::kDigitalLink, prefixes));
    }
  }
  // The token is the stored (internal) form of the last value.
  return PagedCollection(req, members, page, values.values.empty() ? "" : values.values.back(),
                         values.more);
}

bool IsEventType(const std::string& name) {
  return std::find(EventTypeNames().begin(), EventTypeNames().end(), name) !=
         EventTypeNames().end();
}

// The event query of the request with the collection's filter added. The
// filter's parameter may not be given again in the query string: the two
// would be alternatives of one parameter, which would widen the answer.
Result<http::Response> CollectionEvents(AppContext& app, const http::Request& req,
                                        const Principal& who, const Collection& c) {
  const std::string value = req.Param(c.value_param);
  if (!c.field && !IsEventType(value)) {
    return Status::NotFound("no event type \"" + value + "\"");
  }
  QueryParams params = req.query;
  for (const auto& [name, ignored] : params) {
    if (name == c.filter) {
      return Status::InvalidArgument("query parameter " + name + ": the path /epcis/" + c.name +
                                         "/{" + c.value_param + "}/events sets it already",
                                     name);
    }
  }
  params.emplace_back(c.filter, value);
  TXNG_ASSIGN_OR_RETURN(EventQueryRequest q, ParseEventQuery(params));
  TXNG_ASSIGN_OR_RETURN(EventQueryAnswer answer, RunEventQuery(app.store, std::move(q), who));
  return QueryDocument(app, req, answer);
}

}  // namespace

void RegisterEpcisBrowse(http::Router& router, AppContext& app) {
  router.Add(
      "GET", "/epcis",
      Epcis(app, Endpoint::kQuery,
            [](http::Request& req, const Principal&) -> Result<http::Response> {
              if (!req.query.empty()) {
                return Status::InvalidArgument(
                    "query parameter " + req.query[0].first + ": /epcis takes no parameters",
                    req.query[0].first);
              }
              return CollectionResponse({"capture", "events", "eventTypes", "epcs", "bizSteps",
                                         "bizLocations", "readPoints", "dispositions", "queries"});
            }));
  AddOptions(router, app, "/epcis", "GET");
  for (const Collection& c : Collections()) {
    const std::string base = "/epcis/" + c.name;
    AddOptions(router, app, base, "GET");
    AddOptions(router, app, base + "/{" + c.value_param + "}", "GET");
    AddOptions(router, app, base + "/{" + c.value_param + "}/events", "GET");
    router.Add("GET", base,
               Epcis(app, Endpoint::kQuery, [&app, &c](http::Request& req, const Principal& who) {
                 return ListCollection(app, req, who, c);
               }));
    // A value's sub-resources: its events.
    router.Add(
        "GET", base + "/{" + c.value_param + "}",
        Epcis(app, Endpoint::kQuery,
              [&c](http::Request& req, const Principal&) -> Result<http::Response> {
                if (!c.field && !IsEventType(req.Param(c.value_param))) {
                  return Status::NotFound("no event type \"" + req.Param(c.value_param) + "\"");
                }
                return CollectionResponse({"events"});
              }));
    router.Add("GET", base + "/{" + c.value_param + "}/events",
               Epcis(app, Endpoint::kQuery, [&app, &c](http::Request& req, const Principal& who) {
                 return CollectionEvents(app, req, who, c);
               }));
  }
}

}  // namespace txng::handlers::epcis_api
