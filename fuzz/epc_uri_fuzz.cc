// gs1::ParseEpcUri on arbitrary bytes, then every conversion of what parses:
// FormatEpcUri must give back the same EPC URI, and an identity's Digital
// Link must parse and convert back to the same EPC URI.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "gs1/epc_uri.h"

using txng::fuzz::Fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  txng::fuzz::Input input(data, size);
  auto epc = txng::gs1::ParseEpcUri(input.rest());
  if (!epc.ok()) return 0;
  std::string text = txng::gs1::FormatEpcUri(*epc);
  auto reparsed = txng::gs1::ParseEpcUri(text);
  if (!reparsed.ok() || *reparsed != *epc) {
    Fail("FormatEpcUri gives back the EPC URI",
         text + (reparsed.ok() ? " parses differently" : ": " + reparsed.status().message()));
  }
  auto ais = txng::gs1::EpcUriToAis(*epc);
  if (!ais.ok()) return 0;
  int prefix_length = static_cast<int>(epc->fields[0].size());
  auto from_ais = txng::gs1::AisToEpcUri(*ais, prefix_length);
  if (!from_ais.ok() || *from_ais != *epc) {
    Fail("AisToEpcUri gives back the EPC URI",
         text + " -> " + txng::gs1::ToBracketed(*ais) + " -> " +
             (from_ais.ok() ? txng::gs1::FormatEpcUri(*from_ais) : from_ais.status().message()));
  }
  auto uri = txng::gs1::EpcUriToDigitalLink(*epc);
  if (!uri.ok()) Fail("an EPC identity has a Digital Link", text + ": " + uri.status().message());
  auto back = txng::gs1::DigitalLinkToEpcUri(*uri, prefix_length);
  if (!back.ok() || *back != *epc) {
    Fail("the Digital Link of an EPC URI converts back",
         text + " -> " + *uri + " -> " +
             (back.ok() ? txng::gs1::FormatEpcUri(*back) : back.status().message()));
  }
  return 0;
}
