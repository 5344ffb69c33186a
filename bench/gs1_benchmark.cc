// GS1 parsing and generation throughput, single thread, beside a floor that
// touches the same bytes without parsing them. Run through ./bench.sh gs1.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "gs1/digital_link.h"
#include "gs1/element_string.h"

namespace txng::gs1 {
namespace {

// What consumers' phones and partners' systems send: GTIN alone, with lot,
// with lot and serial, with expiry (17) and net weight (3103) as query data
// attributes, SSCC, GLN with extension (254), percent-encoded values,
// non-AI parameters, several hosts and path stems.
const std::vector<std::string>& Uris() {
  static const std::vector<std::string> uris = {
      "https://id.gs1.org/01/08931234567897",
      "https://truyxuat.binhphuoc.gov.vn/01/08931234567897/10/DX2026-041",
      "https://truyxuat.binhphuoc.gov.vn/01/08931234567897/10/DX2026-041/21/000123",
      "https://id.gs1.org/01/08931234567903/10/L7?17=261231&3103=000500",
      "https://dieu.example.vn/p/01/18931234567894/10/K24?17=270131&3103=001250&linkType=gs1:pip",
      "https://id.gs1.org/00/089312345000000122",
      "https://id.gs1.org/414/8931234500016/254/KHO-01",
      "https://truyxuat.binhphuoc.gov.vn/01/08931234567897/10/AB%2F12/21/S%2B01?17=261231",
  };
  return uris;
}

// The same identifiers as bracketed element strings.
const std::vector<std::string>& BracketedStrings() {
  static const std::vector<std::string> strings = {
      "(01)08931234567897",
      "(01)08931234567897(10)DX2026-041",
      "(01)08931234567897(10)DX2026-041(21)000123",
      "(01)08931234567903(17)261231(3103)000500(10)L7",
      "(01)18931234567894(17)270131(3103)001250(10)K24",
      "(00)089312345000000122",
      "(414)8931234500016(254)KHO-01",
      "(01)08931234567897(17)261231(10)AB/12(21)S+01",
  };
  return strings;
}

// Fails the benchmark unless every input is valid, so that the figures are
// those of complete parses rather than early rejections.
bool AllUrisParse(benchmark::State& state) {
  for (const std::string& uri : Uris()) {
    auto link = ParseDigitalLink(uri, DigitalLinkOptions());
    if (!link.ok()) {
      state.SkipWithError((uri + ": " + link.status().message()).c_str());
      return false;
    }
  }
  return true;
}

void BM_DigitalLinkParse(benchmark::State& state) {
  if (!AllUrisParse(state)) return;
  const auto& uris = Uris();
  DigitalLinkOptions options;
  for (auto _ : state) {
    for (const std::string& uri : uris) {
      auto link = ParseDigitalLink(uri, options);
      benchmark::DoNotOptimize(link);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(uris.size()));
}
BENCHMARK(BM_DigitalLinkParse);

void BM_BracketedParse(benchmark::State& state) {
  const auto& strings = BracketedStrings();
  ElementStringOptions options;
  for (const std::string& s : strings) {
    auto ais = ParseBracketed(s, options);
    if (!ais.ok()) {
      state.SkipWithError((s + ": " + ais.status().message()).c_str());
      return;
    }
  }
  for (auto _ : state) {
    for (const std::string& s : strings) {
      auto ais = ParseBracketed(s, options);
      benchmark::DoNotOptimize(ais);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(strings.size()));
}
BENCHMARK(BM_BracketedParse);

void BM_DigitalLinkGenerate(benchmark::State& state) {
  if (!AllUrisParse(state)) return;
  std::vector<std::vector<AiValue>> parsed;
  for (const std::string& uri : Uris()) {
    parsed.push_back(ParseDigitalLink(uri, DigitalLinkOptions())->ais);
  }
  DigitalLinkOptions options;
  for (auto _ : state) {
    for (const auto& ais : parsed) {
      auto uri = ToDigitalLink(ais, "https://truyxuat.binhphuoc.gov.vn", options);
      benchmark::DoNotOptimize(uri);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(parsed.size()));
}
BENCHMARK(BM_DigitalLinkGenerate);

// The floor: copy each URI into a string of its own (one allocation, as the
// parser's result needs at least one) and find its path and query
// separators, touching every byte once. No parser that returns the AIs as
// owned strings can do less.
void BM_FloorCopyAndScan(benchmark::State& state) {
  const auto& uris = Uris();
  for (auto _ : state) {
    for (const std::string& uri : uris) {
      std::string copy(uri);
      auto separators = std::count_if(copy.begin(), copy.end(),
                                      [](char c) { return c == '/' || c == '?' || c == '&'; });
      benchmark::DoNotOptimize(copy);
      benchmark::DoNotOptimize(separators);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(uris.size()));
}
BENCHMARK(BM_FloorCopyAndScan);

}  // namespace
}  // namespace txng::gs1

BENCHMARK_MAIN();
