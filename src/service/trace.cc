#include "service/trace.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "epcis/identifiers.h"
#include "gs1/digital_link.h"
#include "service/gs1_inspect.h"
#include "store/lineage_source.h"

namespace txng {

namespace {

constexpr std::string_view kStem = "https://id.gs1.org/";

// The identifier alone: no data attributes, and for a serialised trade item
// no lot (an SGTIN is GTIN + serial; events name it so).
std::string KeyOnly(std::string id) {
  if (const size_t q = id.find('?'); q != std::string::npos) id.resize(q);
  if (!epcis::IsCanonicalDigitalLink(id) || !id.starts_with(std::string(kStem) + "01/")) return id;
  const size_t lot = id.find("/10/");
  const size_t serial = id.find("/21/");
  if (lot != std::string::npos && serial != std::string::npos && lot < serial) {
    id.erase(lot, serial - lot);
  }
  return id;
}

bool LooksLikeUri(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (char ch : text.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '+' && ch != '-' && ch != '.') {
      return false;
    }
  }
  return text.find_first_of(" \t\r\n") == std::string_view::npos;
}

// The AIs of a canonical Digital Link node id; empty for other ids.
std::vector<gs1::AiValue> AisOf(const std::string& id) {
  if (!id.starts_with(kStem)) return {};
  Result<gs1::DigitalLink> dl = gs1::ParseDigitalLink(id, {});
  return dl.ok() ? dl->ais : std::vector<gs1::AiValue>{};
}

std::string Ai(const std::vector<gs1::AiValue>& ais, std::string_view ai) {
  for (const gs1::AiValue& a : ais) {
    if (a.ai == ai) return a.value;
  }
  return {};
}

// The value of the master-data attribute urn:epcglobal:cbv:mda:<name>, when
// it is a JSON string.
std::string MasterDataText(const epcis::VocabularyElement& e, std::string_view name) {
  for (const epcis::MasterDataAttribute& a : e.attributes) {
    if (a.id != "urn:epcglobal:cbv:mda:" + std::string(name)) continue;
    nlohmann::json v = nlohmann::json::parse(a.value, nullptr, false);
    if (v.is_string()) return v.get<std::string>();
  }
  return {};
}

// Names nodes from the catalogue and master data, reading each record once
// and showing only what `who` may see.
class NodeNamer {
 public:
  NodeNamer(Store& store, const Principal& who) : store_(store), who_(who) {}

  Result<NodeNames> Name(const std::vector<std::string>& ids) {
    NodeNames names;
    for (const std::string& id : ids) {
      if (names.contains(id)) continue;
      NodeInfo info;
      const std::vector<gs1::AiValue> ais = AisOf(id);
      if (!Ai(ais, "01").empty()) {
        TXNG_RETURN_IF_ERROR(NameTradeItem(Ai(ais, "01"), Ai(ais, "10"), info));
      } else if (!Ai(ais, "414").empty()) {
        TXNG_RETURN_IF_ERROR(NamePlace(Ai(ais, "414"), Ai(ais, "254"), info));
      } else if (!Ai(ais, "417").empty()) {
        TXNG_RETURN_IF_ERROR(NameParty(Ai(ais, "417"), info));
      }
      if (info.name_vi.empty()) TXNG_RETURN_IF_ERROR(NameFromMasterData(id, info));
      names.emplace(id, std::move(info));
    }
    return names;
  }

 private:
  Status NameTradeItem(const std::string& gtin, const std::string& lot_code, NodeInfo& info) {
    info.gtin = gtin;
    info.lot_code = lot_code;
    Result<Product> product = store_.GetProductByGtin(gtin);
    if (!product.ok())
      return product.status().code() == StatusCode::kNotFound ? Status::Ok() : product.status();
    if (!CanRead(who_, product->org_id, product->review_status)) return Status::Ok();
    info.name_vi = product->name_vi;
    info.name_en = product->name_en.empty() ? product->name_vi : product->name_en;
    TXNG_RETURN_IF_ERROR(NameOrganisation(product->org_id, info));
    if (lot_code.empty()) return Status::Ok();
    Result<Lot> lot = store_.GetLotByCode(product->id, lot_code);
    if (!lot.ok())
      return lot.status().code() == StatusCode::kNotFound ? Status::Ok() : lot.status();
    if (!CanRead(who_, lot->org_id, lot->review_status)) return Status::Ok();
    info.production_date = lot->production_date;
    info.expiry_date = lot->expiry_date;
    return Status::Ok();
  }

  Status NamePlace(const std::string& gln, const std::string& extension, NodeInfo& info) {
    LocationFilter f;
    f.gln = gln;
    f.gln_extension = extension;
    TXNG_ASSIGN_OR_RETURN(Page<Location> found, store_.ListLocations(f, {.limit = 1}));
    if (found.items.empty()) return Status::Ok();
    const Location& l = found.items[0];
    if (!CanRead(who_, l.org_id, l.review_status)) return Status::Ok();
    info.name_vi = info.name_en = l.name;
    info.address = l.address;
    info.district = l.district;
    info.area_code = l.area_code;
    return NameOrganisation(l.org_id, info);
  }

