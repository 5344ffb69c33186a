#include "handlers/api_gs1.h"

#include "service/gs1_inspect.h"

namespace txng::handlers {

void RegisterGs1Api(http::Router& router) {
  router.Add("GET", "/api/v1/gs1/parse", [](http::Request& req) {
    const auto input = req.Query("input");
    const Result<Gs1Inspection> r =
        input ? InspectGs1(*input)
              : Result<Gs1Inspection>(Status::InvalidArgument(
                    "the query parameter 'input' is required, e.g. ?input=(01)08930000000019"));
    http::Response res = http::Response::JsonText(r.ok() ? 200 : 400, Gs1InspectionJson(r));
    res.SetHeader("Cache-Control", "public, max-age=3600");
    return res;
  });
}

}  // namespace txng::handlers
