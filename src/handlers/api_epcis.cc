#include "handlers/api_epcis.h"

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "epcis/json_decode.h"
#include "epcis/json_encode.h"
#include "epcis/xml_encode.h"
#include "handlers/api_handler.h"
#include "handlers/auth.h"
#include "http/problem.h"
#include "service/epcis_capture.h"
#include "service/epcis_query.h"
#include "service/gs1_inspect.h"

namespace txng::handlers {
namespace {

enum class Endpoint { kCapture, kQuery };

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
  res.SetHeader("GS1-EPCIS-Capture-Limit", "10000");
}

// A document as the client asks for it: XML when Accept names XML and not
// JSON, else JSON-LD; identifiers as EPC URNs only when GS1-EPC-Format
// insists; CBV values in XML as URNs when GS1-CBV-XML-Format asks.
Result<http::Response> Render(AppContext& app, const http::Request& req, const epcis::Document& doc,
                              int status) {
  const std::string epc_format = req.Header("GS1-EPC-Format").value_or("No_Preference");
  if (epc_format != "No_Preference" && epc_format != "Always_GS1_Digital_Link" &&
      epc_format != "Always_EPC_URN" && epc_format != "Never_Translates") {
    return Status::InvalidArgument(
        "GS1-EPC-Format must be No_Preference, Always_GS1_Digital_Link, Always_EPC_URN or "
        "Never_Translates, got \"" +
            epc_format + "\"",
        "GS1-EPC-Format");
  }
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
  const bool urns = epc_format == "Always_EPC_URN";
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
    std::string next = "/epcis/events?";
    for (const auto& [name, value] : req.query) {
      if (name == "nextPageToken") continue;
      next += http::PercentEncode(name) + "=" + http::PercentEncode(value) + "&";
    }
    next += "nextPageToken=" + http::PercentEncode(*answer.next_page_token);
    res.SetHeader("Link", "<" + next + ">; rel=\"next\"");
  }
  return res;
}

// Runs `body` for an authenticated caller and renders its failure as an
// EPCIS problem.
template <typename Body>
http::Handler Epcis(AppContext& app, Endpoint endpoint, Body body) {
  return [&app, endpoint, body](http::Request& req) -> http::Response {
    Result<Principal> who = Authenticate(req, app.accounts);
    if (!who.ok()) return EpcisProblem(who.status(), req, endpoint);
    if (Status s = CheckCsrf(req, *who); !s.ok()) return EpcisProblem(s, req, endpoint);
    Result<http::Response> res = body(req, *who);
    if (!res.ok() && !who->anonymous() && res.status().code() == StatusCode::kUnauthenticated) {
      res = Status::PermissionDenied(res.status().message());
    }
    if (!res.ok()) return EpcisProblem(res.status(), req, endpoint);
    SetVersionHeaders(*res);
    res->SetHeader("Cache-Control", "no-store");
    return *std::move(res);
  };
}

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

// The most events one capture job takes (GS1-EPCIS-Capture-Limit).
constexpr std::size_t kCaptureLimit = 10000;

// With "proceed", a JSON-LD document whose events do not all decode is
// read event by event: the valid ones are captured, the others reported.
Result<CaptureSubmission> DecodeForProceed(const std::string& body) {
  CaptureSubmission out;
  nlohmann::ordered_json root = nlohmann::ordered_json::parse(body, nullptr, false);
  const auto* events =
      root.is_object() && root.contains("epcisBody") && root["epcisBody"].is_object() &&
              root["epcisBody"].contains("eventList") && root["epcisBody"]["eventList"].is_array()
          ? &root["epcisBody"]["eventList"]
          : nullptr;
  if (events == nullptr) return DecodeEpcis(body, EpcisSyntax::kJsonLd).status();
  nlohmann::ordered_json shell = root;
  shell["epcisBody"]["eventList"] = nlohmann::ordered_json::array();
  TXNG_ASSIGN_OR_RETURN(out.document, epcis::DecodeJsonValue(shell));
  for (std::size_t i = 0; i < events->size(); ++i) {
    nlohmann::ordered_json one = shell;
    one["epcisBody"]["eventList"].push_back((*events)[i]);
    Result<epcis::Document> decoded = epcis::DecodeJsonValue(one);
    if (decoded.ok()) {
      out.document.events.push_back(std::move(decoded->events.at(0)));
    } else {
      out.rejected.push_back({static_cast<int64_t>(i), decoded.status()});
    }
  }
  return out;
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
  CaptureSubmission submission;
  Result<epcis::Document> whole = DecodeEpcis(req.body, SyntaxOf(req));
  if (whole.ok()) {
    submission.document = std::move(*whole);
  } else if (behaviour == "proceed" && SyntaxOf(req) == EpcisSyntax::kJsonLd) {
    TXNG_ASSIGN_OR_RETURN(submission, DecodeForProceed(req.body));
  } else {
    return whole.status();  // received but rejected: nothing is stored
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
  return res;
}

}  // namespace

void RegisterEpcisApi(http::Router& router, AppContext& app) {
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

}  // namespace txng::handlers
