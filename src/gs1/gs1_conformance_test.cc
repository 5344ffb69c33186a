// Replays GS1's syntax-engine test vectors (../shared/conformance/gs1-syntax/
// vectors.tsv, located through TXNG_CONFORMANCE_DIR) against the gs1 layer.
// Every row must pass, except those that need a mocked company-prefix lookup,
// which are counted as skipped; a kind without a runner fails.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gs1/ai_table.h"
#include "gs1/check_digit.h"
#include "gs1/digital_link.h"
#include "gs1/digital_link_keys.h"
#include "gs1/element_string.h"
#include "gs1/gs1_data.h"
#include "gs1/linters.h"
#include "gs1/scan_data.h"
#include "gs1/uri_escape.h"

namespace txng::gs1 {
namespace {

struct Row {
  std::string kind, input, expected_output, options, note, source;
  bool expected_valid = false;
};

// What a kind runner says about one row: nullopt when it matches the
// expectation, otherwise what TXNG produced.
using Outcome = std::optional<std::string>;

std::string Unescape(const std::string& cell) {
  std::string out;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '\\') {
      out += '\\';
      ++i;
    } else if (cell[i] == '\\' && i + 3 < cell.size() && cell[i + 1] == 'x') {
      out += static_cast<char>(std::stoi(cell.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      out += cell[i];
    }
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

bool HasOption(const Row& row, const std::string& option) {
  return (";" + row.options + ";").find(";" + option + ";") != std::string::npos;
}

ElementStringOptions OptionsOf(const Row& row) {
  ElementStringOptions options;
  options.permit_unknown_ais = HasOption(row, "permitUnknownAIs=true");
  options.validate_requisites = !HasOption(row, "validate_REQUISITE_AIS=false");
  return options;
}

Outcome Validity(bool valid, const Row& row, const std::string& detail) {
  if (valid == row.expected_valid) return std::nullopt;
  return std::string(valid ? "valid" : "invalid: ") + detail;
}

Outcome RunCheckDigit(const Row& row) { return Validity(HasValidCheckDigit(row.input), row, ""); }

Outcome RunLengthByPrefix(const Row& row) {
  auto length = AiLengthByPrefix(row.input);
  std::string got = length ? std::to_string(*length) : "none";
  if (length.has_value() == row.expected_valid && (!length || got == row.expected_output)) {
    return std::nullopt;
  }
  return got;
}

Outcome RunElementString(const Row& row) {
  ElementStringOptions options = OptionsOf(row);
  options.validate_requisites = false;
  auto parsed = ParseElementString(row.input, options);
  return Validity(parsed.ok(), row, parsed.status().message());
}

Outcome RunBracketedToElementString(const Row& row) {
  ElementStringOptions options = OptionsOf(row);
  options.validate_requisites = false;
  auto parsed = ParseBracketed(row.input, options);
  if (!parsed.ok()) return Validity(false, row, parsed.status().message());
  std::string got = ToElementString(*parsed);
  if (row.expected_valid && (row.expected_output.empty() || got == row.expected_output)) {
    return std::nullopt;
  }
  return "valid: " + got;
}

Outcome RunValidateBracketed(const Row& row) {
  auto parsed = ParseBracketed(row.input, OptionsOf(row));
  return Validity(parsed.ok(), row, parsed.status().message());
}

std::string LinterOutput(const std::string& value, const std::optional<LintError>& error) {
  if (!error) return "GS1_LINTER_OK";
  return "GS1_LINTER_" + error->code + " highlight=" + value.substr(0, error->position) + "*" +
         value.substr(error->position, error->length) + "*" +
         value.substr(error->position + error->length);
}

// The known AIs of a bracketed string with their raw values, without
// validation, so that a linter row can name the rule its value breaks.
std::vector<std::pair<const AiEntry*, std::string>> SplitBracketed(const std::string& input) {
  std::vector<std::pair<const AiEntry*, std::string>> pairs;
  std::size_t open = input.find('(');
  while (open != std::string::npos) {
    std::size_t close = input.find(')', open);
    if (close == std::string::npos) break;
    std::size_t next = input.find('(', close);
    const AiEntry* entry = FindAi(input.substr(open + 1, close - open - 1));
    if (entry != nullptr) pairs.emplace_back(entry, input.substr(close + 1, next - close - 1));
    open = next;
  }
  return pairs;
}

Outcome RunBracketedLinter(const Row& row) {
  ElementStringOptions options = OptionsOf(row);
  options.validate_requisites = false;
  options.validate_exclusions = false;
  std::string got = "GS1_LINTER_OK";
  auto parsed = ParseBracketed(row.input, options);
  if (!parsed.ok()) {
    got = "invalid: " + parsed.status().message();
    for (const auto& [entry, value] : SplitBracketed(row.input)) {
      if (auto error = CheckAiValue(*entry, value)) {
        got = "GS1_LINTER_" + error->code;
        break;
      }
    }
  }
  if (parsed.ok() == row.expected_valid && got == row.expected_output) return std::nullopt;
  return got;
}

Outcome RunPathSequence(const Row& row) {
  std::vector<AiValue> ais;
  std::size_t start = 0;
  while (start <= row.input.size()) {
    std::size_t space = row.input.find(' ', start);
    if (space == std::string::npos) space = row.input.size();
    ais.push_back({row.input.substr(start, space - start), "1"});
    start = space + 1;
  }
  return Validity(IsDigitalLinkPathSequence(ais), row, "");
}

std::function<Outcome(const Row&)> UriRunner(bool escape, UriPart part) {
  return [escape, part](const Row& row) -> Outcome {
    std::string got = escape ? UriEscape(row.input, part) : UriUnescape(row.input, part);
    if (row.expected_valid && got == row.expected_output) return std::nullopt;
    return got;
  };
}

DigitalLinkOptions DigitalLinkOptionsOf(const Row& row) {
  DigitalLinkOptions options;
  options.permit_convenience_alphas = HasOption(row, "permitConvenienceAlphas=true");
  options.permit_zero_suppressed_gtin = HasOption(row, "permitZeroSuppressedGTIN=true");
  options.permit_unknown_ais = HasOption(row, "permitUnknownAIs=true");
  options.unknown_ai_not_dl_attribute = !HasOption(row, "validate_UNKNOWN_AI_NOT_DL_ATTR=false");
  options.validate_requisites = !HasOption(row, "validate_REQUISITE_AIS=false");
  return options;
}

Outcome RunDigitalLinkParse(const Row& row) {
  auto link = ParseDigitalLink(row.input, DigitalLinkOptionsOf(row));
  if (!link.ok()) return Validity(false, row, link.status().message());
  std::string got = ToElementString(link->ais);
  if (row.expected_valid && (row.expected_output.empty() || got == row.expected_output)) {
    return std::nullopt;
  }
  return "valid: " + got;
}

Outcome RunDigitalLinkIgnoredParams(const Row& row) {
  auto link = ParseDigitalLink(row.input, DigitalLinkOptionsOf(row));
  if (!link.ok()) return Validity(false, row, link.status().message());
  std::string got;
  for (const std::string& param : link->other_query_params) {
    got += (got.empty() ? "" : "&") + param;
  }
  if (row.expected_valid && got == row.expected_output) return std::nullopt;
  return "valid: " + got;
}

// The value of option `name` ("stem=…"), or empty.
std::string OptionValue(const Row& row, const std::string& name) {
  std::string options = ";" + row.options + ";";
  std::size_t at = options.find(";" + name + "=");
  if (at == std::string::npos) return "";
  std::size_t start = at + name.size() + 2;
  return options.substr(start, options.find(';', start) - start);
}

Outcome RunDigitalLinkGenerate(const Row& row) {
  DigitalLinkOptions dl_options = DigitalLinkOptionsOf(row);
  auto parsed = ParseBracketed(row.input, OptionsOf(row));
  if (!parsed.ok()) return Validity(false, row, parsed.status().message());
  std::string stem = OptionValue(row, "stem");
  if (stem.rfind("NULL", 0) == 0) stem.clear();
  auto uri = ToDigitalLink(*parsed, stem, dl_options);
  if (!uri.ok()) return Validity(false, row, uri.status().message());
  if (row.expected_valid && *uri == row.expected_output) return std::nullopt;
  return "valid: " + *uri;
}

Outcome RunScanDataProcess(const Row& row) {
  auto scan = ProcessScanData(row.input, OptionsOf(row));
  if (!scan.ok()) return Validity(false, row, scan.status().message());
  std::string got = "sym=" + scan->symbology + " data=" + scan->data;
  if (row.expected_valid && (row.expected_output.empty() || got == row.expected_output)) {
    return std::nullopt;
  }
  return "valid: " + got;
}

Outcome RunScanDataGenerate(const Row& row) {
  auto scan = GenerateScanData(row.input, OptionValue(row, "sym"),
                               HasOption(row, "addCheckDigit=true"), OptionsOf(row));
  if (!scan.ok()) return Validity(false, row, scan.status().message());
  if (row.expected_valid && (row.expected_output.empty() || *scan == row.expected_output)) {
    return std::nullopt;
  }
  return "valid: " + *scan;
}

// Runs ParseGs1Data and renders its components with `render`, joined by '|'.
template <typename Render>
Outcome RunGs1Data(const Row& row, Render render) {
  auto data = ParseGs1Data(row.input, OptionsOf(row));
  if (!data.ok()) return Validity(false, row, data.status().message());
  std::string got;
  for (const auto& component : *data) got += (got.empty() ? "" : "|") + render(component);
  if (row.expected_valid && (row.expected_output.empty() || got == row.expected_output)) {
    return std::nullopt;
  }
  return "valid: " + got;
}

Outcome RunDataToBracketed(const Row& row) {
  return RunGs1Data(row, [](const std::vector<AiValue>& ais) { return ToBracketed(ais); });
}

Outcome RunHriFromData(const Row& row) {
  bool titles = HasOption(row, "includeDataTitlesInHRI=true");
  return RunGs1Data(row, [titles](const std::vector<AiValue>& ais) {
    std::string joined;
    for (const std::string& line : HriLines(ais, titles)) {
      joined += (joined.empty() ? "" : "|") + line;
    }
    return joined;
  });
}

Outcome RunErrorMarkup(const Row& row) {
  std::string got = "valid";
  for (const auto& [entry, value] : SplitBracketed(row.input)) {
    if (auto markup = MarkUpAiValueError(*entry, value)) {
      got = *markup;
      break;
    }
  }
  bool valid = ParseBracketed(row.input, OptionsOf(row)).ok();
  if (valid == row.expected_valid && (valid || got == row.expected_output)) return std::nullopt;
  return got;
}

std::function<Outcome(const Row&)> RunnerFor(const std::string& kind) {
  if (kind == "gs1-mod10-check-digit") return RunCheckDigit;
  if (kind == "ai-length-by-2digit-prefix") return RunLengthByPrefix;
  if (kind == "ai-element-string") return RunElementString;
  if (kind == "ai-bracketed-to-element-string") return RunBracketedToElementString;
  if (kind == "ai-bracketed-linter") return RunBracketedLinter;
  if (kind == "ai-error-markup") return RunErrorMarkup;
  if (kind == "digital-link-path-ai-sequence") return RunPathSequence;
  if (kind == "digital-link-parse") return RunDigitalLinkParse;
  if (kind == "scan-data-process") return RunScanDataProcess;
  if (kind == "data-to-bracketed-ai" || kind == "data-string-set" || kind == "ai-bracketed-set") {
    return RunDataToBracketed;
  }
  if (kind == "hri-from-data") return RunHriFromData;
  if (kind == "scan-data-generate") return RunScanDataGenerate;
  if (kind == "digital-link-generate") return RunDigitalLinkGenerate;
  if (kind == "digital-link-ignored-query-params") return RunDigitalLinkIgnoredParams;
  if (kind == "uri-escape-path") return UriRunner(true, UriPart::kPath);
  if (kind == "uri-escape-query") return UriRunner(true, UriPart::kQuery);
  if (kind == "uri-unescape-path") return UriRunner(false, UriPart::kPath);
  if (kind == "uri-unescape-query") return UriRunner(false, UriPart::kQuery);
  if (kind.rfind("ai-validate-", 0) == 0) return RunValidateBracketed;
  if (kind.rfind("linter:", 0) == 0) {
    Linter linter = FindLinter(kind.substr(7));
    if (linter == nullptr) return nullptr;
    return [linter](const Row& row) -> Outcome {
      std::string got = LinterOutput(row.input, linter(row.input));
      bool valid = got == "GS1_LINTER_OK";
      if (valid == row.expected_valid && got == row.expected_output) return std::nullopt;
      return got;
    };
  }
  return nullptr;
}

// Rows counted as skipped: those needing a mocked company-prefix lookup (the
// vectors' gcp_lookup_mock_* options), which TXNG does not have.
bool IsSkippedRow(const Row& row) {
  return row.options.find("gcp_lookup_mock") != std::string::npos;
}

std::string VectorsPath() {
  const char* dir = std::getenv("TXNG_CONFORMANCE_DIR");
  return std::string(dir != nullptr ? dir : TXNG_DEFAULT_CONFORMANCE_DIR) +
         "/gs1-syntax/vectors.tsv";
}

struct KindCount {
  int passed = 0, failed = 0, skipped = 0;
};

TEST(Gs1ConformanceTest, SyntaxEngineVectors) {
  std::ifstream file(VectorsPath());
  if (!file) GTEST_SKIP() << "GS1 conformance vectors not found at " << VectorsPath();
  std::map<std::string, KindCount> counts;
  std::vector<std::string> failures;
  std::string line;
  bool header = true;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    auto cells = SplitTabs(line);
    cells.resize(7);
    Row row{cells[0], Unescape(cells[1]), Unescape(cells[3]), cells[4],
            cells[5], cells[6],           cells[2] == "yes"};
    KindCount& count = counts[row.kind];
    auto runner = RunnerFor(row.kind);
    if (IsSkippedRow(row)) {
      ++count.skipped;
    } else if (!runner) {
      ++count.failed;
      failures.push_back("no runner for kind " + row.kind + " (" + row.source + ")");
    } else if (auto got = runner(row)) {
      ++count.failed;
      failures.push_back(row.kind + " [" + cells[1] + "] expected " + cells[2] + " " + cells[3] +
                         ", got " + *got + " (" + row.source + ")");
    } else {
      ++count.passed;
    }
  }
  int passed = 0, failed = 0, skipped = 0;
  for (const auto& [kind, c] : counts) {
    std::cout << kind << ": " << c.passed << " passed, " << c.failed << " failed, " << c.skipped
              << " skipped\n";
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  }
  std::cout << "total: " << passed << " passed, " << failed << " failed, " << skipped
            << " skipped\n";
  for (std::size_t i = 0; i < failures.size() && i < 400; ++i) ADD_FAILURE() << failures[i];
  EXPECT_EQ(failed, 0);
}

}  // namespace
}  // namespace txng::gs1
