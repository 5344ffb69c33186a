#include "handlers/api_labels.h"

#include <limits>

#include "handlers/api_handler.h"
#include "handlers/auth.h"
#include "http/problem.h"
#include "service/labels.h"

namespace txng::handlers {
namespace {

// An optional integer parameter that must fit an int.
Result<std::optional<int>> SmallIntQuery(const http::Request& r, const char* name) {
  TXNG_ASSIGN_OR_RETURN(std::optional<int64_t> v, IntQuery(r, name));
  if (!v) return std::optional<int>();
  if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
    return Status::InvalidArgument(std::string(name) + " is out of range", name);
  }
  return std::optional<int>(static_cast<int>(*v));
}

Result<LotLabelRequest> RequestFromQuery(const http::Request& r, const AppContext& app) {
  LotLabelRequest out;
  TXNG_ASSIGN_OR_RETURN(std::optional<int64_t> lot, IntQuery(r, "lot"));
  if (!lot) {
    return Status::InvalidArgument(
        "the query parameter 'lot' is required: the id of the lot to print labels for", "lot");
  }
  if (*lot <= 0) return Status::NotFound("lot " + std::to_string(*lot) + " not found");
  out.lot_id = *lot;
  TXNG_ASSIGN_OR_RETURN(std::optional<int> columns, SmallIntQuery(r, "columns"));
  TXNG_ASSIGN_OR_RETURN(std::optional<int> rows, SmallIntQuery(r, "rows"));
  TXNG_ASSIGN_OR_RETURN(out.copies, SmallIntQuery(r, "copies"));
  TXNG_ASSIGN_OR_RETURN(std::optional<int> serial_count, SmallIntQuery(r, "serialCount"));
  if (columns) out.layout.columns = *columns;
  if (rows) out.layout.rows = *rows;
  const std::optional<std::string> serial_from = r.Query("serialFrom");
  if (serial_from.has_value() != serial_count.has_value()) {
    return serial_from ? Status::InvalidArgument(
                             "serialFrom needs serialCount: how many serials, one label each",
                             "serialCount")
                       : Status::InvalidArgument(
                             "serialCount needs serialFrom: the first serial, e.g. 1 or A0001",
                             "serialFrom");
  }
  if (serial_from) out.serials = SerialRange{*serial_from, *serial_count};
  http::Lang lang = http::NegotiateLang(r);
  if (auto code = r.Query("lang")) {
    auto chosen = http::ParseLang(*code);
    if (!chosen) return Status::InvalidArgument("lang must be vi or en", "lang");
    lang = *chosen;
  }
  out.captions = LabelCaptionsFor(app.renderer.catalogue(), lang);
  out.stem = app.site.public_url;
  return out;
}

}  // namespace

label::LabelCaptions LabelCaptionsFor(const http::Catalogue& catalogue, http::Lang lang) {
  label::LabelCaptions c;
  c.language =
      lang == http::Lang::kEn ? label::LabelLanguage::kEnglish : label::LabelLanguage::kVietnamese;
  c.lot = catalogue.T(lang, "label.lot");
  c.production_date = catalogue.T(lang, "label.production_date");
  c.expiry_date = catalogue.T(lang, "label.expiry_date");
  c.serial = catalogue.T(lang, "label.serial");
  return c;
}

void RegisterLabelsApi(http::Router& router, AppContext& app) {
  router.Add("GET", "/api/v1/labels", [&app](http::Request& req) -> http::Response {
    auto principal = Authenticate(req, app.accounts);
    if (!principal.ok()) return http::ProblemResponse(principal.status(), req.path);
    if (Status s = CheckPasswordChosen(req, *principal); !s.ok()) {
      return http::ProblemResponse(s, req.path);
    }
    auto request = RequestFromQuery(req, app);
    if (!request.ok()) return http::ProblemResponse(request.status(), req.path);
    auto sheet = PrintLotLabels(app.catalog, *principal, *request);
    if (!sheet.ok()) return http::ProblemResponse(sheet.status(), req.path);
    http::Response res;
    res.status = 200;
    res.content_type = "application/pdf";
    res.body = std::move(sheet->pdf);
    res.SetHeader("Content-Disposition", "attachment; filename=\"" + sheet->filename + "\"");
    res.SetHeader("Cache-Control", "no-store");
    return res;
  });
}

}  // namespace txng::handlers
