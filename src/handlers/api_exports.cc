#include "handlers/api_exports.h"

#include "export/writers.h"
#include "handlers/api_handler.h"
#include "handlers/auth.h"
#include "http/i18n.h"
#include "http/problem.h"
#include "service/trace_export.h"

namespace txng::handlers {
namespace {

using nlohmann::json;

enum class Format { kJson, kCsv, kXlsx };

Result<Format> FormatQuery(const http::Request& r, Format fallback, bool json_allowed) {
  const std::optional<std::string> v = r.Query("format");
  if (!v) return fallback;
  if (*v == "csv") return Format::kCsv;
  if (*v == "xlsx") return Format::kXlsx;
  if (*v == "json" && json_allowed) return Format::kJson;
  return Status::InvalidArgument(
      std::string("format must be ") + (json_allowed ? "json, csv or xlsx" : "csv or xlsx"),
      "format");
}

Result<ExportLang> LangQuery(const http::Request& r) {
  if (auto code = r.Query("lang")) {
    auto lang = http::ParseLang(*code);
    if (!lang) return Status::InvalidArgument("lang must be vi or en", "lang");
    return *lang == http::Lang::kEn ? ExportLang::kEn : ExportLang::kVi;
  }
  return http::NegotiateLang(r) == http::Lang::kEn ? ExportLang::kEn : ExportLang::kVi;
}

// The sheet as a download in `format` (CSV or XLSX).
Result<http::Response> Download(const exports::Sheet& sheet, Format format,
                                const std::string& stem) {
  http::Response res;
  res.status = 200;
  if (format == Format::kXlsx) {
    TXNG_ASSIGN_OR_RETURN(res.body, exports::WriteXlsx(sheet));
    res.content_type = exports::kXlsxContentType;
  } else {
    res.body = exports::WriteCsv(sheet);
    res.content_type = exports::kCsvContentType;
  }
  res.SetHeader("Content-Disposition", "attachment; filename=\"" + stem +
                                           (format == Format::kXlsx ? ".xlsx" : ".csv") + "\"");
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

Result<http::Response> FsmaBody(http::Request& req, AppContext& app, const Principal& who) {
  FsmaRequest request;
  request.lot = req.Query("lot").value_or("");
  request.gtin = req.Query("gtin").value_or("");
  request.from = req.Query("from").value_or("");
  request.to = req.Query("to").value_or("");
  TXNG_ASSIGN_OR_RETURN(request.lang, LangQuery(req));
  TXNG_ASSIGN_OR_RETURN(Format format, FormatQuery(req, Format::kCsv, false));
  TXNG_ASSIGN_OR_RETURN(FsmaExport fsma, ExportFsma(app.store, request, who));
  TXNG_ASSIGN_OR_RETURN(http::Response res, Download(fsma.table.sheet, format, fsma.filename_stem));
  res.SetHeader("X-Export-Rows", std::to_string(fsma.table.sheet.rows.size()));
  if (fsma.table.truncated) res.SetHeader("X-Export-Truncated", "true");
  return res;
}

std::string_view CteKey(Cte c) {
  switch (c) {
    case Cte::kHarvesting:
      return "harvesting";
    case Cte::kInitialPacking:
      return "initial_packing";
    case Cte::kShipping:
      return "shipping";
    case Cte::kReceiving:
      return "receiving";
    case Cte::kTransformation:
      return "transformation";
  }
  return "";
}

json ReportJson(const Circular02Report& r, ExportLang lang) {
  json items = json::array();
  for (size_t i = 0; i < r.items.size(); ++i) {
    items.push_back({{"number", i + 1},
                     {"key", r.items[i].key},
                     {"label", r.items[i].label},
                     {"value", r.items[i].value}});
  }
  json stages = json::array();
  for (const Circular02Stage& s : r.stages) {
    stages.push_back({{"cte", CteKey(s.cte)},
                      {"name", s.name},
                      {"location", s.location.empty() ? json(nullptr) : json(s.location)},
                      {"firstDate", s.first_date},
                      {"lastDate", s.last_date},
                      {"events", s.events}});
  }
  return {{"product", {{"id", r.product.id}, {"gtin", r.product.gtin}}},
          {"lang", lang == ExportLang::kEn ? "en" : "vi"},
          {"items", std::move(items)},
          {"stages", std::move(stages)}};
}

Result<http::Response> Circular02Body(http::Request& req, AppContext& app, const Principal& who) {
  TXNG_ASSIGN_OR_RETURN(int64_t id, PathId(req, "id", "product"));
  TXNG_ASSIGN_OR_RETURN(ExportLang lang, LangQuery(req));
  TXNG_ASSIGN_OR_RETURN(Format format, FormatQuery(req, Format::kJson, true));
  TXNG_ASSIGN_OR_RETURN(Circular02Report report,
                        Circular02(app.store, app.catalog, id, who, lang, app.site.public_url));
  if (format == Format::kJson) {
    http::Response res = http::Response::JsonText(200, DumpJson(ReportJson(report, lang)));
    res.SetHeader("Cache-Control", "no-store");
    return res;
  }
  return Download(Circular02Sheet(report, lang), format, "circular02-" + report.product.gtin);
}

// Authenticates, runs `body`, renders its error as a problem document.
http::Handler ExportHandler(AppContext& app,
                            Result<http::Response> (*body)(http::Request&, AppContext&,
                                                           const Principal&)) {
  return [&app, body](http::Request& req) -> http::Response {
    auto principal = Authenticate(req, app.accounts);
    if (!principal.ok()) return http::ProblemResponse(principal.status(), req.path);
    if (Status s = CheckPasswordChosen(req, *principal); !s.ok()) {
      return http::ProblemResponse(s, req.path);
    }
    auto res = body(req, app, *principal);
    if (!res.ok()) return http::ProblemResponse(res.status(), req.path);
    return std::move(res).value();
  };
}

}  // namespace

void RegisterExportsApi(http::Router& router, AppContext& app) {
  router.Add("GET", "/api/v1/exports/fsma", ExportHandler(app, FsmaBody));
  router.Add("GET", "/api/v1/products/{id}/circular02", ExportHandler(app, Circular02Body));
}

}  // namespace txng::handlers
