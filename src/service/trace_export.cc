#include "service/trace_export.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "epcis/cbv.h"
#include "epcis/identifiers.h"
#include "epcis/model.h"
#include "gs1/check_digit.h"
#include "gs1/digital_link.h"
#include "gs1/element_string.h"
#include "service/catalog.h"
#include "trace/memory_source.h"

namespace txng {
namespace {

using trace::LineageEvent;
using trace::NamedObject;
using trace::Role;

constexpr std::string_view kGs1 = "https://id.gs1.org/";
constexpr std::string_view kBizStep = "https://ref.gs1.org/cbv/BizStep-";
constexpr std::string_view kSdt = "https://ref.gs1.org/cbv/SDT-";

// The texts of the sheets, both languages side by side so that neither can
// miss a line. They are the contents of a document, not page text, and so
// live here rather than in the portal's message catalogues.
struct Text {
  const char* vi;
  const char* en;
  const char* In(ExportLang lang) const { return lang == ExportLang::kEn ? en : vi; }
};

constexpr Text kColumns[] = {
    {"Sự kiện truy xuất (CTE)", "Critical tracking event"},
    {"Mã lô truy xuất (TLC)", "Traceability lot code"},
    {"Mô tả sản phẩm", "Product description"},
    {"Số lượng", "Quantity"},
    {"Đơn vị tính", "Unit of measure"},
    {"Địa điểm", "Location description"},
    {"GLN địa điểm", "Location GLN"},
    {"Ngày", "Date"},
    {"Thời điểm (UTC)", "Time (UTC)"},
    {"Loại chứng từ tham chiếu", "Reference document type"},
    {"Số chứng từ tham chiếu", "Reference document number"},
    {"Nguồn cung cấp liền trước", "Immediate previous source"},
    {"Địa điểm của nguồn liền trước", "Immediate previous source location"},
    {"Địa điểm nhận hàng", "Receiving location"},
    {"Nơi gán mã lô truy xuất", "Traceability lot code source"},
    {"Mã sự kiện EPCIS", "EPCIS event ID"},
};

Text CteText(Cte c) {
  switch (c) {
    case Cte::kHarvesting:
      return {"Thu hoạch / trồng trọt", "Harvesting / growing"};
    case Cte::kInitialPacking:
      return {"Đóng gói ban đầu", "Initial packing"};
    case Cte::kShipping:
      return {"Xuất hàng", "Shipping"};
    case Cte::kReceiving:
      return {"Nhận hàng", "Receiving"};
    case Cte::kTransformation:
      return {"Chế biến", "Transformation"};
  }
  return {"", ""};
}

constexpr Text kInputSuffix = {" (đầu vào)", " (input)"};
constexpr Text kOutputSuffix = {" (đầu ra)", " (output)"};

// CBV business transaction types (BTT-…) by their bare word.
const std::map<std::string, Text, std::less<>>& DocumentTypes() {
  static const auto* types = new std::map<std::string, Text, std::less<>>{
      {"bol", {"Vận đơn", "Bill of lading"}},
      {"cert", {"Chứng nhận", "Certificate"}},
      {"desadv", {"Thông báo giao hàng", "Despatch advice"}},
      {"inv", {"Hóa đơn", "Invoice"}},
      {"pedigree", {"Hồ sơ nguồn gốc", "Pedigree"}},
      {"po", {"Đơn đặt hàng", "Purchase order"}},
      {"poc", {"Xác nhận đơn hàng", "Purchase order confirmation"}},
      {"prodorder", {"Lệnh sản xuất", "Production order"}},
      {"recadv", {"Thông báo nhận hàng", "Receiving advice"}},
      {"rma", {"Phiếu trả hàng", "Return merchandise authorisation"}},
      {"testprd", {"Kết quả kiểm nghiệm sản phẩm", "Test procedure"}},
      {"testres", {"Kết quả kiểm nghiệm", "Test result"}},
      {"upevt", {"Sự kiện cập nhật", "Update event"}},
  };
  return *types;
}

bool IsBizStep(const std::string& uri, std::initializer_list<std::string_view> words) {
  if (uri.rfind(kBizStep, 0) != 0) return false;
  const std::string_view word = std::string_view(uri).substr(kBizStep.size());
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string Pick(ExportLang lang, const std::string& vi, const std::string& en) {
  if (lang == ExportLang::kEn) return en.empty() ? vi : en;
  return vi.empty() ? en : vi;
}

// What the sheet shows of identifiers: GS1 keys as bracketed element
// strings, and their parts; computed once per identifier.
class Ids {
 public:
  struct Parsed {
    std::vector<gs1::AiValue> ais;  // empty for other URIs
    std::string display;            // "(01)…(10)…", or the URI
  };

  const Parsed& Get(const std::string& id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return it->second;
    Parsed p;
    p.display = id;
    if (epcis::IsCanonicalDigitalLink(id)) {
      gs1::DigitalLinkOptions options;
      options.permit_unknown_ais = true;
      options.validate_requisites = false;
      auto dl = gs1::ParseDigitalLink(id, options);
      if (dl.ok()) {
        p.ais = std::move(dl->ais);
        p.display = gs1::ToBracketed(p.ais);
      }
    }
    return cache_.emplace(id, std::move(p)).first->second;
  }

  std::string Ai(const std::string& id, std::string_view ai) {
    for (const gs1::AiValue& v : Get(id).ais) {
      if (v.ai == ai) return v.value;
    }
    return {};
  }

 private:
  std::unordered_map<std::string, Parsed> cache_;
};

// The canonical Digital Link of a lot of a GTIN.
std::string LgtinId(const std::string& gtin, const std::string& lot) {
  gs1::DigitalLinkOptions options;
  options.validate_requisites = false;
  auto dl = gs1::ToDigitalLink({{"01", gtin}, {"10", lot}}, "", options);
  return dl.ok() ? *dl : std::string(kGs1) + "01/" + gtin + "/10/" + lot;
}

std::string GtinClassId(const std::string& gtin) { return std::string(kGs1) + "01/" + gtin; }

// One part of a row: a TLC and how much of it.
struct Portion {
  std::string tlc;
  std::optional<double> quantity;
  std::string uom;
};

class RowBuilder {
 public:
  RowBuilder(const FsmaInput& in, ExportLang lang) : in_(in), lang_(lang) {
    // Aggregations by parent, in time order, for the contents of containers.
    std::set<int64_t> seen;
    const auto index = [&](const LineageEvent& e) {
      if (!seen.insert(e.row).second) return;
      if (e.type == epcis::EventType::kAggregation) {
        for (const NamedObject& o : e.objects) {
          if (o.role == Role::kParent) packings_[o.id].push_back(&e);
        }
      }
      const bool commissions =
          (e.type == epcis::EventType::kObject && e.action == epcis::Action::kAdd) ||
          e.type == epcis::EventType::kTransformation;
      if (!commissions) return;
      for (const NamedObject& o : e.objects) {
        const bool created = e.type == epcis::EventType::kTransformation ? o.role == Role::kOutput
                                                                         : o.role == Role::kEpc;
        if (!created) continue;
        const LineageEvent*& origin = origins_[o.id];
        if (origin == nullptr || Before(e, *origin)) origin = &e;
      }
    };
    for (const LineageEvent& e : in.events) index(e);
    for (const LineageEvent& e : in.context) index(e);
    for (auto& [parent, events] : packings_) {
      std::sort(events.begin(), events.end(),
                [](const LineageEvent* a, const LineageEvent* b) { return Before(*a, *b); });
    }
  }

  struct Row {
    UnixMillis time = 0;
    std::string tlc_display;
    int64_t event_row = 0;
    int order = 0;  // of the portion within the event
    std::vector<exports::Cell> cells;
  };

  // Appends the rows of `e` to `out`.
  void RowsOf(const LineageEvent& e, std::vector<Row>& out) {
    const std::optional<Cte> cte = CteOf(e);
    if (!cte) return;
    // Which objects the CTE is about: a transformation's inputs and outputs;
    // otherwise the contents (epcList, quantityList, childEPCs, …) rather
    // than the container the event names as parent, unless it names only
    // the container.
    const bool has_contents = std::any_of(e.objects.begin(), e.objects.end(),
                                          [](const auto& o) { return o.role != Role::kParent; });
    struct Key {
      Role role;
      std::string tlc, uom;
      bool operator<(const Key& k) const {
        return std::tie(role, tlc, uom) < std::tie(k.role, k.tlc, k.uom);
      }
    };
    std::map<Key, std::optional<double>> sums;
    std::vector<Key> order;
    for (const NamedObject& o : e.objects) {
      if (o.role == Role::kParent && has_contents) continue;
      const Role role = e.type == epcis::EventType::kTransformation ? o.role : Role::kEpc;
      for (Portion& p : Resolve(o, e)) {
        if (in_.keep && !in_.keep(p.tlc)) continue;
        Key key{role, std::move(p.tlc), std::move(p.uom)};
        auto [it, fresh] = sums.try_emplace(key, p.quantity);
        if (fresh) {
          order.push_back(key);
        } else if (it->second && p.quantity) {
          *it->second += *p.quantity;
        } else {
          it->second.reset();  // a part of unknown quantity: the sum is unknown
        }
      }
    }
    for (size_t i = 0; i < order.size(); ++i) {
      const Key& key = order[i];
      Row row;
      row.time = e.event_time;
      row.tlc_display = ids_.Get(key.tlc).display;
      row.event_row = e.row;
      row.order = static_cast<int>(i);
      row.cells = Cells(e, *cte, key.role, key.tlc, sums[key], key.uom);
      out.push_back(std::move(row));
    }
  }

 private:
  static bool Before(const LineageEvent& a, const LineageEvent& b) {
    return std::tie(a.event_time, a.row) < std::tie(b.event_time, b.row);
  }

  // The TLCs an object of `e` stands for.
  std::vector<Portion> Resolve(const NamedObject& o, const LineageEvent& e) {
    if (o.class_level) return {{o.id, o.quantity, o.uom}};
    std::set<std::string> visiting;
    return ResolveInstance(o.id, e, visiting);
  }

  std::vector<Portion> ResolveInstance(const std::string& id, const LineageEvent& at,
                                       std::set<std::string>& visiting) {
    auto named = in_.names.find(id);
    if (named != in_.names.end() && !named->second.gtin.empty() &&
        !named->second.lot_code.empty()) {
      return {{LgtinId(named->second.gtin, named->second.lot_code), 1.0, "EA"}};
    }
    // A container: what was packed into it before `at` and not taken out.
    // A cycle of containers (contradictory data) or too deep a nesting stops
    // at the container itself.
    if (visiting.size() < 8 && visiting.insert(id).second) {
      std::vector<NamedObject> inside = ContentsAt(id, at);
      std::vector<Portion> out;
      for (const NamedObject& child : inside) {
        if (child.class_level) {
          out.push_back({child.id, child.quantity, child.uom});
        } else {
          for (Portion& p : ResolveInstance(child.id, at, visiting)) out.push_back(std::move(p));
        }
      }
      visiting.erase(id);
      if (!out.empty()) return out;
    }
    return {{id, 1.0, "EA"}};
  }

  std::vector<NamedObject> ContentsAt(const std::string& container, const LineageEvent& at) {
    auto it = packings_.find(container);
    if (it == packings_.end()) return {};
    std::vector<NamedObject> inside;
    for (const LineageEvent* p : it->second) {
      if (!Before(*p, at)) break;
      std::vector<const NamedObject*> children;
      for (const NamedObject& o : p->objects) {
        if (o.role == Role::kChild) children.push_back(&o);
      }
      if (p->action == epcis::Action::kAdd) {
        for (const NamedObject* c : children) inside.push_back(*c);
      } else if (p->action == epcis::Action::kDelete) {
        if (children.empty()) {
          inside.clear();  // unpacked completely
        } else {
          std::erase_if(inside, [&](const NamedObject& o) {
            return std::any_of(children.begin(), children.end(),
                               [&](const NamedObject* c) { return c->id == o.id; });
          });
        }
      }
    }
    return inside;
  }

  const NodeInfo* Info(const std::string& id) const {
    auto it = in_.names.find(id);
    return it == in_.names.end() ? nullptr : &it->second;
  }

  // "Name, address, district" of a place or party, or its identifier.
  std::string Describe(const std::string& id) {
    if (id.empty()) return {};
    const NodeInfo* info = Info(id);
    std::string name = info ? Pick(lang_, info->name_vi, info->name_en) : "";
    if (name.empty()) return ids_.Get(id).display;
    for (const std::string* part : {&info->address, &info->district}) {
      if (!part->empty() && name.find(*part) == std::string::npos) name += ", " + *part;
    }
    return name;
  }

  // Like Describe, with the GLN (or the identifier) after the name.
  std::string DescribeWithCode(const std::string& id) {
    const std::string described = Describe(id);
    const Ids::Parsed& parsed = ids_.Get(id);
    if (described == parsed.display) return described;
    std::string gln = ids_.Ai(id, "414");
    if (gln.empty()) gln = ids_.Ai(id, "417");
    return described + " (" + (gln.empty() ? parsed.display : "GLN " + gln) + ")";
  }

  std::string Gln(const std::string& id) { return ids_.Ai(id, "414"); }

  std::string ProductDescription(const std::string& tlc) {
    const std::string gtin = ids_.Ai(tlc, "01");
    const NodeInfo* info = gtin.empty() ? nullptr : Info(GtinClassId(gtin));
    if (info == nullptr) info = Info(tlc);
    return info ? Pick(lang_, info->name_vi, info->name_en) : "";
  }

  static std::string Join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) {
      if (p.empty()) continue;
      if (!out.empty()) out += "; ";
      out += p;
    }
    return out;
  }

