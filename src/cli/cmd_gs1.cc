#include <iostream>

#include "cli/commands.h"
#include "gs1/check_digit.h"
#include "gs1/epc_uri.h"
#include "service/gs1_inspect.h"

namespace txng::cli {
namespace {

struct Gs1Args {
  std::string input;
  std::vector<std::string> company_prefixes;
};

}  // namespace

void AddGs1Command(CLI::App& app, GlobalOptions&) {
  CLI::App* gs1 = app.add_subcommand("gs1", "Read and check GS1 identifiers");
  gs1->require_subcommand(1);
  auto a = std::make_shared<Gs1Args>();

  CLI::App* parse = gs1->add_subcommand(
      "parse",
      "Parse a Digital Link URI, EPC URI, (01)… bracketed or ^01… element string, scanner data "
      "(]d2…) or GTIN; print one JSON object; exit 1 when invalid");
  parse->add_option("input", a->input, "The GS1 data (quote it for the shell)")->required();
  parse
      ->add_option("--company-prefix", a->company_prefixes,
                   "A GS1 company prefix (6 to 12 digits) for the EPC URI of keys under it; "
                   "repeat for several, the longest match wins")
      ->type_name("DIGITS")
      ->check([](const std::string& prefix) {
        Status s = gs1::CompanyPrefixLengths().Add(prefix);
        return s.ok() ? std::string() : s.message();
      });
  parse->callback([a] {
    gs1::CompanyPrefixLengths prefixes;
    for (const std::string& prefix : a->company_prefixes) Check(prefixes.Add(prefix));
    auto r = InspectGs1(a->input, prefixes);
    std::cout << Gs1InspectionJson(r) << "\n";
    if (!r.ok()) throw ExitQuietly(kExitFailure);
  });

  CLI::App* check = gs1->add_subcommand(
      "checkdigit", "Complete a GS1 key (GTIN, GLN, SSCC, …) with its mod-10 check digit");
  check->add_option("digits", a->input, "The key without its check digit, e.g. 893000000001")
      ->required();
  check->callback([a] {
    if (a->input.size() > 17) {
      throw CommandFailed(
          "GS1 keys with a mod-10 check digit have at most 17 digits before it, got " +
          std::to_string(a->input.size()));
    }
    auto digit = gs1::Mod10CheckDigit(a->input);
    if (!digit) throw CommandFailed("'" + a->input + "' must be digits only");
    std::cout << a->input << *digit << "\n";
  });
}

}  // namespace txng::cli
