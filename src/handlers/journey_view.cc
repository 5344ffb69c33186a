#include "handlers/journey_view.h"

#include "trace/journey.h"

namespace txng::handlers {

namespace {

using nlohmann::json;

// The catalogue key of an event's stage.
std::string StageKey(const trace::LineageEvent& e) {
  constexpr std::string_view kCbv = "https://ref.gs1.org/cbv/BizStep-";
  if (e.biz_step.starts_with(kCbv)) return "stage." + e.biz_step.substr(kCbv.size());
  if (!e.biz_step.empty()) return "stage.other";
  switch (e.type) {
    case epcis::EventType::kTransformation:
      return "stage.transforming";
    case epcis::EventType::kAggregation:
    case epcis::EventType::kAssociation:
      return e.action == epcis::Action::kDelete ? "stage.unpacking" : "stage.packing";
    case epcis::EventType::kObject:
      if (e.action == epcis::Action::kAdd) return "stage.commissioning";
      break;
    case epcis::EventType::kTransaction:
      break;
  }
  return "stage.recorded";
}

std::string NameOf(const NodeNames& names, http::Lang lang, const std::string& id) {
  auto it = names.find(id);
  if (it == names.end()) return {};
  return lang == http::Lang::kEn ? it->second.name_en : it->second.name_vi;
}

std::string QuantityText(const trace::JourneyStep& s) {
  if (!s.quantity) return {};
  std::string number = json(*s.quantity).dump();
  if (number.ends_with(".0")) number.resize(number.size() - 2);
  return s.uom.empty() ? number : number + " " + s.uom;
}

}  // namespace

json JourneyStages(const http::Renderer& r, http::Lang lang, const TraceAnswer& a) {
  const trace::Graph& g = a.graph;
  json stages = json::array();
  for (const trace::JourneyStep& s : trace::JourneySteps(g)) {
    const trace::LineageEvent& e = g.events[s.event];
    const std::string key = StageKey(e);
    const auto text = r.catalogue().Find(lang, key);
    json stage = {{"name", std::string(text ? *text : r.catalogue().T(lang, "stage.recorded"))},
                  {"time", http::DateTimeValue(lang, e.event_time)}};
    if (!s.place.empty()) {
      std::string place = NameOf(a.names, lang, s.place);
      if (place.empty()) place = s.place;
      if (auto it = a.names.find(s.place); it != a.names.end() && !it->second.area_code.empty()) {
        place += " (" + std::string(r.catalogue().T(lang, "stage.code")) + " " +
                 it->second.area_code + ")";
      }
      stage["place"] = place;
    }
    // Who received it (receiving), else who handed it over.
    const bool receiving = key == "stage.receiving";
    const std::vector<std::string>& parties = receiving ? s.to : s.from;
    if (!parties.empty()) {
      std::string actor = NameOf(a.names, lang, parties.front());
      stage["actor"] = actor.empty() ? parties.front() : actor;
    }
    const std::string quantity = QuantityText(s);
    if (!quantity.empty()) stage["quantity"] = quantity;
    std::string subject = NameOf(a.names, lang, s.subject);
    if (auto it = a.names.find(s.subject); it != a.names.end() && !it->second.lot_code.empty()) {
      subject += (subject.empty() ? "" : " — ") + std::string(r.catalogue().T(lang, "stage.lot")) +
                 " " + it->second.lot_code;
    }
    stage["subject"] = subject.empty() ? s.subject : subject;
    stages.push_back(std::move(stage));
  }
  return stages;
}

}  // namespace txng::handlers