  std::string Where(const LineageEvent& e) const {
    return e.biz_location.empty() ? e.read_point : e.biz_location;
  }

  std::vector<exports::Cell> Cells(const LineageEvent& e, Cte cte, Role role,
                                   const std::string& tlc, std::optional<double> quantity,
                                   const std::string& uom) {
    using exports::Cell;
    std::string event_name = CteText(cte).In(lang_);
    if (cte == Cte::kTransformation && role == Role::kInput) event_name += kInputSuffix.In(lang_);
    if (cte == Cte::kTransformation && role == Role::kOutput) {
      event_name += kOutputSuffix.In(lang_);
    }
    const std::string where = Where(e);

    std::vector<std::string> doc_types, doc_numbers;
    for (const epcis::TypedId& t : e.biz_transactions) {
      const std::string word =
          epcis::CompactVocabulary(epcis::Vocabulary::kBizTransactionType, t.type);
      auto known = DocumentTypes().find(word);
      doc_types.push_back(known != DocumentTypes().end() ? known->second.In(lang_) : word);
      doc_numbers.push_back(ids_.Get(t.id).display);
    }
    std::vector<std::string> source_parties, source_places, destination_places;
    for (const epcis::TypedId& s : e.sources) {
      (s.type == std::string(kSdt) + "location" ? source_places : source_parties)
          .push_back(DescribeWithCode(s.id));
    }
    for (const epcis::TypedId& d : e.destinations) {
      if (d.type == std::string(kSdt) + "location")
        destination_places.push_back(DescribeWithCode(d.id));
    }
    if (destination_places.empty() && cte == Cte::kReceiving && !where.empty()) {
      destination_places.push_back(DescribeWithCode(where));
    }
    std::string lot_source;
    if (auto origin = origins_.find(tlc); origin != origins_.end()) {
      const std::string place = Where(*origin->second);
      if (!place.empty()) lot_source = DescribeWithCode(place);
    }

    const std::string time = FormatIso8601(e.event_time);
    std::vector<Cell> cells;
    cells.push_back(Cell::Text(event_name));
    cells.push_back(Cell::Text(ids_.Get(tlc).display));
    cells.push_back(Cell::Text(ProductDescription(tlc)));
    cells.push_back(quantity ? Cell::Number(*quantity) : Cell::Empty());
    cells.push_back(Cell::Text(uom));
    cells.push_back(Cell::Text(Describe(where)));
    cells.push_back(Cell::Text(Gln(where)));
    cells.push_back(Cell::Date(time.substr(0, 10)));
    cells.push_back(Cell::Text(time));
    cells.push_back(Cell::Text(Join(doc_types)));
    cells.push_back(Cell::Text(Join(doc_numbers)));
    cells.push_back(Cell::Text(Join(source_parties)));
    cells.push_back(Cell::Text(Join(source_places)));
    cells.push_back(Cell::Text(Join(destination_places)));
    cells.push_back(Cell::Text(lot_source));
    cells.push_back(Cell::Text(e.event_id));
    return cells;
  }

