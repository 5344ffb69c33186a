#include "epcis/xml_names.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace txng::epcis::xml {
namespace {

using nlohmann::json;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

constexpr std::string_view kXsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

// True for attributes that carry data: not namespace declarations, not XML
// Schema instance annotations (xsi:type, xsi:nil).
bool IsDataAttribute(pugi::xml_node owner, pugi::xml_attribute a) {
  std::string_view name = a.name();
  if (StartsWith(name, "xmlns")) return false;
  return PrefixOf(name).empty() || NamespaceOf(owner, PrefixOf(name)) != kXsiNamespace;
}

}  // namespace

bool IsEpcisNamespace(std::string_view ns) {
  return StartsWith(ns, "urn:epcglobal:epcis:xsd:") ||
         StartsWith(ns, "urn:epcglobal:epcis-query:xsd:");
}

std::string_view LocalName(std::string_view qname) {
  std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The namespace URI bound to `prefix` ("" for the default namespace) in
// scope at `node`; empty when none.
std::string NamespaceOf(pugi::xml_node node, std::string_view prefix) {
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  }
  return {};
}

std::string PrefixOf(std::string_view qname) {
  std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string() : std::string(qname.substr(0, colon));
}

// The namespace of an element.
std::string ElementNamespace(pugi::xml_node node) {
  return NamespaceOf(node, PrefixOf(node.name()));
}

// The Clark name of an element or of an attribute of `owner` (attributes
// without a prefix have no namespace).
std::string ClarkName(pugi::xml_node owner, std::string_view qname, bool is_attribute) {
  std::string prefix = PrefixOf(qname);
  if (is_attribute && prefix.empty()) return std::string(qname);
  std::string ns = NamespaceOf(owner, prefix);
  if (ns.empty()) return std::string(LocalName(qname));
  return "{" + ns + "}" + std::string(LocalName(qname));
}

bool IsStandard(pugi::xml_node node) {
  std::string ns = ElementNamespace(node);
  return ns.empty() || IsEpcisNamespace(ns);
}

std::string Trimmed(const char* text) {
  std::string_view s(text);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// The children of an event, with EPCIS 1.x <extension> and <baseExtension>
// wrappers flattened.
void StandardChildren(pugi::xml_node node, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view local = LocalName(child.name());
    if (IsStandard(child) && (local == "extension" || local == "baseExtension")) {
      StandardChildren(child, out);
    } else {
      out.push_back(child);
    }
  }
}

// The JSON value of an extension element: its text when it is a leaf; else
// an object of its attributes and children (a name that repeats holds the
// array of its values), with text beside attributes under "@value".
json ExtensionValue(pugi::xml_node node) {
  bool has_elements = false;
  for (pugi::xml_node c : node.children()) has_elements |= c.type() == pugi::node_element;
  bool has_attributes = false;
  for (pugi::xml_attribute a : node.attributes()) has_attributes |= IsDataAttribute(node, a);
  const std::string text = Trimmed(node.child_value());
  if (!has_elements && !has_attributes) return json(text);
  json out = json::object();
  for (pugi::xml_attribute a : node.attributes()) {
    if (IsDataAttribute(node, a)) out[ClarkName(node, a.name(), true)] = a.value();
  }
  if (!has_elements && !text.empty()) out["@value"] = text;
  std::vector<std::pair<std::string, std::vector<json>>> groups;
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string name = ClarkName(c, c.name(), false);
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == name; });
    if (it == groups.end()) it = groups.insert(groups.end(), {name, {}});
    it->second.push_back(ExtensionValue(c));
  }
  for (auto& [name, values] : groups) {
    out[name] = values.size() == 1 ? std::move(values.front()) : json(std::move(values));
  }
  return out;
}

// Adds an extension member; a name that repeats (sibling elements of the
// same name) holds the array of the values.
void AddExtension(Extensions& out, pugi::xml_node element) {
  std::string name = ClarkName(element, element.name(), false);
  json value = ExtensionValue(element);
  for (Extension& e : out) {
    if (e.name != name) continue;
    if (!e.value.is_array()) e.value = json::array({std::move(e.value)});
    e.value.push_back(std::move(value));
    return;
  }
  out.push_back({std::move(name), std::move(value)});
}

}  // namespace txng::epcis::xml
