// txng epcis hash FILE, txng capture FILE…, txng query 'QUERYSTRING'.
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "epcis/event_hash.h"
#include "epcis/json_encode.h"
#include "http/message.h"
#include "service/epcis_capture.h"
#include "service/epcis_query.h"

namespace txng::cli {
namespace {

struct EpcisArgs {
  std::vector<std::string> files;
  std::string org;
  bool approved = false;
  bool json = false;
  std::string query;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandFailed("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// XML when the first non-blank character opens a tag, else JSON-LD.
EpcisSyntax SyntaxOf(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return first != std::string::npos && text[first] == '<' ? EpcisSyntax::kXml
                                                          : EpcisSyntax::kJsonLd;
}

epcis::Document Decode(const std::string& path) {
  const std::string text = ReadFile(path);
  return Check(DecodeEpcis(text, SyntaxOf(text)), path);
}

int64_t OrganisationByTaxCode(Store& store, const std::string& tax_code) {
  OrganisationFilter filter;
  filter.tax_code = tax_code;
  Page<Organisation> found = Check(store.ListOrganisations(filter, {}));
  if (found.items.empty()) throw CommandFailed("no organisation has tax code " + tax_code);
  return found.items[0].id;
}

}  // namespace

void AddEpcisCommands(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<EpcisArgs>();

  CLI::App* epcis = app.add_subcommand("epcis", "Work with EPCIS documents");
  epcis->require_subcommand(1);
  CLI::App* hash = epcis->add_subcommand(
      "hash",
      "Print the CBV 2.0 event hash ID of each event of an EPCIS document (JSON-LD or "
      "XML), one per line in document order");
  hash->add_option("file", a->files, "The EPCIS document")->required()->expected(1);
  hash->callback([a] {
    const epcis::Document document = Decode(a->files[0]);
    const epcis::EventHashOptions options = epcis::HashOptionsOf(document);
    for (const epcis::Event& event : document.events) {
      std::cout << epcis::EventHashId(event, options) << "\n";
    }
  });

  CLI::App* capture = app.add_subcommand(
      "capture",
      "Capture EPCIS documents (JSON-LD or XML) for an organisation; each file is "
      "stored whole or not at all");
  capture->add_option("files", a->files, "EPCIS documents")->required();
  capture->add_option("--org", a->org, "Tax code (mã số thuế) of the organisation")->required();
  capture->add_flag("--approved", a->approved,
                    "Store the events as already reviewed (an import of reviewed data; audited)");
  capture->add_flag("--json", a->json, "Print JSON");
  capture->callback([&g, a] {
    auto store = OpenStore(g);
    CaptureOptions options;
    options.org_id = OrganisationByTaxCode(*store, a->org);
    options.approved = a->approved;
    nlohmann::json out = nlohmann::json::array();
    for (const std::string& file : a->files) {
      const epcis::Document document = Decode(file);
      CaptureReport report = Check(
          CaptureDocument(*store, document, CommandLinePrincipal(), options, CliActor()), file);
      if (a->json) {
        out.push_back({{"file", file},
                       {"events", report.events.size()},
                       {"stored", report.stored},
                       {"duplicates", report.duplicates}});
      } else {
        std::cout << file << ": " << report.stored << " stored, " << report.duplicates
                  << " already captured\n";
      }
    }
    if (a->json) std::cout << out.dump() << "\n";
  });

  CLI::App* query =
      app.add_subcommand("query",
                         "Print the EPCISQueryDocument of an EPCIS query string, e.g. "
                         "'EQ_bizStep=shipping&MATCH_epc=urn:epc:idpat:sgtin:8930001.000001.*'");
  query->add_option("query", a->query, "EPCIS query parameters, as in a URI query string");
  query->callback([&g, a] {
    auto store = OpenStore(g);
    EventQueryRequest request = Check(ParseEventQuery(http::ParseQueryString(a->query)));
    // The whole answer, page after page.
    epcis::Document doc;
    doc.kind = epcis::DocumentKind::kQueryDocument;
    doc.schema_version = "2.0";
    doc.query_name = "SimpleEventQuery";
    doc.creation_date = FormatIso8601(NowMillis());
    while (true) {
      EventQueryAnswer answer = Check(RunEventQuery(*store, request, CommandLinePrincipal()));
      for (StoredEvent& e : answer.events) doc.events.push_back(std::move(e.event));
      if (!answer.next_page_token) break;
      PageToken token = Check(DecodePageToken(*answer.next_page_token));
      request.query.after = token.cursor;
      request.event_count_limit = token.remaining;
      request.max_event_count.reset();
    }
    std::cout << epcis::EncodeJsonDocument(doc).dump(2) << "\n";
  });
}

}  // namespace txng::cli