  const FsmaInput& in_;
  ExportLang lang_;
  Ids ids_;
  std::unordered_map<std::string, std::vector<const LineageEvent*>> packings_;
  std::unordered_map<std::string, const LineageEvent*> origins_;
};

}  // namespace

std::optional<Cte> CteOf(const LineageEvent& e) {
  if (e.type == epcis::EventType::kTransformation) return Cte::kTransformation;
  if (IsBizStep(e.biz_step, {"shipping", "departing"})) return Cte::kShipping;
  if (IsBizStep(e.biz_step, {"receiving", "arriving", "accepting"})) return Cte::kReceiving;
  if (IsBizStep(e.biz_step, {"packing"})) return Cte::kInitialPacking;
  if (e.type == epcis::EventType::kObject && e.action == epcis::Action::kAdd &&
      (e.biz_step.empty() || IsBizStep(e.biz_step, {"commissioning", "creating_class_instance"}))) {
    return Cte::kHarvesting;
  }
  return std::nullopt;
}

std::vector<std::string> FsmaColumns(ExportLang lang) {
  std::vector<std::string> out;
  for (const Text& t : kColumns) out.push_back(t.In(lang));
  return out;
}

FsmaTable BuildFsmaTable(const FsmaInput& in, ExportLang lang, size_t max_rows) {
  RowBuilder builder(in, lang);
  std::vector<RowBuilder::Row> rows;
  std::set<int64_t> done;
  for (const LineageEvent& e : in.events) {
    if (done.insert(e.row).second) builder.RowsOf(e, rows);
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.time, a.tlc_display, a.event_row, a.order) <
           std::tie(b.time, b.tlc_display, b.event_row, b.order);
  });
  FsmaTable out;
  out.sheet.title = "FSMA 204";
  out.sheet.columns = FsmaColumns(lang);
  if (rows.size() > max_rows) {
    rows.resize(max_rows);
    out.truncated = true;
  }
  out.sheet.rows.reserve(rows.size());
  for (RowBuilder::Row& r : rows) out.sheet.rows.push_back(std::move(r.cells));
  return out;
}