  Status NameParty(const std::string& gln, NodeInfo& info) {
    OrganisationFilter f;
    f.gln = gln;
    TXNG_ASSIGN_OR_RETURN(Page<Organisation> found, store_.ListOrganisations(f, {.limit = 1}));
    if (found.items.empty()) return Status::Ok();
    const Organisation& o = found.items[0];
    if (!CanRead(who_, o.id, o.review_status, &o)) return Status::Ok();
    info.name_vi = info.name_en = info.org_name = o.name;
    info.org_id = o.id;
    info.address = o.address;
    info.district = o.district;
    return Status::Ok();
  }

  Status NameOrganisation(int64_t id, NodeInfo& info) {
    auto it = orgs_.find(id);
    if (it == orgs_.end()) {
      Result<Organisation> o = store_.GetOrganisation(id);
      if (!o.ok() && o.status().code() != StatusCode::kNotFound) return o.status();
      std::optional<Organisation> visible;
      if (o.ok() && CanRead(who_, o->id, o->review_status, &*o)) visible = *o;
      it = orgs_.emplace(id, std::move(visible)).first;
    }
    if (it->second) {
      info.org_id = id;
      info.org_name = it->second->name;
      if (info.address.empty()) info.address = it->second->address;
      if (info.district.empty()) info.district = it->second->district;
    }
    return Status::Ok();
  }

  // Master data that came with captured events: an organisation's own
  // description, shown when the caller may see that organisation.
  Status NameFromMasterData(const std::string& id, NodeInfo& info) {
    MasterDataFilter f;
    f.element_id = id;
    TXNG_ASSIGN_OR_RETURN(std::vector<StoredVocabularyElement> found, store_.ListMasterData(f, 10));
    for (const StoredVocabularyElement& e : found) {
      NodeInfo candidate;
      TXNG_RETURN_IF_ERROR(NameOrganisation(e.org_id, candidate));
      if (!candidate.org_id) continue;
      const std::string name = MasterDataText(e.element, "name");
      if (name.empty()) continue;
      info.name_vi = info.name_en = name;
      if (info.address.empty()) info.address = MasterDataText(e.element, "streetAddressOne");
      return Status::Ok();
    }
    return Status::Ok();
  }

  Store& store_;
  const Principal& who_;
  std::map<int64_t, std::optional<Organisation>> orgs_;
};

}  // namespace

Result<std::string> ParseTraceId(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.empty()) return Status::InvalidArgument("an identifier to trace is required", "id");
  const bool gs1_uri =
      text.starts_with("urn:epc:") || text.starts_with("http://") || text.starts_with("https://");
  if (gs1_uri || (LooksLikeUri(text) && !text.starts_with("]"))) {
    Result<std::string> id = epcis::NormalizeIdentifier(text);
    if (!id.ok()) return Status::InvalidArgument(id.status().message(), "id");
    return KeyOnly(*id);
  }
  Result<Gs1Inspection> inspection = InspectGs1(text);
  if (!inspection.ok()) return Status::InvalidArgument(inspection.status().message(), "id");
  if (inspection->digital_link.empty()) {
    return Status::InvalidArgument("\"" + std::string(text) + "\" holds no GS1 key to trace", "id");
  }
  Result<std::string> id = epcis::NormalizeIdentifier(inspection->digital_link);
  if (!id.ok()) return Status::InvalidArgument(id.status().message(), "id");
  return KeyOnly(*id);
}

trace::Visibility TraceVisibility(const Principal& who) {
  if (who.is(Role::kAdmin) || who.is(Role::kReviewer)) return {};
  if (!who.anonymous() && !who.is(Role::kOfficer) && who.org_id) return {*who.org_id, false};
  return {std::nullopt, true};
}

Result<NodeNames> NameIdentifiers(Store& store, const Principal& who,
                                  const std::vector<std::string>& ids) {
  return NodeNamer(store, who).Name(ids);
}

Result<TraceAnswer> TraceIdentifier(Store& store, trace::TraceRequest request,
                                    const Principal& who) {
  request.visibility = TraceVisibility(who);
  StoreLineageSource source(store);
  TXNG_ASSIGN_OR_RETURN(trace::Graph graph, trace::Trace(source, request));
  std::vector<std::string> ids;
  ids.reserve(graph.nodes.size());
  for (const trace::Node& n : graph.nodes) ids.push_back(n.id);
  TXNG_ASSIGN_OR_RETURN(NodeNames names, NodeNamer(store, who).Name(ids));
  return TraceAnswer{std::move(graph), std::move(names)};
}

}  // namespace txng
