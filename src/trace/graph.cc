#include "trace/graph.h"

namespace txng::trace {

std::string_view ToString(NodeKind k) {
  switch (k) {
    case NodeKind::kObject:
      return "object";
    case NodeKind::kLot:
      return "lot";
    case NodeKind::kProductClass:
      return "productClass";
    case NodeKind::kLocation:
      return "location";
    case NodeKind::kParty:
      return "party";
    case NodeKind::kOther:
      return "other";
  }
  return "other";
}

NodeKind KindOfIdentifier(std::string_view id) {
  constexpr std::string_view kStem = "https://id.gs1.org/";
  if (!id.starts_with(kStem)) return NodeKind::kOther;
  std::string_view path = id.substr(kStem.size());
  const size_t slash = path.find('/');
  if (slash == std::string_view::npos) return NodeKind::kOther;
  const std::string_view ai = path.substr(0, slash);
  const std::string_view rest = path.substr(slash + 1);
  if (ai == "01") {
    if (rest.find("/21/") != std::string_view::npos) return NodeKind::kObject;
    if (rest.find("/10/") != std::string_view::npos) return NodeKind::kLot;
    return NodeKind::kProductClass;
  }
  if (ai == "414") return NodeKind::kLocation;
  if (ai == "417") return NodeKind::kParty;
  // SSCC, GRAI, GIAI, GSRN(P), GDTI, GCN, CPID, GINC, GSIN, ITIP: things
  // that are shipped, packed or held.
  if (ai == "00" || ai == "8003" || ai == "8004" || ai == "8017" || ai == "8018" || ai == "253" ||
      ai == "255" || ai == "8010" || ai == "401" || ai == "402" || ai == "8006") {
    return NodeKind::kObject;
  }
  return NodeKind::kOther;
}

std::string_view ToString(Reach r) {
  switch (r) {
    case Reach::kRoot:
      return "root";
    case Reach::kUpstream:
      return "upstream";
    case Reach::kDownstream:
      return "downstream";
    case Reach::kCarrier:
      return "carrier";
    case Reach::kContext:
      return "context";
  }
  return "context";
}

std::string_view ToString(Relation r) {
  switch (r) {
    case Relation::kTransformedInto:
      return "transformedInto";
    case Relation::kPackedInto:
      return "packedInto";
    case Relation::kUnpackedFrom:
      return "unpackedFrom";
    case Relation::kCommissionedAt:
      return "commissionedAt";
    case Relation::kObservedAt:
      return "observedAt";
    case Relation::kFrom:
      return "from";
    case Relation::kTo:
      return "to";
  }
  return "observedAt";
}

std::string_view ToString(Finding::Kind k) {
  switch (k) {
    case Finding::Kind::kCycle:
      return "cycle";
    case Finding::Kind::kNoOrigin:
      return "noOrigin";
    case Finding::Kind::kUnpackedWithoutPacking:
      return "unpackedWithoutPacking";
  }
  return "noOrigin";
}

}  // namespace txng::trace