namespace {

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr int64_t kDayMillis = 86400000;
constexpr int kPage = 10000;    // events per QueryEvents call
constexpr size_t kChunk = 200;  // identifiers per context query
// Context events read at most: past them some lots' sources and some
// containers' contents stay unknown (the cells empty, the container its own
// TLC), which an export of that size can bear better than unbounded memory.
constexpr size_t kMaxContextEvents = 2 * kMaxFsmaRows;

EventQuery VisibleQuery(const trace::Visibility& v) {
  EventQuery q;
  q.visible_to_org = v.visible_to_org;
  q.approved_only = v.approved_only;
  q.order = EventOrder::kEventTime;
  q.limit = kPage;
  return q;
}

// Runs `q` page by page, appending the events that are not error
// declarations nor declared in error (nor in `seen`, when given, which
// records those appended), until no page follows or `enough` says stop.
// Returns whether events were left unread.
Result<bool> ReadEvents(Store& store, EventQuery q, std::vector<LineageEvent>& out,
                        const std::function<bool()>& enough, std::set<int64_t>* seen = nullptr) {
  for (;;) {
    TXNG_ASSIGN_OR_RETURN(EventPage page, store.QueryEvents(q));
    for (const StoredEvent& se : page.events) {
      if (se.declared_in_error_at || se.event.error_declaration) continue;
      if (seen != nullptr && !seen->insert(se.id).second) continue;
      TXNG_ASSIGN_OR_RETURN(LineageEvent e,
                            trace::ToLineageEvent(se.event, se.id, se.org_id, se.hash_id));
      out.push_back(std::move(e));
    }
    if (!page.next) return false;
    if (enough()) return true;
    q.after = page.next;
  }
}

// The events that say where `lots` were commissioned and what went into the
// containers among `instances`, read in chunks of identifiers, at most
// about kMaxContextEvents.
Status ReadContext(Store& store, const trace::Visibility& v, const std::set<std::string>& lots,
                   const std::set<std::string>& instances, std::vector<LineageEvent>& out) {
  const auto exact = [](auto begin, auto end) {
    std::vector<IdMatch> m;
    for (auto it = begin; it != end; ++it) m.push_back({*it, false});
    return m;
  };
  const auto enough = [&out] { return out.size() >= kMaxContextEvents; };
  const std::vector<std::string> lot_list(lots.begin(), lots.end());
  for (size_t i = 0; i < lot_list.size(); i += kChunk) {
    const auto b = lot_list.begin() + i,
               e = lot_list.begin() + std::min(i + kChunk, lot_list.size());
    EventQuery adds = VisibleQuery(v);
    adds.event_types = {epcis::EventType::kObject};
    adds.actions = {epcis::Action::kAdd};
    adds.match_epc_class = exact(b, e);
    TXNG_RETURN_IF_ERROR(ReadEvents(store, adds, out, enough).status());
    EventQuery outputs = VisibleQuery(v);
    outputs.event_types = {epcis::EventType::kTransformation};
    outputs.match_output_epc_class = exact(b, e);
    TXNG_RETURN_IF_ERROR(ReadEvents(store, outputs, out, enough).status());
  }
  const std::vector<std::string> containers(instances.begin(), instances.end());
  for (size_t i = 0; i < containers.size(); i += kChunk) {
    EventQuery packs = VisibleQuery(v);
    packs.event_types = {epcis::EventType::kAggregation};
    packs.match_parent_id =
        exact(containers.begin() + i, containers.begin() + std::min(i + kChunk, containers.size()));
    TXNG_RETURN_IF_ERROR(ReadEvents(store, packs, out, enough).status());
  }
  return Status::Ok();
}

// Names of the products, lots, places and parties `events` name (and of
// the trade items of every GTIN-based identifier), as `who` may read them.
class Namer {
 public:
  Namer(Store& store, const Principal& who) : store_(store), who_(who) {}

