#include "epcis/master_data.h"

#include <pugixml.hpp>
#include <string_view>

#include "epcis/identifiers.h"
#include "epcis/validation.h"
#include "gs1/digital_link.h"

namespace txng::epcis {
namespace {

using json = nlohmann::json;

constexpr std::string_view kMasterDataRule = "master-data";

// The part of an XML name after its prefix.
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  }
  return {};
}

pugi::xml_node Descendant(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (LocalName(c) == local) return c;
    if (pugi::xml_node found = Descendant(c, local)) return found;
  }
  return {};
}

std::string Trimmed(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

Result<std::string> Identifier(const std::string& text, const std::string& pointer) {
  Result<std::string> normal = NormalizeIdentifier(text);
  if (!normal.ok()) {
    return ValidationError(std::nullopt, pointer, kMasterDataRule, normal.status().message());
  }
  return *normal;
}

class JsonReader {
 public:
  explicit JsonReader(const Document& doc) : doc_(doc) {}

  Result<std::vector<VocabularyElement>> Read() {
    std::vector<VocabularyElement> out;
    if (!doc_.header.is_object()) return out;
    auto md = doc_.header.find("epcisMasterData");
    if (md == doc_.header.end() || !md->is_object()) return out;
    auto list = md->find("vocabularyList");
    if (list == md->end()) return out;
    const std::string base = "/epcisHeader/epcisMasterData/vocabularyList";
    if (!list->is_array()) return Error(base, "vocabularyList must be an array");
    for (std::size_t v = 0; v < list->size(); ++v) {
      const json& vocabulary = (*list)[v];
      const std::string vp = base + "/" + std::to_string(v);
      if (!vocabulary.is_object() || !vocabulary.contains("type") ||
          !vocabulary["type"].is_string()) {
        return Error(vp, "a vocabulary needs a type");
      }
      const std::string type = Expand(vocabulary["type"].get<std::string>());
      auto elements = vocabulary.find("vocabularyElementList");
      if (elements == vocabulary.end()) continue;
      if (!elements->is_array()) return Error(vp, "vocabularyElementList must be an array");
      for (std::size_t i = 0; i < elements->size(); ++i) {
        TXNG_ASSIGN_OR_RETURN(
            VocabularyElement e,
            Element(type, (*elements)[i], vp + "/vocabularyElementList/" + std::to_string(i)));
        out.push_back(std::move(e));
      }
    }
    return out;
  }

 private:
  Status Error(const std::string& pointer, std::string_view detail) const {
    return ValidationError(std::nullopt, pointer, kMasterDataRule, detail);
  }

  // A CURIE of the standard context or of the document's own prefixes.
  std::string Expand(const std::string& text) const {
    const std::size_t colon = text.find(':');
    if (colon == std::string::npos) return text;
    const std::string_view prefix(text.data(), colon);
    if (prefix == "cbvmda") return "urn:epcglobal:cbv:mda:" + text.substr(colon + 1);
    if (prefix == "gs1") return "https://gs1.org/voc/" + text.substr(colon + 1);
    for (const auto& [name, iri] : doc_.namespaces) {
      if (name == prefix) return iri + text.substr(colon + 1);
    }
    return text;
  }

  Result<VocabularyElement> Element(const std::string& type, const json& j,
                                    const std::string& pointer) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) {
      return Error(pointer, "a vocabulary element needs an id");
    }
    VocabularyElement e;
    e.type = type;
    TXNG_ASSIGN_OR_RETURN(e.id, Identifier(j["id"].get<std::string>(), pointer + "/id"));
    if (auto attributes = j.find("attributes"); attributes != j.end()) {
      if (!attributes->is_array()) return Error(pointer + "/attributes", "must be an array");
      for (std::size_t a = 0; a < attributes->size(); ++a) {
        const json& attribute = (*attributes)[a];
        const std::string ap = pointer + "/attributes/" + std::to_string(a);
        if (!attribute.is_object() || !attribute.contains("id") || !attribute["id"].is_string()) {
          return Error(ap, "an attribute needs an id");
        }
        MasterDataAttribute out;
        out.id = Expand(attribute["id"].get<std::string>());
        auto value = attribute.find("attribute");
        out.value = value == attribute.end() ? "null" : value->dump();
        e.attributes.push_back(std::move(out));
      }
    }
    if (auto children = j.find("children"); children != j.end()) {
      if (!children->is_array()) return Error(pointer + "/children", "must be an array");
      for (std::size_t c = 0; c < children->size(); ++c) {
        const std::string cp = pointer + "/children/" + std::to_string(c);
        if (!(*children)[c].is_string()) return Error(cp, "a child is an identifier");
        TXNG_ASSIGN_OR_RETURN(std::string child, Identifier((*children)[c].get<std::string>(), cp));
        e.children.push_back(std::move(child));
      }
    }
    return e;
  }

  const Document& doc_;
};

