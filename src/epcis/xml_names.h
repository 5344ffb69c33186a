// Names in EPCIS XML documents, for the XML codec: namespace resolution
// (pugixml leaves namespaces to its user), Clark names, the standard
// (unqualified or EPCIS-namespace) elements with EPCIS 1.x wrappers
// flattened, and extension elements as JSON values.
#ifndef TXNG_EPCIS_XML_NAMES_H_
#define TXNG_EPCIS_XML_NAMES_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "epcis/model.h"

namespace txng::epcis::xml {

// urn:epcglobal:epcis:xsd:N and urn:epcglobal:epcis-query:xsd:N.
bool IsEpcisNamespace(std::string_view ns);

// "epc" of "epcis:epc" (a name without prefix is returned as it is).
std::string_view LocalName(std::string_view qname);

// "epcis" of "epcis:epc"; empty without a prefix.
std::string PrefixOf(std::string_view qname);

// The namespace URI bound to `prefix` ("" for the default namespace) in
// scope at `node`; empty when none.
std::string NamespaceOf(pugi::xml_node node, std::string_view prefix);

// The namespace of an element.
std::string ElementNamespace(pugi::xml_node node);

// The Clark name ("{namespace}local") of an element, or of an attribute of
// `owner`; names without a namespace (attributes without a prefix) stay
// plain.
std::string ClarkName(pugi::xml_node owner, std::string_view qname, bool is_attribute);

// True for elements the EPCIS schema defines: unqualified or in an EPCIS
// namespace.
bool IsStandard(pugi::xml_node node);

// `text` without leading and trailing white space.
std::string Trimmed(const char* text);

// The child elements of `node`, with EPCIS 1.x <extension> and
// <baseExtension> wrappers flattened into their contents.
void StandardChildren(pugi::xml_node node, std::vector<pugi::xml_node>& out);

// The JSON value of an extension element: its text when it is a leaf; else
// an object of its attributes and children (a name that repeats holds the
// array of its values), with text beside attributes under "@value";
// xsi:type and xsi:nil are annotations, not data.
nlohmann::json ExtensionValue(pugi::xml_node node);

// Adds the extension element `element` to `out`; a name that repeats
// (sibling elements of the same name) holds the array of the values.
void AddExtension(Extensions& out, pugi::xml_node element);

}  // namespace txng::epcis::xml

#endif  // TXNG_EPCIS_XML_NAMES_H_