  Result<NodeNames> Name(const std::vector<LineageEvent>& events) {
    std::set<std::string> ids;
    for (const LineageEvent& e : events) {
      for (const NamedObject& o : e.objects) {
        ids.insert(o.id);
        if (const std::string gtin = GtinOf(o.id); !gtin.empty()) ids.insert(GtinClassId(gtin));
      }
      for (const std::string* place : {&e.biz_location, &e.read_point}) {
        if (!place->empty()) ids.insert(*place);
      }
      for (const auto* list : {&e.sources, &e.destinations}) {
        for (const epcis::TypedId& t : *list) ids.insert(t.id);
      }
    }
    return NameIdentifiers(store_, who_, {ids.begin(), ids.end()});
  }

 private:
  // The GTIN of a canonical Digital Link of a trade item, else "".
  static std::string GtinOf(const std::string& id) {
    const std::string prefix = std::string(kGs1) + "01/";
    if (!id.starts_with(prefix) || id.size() < prefix.size() + 14) return {};
    return id.substr(prefix.size(), 14);
  }

  Store& store_;
  const Principal& who_;
};

// The TLCs and instances `events` name (class-level ids; instance ids).
void NamedIds(const std::vector<LineageEvent>& events, std::set<std::string>& classes,
              std::set<std::string>& instances) {
  for (const LineageEvent& e : events) {
    for (const NamedObject& o : e.objects) (o.class_level ? classes : instances).insert(o.id);
  }
}

Result<int64_t> DayOf(const std::string& text, const char* field) {
  int y = 0, m = 0, d = 0;
  if (!exports::ParseDate(text, &y, &m, &d)) {
    return Status::InvalidArgument(
        std::string(field) + " must be a date YYYY-MM-DD, not '" + text + "'", field);
  }
  return DaysFromCivil(y, m, d);
}

// Letters, digits, '-' and '.'; anything else becomes '_'.
std::string SafeStem(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.';
    out += ok ? c : '_';
  }
  return out.substr(0, 80);
}

// Whether `events` hold more CTEs than an export of `max_rows` can show
// (each gives at least one row): reading further is of no use. Counts only
// the events added since the last call.
std::function<bool()> EnoughFor(const std::vector<LineageEvent>& events, size_t max_rows) {
  return [&events, max_rows, counted = size_t{0}, ctes = size_t{0}]() mutable {
    for (; counted < events.size(); ++counted) ctes += CteOf(events[counted]).has_value() ? 1 : 0;
    return ctes > max_rows;
  };
}

