#include "handlers/api_epcis.h"

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "epcis/json_encode.h"
#include "epcis/xml_encode.h"
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
    if (!res.ok()) return EpcisProblem(res.status(), req, endpoint);
    SetVersionHeaders(*res);
    res->SetHeader("Cache-Control", "no-store");
    return *std::move(res);
  };
}

Result<http::Response> CaptureOneEvent(AppContext& app, const http::Request& req,
                                       const Principal& who) {
  const std::string type = req.Header("Content-Type").value_or("application/json");
  const EpcisSyntax syntax =
      type.find("xml") != std::string::npos ? EpcisSyntax::kXml : EpcisSyntax::kJsonLd;
  TXNG_ASSIGN_OR_RETURN(epcis::Document doc, DecodeEpcis(req.body, syntax));
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

}  // namespace

void RegisterEpcisApi(http::Router& router, AppContext& app) {
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