std::string InnerXml(const pugi::xml_node& node) {
  struct Writer : pugi::xml_writer {
    std::string text;
    void write(const void* data, std::size_t size) override {
      text.append(static_cast<const char*>(data), size);
    }
  } writer;
  for (pugi::xml_node c : node.children()) c.print(writer, "", pugi::format_raw);
  return writer.text;
}

Result<std::vector<VocabularyElement>> ReadXml(const std::string& header) {
  std::vector<VocabularyElement> out;
  pugi::xml_document xml;
  if (!xml.load_buffer(header.data(), header.size())) {
    return ValidationError(std::nullopt, "/EPCISHeader", kMasterDataRule,
                           "the header is not well-formed XML");
  }
  pugi::xml_node list = Descendant(xml, "VocabularyList");
  if (!list) return out;
  const std::string base = "/EPCISHeader//VocabularyList";
  std::size_t v = 0;
  for (pugi::xml_node vocabulary : list.children()) {
    if (vocabulary.type() != pugi::node_element || LocalName(vocabulary) != "Vocabulary") continue;
    ++v;
    const std::string vp = base + "/Vocabulary[" + std::to_string(v) + "]";
    const std::string type = Trimmed(vocabulary.attribute("type").value());
    if (type.empty()) {
      return ValidationError(std::nullopt, vp, kMasterDataRule, "a vocabulary needs a type");
    }
    std::size_t i = 0;
    for (pugi::xml_node element : Child(vocabulary, "VocabularyElementList").children()) {
      if (element.type() != pugi::node_element || LocalName(element) != "VocabularyElement") {
        continue;
      }
      ++i;
      const std::string ep =
          vp + "/VocabularyElementList/VocabularyElement[" + std::to_string(i) + "]";
      const std::string id = Trimmed(element.attribute("id").value());
      if (id.empty()) {
        return ValidationError(std::nullopt, ep, kMasterDataRule,
                               "a vocabulary element needs an id");
      }
      VocabularyElement e;
      e.type = type;
      TXNG_ASSIGN_OR_RETURN(e.id, Identifier(id, ep + "/@id"));
      std::size_t child_index = 0;
      for (pugi::xml_node c : element.children()) {
        if (c.type() != pugi::node_element) continue;
        if (LocalName(c) == "attribute") {
          MasterDataAttribute a;
          a.id = Trimmed(c.attribute("id").value());
          if (a.id.empty()) {
            return ValidationError(std::nullopt, ep + "/attribute", kMasterDataRule,
                                   "an attribute needs an id");
          }
          const bool simple = !c.first_child() || (c.first_child() == c.last_child() &&
                                                   c.first_child().type() == pugi::node_pcdata);
          a.value = json(simple ? Trimmed(c.child_value()) : Trimmed(InnerXml(c))).dump();
          e.attributes.push_back(std::move(a));
        } else if (LocalName(c) == "children") {
          for (pugi::xml_node child : c.children()) {
            if (child.type() != pugi::node_element || LocalName(child) != "id") continue;
            ++child_index;
            TXNG_ASSIGN_OR_RETURN(
                std::string normal,
                Identifier(Trimmed(child.child_value()),
                           ep + "/children/id[" + std::to_string(child_index) + "]"));
            e.children.push_back(std::move(normal));
          }
        }
      }
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace

Result<std::vector<VocabularyElement>> MasterDataOf(const Document& document) {
  if (document.header.is_object()) {
    auto xml = document.header.find("xml");
    if (xml != document.header.end() && xml->is_string() && document.header.size() == 1) {
      return ReadXml(xml->get<std::string>());
    }
  }
  return JsonReader(document).Read();
}

Gs1Keys Gs1KeysOf(std::string_view id) {
  Gs1Keys keys;
  if (!IsCanonicalDigitalLink(id)) return keys;
  Result<gs1::DigitalLink> link = gs1::ParseDigitalLink(id, gs1::DigitalLinkOptions{});
  if (!link.ok()) return keys;
  for (const gs1::AiValue& ai : link->ais) {
    if (ai.ai == "414") keys.gln = ai.value;
    if (ai.ai == "254") keys.gln_extension = ai.value;
    if (ai.ai == "01") keys.gtin = ai.value;
    if (ai.ai == "10") keys.lot = ai.value;
  }
  return keys;
}

}  // namespace txng::epcis
