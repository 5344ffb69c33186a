#include "http/problem.h"

#include <spdlog/spdlog.h>

#include "http/json_text.h"
#include "http/request_context.h"

namespace txng::http {
namespace {

std::string_view TitleFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return "Invalid request";
    case StatusCode::kUnauthenticated:
      return "Authentication required";
    case StatusCode::kPermissionDenied:
      return "Permission denied";
    case StatusCode::kNotFound:
      return "Not found";
    case StatusCode::kAlreadyExists:
      return "Already exists";
    case StatusCode::kFailedPrecondition:
      return "Not allowed in the current state";
    case StatusCode::kPayloadTooLarge:
      return "Payload too large";
    case StatusCode::kResourceExhausted:
      return "Too many requests";
    case StatusCode::kUnavailable:
      return "Service unavailable";
    case StatusCode::kUnimplemented:
      return "Not implemented";
    case StatusCode::kOk:
    case StatusCode::kInternal:
      break;
  }
  return "Internal error";
}

}  // namespace

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kPayloadTooLarge:
      return 413;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kUnimplemented:
      return 501;
    case StatusCode::kOk:
    case StatusCode::kInternal:
      break;
  }
  return 500;
}

Response RenderProblem(const Problem& problem) {
  std::string json = "{\"type\":";
  AppendJsonString(
      json, problem.type_uri.empty() ? "urn:txng:problem:" + problem.type_name : problem.type_uri);
  json += ",\"title\":";
  AppendJsonString(json, problem.title);
  json += ",\"status\":";
  json += std::to_string(problem.status);
  json += ",\"detail\":";
  AppendJsonString(json, problem.detail);
  json += ",\"instance\":";
  AppendJsonString(json, problem.instance);
  if (!problem.field.empty()) {
    json += ",\"field\":";
    AppendJsonString(json, problem.field);
  }
  json += '}';
  Response r;
  r.status = problem.status;
  r.content_type = "application/problem+json";
  r.body = std::move(json);
  return r;
}

Response ProblemResponse(const Status& status, std::string_view instance) {
  // An OK status here is a caller bug; answer it like any internal error.
  StatusCode code = status.ok() ? StatusCode::kInternal : status.code();
  Problem p;
  p.status = HttpStatusFor(code);
  p.type_name = std::string(StatusCodeName(code));
  p.title = std::string(TitleFor(code));
  p.instance = std::string(instance);
  if (code == StatusCode::kInternal) {
    std::string_view request_id = CurrentRequestId();
    spdlog::error("internal error answering {} (request id {}): {}", instance,
                  request_id.empty() ? "-" : request_id,
                  status.ok() ? "problem rendered from an OK status" : status.ToString());
    p.detail = "internal error; see the server log";
    if (!request_id.empty()) {
      p.detail += " (request id ";
      p.detail += request_id;
      p.detail += ')';
    }
  } else {
    p.detail = status.message();
    p.field = status.field();
  }
  Response r = RenderProblem(p);
  if (p.status == 401) r.SetHeader("WWW-Authenticate", "Bearer realm=\"txng\"");
  if (p.status == 429) r.SetHeader("Retry-After", "60");
  return r;
}

}  // namespace txng::http
