// gs1::ParseDigitalLink on arbitrary bytes, options from the first byte. A
// link that parses must regenerate (when its AIs allow a canonical link) to
// one that parses to the same AIs.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "gs1/digital_link.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  txng::fuzz::Input input(data, size);
  auto options = txng::fuzz::DigitalLinkOptionsOf(input.TakeByte());
  auto link = txng::gs1::ParseDigitalLink(input.rest(), options);
  if (link.ok()) txng::fuzz::CheckDigitalLinkRoundTrip(link->ais, "", options);
  return 0;
}
