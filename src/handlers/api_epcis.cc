#include "handlers/api_epcis.h"

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "epcis/json_decode.h"
#include "epcis/json_encode.h"
#include "epcis/xml_encode.h"
#include "handlers/api_epcis_internal.h"
#include "handlers/api_handler.h"
#include "handlers/auth.h"
#include "http/problem.h"
#include "service/epcis_capture.h"
#include "service/epcis_query.h"
#include "service/gs1_inspect.h"

namespace txng::handlers {
namespace epcis_api {
namespace {

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The EPCIS exception a failure is, as the REST bindings name them.
std::string ExceptionName(StatusCode code, Endpoint endpoint) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return endpoint == Endpoint::kCapture ? "ValidationException" : "QueryParameterException";
    case StatusCode::kUnauthenticated:
    case StatusCode::kPermissionDenied:
      return "SecurityException";
    case StatusCode::kNotFound:
      return "NoSuchResourceException";
    case StatusCode::kAlreadyExists:
      return "ResourceAlreadyExistsException";
    case StatusCode::kPayloadTooLarge:
      return endpoint == Endpoint::kCapture ? "CapturePayloadTooLargeException"
                                            : "QueryTooLargeException";
    case StatusCode::kUnimplemented:
      return "ImplementationException";
    default:
      return "ImplementationException";
  }
}

// A version number as the REST bindings write them: digits and dots.
std::optional<std::vector<int>> ParseVersion(std::string_view text) {
  std::vector<int> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::string_view part =
        text.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty() || part.size() > 6) return std::nullopt;
    int value = 0;
    for (char ch : part) {
      if (ch < '0' || ch > '9') return std::nullopt;
      value = value * 10 + (ch - '0');
    }
    parts.push_back(value);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  // 2, 2.0 and 2.0.0 are one version.
  while (parts.size() > 1 && parts.back() == 0) parts.pop_back();
  return parts;
}

// The version TXNG speaks, for both standards.
const std::vector<int>& SpokenVersion() {
  static const auto* version = new std::vector<int>{2};
  return *version;
}

}  // namespace

http::Response TypedProblem(int status, const std::string& exception, const std::string& detail,
                            const http::Request& req) {
  http::Problem p;
  p.status = status;
  p.type_uri = "epcisException:" + exception;
  p.title = exception;
  p.detail = detail;
  p.instance = req.path;
  return http::RenderProblem(p);
}

std::optional<http::Response> NegotiateVersions(const http::Request& req, Endpoint endpoint) {
  for (const char* standard : {"EPCIS", "CBV"}) {
    const std::string prefix = std::string("GS1-") + standard + "-";
    std::optional<std::vector<int>> asked[3];
    const char* suffixes[3] = {"Version", "Min", "Max"};
    for (int i = 0; i < 3; ++i) {
      const std::string name = prefix + suffixes[i];
      std::optional<std::string> value = req.Header(name);
      if (!value) continue;
      asked[i] = ParseVersion(*value);
      if (!asked[i]) {
        return EpcisProblem(Status::InvalidArgument(name +
                                                        " must be a version number such as "
                                                        "2.0.0, got \"" +
                                                        *value + "\"",
                                                    name),
                            req, endpoint);
      }
    }
    const std::vector<int>& spoken = SpokenVersion();
    const bool refused = (asked[0] && *asked[0] != spoken) || (asked[1] && *asked[1] > spoken) ||
                         (asked[2] && *asked[2] < spoken);
    if (refused) {
      return TypedProblem(406, "NotAcceptableException",
                          std::string("this repository speaks ") + standard +
                              " 2.0.0 only, which the request's " + prefix + "* headers exclude",
                          req);
    }
  }
  return std::nullopt;
}

http::Response EpcisProblem(const Status& status, const http::Request& req, Endpoint endpoint) {
  http::Response res = http::ProblemResponse(status, req.path);
  if (status.code() == StatusCode::kInternal || status.code() == StatusCode::kUnavailable) {
    return res;  // keeps the server's own wording (no internals leak)
  }
  http::Problem p;
  p.status = res.status;
  p.type_uri = "epcisException:" + ExceptionName(status.code(), endpoint);
  p.title = ExceptionName(status.code(), endpoint);
  p.detail = status.message();
  p.instance = req.path;
  p.field = status.field();
  http::Response out = http::RenderProblem(p);
  for (auto& [name, value] : res.headers) out.SetHeader(name, value);  // WWW-Authenticate
  return out;
}

