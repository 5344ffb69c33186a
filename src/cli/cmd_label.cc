#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "common/embedded.h"
#include "handlers/api_labels.h"
#include "http/i18n.h"
#include "service/labels.h"

namespace txng::cli {
namespace {

struct LabelArgs {
  int64_t lot = 0;
  int columns = label::SheetLayout().columns;
  int rows = label::SheetLayout().rows;
  std::string serials;  // FIRST:COUNT
  int copies = 0;       // 0: one full page
  std::string lang = "vi";
  std::string stem;
  std::string output;
};

// "A0001:100" → {"A0001", 100}; the serial itself may hold ':'.
SerialRange ParseSerials(const std::string& spec) {
  const size_t colon = spec.rfind(':');
  const std::string count = colon == std::string::npos ? "" : spec.substr(colon + 1);
  const bool digits = !count.empty() && count.size() <= 9 &&
                      count.find_first_not_of("0123456789") == std::string::npos;
  if (colon == 0 || !digits) {
    throw CLI::ValidationError("--serials",
                               "must be FIRST:COUNT, e.g. A0001:100, not '" + spec + "'");
  }
  return SerialRange{spec.substr(0, colon), std::stoi(count)};
}

// Writes `bytes` to `path` through a temporary file, so that a failed write
// leaves no partial PDF behind.
void WriteFile(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      throw CommandFailed("cannot write " + path);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw CommandFailed("cannot write " + path);
  }
}

void PrintLabels(const GlobalOptions& g, const LabelArgs& a) {
  LotLabelRequest request;
  request.lot_id = a.lot;
  request.layout.columns = a.columns;
  request.layout.rows = a.rows;
  if (!a.serials.empty()) request.serials = ParseSerials(a.serials);
  if (a.copies > 0) request.copies = a.copies;
  request.stem = a.stem;
  const http::Lang lang = *http::ParseLang(a.lang);
  const http::Catalogue catalogue = Check(http::Catalogue::Load(EmbeddedWeb()));
  request.captions = handlers::LabelCaptionsFor(catalogue, lang);

  auto store = OpenStore(g);
  CatalogService catalog(*store);
  // The operator at the server's command line reads every record.
  Principal operator_principal;
  operator_principal.kind = Principal::Kind::kUser;
  operator_principal.role = Role::kAdmin;
  operator_principal.name = CliActor().label;
  operator_principal.remote_addr = "cli";
  LotLabelSheet sheet = Check(PrintLotLabels(catalog, operator_principal, request),
                              "cannot print labels for lot " + std::to_string(a.lot));
  WriteFile(a.output, sheet.pdf);
  std::cout << "wrote " << sheet.labels << (sheet.labels == 1 ? " label" : " labels") << " on "
            << sheet.pages << (sheet.pages == 1 ? " page" : " pages") << " to " << a.output << "\n";
}

}  // namespace

void AddLabelCommand(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<LabelArgs>();
  CLI::App* cmd = app.add_subcommand(
      "label",
      "Print a lot's GS1 labels as an A4 PDF: name, producer, lot, dates, serial, the QR code "
      "of the Digital Link and the trace code");
  cmd->fallthrough();  // global options such as --db may follow the subcommand
  cmd->add_option("--lot", a->lot, "Id of the lot")->required()->check(CLI::PositiveNumber);
  cmd->add_option("--columns", a->columns, "Labels across the page")
      ->check(CLI::Range(1, 6))
      ->capture_default_str();
  cmd->add_option("--rows", a->rows, "Labels down the page")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  cmd->add_option("--serials", a->serials,
                  "One label per serial: FIRST:COUNT, e.g. A0001:100 counts A0001 … A0100");
  cmd->add_option("--copies", a->copies,
                  "Without serials: how many labels of the lot (default: one full page)")
      ->check(CLI::Range(1, label::kMaxLabelsPerSheet));
  cmd->add_option("--lang", a->lang, "Language of the labels: vi or en")
      ->check(CLI::IsMember({"vi", "en"}))
      ->capture_default_str();
  cmd->add_option("--stem", a->stem,
                  "Digital Link stem, e.g. https://truyxuat.binhphuoc.gov.vn (env "
                  "TXNG_PUBLIC_URL; unset: https://id.gs1.org)")
      ->envname("TXNG_PUBLIC_URL");
  cmd->add_option("--output,-o", a->output, "The PDF file to write")->required();
  cmd->callback([&g, a] { PrintLabels(g, *a); });
}

}  // namespace txng::cli
