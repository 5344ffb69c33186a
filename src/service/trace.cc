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

// The records that may name `ids`: catalogue entries by the GS1 keys the
// ids carry, and master data by the ids themselves.
NamingKeys KeysOf(const std::vector<std::string>& ids) {
  NamingKeys keys;
  for (const std::string& id : ids) {
    keys.element_ids.insert(id);
    const std::vector<gs1::AiValue> ais = AisOf(id);
    if (const std::string gtin = Ai(ais, "01"); !gtin.empty()) {
      keys.gtins.insert(gtin);
      if (const std::string lot = Ai(ais, "10"); !lot.empty()) keys.lots.emplace(gtin, lot);
    } else if (const std::string gln = Ai(ais, "414"); !gln.empty()) {
      keys.places.emplace(gln, Ai(ais, "254"));
    } else if (const std::string party = Ai(ais, "417"); !party.empty()) {
      keys.party_glns.insert(party);
    }
  }
  return keys;
}

// Names nodes from records read once (Store::ReadNamingRecords), showing
// only what `who` may see.
class NodeNamer {
 public:
  NodeNamer(const NamingRecords& records, const Principal& who) : who_(who) {
    for (const Product& p : records.products) products_.emplace(p.gtin, &p);
    for (const Lot& l : records.lots) lots_.emplace(std::pair(l.product_id, l.lot_code), &l);
    for (const Location& l : records.locations) {
      places_.emplace(std::pair(l.gln, l.gln_extension), &l);
    }
    for (const Organisation& o : records.organisations) {
      orgs_.emplace(o.id, &o);
      if (!o.gln.empty()) parties_.emplace(o.gln, &o);  // records are in id order: lowest id wins
    }
    for (const StoredVocabularyElement& e : records.master_data) {
      master_data_[e.element.id].push_back(&e);
    }
  }

  NodeInfo Name(const std::string& id) const {
    NodeInfo info;
    const std::vector<gs1::AiValue> ais = AisOf(id);
    if (!Ai(ais, "01").empty()) {
      NameTradeItem(Ai(ais, "01"), Ai(ais, "10"), info);
    } else if (!Ai(ais, "414").empty()) {
      NamePlace(Ai(ais, "414"), Ai(ais, "254"), info);
    } else if (!Ai(ais, "417").empty()) {
      NameParty(Ai(ais, "417"), info);
    }
    if (info.name_vi.empty()) NameFromMasterData(id, info);
    return info;
  }

 private:
  void NameTradeItem(const std::string& gtin, const std::string& lot_code, NodeInfo& info) const {
    info.gtin = gtin;
    info.lot_code = lot_code;
    auto product = products_.find(gtin);
    if (product == products_.end()) return;
    const Product& p = *product->second;
    if (!CanRead(who_, p.org_id, p.review_status)) return;
    info.name_vi = p.name_vi;
    info.name_en = p.name_en.empty() ? p.name_vi : p.name_en;
    NameOrganisation(p.org_id, info);
    if (lot_code.empty()) return;
    auto lot = lots_.find(std::pair(p.id, lot_code));
    if (lot == lots_.end() || !CanRead(who_, lot->second->org_id, lot->second->review_status)) {
      return;
    }
    info.production_date = lot->second->production_date;
    info.expiry_date = lot->second->expiry_date;
  }

  void NamePlace(const std::string& gln, const std::string& extension, NodeInfo& info) const {
    auto place = places_.find(std::pair(gln, extension));
    if (place == places_.end()) return;
    const Location& l = *place->second;
    if (!CanRead(who_, l.org_id, l.review_status)) return;
    info.name_vi = info.name_en = l.name;
    info.address = l.address;
    info.district = l.district;
    info.area_code = l.area_code;
    NameOrganisation(l.org_id, info);
  }

  void NameParty(const std::string& gln, NodeInfo& info) const {
    auto party = parties_.find(gln);
    if (party == parties_.end()) return;
    const Organisation& o = *party->second;
    if (!CanRead(who_, o.id, o.review_status, &o)) return;
    info.name_vi = info.name_en = info.org_name = o.name;
    info.org_id = o.id;
    info.address = o.address;
    info.district = o.district;
  }

  // The organisation `id` when `who` may see it.
  const Organisation* VisibleOrganisation(int64_t id) const {
    auto it = orgs_.find(id);
    if (it == orgs_.end() || !CanRead(who_, id, it->second->review_status, it->second)) {
      return nullptr;
    }
    return it->second;
  }

  void NameOrganisation(int64_t id, NodeInfo& info) const {
    const Organisation* o = VisibleOrganisation(id);
    if (!o) return;
    info.org_id = id;
    info.org_name = o->name;
    if (info.address.empty()) info.address = o->address;
    if (info.district.empty()) info.district = o->district;
  }

  // Master data that came with captured events: an organisation's own
  // description, shown when the caller may see that organisation.
  void NameFromMasterData(const std::string& id, NodeInfo& info) const {
    auto found = master_data_.find(id);
    if (found == master_data_.end()) return;
    for (const StoredVocabularyElement* e : found->second) {
      if (!VisibleOrganisation(e->org_id)) continue;
      const std::string name = MasterDataText(e->element, "name");
      if (name.empty()) continue;
      info.name_vi = info.name_en = name;
      if (info.address.empty()) info.address = MasterDataText(e->element, "streetAddressOne");
      return;
    }
  }

  const Principal& who_;
  std::map<std::string, const Product*> products_;
  std::map<std::pair<int64_t, std::string>, const Lot*> lots_;
  std::map<std::pair<std::string, std::string>, const Location*> places_;
  std::map<int64_t, const Organisation*> orgs_;
  std::map<std::string, const Organisation*> parties_;
  std::map<std::string, std::vector<const StoredVocabularyElement*>> master_data_;
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
  NodeNames names;
  if (ids.empty()) return names;
  TXNG_ASSIGN_OR_RETURN(NamingRecords records, store.ReadNamingRecords(KeysOf(ids)));
  const NodeNamer namer(records, who);
  for (const std::string& id : ids) {
    if (!names.contains(id)) names.emplace(id, namer.Name(id));
  }
  return names;
}

Result<TraceAnswer> TraceIdentifier(Store& store, trace::TraceRequest request,
                                    const Principal& who) {
  request.visibility = TraceVisibility(who);
  StoreLineageSource source(store);
  TXNG_ASSIGN_OR_RETURN(trace::Graph graph, trace::Trace(source, request));
  std::vector<std::string> ids;
  ids.reserve(graph.nodes.size());
  for (const trace::Node& n : graph.nodes) ids.push_back(n.id);
  TXNG_ASSIGN_OR_RETURN(NodeNames names, NameIdentifiers(store, who, ids));
  return TraceAnswer{std::move(graph), std::move(names)};
}

}  // namespace txng
