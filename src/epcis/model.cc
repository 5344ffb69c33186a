#include "epcis/model.h"

#include <array>
#include <utility>

namespace txng::epcis {
namespace {

constexpr std::array<std::pair<EventType, std::string_view>, 5> kEventTypes = {{
    {EventType::kObject, "ObjectEvent"},
    {EventType::kAggregation, "AggregationEvent"},
    {EventType::kTransaction, "TransactionEvent"},
    {EventType::kTransformation, "TransformationEvent"},
    {EventType::kAssociation, "AssociationEvent"},
}};

constexpr std::array<std::pair<Action, std::string_view>, 3> kActions = {{
    {Action::kAdd, "ADD"},
    {Action::kObserve, "OBSERVE"},
    {Action::kDelete, "DELETE"},
}};

}  // namespace

std::string_view EventTypeName(EventType type) {
  for (const auto& [t, name] : kEventTypes) {
    if (t == type) return name;
  }
  return {};
}

std::optional<EventType> EventTypeFromName(std::string_view name) {
  for (const auto& [t, n] : kEventTypes) {
    if (n == name) return t;
  }
  return std::nullopt;
}

std::string_view ActionName(Action action) {
  for (const auto& [a, name] : kActions) {
    if (a == action) return name;
  }
  return {};
}

std::optional<Action> ActionFromName(std::string_view name) {
  for (const auto& [a, n] : kActions) {
    if (n == name) return a;
  }
  return std::nullopt;
}

}  // namespace txng::epcis