Result<FsmaExport> ExportLot(Store& store, const FsmaRequest& r, const Principal& who) {
  Result<std::string> parsed = ParseTraceId(r.lot);
  if (!parsed.ok()) return Status::InvalidArgument(parsed.status().message(), "lot");
  const std::string root = std::move(parsed).value();
  trace::TraceRequest request;
  request.root = root;
  request.direction = trace::Direction::kBoth;
  request.limit = trace::kMaxLimit;
  FsmaInput in;
  std::set<int64_t> rows;
  std::set<std::string> nodes;
  std::vector<trace::Node> last_nodes;  // every node up to the last page read
  bool cut = false;
  for (;;) {
    TXNG_ASSIGN_OR_RETURN(TraceAnswer answer, TraceIdentifier(store, request, who));
    for (trace::LineageEvent& e : answer.graph.events) {
      if (rows.insert(e.row).second) in.events.push_back(std::move(e));
    }
    for (const trace::Node& n : answer.graph.nodes) nodes.insert(n.id);
    last_nodes = std::move(answer.graph.nodes);
    for (auto& [id, info] : answer.names) {
      if (!info.gtin.empty() && !info.lot_code.empty()) {
        nodes.insert(LgtinId(info.gtin, info.lot_code));
      }
      in.names.insert_or_assign(id, std::move(info));
    }
    if (!answer.graph.next_offset) break;
    if (*answer.graph.next_offset + request.limit > trace::kMaxNodes) {
      cut = true;
      break;
    }
    request.offset = *answer.graph.next_offset;
  }
  // The graph holds the events that connect its nodes; an event that names
  // a lineage lot but no place, party or other identifier (a shipping
  // without its locations) connects nothing, yet is a CTE of that lot. The
  // lineage's own objects (not the carriers, whose events count only while
  // they carried it, nor places) are asked for directly.
  std::vector<std::string> instances, classes;
  for (const trace::Node& n : last_nodes) {
    if (n.reach == trace::Reach::kCarrier || n.reach == trace::Reach::kContext) continue;
    if (n.kind == trace::NodeKind::kObject) instances.push_back(n.id);
    if (n.kind == trace::NodeKind::kLot || n.kind == trace::NodeKind::kProductClass) {
      classes.push_back(n.id);
    }
  }
  const trace::Visibility v = TraceVisibility(who);
  const auto enough = EnoughFor(in.events, r.max_rows);
  for (const auto* ids : {&instances, &classes}) {
    for (size_t i = 0; i < ids->size() && !cut; i += kChunk) {
      EventQuery q = VisibleQuery(v);
      for (size_t k = i; k < std::min(i + kChunk, ids->size()); ++k) {
        (ids == &instances ? q.match_any_epc : q.match_any_epc_class).push_back({(*ids)[k], false});
      }
      TXNG_ASSIGN_OR_RETURN(cut, ReadEvents(store, q, in.events, enough, &rows));
    }
  }
  // Products by GTIN class, for the product description column.
  Namer namer(store, who);
  TXNG_ASSIGN_OR_RETURN(NodeNames more, namer.Name(in.events));
  for (auto& [id, info] : more) in.names.try_emplace(id, std::move(info));
  // Only the lineage's lots: a pallet's other contents stay out.
  in.keep = [&nodes](std::string_view tlc) { return nodes.count(std::string(tlc)) > 0; };
  FsmaExport out;
  out.table = BuildFsmaTable(in, r.lang, r.max_rows);
  out.table.truncated = out.table.truncated || cut;
  Ids ids;
  out.filename_stem = "fsma-lot-" + SafeStem(ids.Get(root).display);
  return out;
}

// The product and date scopes: the events of `q`, those of the containers
// they pack lots into (product scope), and their context.
Result<FsmaExport> ExportQueried(Store& store, EventQuery q, const FsmaRequest& r,
                                 const Principal& who, std::function<bool(std::string_view)> keep,
                                 bool follow_containers, std::string stem) {
  const trace::Visibility v = TraceVisibility(who);
  FsmaInput in;
  const auto enough = EnoughFor(in.events, r.max_rows);
  TXNG_ASSIGN_OR_RETURN(bool cut, ReadEvents(store, q, in.events, enough));
  if (in.events.empty() && !r.gtin.empty()) {
    return Status::NotFound("no event you may see names a lot of GTIN " + r.gtin);
  }
  std::set<std::string> lots, instances;
  NamedIds(in.events, lots, instances);
  if (follow_containers && !cut) {
    // Shipping and receiving of the cases and pallets the lots were packed
    // into name only the containers.
    std::set<std::string> containers;
    std::set<int64_t> rows;
    for (const LineageEvent& e : in.events) {
      rows.insert(e.row);
      if (e.type != epcis::EventType::kAggregation) continue;
      for (const NamedObject& o : e.objects) {
        if (o.role == Role::kParent) containers.insert(o.id);
      }
    }
    const std::vector<std::string> list(containers.begin(), containers.end());
    for (size_t i = 0; i < list.size() && !cut; i += kChunk) {
      EventQuery named = VisibleQuery(v);
      for (size_t k = i; k < std::min(i + kChunk, list.size()); ++k) {
        named.match_any_epc.push_back({list[k], false});
      }
      // Events already read (the packing itself) come again.
      TXNG_ASSIGN_OR_RETURN(cut, ReadEvents(store, named, in.events, enough, &rows));
    }
    NamedIds(in.events, lots, instances);
  }
  TXNG_RETURN_IF_ERROR(ReadContext(store, v, lots, instances, in.context));
  Namer namer(store, who);
  std::vector<LineageEvent> all = in.events;
  all.insert(all.end(), in.context.begin(), in.context.end());
  TXNG_ASSIGN_OR_RETURN(in.names, namer.Name(all));
  in.keep = std::move(keep);
  FsmaExport out;
  out.table = BuildFsmaTable(in, r.lang, r.max_rows);
  out.table.truncated = out.table.truncated || cut;
  out.filename_stem = std::move(stem);
  return out;
}

}  // namespace

