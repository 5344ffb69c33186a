// Trace questions as callers ask them (GET /api/v1/trace, `txng trace`,
// recalls, exports): an identifier in any accepted form, the caller's
// visibility, and names for the nodes of the answer from the catalogue and
// stored master data.
#ifndef TXNG_SERVICE_TRACE_H_
#define TXNG_SERVICE_TRACE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "service/principal.h"
#include "store/store.h"
#include "trace/trace.h"

namespace txng {

// An identifier as a caller types it — an EPC URI (urn:epc:id:…,
// urn:epc:class:lgtin:…), a GS1 Digital Link URI, or a GS1 element string
// in brackets or with FNC1 — in the internal form the store keeps.
// kInvalidArgument (field "id") with the parser's reason otherwise.
Result<std::string> ParseTraceId(std::string_view text);

// What `who` may see of captured events: administrators and reviewers
// every event; producers and API keys approved events and their
// organisation's; everyone else approved events only.
trace::Visibility TraceVisibility(const Principal& who);

// What the catalogue and master data say about a node, as far as the
// caller may see it (empty fields otherwise).
struct NodeInfo {
  std::string name_vi, name_en;  // product, lot (product name + lot), place or party
  std::string org_name;          // the organisation it belongs to
  std::optional<int64_t> org_id;
  std::string address, district;
  std::string area_code;                     // growing-area or packing-house code of a place
  std::string gtin, lot_code;                // trade items and lots
  std::string production_date, expiry_date;  // lots, YYYY-MM-DD
};
using NodeNames = std::map<std::string, NodeInfo>;  // by node id

// Names of `ids` (identifiers in internal form) from the catalogue and
// master data, as far as `who` may see them: an entry for every id, empty
// when nothing is known or visible.
Result<NodeNames> NameIdentifiers(Store& store, const Principal& who,
                                  const std::vector<std::string>& ids);

struct TraceAnswer {
  trace::Graph graph;
  NodeNames names;
};

// Runs `request` (its visibility replaced by TraceVisibility(who)) against
// the store and names the nodes.
Result<TraceAnswer> TraceIdentifier(Store& store, trace::TraceRequest request,
                                    const Principal& who);

// The parameters of GET /api/v1/trace (and of `txng trace`): id (required,
// any form ParseTraceId takes), direction (backward|forward|both, default
// both), depth (0..64, default 32), asOf (a date-time with its zone, e.g.
// 2026-03-01T00:00:00+07:00: events after it are left out), limit (nodes per
// page, 1..10000, default 1000), offset (from nextOffset). kInvalidArgument naming the parameter
// for a missing id, an unknown parameter, a repeated one or a bad value.
Result<trace::TraceRequest> ParseTraceQuery(
    const std::vector<std::pair<std::string, std::string>>& params);

// The answer as JSON: {"id", "direction", "offset", "nextOffset"?,
// "withheld", "nodes", "edges", "findings", "oneStep"} — the nodes and
// edges of the page only (docs/API.md).
std::string TraceJson(const TraceAnswer& answer, const trace::TraceRequest& request);
// Graphviz DOT of the page, and plain text lines for a terminal.
std::string TraceDot(const TraceAnswer& answer);
std::string TraceText(const TraceAnswer& answer);
// An SVG drawing of the identifiers of the page (places and parties left
// out) in columns by how far up or down stream they are, at most
// `max_nodes` of them; labels are the Vietnamese names when known.
std::string TraceSvg(const TraceAnswer& answer, size_t max_nodes = 120);

}  // namespace txng

#endif  // TXNG_SERVICE_TRACE_H_
