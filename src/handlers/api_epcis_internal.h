// Shared by the files of the EPCIS REST bindings (api_epcis*.cc): problem
// documents, version negotiation, rendering of EPCIS documents, and the
// wrapper every /epcis route runs in. Internal to the handlers.
#ifndef TXNG_HANDLERS_API_EPCIS_INTERNAL_H_
#define TXNG_HANDLERS_API_EPCIS_INTERNAL_H_

#include <optional>
#include <string>

#include "epcis/model.h"
#include "handlers/app.h"
#include "handlers/auth.h"
#include "http/message.h"
#include "service/epcis_query.h"

namespace txng::handlers::epcis_api {

// Which family of EPCIS exceptions a route's failures belong to: invalid
// input is a ValidationException when capturing, a QueryParameterException
// when asking.
enum class Endpoint { kCapture, kQuery };

// The RFC 7807 problem document of `status`, typed epcisException:<Name>
// with the HTTP status the REST bindings give that exception.
http::Response EpcisProblem(const Status& status, const http::Request& req, Endpoint endpoint);

// A problem document of an exception that has no Status code of its own
// (406 NotAcceptableException, 415 UnsupportedMediaTypeException).
http::Response TypedProblem(int status, const std::string& exception, const std::string& detail,
                            const http::Request& req);

// Version negotiation (GS1-EPCIS-Version, -Min, -Max and the GS1-CBV-*
// headers of a request): TXNG speaks EPCIS 2.0.0 and CBV 2.0.0 only. A
// request asking for another version, or a range without 2.0.0, is answered
// 406 NotAcceptableException; a header that is no version number
// (digits and dots) is invalid input. nullopt when the request may proceed.
std::optional<http::Response> NegotiateVersions(const http::Request& req, Endpoint endpoint);

// GS1-EPCIS-Version and GS1-CBV-Version, on every /epcis response.
void SetVersionHeaders(http::Response& res);

// True when GS1-EPC-Format asks for EPC URNs; kInvalidArgument for a value
// the REST bindings do not define.
Result<bool> WantsEpcUrns(const http::Request& req);

// `doc` as the client asks for it: XML when Accept names XML and not JSON,
// else JSON-LD; identifiers and CBV values in the forms GS1-EPC-Format and
// GS1-CBV-XML-Format ask.
Result<http::Response> Render(AppContext& app, const http::Request& req, const epcis::Document& doc,
                              int status);

// The EPCISQueryDocument of `answer`, with Link rel="next" to the same
// path and parameters when more events follow.
Result<http::Response> QueryDocument(AppContext& app, const http::Request& req,
                                     const EventQueryAnswer& answer);

// The path of the request as received (still percent-encoded), for links.
std::string RawPath(const http::Request& req);

// Negotiates versions, authenticates the caller (anonymous callers pass, as
// `body` decides what they may do), runs `body` and renders its failure as
// an EPCIS problem. Every response carries the version headers.
template <typename Body>
http::Handler Epcis(AppContext& app, Endpoint endpoint, Body body) {
  return [&app, endpoint, body](http::Request& req) -> http::Response {
    http::Response out = [&]() -> http::Response {
      if (std::optional<http::Response> refused = NegotiateVersions(req, endpoint)) {
        return *std::move(refused);
      }
      Result<Principal> who = Authenticate(req, app.accounts);
      if (!who.ok()) return EpcisProblem(who.status(), req, endpoint);
      if (Status s = CheckPasswordChosen(req, *who); !s.ok()) return EpcisProblem(s, req, endpoint);
      if (Status s = CheckCsrf(req, *who); !s.ok()) return EpcisProblem(s, req, endpoint);
      Result<http::Response> res = body(req, *who);
      if (!res.ok() && !who->anonymous() && res.status().code() == StatusCode::kUnauthenticated) {
        res = Status::PermissionDenied(res.status().message());
      }
      if (!res.ok()) return EpcisProblem(res.status(), req, endpoint);
      res->SetHeader("Cache-Control", "no-store");
      return *std::move(res);
    }();
    SetVersionHeaders(out);
    return out;
  };
}

// OPTIONS on `pattern`: 204 with Allow (`allow`, OPTIONS included) and the
// discovery headers of the REST bindings (versions, formats; the capture
// limits and error behaviours on /epcis/capture).
void AddOptions(http::Router& router, AppContext& app, const std::string& pattern,
                const std::string& allow);

// The most events one capture job takes (GS1-EPCIS-Capture-Limit).
inline constexpr std::size_t kCaptureLimit = 10000;

// The browse endpoints (api_epcis_browse.cc) and named queries
// (api_epcis_queries.cc).
void RegisterEpcisBrowse(http::Router& router, AppContext& app);
void RegisterEpcisQueries(http::Router& router, AppContext& app);

}  // namespace txng::handlers::epcis_api

#endif  // TXNG_HANDLERS_API_EPCIS_INTERNAL_H_
