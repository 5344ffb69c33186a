// Reading trace requests, and writing answers as JSON, DOT and text.
#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/xml_text.h"
#include "epcis/model.h"
#include "epcis/timestamp.h"
#include "service/trace.h"
#include "trace/one_step.h"

namespace txng {

namespace {

using nlohmann::json;

Result<int> IntParam(const std::string& name, const std::string& value) {
  int out = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return Status::InvalidArgument(name + " must be a whole number, not \"" + value + "\"", name);
  }
  return out;
}

// A quantity as people write it: 900, 12.5.
std::string NumberText(double v) {
  std::string text = json(v).dump();
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

std::string FindingDetail(const trace::Graph& g, const trace::Finding& f) {
  switch (f.kind) {
    case trace::Finding::Kind::kCycle:
      return "these identifiers are made from each other in a loop; the data contradicts itself";
    case trace::Finding::Kind::kNoOrigin:
      return g.nodes[f.nodes[0]].id +
             " has no commissioning event and nothing upstream: its origin is not recorded";
    case trace::Finding::Kind::kUnpackedWithoutPacking:
      return g.nodes[f.nodes[0]].id + " was unpacked from " + g.nodes[f.nodes[1]].id +
             " without a recorded packing into it";
  }
  return {};
}

void PutIfSet(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

json NodeJson(const trace::Graph& g, const trace::Node& n, const NodeNames& names) {
  json j = {{"id", n.id},
            {"kind", trace::ToString(n.kind)},
            {"reach", trace::ToString(n.reach)},
            {"depth", n.depth}};
  if (auto it = names.find(n.id); it != names.end()) {
    const NodeInfo& info = it->second;
    PutIfSet(j, "nameVi", info.name_vi);
    PutIfSet(j, "nameEn", info.name_en);
    PutIfSet(j, "organisation", info.org_name);
    PutIfSet(j, "address", info.address);
    PutIfSet(j, "district", info.district);
    PutIfSet(j, "areaCode", info.area_code);
    PutIfSet(j, "gtin", info.gtin);
    PutIfSet(j, "lotCode", info.lot_code);
    PutIfSet(j, "productionDate", info.production_date);
    PutIfSet(j, "expiryDate", info.expiry_date);
  }
  if (n.origin_event) {
    const trace::LineageEvent& e = g.events[*n.origin_event];
    j["origin"] = {{"eventID", e.event_id},
                   {"eventTime", FormatIso8601(e.event_time)},
                   {"bizLocation", e.biz_location.empty() ? e.read_point : e.biz_location}};
  }
  if (n.withheld) j["withheld"] = true;
  if (n.truncated) j["truncated"] = true;
  if (n.depth_limited) j["depthLimited"] = true;
  return j;
}

json EdgeJson(const trace::Graph& g, const trace::Edge& e) {
  const trace::LineageEvent& ev = g.events[e.event];
  json j = {{"from", g.nodes[e.from].id},
            {"to", g.nodes[e.to].id},
            {"relation", trace::ToString(e.relation)},
            {"eventID", ev.event_id},
            {"eventType", epcis::EventTypeName(ev.type)},
            {"eventTime", FormatIso8601(ev.event_time)}};
  PutIfSet(j, "bizStep", ev.biz_step);
  PutIfSet(j, "type", e.type);
  if (e.quantity) j["quantity"] = *e.quantity;
  PutIfSet(j, "uom", e.uom);
  if (!ev.biz_transactions.empty()) {
    json list = json::array();
    for (const epcis::TypedId& t : ev.biz_transactions) {
      json item = {{"bizTransaction", t.id}};
      PutIfSet(item, "type", t.type);
      list.push_back(std::move(item));
    }
    j["bizTransactions"] = std::move(list);
  }
  return j;
}

json OneStepJson(const trace::OneStep& view) {
  json actors = json::array();
  for (const trace::ActorStep& a : view.actors) {
    actors.push_back({{"party", a.party},
                      {"suppliers", a.suppliers},
                      {"customers", a.customers},
                      {"received", a.received},
                      {"sent", a.sent}});
  }
  return {{"inputs", view.inputs}, {"outputs", view.outputs}, {"actors", std::move(actors)}};
}

// Whether edge e belongs to the page: its later-found end is on it.
bool OnPage(const trace::Graph& g, const trace::Edge& e) {
  return std::max(e.from, e.to) >= g.page_start;
}

std::string Label(const trace::Node& n, const NodeNames& names) {
  if (auto it = names.find(n.id); it != names.end() && !it->second.name_vi.empty()) {
    std::string label = it->second.name_vi;
    if (!it->second.lot_code.empty()) label += " — lô " + it->second.lot_code;
    return label;
  }
  return n.id;
}

}  // namespace

Result<trace::TraceRequest> ParseTraceQuery(
    const std::vector<std::pair<std::string, std::string>>& params) {
  trace::TraceRequest r;
  std::set<std::string> seen;
  bool has_id = false;
  for (const auto& [name, value] : params) {
    if (!seen.insert(name).second) {
      return Status::InvalidArgument("parameter " + name + " is given more than once", name);
    }
    if (name == "id") {
      TXNG_ASSIGN_OR_RETURN(r.root, ParseTraceId(value));
      has_id = true;
    } else if (name == "direction") {
      std::optional<trace::Direction> d = trace::ParseDirection(value);
      if (!d) {
        return Status::InvalidArgument(
            "direction must be backward, forward or both, not \"" + value + "\"", name);
      }
      r.direction = *d;
    } else if (name == "depth") {
      TXNG_ASSIGN_OR_RETURN(r.max_depth, IntParam(name, value));
    } else if (name == "limit") {
      TXNG_ASSIGN_OR_RETURN(r.limit, IntParam(name, value));
    } else if (name == "offset") {
      TXNG_ASSIGN_OR_RETURN(r.offset, IntParam(name, value));
    } else if (name == "asOf") {
      Result<epcis::Instant> at = epcis::ParseTimestamp(value);
      if (!at.ok()) return Status::InvalidArgument("asOf: " + at.status().message(), name);
      r.as_of = epcis::ToUnixMillis(*at);
    } else {
      return Status::InvalidArgument(
          "unknown parameter " + name + " (expected id, direction, depth, asOf, limit or offset)",
          name);
    }
  }
  if (!has_id) return Status::InvalidArgument("parameter id is required", "id");
  if (r.max_depth < 0 || r.max_depth > trace::kMaxDepth) {
    return Status::InvalidArgument("depth must be 0.." + std::to_string(trace::kMaxDepth), "depth");
  }
  if (r.limit < 1 || r.limit > trace::kMaxLimit) {
    return Status::InvalidArgument("limit must be 1.." + std::to_string(trace::kMaxLimit), "limit");
  }
  if (r.offset < 0 || r.offset > trace::kMaxNodes - r.limit) {
    return Status::InvalidArgument("offset must be 0.." + std::to_string(trace::kMaxNodes) +
                                       " minus the limit: a trace answers at most " +
                                       std::to_string(trace::kMaxNodes) + " nodes",
                                   "offset");
  }
  return r;
}

std::string TraceJson(const TraceAnswer& answer, const trace::TraceRequest& request) {
  const trace::Graph& g = answer.graph;
  json nodes = json::array();
  bool withheld = false;
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    withheld = withheld || g.nodes[i].withheld;
    if (i >= g.page_start) nodes.push_back(NodeJson(g, g.nodes[i], answer.names));
  }
  json edges = json::array();
  for (const trace::Edge& e : g.edges) {
    if (OnPage(g, e)) edges.push_back(EdgeJson(g, e));
  }
  json findings = json::array();
  for (const trace::Finding& f : g.findings) {
    json ids = json::array();
    for (size_t n : f.nodes) ids.push_back(g.nodes[n].id);
    json item = {{"kind", trace::ToString(f.kind)},
                 {"nodes", std::move(ids)},
                 {"detail", FindingDetail(g, f)}};
    if (f.event) item["eventID"] = g.events[*f.event].event_id;
    findings.push_back(std::move(item));
  }
  json out = {{"id", request.root},
              {"direction", trace::ToString(request.direction)},
              {"depth", request.max_depth},
              {"offset", g.page_start},
              {"withheld", withheld}};
  if (request.as_of) out["asOf"] = FormatIso8601(*request.as_of);
  if (withheld) {
    out["notice"] =
        "some events that name these identifiers are not published yet and are not yours to "
        "see: the trace stops there";
  }
  if (g.next_offset) out["nextOffset"] = *g.next_offset;
  out["nodes"] = std::move(nodes);
  out["edges"] = std::move(edges);
  out["findings"] = std::move(findings);
  out["oneStep"] = OneStepJson(trace::OneStepView(g));
  return out.dump();
}

std::string TraceDot(const TraceAnswer& answer) {
  const trace::Graph& g = answer.graph;
  auto quoted = [](const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    return out + "\"";
  };
  std::string out =
      "digraph trace {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n";
  for (size_t i = g.page_start; i < g.nodes.size(); ++i) {
    const trace::Node& n = g.nodes[i];
    const bool place = n.kind == trace::NodeKind::kLocation || n.kind == trace::NodeKind::kParty;
    out += "  n" + std::to_string(i) + " [label=" + quoted(Label(n, answer.names)) +
           (place ? ", shape=ellipse" : "") +
           (n.reach == trace::Reach::kRoot ? ", penwidth=2" : "") + "];\n";
  }
  for (const trace::Edge& e : g.edges) {
    if (!OnPage(g, e)) continue;
    std::string label(trace::ToString(e.relation));
    if (e.quantity) label += " " + NumberText(*e.quantity) + " " + e.uom;
    out += "  n" + std::to_string(e.from) + " -> n" + std::to_string(e.to) +
           " [label=" + quoted(label) + "];\n";
  }
  return out + "}\n";
}

std::string TraceText(const TraceAnswer& answer) {
  const trace::Graph& g = answer.graph;
  std::string out;
  for (size_t i = g.page_start; i < g.nodes.size(); ++i) {
    const trace::Node& n = g.nodes[i];
    out += std::string(trace::ToString(n.reach)) + "\t" + std::to_string(n.depth) + "\t" +
           std::string(trace::ToString(n.kind)) + "\t" + n.id;
    const std::string label = Label(n, answer.names);
    if (label != n.id) out += "\t" + label;
    if (n.withheld) out += "\t(withheld: unpublished data of another organisation)";
    out += "\n";
  }
  for (const trace::Edge& e : g.edges) {
    if (!OnPage(g, e)) continue;
    const trace::LineageEvent& ev = g.events[e.event];
    out += g.nodes[e.from].id + " -" + std::string(trace::ToString(e.relation)) + "-> " +
           g.nodes[e.to].id + "\t" + FormatIso8601(ev.event_time);
    if (e.quantity) out += "\t" + NumberText(*e.quantity) + " " + e.uom;
    out += "\n";
  }
  for (const trace::Finding& f : g.findings) {
    out += "finding: " + std::string(trace::ToString(f.kind)) + ": " + FindingDetail(g, f) + "\n";
  }
  if (g.next_offset) out += "more: --offset " + std::to_string(*g.next_offset) + "\n";
  return out;
}

namespace {

// At most `max` bytes of `text`, cut at a UTF-8 character boundary.
std::string Shorten(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

}  // namespace

std::string TraceSvg(const TraceAnswer& answer, size_t max_nodes) {
  const trace::Graph& g = answer.graph;
  constexpr int kWidth = 190, kHeight = 46, kGapX = 56, kGapY = 14, kMargin = 10;
  // Columns: the root at 0, upstream to the left, downstream to the right,
  // a carrier one column after what it carried.
  std::map<size_t, int> column;
  for (size_t i = g.page_start; i < g.nodes.size() && column.size() < max_nodes; ++i) {
    const trace::Node& n = g.nodes[i];
    if (n.reach == trace::Reach::kContext) continue;
    int col = 0;
    if (n.reach == trace::Reach::kUpstream) col = -n.depth;
    if (n.reach == trace::Reach::kDownstream) col = n.depth;
    if (n.reach == trace::Reach::kCarrier) {
      col = n.depth;
      for (const trace::Edge& e : g.edges) {
        if (e.to == i && e.relation == trace::Relation::kPackedInto && column.contains(e.from)) {
          col = column[e.from] + 1;
          break;
        }
      }
    }
    column[i] = col;
  }
  int min_col = 0, max_col = 0;
  for (const auto& [node, col] : column) {
    min_col = std::min(min_col, col);
    max_col = std::max(max_col, col);
  }
  std::map<int, int> rows_used;
  std::map<size_t, std::pair<int, int>> at;  // node → (x, y) of its box
  for (const auto& [node, col] : column) {
    const int row = rows_used[col]++;
    at[node] = {kMargin + (col - min_col) * (kWidth + kGapX), kMargin + row * (kHeight + kGapY)};
  }
  int rows = 1;
  for (const auto& [col, used] : rows_used) rows = std::max(rows, used);
  const int width = 2 * kMargin + (max_col - min_col + 1) * (kWidth + kGapX) - kGapX;
  const int height = 2 * kMargin + rows * (kHeight + kGapY) - kGapY;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trace-graph\" width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(height) +
                    "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" "
                    "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 "
                    "0L10 5L0 10z\"/></marker></defs>";
  for (const trace::Edge& e : g.edges) {
    if (!at.contains(e.from) || !at.contains(e.to) || e.from == e.to) continue;
    const auto [x1, y1] = at[e.from];
    const auto [x2, y2] = at[e.to];
    const bool rightwards = x2 >= x1;
    out += "<line class=\"" + std::string(trace::ToString(e.relation)) + "\" x1=\"" +
           std::to_string(rightwards ? x1 + kWidth : x1) + "\" y1=\"" +
           std::to_string(y1 + kHeight / 2) + "\" x2=\"" +
           std::to_string(rightwards ? x2 : x2 + kWidth) + "\" y2=\"" +
           std::to_string(y2 + kHeight / 2) + "\" marker-end=\"url(#arrow)\"><title>" +
           EscapeXml(std::string(trace::ToString(e.relation)) + " " +
                     FormatIso8601(g.events[e.event].event_time)) +
           "</title></line>";
  }
  for (const auto& [node, xy] : at) {
    const trace::Node& n = g.nodes[node];
    const auto [x, y] = xy;
    std::string name = n.id;
    std::string detail(trace::ToString(n.kind));
    if (auto it = answer.names.find(n.id); it != answer.names.end()) {
      if (!it->second.name_vi.empty()) name = it->second.name_vi;
      if (!it->second.lot_code.empty()) detail = "lô " + it->second.lot_code;
    }
    out += "<g class=\"node " + std::string(trace::ToString(n.reach)) + "\"><rect x=\"" +
           std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
           std::to_string(kWidth) + "\" height=\"" + std::to_string(kHeight) +
           "\" rx=\"6\"/><text x=\"" + std::to_string(x + 8) + "\" y=\"" + std::to_string(y + 18) +
           "\">" + EscapeXml(Shorten(name, 30)) + "</text><text class=\"detail\" x=\"" +
           std::to_string(x + 8) + "\" y=\"" + std::to_string(y + 36) + "\">" +
           EscapeXml(Shorten(detail + (n.withheld ? " · …" : ""), 34)) + "</text><title>" +
           EscapeXml(n.id) + "</title></g>";
  }
  return out + "</svg>";
}

}  // namespace txng
