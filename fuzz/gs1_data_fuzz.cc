// gs1::ParseElementString and gs1::ParseGs1Data (element strings with FNC1/GS
// separators, composites after '|', bracketed data and Digital Links) on
// arbitrary bytes, options from the first byte. An element string that
// parses must be written back by ToElementString into one that parses to the
// same AIs.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "gs1/element_string.h"
#include "gs1/gs1_data.h"

using txng::gs1::ToBracketed;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  txng::fuzz::Input input(data, size);
  auto options = txng::fuzz::ElementStringOptionsOf(input.TakeByte());
  auto components = txng::gs1::ParseGs1Data(input.rest(), options);
  if (components.ok()) {
    for (const auto& ais : *components) txng::gs1::HriLines(ais, true);
  }
  auto ais = txng::gs1::ParseElementString(input.rest(), options);
  if (!ais.ok()) return 0;
  for (char separator : {'^', '\x1D'}) {
    std::string encoded = txng::gs1::ToElementString(*ais, separator);
    auto again = txng::gs1::ParseElementString(encoded, options);
    if (!again.ok() || *again != *ais) {
      txng::fuzz::Fail(
          "ToElementString gives back the AIs",
          ToBracketed(*ais) + " -> " + encoded +
              (again.ok() ? " gives " + ToBracketed(*again) : ": " + again.status().message()));
    }
  }
  return 0;
}