void SetVersionHeaders(http::Response& res) {
  res.SetHeader("GS1-EPCIS-Version", "2.0.0");
  res.SetHeader("GS1-CBV-Version", "2.0.0");
}

Result<bool> WantsEpcUrns(const http::Request& req) {
  const std::string epc_format = req.Header("GS1-EPC-Format").value_or("No_Preference");
  if (epc_format != "No_Preference" && epc_format != "Always_GS1_Digital_Link" &&
      epc_format != "Always_EPC_URN" && epc_format != "Never_Translates") {
    return Status::InvalidArgument(
        "GS1-EPC-Format must be No_Preference, Always_GS1_Digital_Link, Always_EPC_URN or "
        "Never_Translates, got \"" +
            epc_format + "\"",
        "GS1-EPC-Format");
  }
  return epc_format == "Always_EPC_URN";
}

std::string RawPath(const http::Request& req) {
  if (req.target.empty()) return req.path;
  return req.target.substr(0, req.target.find('?'));
}

// Identifiers as EPC URNs only when GS1-EPC-Format insists; CBV values in
// XML as URNs when GS1-CBV-XML-Format asks.
Result<http::Response> Render(AppContext& app, const http::Request& req, const epcis::Document& doc,
                              int status) {
  TXNG_ASSIGN_OR_RETURN(const bool urns, WantsEpcUrns(req));
  const std::string cbv_format = req.Header("GS1-CBV-XML-Format").value_or("No_Preference");
  if (cbv_format != "No_Preference" && cbv_format != "Always_Web_URI" &&
      cbv_format != "Always_URN" && cbv_format != "Never_Translates") {
    return Status::InvalidArgument(
        "GS1-CBV-XML-Format must be No_Preference, Always_Web_URI, Always_URN or "
        "Never_Translates, got \"" +
            cbv_format + "\"",
        "GS1-CBV-XML-Format");
  }
  gs1::CompanyPrefixLengths prefixes;
  if (urns) {
    TXNG_ASSIGN_OR_RETURN(prefixes, RegisteredCompanyPrefixes(app.store));
  }
  const std::string accept = req.Header("Accept").value_or("");
  http::Response res;
  res.status = status;
  if (accept.find("xml") != std::string::npos && accept.find("json") == std::string::npos) {
    epcis::XmlEncodeOptions options;
    options.epc_format = urns ? epcis::EpcFormat::kEpcUrn : epcis::EpcFormat::kDigitalLink;
    options.prefixes = std::move(prefixes);
    options.cbv_format =
        cbv_format == "Always_URN" ? epcis::CbvFormat::kUrn : epcis::CbvFormat::kWebUri;
    res.content_type = "application/xml; charset=utf-8";
    res.body = epcis::EncodeXmlDocument(doc, options);
  } else {
    epcis::JsonEncodeOptions options;
    options.epc_format = urns ? epcis::EpcFormat::kEpcUrn : epcis::EpcFormat::kDigitalLink;
    options.prefixes = std::move(prefixes);
    res.content_type = "application/ld+json";
    res.body = Dump(epcis::EncodeJsonDocument(doc, options));
  }
  return res;
}

Result<http::Response> QueryDocument(AppContext& app, const http::Request& req,
                                     const EventQueryAnswer& answer) {
  epcis::Document doc;
  doc.kind = epcis::DocumentKind::kQueryDocument;
  doc.schema_version = "2.0";
  doc.query_name = "SimpleEventQuery";
  doc.creation_date = FormatIso8601(NowMillis());
  for (const StoredEvent& e : answer.events) doc.events.push_back(e.event);
  TXNG_ASSIGN_OR_RETURN(http::Response res, Render(app, req, doc, 200));
  if (answer.next_page_token) {
    std::string next = RawPath(req) + "?";
    for (const auto& [name, value] : req.query) {
      if (name == "nextPageToken") continue;
      next += http::PercentEncode(name) + "=" + http::PercentEncode(value) + "&";
    }
    next += "nextPageToken=" + http::PercentEncode(*answer.next_page_token);
    res.SetHeader("Link", "<" + next + ">; rel=\"next\"");
  }
  return res;
}

