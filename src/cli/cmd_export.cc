#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "export/writers.h"
#include "service/trace_export.h"

namespace txng::cli {
namespace {

struct ExportArgs {
  std::string lot, gtin, from, to;
  std::string format = "csv";
  std::string lang = "vi";
  std::string output;  // empty: standard output
};

// Writes `bytes` to `path` through a temporary file, so that a failed write
// leaves no partial spreadsheet behind.
void WriteOutput(const std::string& path, const std::string& bytes) {
  if (path.empty()) {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) throw CommandFailed("cannot write to standard output");
    return;
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
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

void ExportFsmaCommand(const GlobalOptions& g, const ExportArgs& a) {
  if (a.lot.empty() && a.gtin.empty() && a.from.empty()) {
    throw CLI::ValidationError("fsma",
                               "say what to export: --lot ID, --gtin GTIN, or --from and --to");
  }
  FsmaRequest request;
  request.lot = a.lot;
  request.gtin = a.gtin;
  request.from = a.from;
  request.to = a.to;
  request.lang = a.lang == "en" ? ExportLang::kEn : ExportLang::kVi;
  auto store = OpenStore(g);
  // The operator at the server's command line sees every event.
  FsmaExport fsma = Check(ExportFsma(*store, request, CommandLinePrincipal()), "cannot export");
  const std::string bytes = a.format == "xlsx" ? Check(exports::WriteXlsx(fsma.table.sheet))
                                               : exports::WriteCsv(fsma.table.sheet);
  WriteOutput(a.output, bytes);
  const size_t rows = fsma.table.sheet.rows.size();
  if (!a.output.empty()) {
    std::cout << "wrote " << rows << (rows == 1 ? " row" : " rows") << " to " << a.output << "\n";
  }
  if (fsma.table.truncated) {
    std::cerr << "txng: the export was cut at " << rows
              << " rows; narrow it (a lot, a product or a shorter date range)\n";
  }
}

}  // namespace

void AddExportCommand(CLI::App& app, GlobalOptions& g) {
  CLI::App* cmd = app.add_subcommand("export", "Export traceability records as spreadsheets");
  cmd->require_subcommand(1);
  auto a = std::make_shared<ExportArgs>();
  CLI::App* fsma = cmd->add_subcommand(
      "fsma",
      "FSMA-204-style sortable spreadsheet: one row per critical tracking event (harvesting, "
      "initial packing, shipping, receiving, transformation) per traceability lot code, for a "
      "lot (its whole lineage), a product (every lot of a GTIN) or a date range. At most "
      "100000 rows; a longer export is cut and says so on stderr");
  fsma->fallthrough();  // global options such as --db may follow the subcommand
  CLI::Option* lot =
      fsma->add_option("--lot", a->lot,
                       "The lot: an EPC URI, a GS1 Digital Link or an element string, e.g. "
                       "'(01)08930001000018(10)L1'");
  CLI::Option* gtin =
      fsma->add_option("--gtin", a->gtin, "Every lot of this product (GTIN-8, -12, -13 or -14)");
  CLI::Option* from =
      fsma->add_option("--from", a->from, "First day of a date range, YYYY-MM-DD (UTC)");
  CLI::Option* to =
      fsma->add_option("--to", a->to, "Last day of the date range, YYYY-MM-DD (UTC), included");
  lot->excludes(gtin)->excludes(from)->excludes(to);
  gtin->excludes(from)->excludes(to);
  from->needs(to);
  to->needs(from);
  fsma->add_option("--format", a->format, "csv (UTF-8 with BOM) or xlsx")
      ->check(CLI::IsMember({"csv", "xlsx"}))
      ->capture_default_str();
  fsma->add_option("--lang", a->lang, "Language of headers and names: vi or en")
      ->check(CLI::IsMember({"vi", "en"}))
      ->capture_default_str();
  fsma->add_option("--output,-o", a->output, "The file to write (default: standard output)");
  fsma->callback([&g, a] { ExportFsmaCommand(g, *a); });
}

}  // namespace txng::cli