Result<FsmaExport> ExportFsma(Store& store, const FsmaRequest& request, const Principal& who) {
  FsmaRequest r = request;
  r.max_rows = std::clamp<size_t>(r.max_rows, 1, kMaxFsmaRows);
  const bool by_lot = !r.lot.empty(), by_gtin = !r.gtin.empty();
  const bool by_date = !r.from.empty() || !r.to.empty();
  const int scopes = int{by_lot} + int{by_gtin} + int{by_date};
  if (scopes == 0) {
    return Status::InvalidArgument(
        "say what to export: lot (an identifier), gtin (a product), or from and to (dates "
        "YYYY-MM-DD)",
        "lot");
  }
  if (scopes > 1) {
    return Status::InvalidArgument("give only one of lot, gtin, or from and to",
                                   by_lot && by_gtin ? "gtin" : "from");
  }
  if (by_lot) return ExportLot(store, r, who);
  const trace::Visibility v = TraceVisibility(who);
  if (by_gtin) {
    const std::optional<std::string> gtin = gs1::NormalizeGtin(r.gtin);
    if (!gtin) {
      return Status::InvalidArgument("'" + r.gtin +
                                         "' is not a GTIN: expected 8, 12, 13 or 14 digits with "
                                         "a valid check digit",
                                     "gtin");
    }
    EventQuery q = VisibleQuery(v);
    const std::string prefix = std::string(kGs1) + "01/" + *gtin + "/";
    q.match_any_epc_class = {{prefix + "10/*", true}};
    FsmaRequest named = r;
    named.gtin = *gtin;
    return ExportQueried(
        store, q, named, who,
        [prefix](std::string_view tlc) { return tlc.substr(0, prefix.size()) == prefix; }, true,
        "fsma-gtin-" + *gtin);
  }
  if (r.from.empty())
    return Status::InvalidArgument("a date range needs from as well as to", "from");
  if (r.to.empty()) return Status::InvalidArgument("a date range needs to as well as from", "to");
  TXNG_ASSIGN_OR_RETURN(int64_t from, DayOf(r.from, "from"));
  TXNG_ASSIGN_OR_RETURN(int64_t to, DayOf(r.to, "to"));
  if (from > to) {
    return Status::InvalidArgument("from (" + r.from + ") is after to (" + r.to + ")", "from");
  }
  EventQuery q = VisibleQuery(v);
  q.ge_event_time = from * kDayMillis;
  q.lt_event_time = (to + 1) * kDayMillis;
  return ExportQueried(store, q, r, who, {}, false, "fsma-" + r.from + "-to-" + r.to);
}

namespace {

constexpr Text kItems[] = {
    {"Tên sản phẩm", "Product name"},
    {"Hình ảnh sản phẩm", "Product image"},
    {"Tên cơ sở sản xuất", "Producer name"},
    {"Địa chỉ cơ sở sản xuất", "Producer address"},
    {"Các công đoạn sản xuất", "Production stages"},
    {"Thời gian thực hiện từng công đoạn", "Time of each stage"},
    {"Mã truy vết", "Trace code"},
    {"Nhãn hiệu, ký hiệu, số sê-ri", "Brand, mark, serial"},
    {"Hạn sử dụng", "Expiry date or shelf life"},
    {"Tiêu chuẩn áp dụng", "Standards applied"},
};
constexpr const char* kItemKeys[] = {
    "product_name", "image",      "producer_name", "producer_address", "stages",
    "stage_times",  "trace_code", "brand",         "expiry",           "standards"};

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

}  // namespace

