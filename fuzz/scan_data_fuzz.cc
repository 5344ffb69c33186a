// gs1::ProcessScanData on arbitrary scanner output, and gs1::GenerateScanData
// on arbitrary data for a symbology chosen by the first byte. Scanner output
// generated from valid data must process back to the same data.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "gs1/scan_data.h"

namespace {

constexpr std::string_view kSymbologies[] = {"QR",          "DM",
                                             "DotCode",     "DataBarExpanded",
                                             "DataBarOmni", "DataBarLimited",
                                             "GS1_128_CCA", "GS1_128_CCC",
                                             "EAN13",       "EAN8",
                                             "UPCA",        "UPCE"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  txng::fuzz::Input input(data, size);
  std::uint8_t byte = input.TakeByte();
  auto options = txng::fuzz::ElementStringOptionsOf(byte);
  auto processed = txng::gs1::ProcessScanData(input.rest(), options);
  if (processed.ok()) {
    auto scan = txng::gs1::GenerateScanData(processed->data, processed->symbology, false, options);
    if (scan.ok()) {
      auto again = txng::gs1::ProcessScanData(*scan, options);
      if (!again.ok() || again->data != processed->data) {
        txng::fuzz::Fail("regenerated scanner output processes to the same data",
                         processed->data + " -> " + *scan + " -> " +
                             (again.ok() ? again->data : again.status().message()));
      }
    }
  }
  std::string_view symbology = kSymbologies[(byte >> 4) % std::size(kSymbologies)];
  auto generated =
      txng::gs1::GenerateScanData(input.rest(), symbology, (byte & 0x08) != 0, options);
  if (generated.ok()) {
    auto back = txng::gs1::ProcessScanData(*generated, options);
    if (!back.ok()) {
      txng::fuzz::Fail("generated scanner output processes",
                       std::string(symbology) + " " + std::string(input.rest()) + " -> " +
                           *generated + ": " + back.status().message());
    }
  }
  return 0;
}