namespace {

// XML when the Content-Type says so, else JSON-LD.
EpcisSyntax SyntaxOf(const http::Request& req) {
  const std::string type = req.Header("Content-Type").value_or("application/json");
  return type.find("xml") != std::string::npos ? EpcisSyntax::kXml : EpcisSyntax::kJsonLd;
}

Result<http::Response> CaptureOneEvent(AppContext& app, const http::Request& req,
                                       const Principal& who) {
  TXNG_ASSIGN_OR_RETURN(epcis::Document doc, DecodeEpcis(req.body, SyntaxOf(req)));
  if (doc.events.size() != 1) {
    return Status::InvalidArgument("POST /epcis/events takes exactly one event, got " +
                                   std::to_string(doc.events.size()));
  }
  TXNG_ASSIGN_OR_RETURN(CaptureReport report,
                        CaptureDocument(app.store, doc, who, {}, who.ToActor()));
  TXNG_ASSIGN_OR_RETURN(StoredEvent stored, app.store.GetEvent(report.events[0].id));
  const std::string id = stored.event.event_id.empty() ? stored.hash_id : stored.event.event_id;
  if (report.duplicates > 0) {
    return Status::AlreadyExists("an event with eventID \"" + id + "\" is already captured");
  }
  epcis::Document one;
  one.kind = epcis::DocumentKind::kSingleEvent;
  one.events.push_back(stored.event);
  TXNG_ASSIGN_OR_RETURN(http::Response res, Render(app, req, one, 201));
  res.SetHeader("Location", "/epcis/events/" + http::PercentEncode(id));
  return res;
}

nlohmann::json JobJson(const CaptureJob& job) {
  nlohmann::json j = {{"captureID", std::to_string(job.id)},
                      {"createdAt", FormatIso8601(job.created_at)},
                      {"running", job.running},
                      {"success", job.success},
                      {"captureErrorBehaviour", job.proceed ? "proceed" : "rollback"},
                      {"eventCount", job.event_count},
                      {"storedEventCount", job.stored},
                      {"duplicateEventCount", job.duplicates},
                      {"errors", nlohmann::json::parse(job.errors, nullptr, false)}};
  if (job.finished_at) j["finishedAt"] = FormatIso8601(*job.finished_at);
  return j;
}

bool SeesAllJobs(const Principal& who) { return who.is(Role::kAdmin) || who.is(Role::kReviewer); }

Result<http::Response> SubmitCapture(AppContext& app, const http::Request& req,
                                     const Principal& who) {
  if (who.anonymous())
    return Status::Unauthenticated("capturing events needs a sign-in or API key");
  if (!who.org_id) {
    return Status::PermissionDenied(
        "POST /epcis/capture captures for the caller's organisation; administrators import "
        "with `txng capture --org TAXCODE`");
  }
  const std::string behaviour = req.Header("GS1-Capture-Error-Behaviour").value_or("rollback");
  if (behaviour != "rollback" && behaviour != "proceed") {
    return Status::InvalidArgument(
        "GS1-Capture-Error-Behaviour must be rollback or proceed, got \"" + behaviour + "\"",
        "GS1-Capture-Error-Behaviour");
  }
  // With rollback the first invalid event refuses the document: nothing is stored.
  CaptureSubmission submission;
  std::vector<epcis::EventError> rejected;
  TXNG_ASSIGN_OR_RETURN(
      submission.document,
      DecodeEpcis(req.body, SyntaxOf(req), behaviour == "proceed" ? &rejected : nullptr));
  for (epcis::EventError& e : rejected) {
    submission.rejected.push_back({static_cast<int64_t>(e.index), std::move(e.status)});
  }
  const std::size_t count = submission.document.events.size() + submission.rejected.size();
  if (count > kCaptureLimit) {
    return Status::PayloadTooLarge("a capture job takes at most " + std::to_string(kCaptureLimit) +
                                   " events (GS1-EPCIS-Capture-Limit), got " +
                                   std::to_string(count));
  }
  submission.proceed = behaviour == "proceed";
  submission.org_id = *who.org_id;
  submission.who = who;
  TXNG_ASSIGN_OR_RETURN(CaptureJob job, app.capture.Submit(std::move(submission)));
  http::Response res = http::Response::JsonText(202, DumpJson(JobJson(job)));
  res.SetHeader("Location", "/epcis/capture/" + std::to_string(job.id));
  res.SetHeader("GS1-EPCIS-Capture-Limit", std::to_string(kCaptureLimit));
  return res;
}

void RegisterEventsAndCapture(http::Router& router, AppContext& app) {
  router.Add("POST", "/epcis/capture",
             Epcis(app, Endpoint::kCapture, [&app](http::Request& req, const Principal& who) {
               return SubmitCapture(app, req, who);
             }));
  router.Add("GET", "/epcis/capture",
             Epcis(app, Endpoint::kQuery,
                   [&app](http::Request&, const Principal& who) -> Result<http::Response> {
                     if (who.anonymous())
                       return Status::Unauthenticated("sign in to see capture jobs");
                     std::optional<int64_t> org;
                     if (!SeesAllJobs(who)) {
                       if (!who.org_id) return Status::PermissionDenied("no organisation");
                       org = who.org_id;
                     }
                     TXNG_ASSIGN_OR_RETURN(std::vector<CaptureJob> jobs,
                                           app.store.ListCaptureJobs(org, 100));
                     nlohmann::json out = nlohmann::json::array();
                     for (const CaptureJob& job : jobs) out.push_back(JobJson(job));
                     return http::Response::JsonText(200, DumpJson(out));
                   }));
  router.Add(
      "GET", "/epcis/capture/{id}",
      Epcis(app, Endpoint::kQuery,
            [&app](http::Request& req, const Principal& who) -> Result<http::Response> {
              TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(req, "id", "capture job"));
              Result<CaptureJob> job = app.store.GetCaptureJob(id);
              if (!job.ok() || (!SeesAllJobs(who) && (!who.org_id || *who.org_id != job->org_id))) {
                return Status::NotFound("capture job " + req.Param("id") + " not found");
              }
              return http::Response::JsonText(200, DumpJson(JobJson(*job)));
            }));
  router.Add("POST", "/epcis/events",
             Epcis(app, Endpoint::kCapture, [&app](http::Request& req, const Principal& who) {
               return CaptureOneEvent(app, req, who);
             }));
  router.Add("GET", "/epcis/events",
             Epcis(app, Endpoint::kQuery,
                   [&app](http::Request& req, const Principal& who) -> Result<http::Response> {
                     TXNG_ASSIGN_OR_RETURN(EventQueryRequest q, ParseEventQuery(req.query));
                     TXNG_ASSIGN_OR_RETURN(EventQueryAnswer answer,
                                           RunEventQuery(app.store, std::move(q), who));
                     return QueryDocument(app, req, answer);
                   }));
  router.Add(
      "GET", "/epcis/events/{*eventID}",
      Epcis(app, Endpoint::kQuery,
            [&app](http::Request& req, const Principal& who) -> Result<http::Response> {
              const std::string id = req.Param("eventID");
              TXNG_ASSIGN_OR_RETURN(EventQueryRequest q, ParseEventQuery({{"EQ_eventID", id}}));
              TXNG_ASSIGN_OR_RETURN(EventQueryAnswer answer,
                                    RunEventQuery(app.store, std::move(q), who));
              if (answer.events.empty()) {
                return Status::NotFound("no event with eventID \"" + id + "\"");
              }
              return QueryDocument(app, req, answer);
            }));
}

}  // namespace