Result<Circular02Report> Circular02(Store& store, CatalogService& catalog, int64_t product_id,
                                    const Principal& who, ExportLang lang, std::string_view stem) {
  TXNG_ASSIGN_OR_RETURN(Product product, catalog.GetProduct(who, product_id));
  TXNG_ASSIGN_OR_RETURN(Organisation producer, store.GetOrganisation(product.org_id));
  LotFilter lot_filter;
  lot_filter.product_id = product.id;
  lot_filter.review_status = ReviewStatus::kApproved;
  TXNG_ASSIGN_OR_RETURN(Page<Lot> lots, store.ListLots(lot_filter, {500, 0}));

  // The product's approved events, whoever asks: the report is public.
  EventQuery q;
  q.approved_only = true;
  q.order = EventOrder::kEventTime;
  q.limit = kMaxCircular02Events;
  q.match_any_epc_class = {{std::string(kGs1) + "01/" + product.gtin + "/10/*", true}};
  std::vector<LineageEvent> events;
  TXNG_RETURN_IF_ERROR(ReadEvents(store, q, events, [] { return true; }).status());

  Circular02Report report;
  report.product = product;
  std::map<std::pair<Cte, std::string>, size_t> stage_of;
  std::vector<LineageEvent> located;
  for (const LineageEvent& e : events) {
    const std::optional<Cte> cte = CteOf(e);
    if (!cte) continue;
    const std::string where = e.biz_location.empty() ? e.read_point : e.biz_location;
    const std::string day = FormatIso8601(e.event_time).substr(0, 10);
    auto [it, fresh] = stage_of.try_emplace({*cte, where}, report.stages.size());
    if (fresh) {
      Circular02Stage s;
      s.cte = *cte;
      s.location = where;
      s.first_date = day;
      report.stages.push_back(s);
      located.push_back(e);
    }
    Circular02Stage& s = report.stages[it->second];
    s.last_date = day;
    ++s.events;
  }
  Namer namer(store, who);
  TXNG_ASSIGN_OR_RETURN(NodeNames names, namer.Name(located));
  Ids ids;
  std::vector<std::string> stage_lines, time_lines;
  for (size_t i = 0; i < report.stages.size(); ++i) {
    Circular02Stage& s = report.stages[i];
    s.name = CteText(s.cte).In(lang);
    if (!s.location.empty()) {
      auto named = names.find(s.location);
      const std::string place = named != names.end()
                                    ? Pick(lang, named->second.name_vi, named->second.name_en)
                                    : ids.Get(s.location).display;
      s.name += " — " + place;
    }
    const std::string n = std::to_string(i + 1) + ". ";
    stage_lines.push_back(n + s.name);
    time_lines.push_back(
        n + (s.first_date == s.last_date ? s.first_date : s.first_date + " – " + s.last_date));
  }

  std::string address = producer.address;
  if (!producer.district.empty() && address.find(producer.district) == std::string::npos) {
    address += (address.empty() ? "" : ", ") + producer.district;
  }
  std::vector<std::string> lot_codes, expiries;
  for (const Lot& l : lots.items) {
    lot_codes.push_back(l.lot_code);
    if (!l.expiry_date.empty()) expiries.push_back(l.lot_code + ": " + l.expiry_date);
  }
  std::string brand = product.brand;
  if (!lot_codes.empty()) {
    std::string joined;
    for (const std::string& c : lot_codes) joined += (joined.empty() ? "" : ", ") + c;
    brand += std::string(brand.empty() ? "" : "\n") +
             (lang == ExportLang::kEn ? "Lots: " : "Lô: ") + joined;
  }
  std::vector<std::string> expiry;
  if (product.shelf_life_days) {
    expiry.push_back(
        std::to_string(*product.shelf_life_days) +
        (lang == ExportLang::kEn ? " days from the production date" : " ngày kể từ ngày sản xuất"));
  }
  expiry.insert(expiry.end(), expiries.begin(), expiries.end());
  std::string link_stem = stem.empty() ? "https://id.gs1.org" : std::string(stem);
  if (link_stem.back() == '/') link_stem.pop_back();
  const std::string trace_code = "(01)" + product.gtin + "\n" + link_stem + "/01/" + product.gtin;

  const std::string values[] = {Pick(lang, product.name_vi, product.name_en),
                                product.image_url,
                                producer.name,
                                address,
                                Lines(stage_lines),
                                Lines(time_lines),
                                trace_code,
                                brand,
                                Lines(expiry),
                                product.standards};
  for (size_t i = 0; i < std::size(kItems); ++i) {
    report.items.push_back({kItemKeys[i], kItems[i].In(lang), values[i]});
  }
  return report;
}

exports::Sheet Circular02Sheet(const Circular02Report& report, ExportLang lang) {
  exports::Sheet s;
  s.title = lang == ExportLang::kEn ? "Circular 02-2024" : "Thông tư 02-2024";
  s.columns = {lang == ExportLang::kEn ? "No." : "STT",
               lang == ExportLang::kEn ? "Item" : "Thông tin",
               lang == ExportLang::kEn ? "Value" : "Nội dung"};
  for (size_t i = 0; i < report.items.size(); ++i) {
    s.rows.push_back({exports::Cell::Number(static_cast<double>(i + 1)),
                      exports::Cell::Text(report.items[i].label),
                      exports::Cell::Text(report.items[i].value)});
  }
  return s;
}

}  // namespace txng
