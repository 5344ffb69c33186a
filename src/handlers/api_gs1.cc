#include "handlers/api_gs1.h"

#include "http/problem.h"
#include "service/gs1_inspect.h"

namespace txng::handlers {

namespace {

Result<Gs1Inspection> Inspect(Store& store, const std::optional<std::string>& input) {
  if (!input) {
    return Status::InvalidArgument(
        "the query parameter 'input' is required, e.g. ?input=(01)08930000000019");
  }
  TXNG_ASSIGN_OR_RETURN(gs1::CompanyPrefixLengths prefixes, RegisteredCompanyPrefixes(store));
  return InspectGs1(*input, prefixes);
}

}  // namespace

void RegisterGs1Api(http::Router& router, Store& store) {
  router.Add("GET", "/api/v1/gs1/parse", [&store](http::Request& req) {
    const Result<Gs1Inspection> r = Inspect(store, req.Query("input"));
    if (!r.ok() && r.status().code() != StatusCode::kInvalidArgument) {
      return http::ProblemResponse(r.status(), req.path);  // the database failed
    }
    http::Response res = http::Response::JsonText(r.ok() ? 200 : 400, Gs1InspectionJson(r));
    // Short: the EPC URI follows the registered prefixes, which can change.
    res.SetHeader("Cache-Control", "public, max-age=300");
    return res;
  });
}

}  // namespace txng::handlers