void AddOptions(http::Router& router, AppContext& app, const std::string& pattern,
                const std::string& allow) {
  const bool capture = pattern == "/epcis/capture";
  router.Add("OPTIONS", pattern,
             Epcis(app, Endpoint::kQuery,
                   [allow, capture](http::Request&, const Principal&) -> Result<http::Response> {
                     http::Response res;
                     res.status = 204;
                     res.SetHeader("Allow", "OPTIONS, " + allow);
                     res.SetHeader("GS1-EPCIS-Min", "2.0.0");
                     res.SetHeader("GS1-EPCIS-Max", "2.0.0");
                     res.SetHeader("GS1-CBV-Min", "2.0.0");
                     res.SetHeader("GS1-CBV-Max", "2.0.0");
                     res.SetHeader("GS1-EPC-Format", "Always_GS1_Digital_Link");
                     res.SetHeader("GS1-CBV-XML-Format", "Always_Web_URI");
                     if (capture) {
                       res.SetHeader("GS1-EPCIS-Capture-Limit", std::to_string(kCaptureLimit));
                       res.SetHeader("GS1-Capture-Error-Behaviour", "all");
                     }
                     return res;
                   }));
}

}  // namespace epcis_api

void RegisterEpcisApi(http::Router& router, AppContext& app) {
  epcis_api::RegisterEventsAndCapture(router, app);
  epcis_api::AddOptions(router, app, "/epcis/capture", "GET, POST");
  epcis_api::AddOptions(router, app, "/epcis/capture/{id}", "GET");
  epcis_api::AddOptions(router, app, "/epcis/events", "GET, POST");
  epcis_api::AddOptions(router, app, "/epcis/events/{*eventID}", "GET");
  epcis_api::RegisterEpcisBrowse(router, app);
  epcis_api::RegisterEpcisQueries(router, app);
}

}  // namespace txng::handlers
