// Parsing of uncompressed GS1 Digital Link URIs:
//   http(s)://host[/stem…]/{key}/{value}[/{qualifier}/{value}…][?{ai}={value}&…][#…]
#ifndef TXNG_GS1_DIGITAL_LINK_H_
#define TXNG_GS1_DIGITAL_LINK_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "gs1/ai_value.h"

namespace txng::gs1 {

struct DigitalLinkOptions {
  // Accept short names such as "gtin" and "ser" for path AIs.
  bool permit_convenience_alphas = false;
  // Accept GTIN-8, -12 and -13 for AI (01) and pad them to 14 digits.
  bool permit_zero_suppressed_gtin = false;
  // Accept AIs that are not in the table.
  bool permit_unknown_ais = false;
  // Reject unknown AIs as query attributes even when unknown AIs are allowed.
  bool unknown_ai_not_dl_attribute = true;
  // Check "req" rules over the AIs.
  bool validate_requisites = true;
};

struct DigitalLink {
  // Path AIs (primary key first, then qualifiers), then query attributes, in
  // the order given.
  std::vector<AiValue> ais;
  // Query parameters that are not AIs (e.g. "linkType=gs1:pip", or a
  // singleton), as written, in order.
  std::vector<std::string> other_query_params;
};

// Parses and validates `uri`. Errors name the part of the URI or the AI at
// fault and the rule broken.
Result<DigitalLink> ParseDigitalLink(std::string_view uri, const DigitalLinkOptions& options);

// The canonical Digital Link URI of `ais` (already validated, e.g. by
// ParseBracketed) under `stem` ("https://id.gs1.org" when empty; a trailing
// '/' is dropped): the first primary key and its qualifiers in the path, in
// the order of the first qualifier sequence that holds any of them; the
// other AIs as query attributes, fixed-length AIs first, each group in the
// order given; repeats dropped. Fails when no AI is a primary key or an AI
// may not be a data attribute (`options.permit_unknown_ais` and
// `options.unknown_ai_not_dl_attribute` apply to unknown AIs).
Result<std::string> ToDigitalLink(const std::vector<AiValue>& ais, std::string_view stem,
                                  const DigitalLinkOptions& options);

}  // namespace txng::gs1

#endif  // TXNG_GS1_DIGITAL_LINK_H_
