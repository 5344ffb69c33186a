#include "service/epcis_query.h"

#include <gtest/gtest.h>

namespace txng {
namespace {}  // namespace

// Readable IdMatch values in failure messages.
void PrintTo(const IdMatch& m, std::ostream* os) {
  *os << (m.is_pattern ? "pattern " : "exact ") << m.value;
}

namespace {

Result<EventQueryRequest> Parse(const QueryParams& params) { return ParseEventQuery(params); }

std::string ErrorOf(const QueryParams& params) {
  Result<EventQueryRequest> r = Parse(params);
  if (r.ok()) return "ok";
  return std::string(StatusCodeName(r.status().code())) + ": " + r.status().message();
}

TEST(EpcisQuery, ReadsValuesInAnySpellingIntoTheInternalForm) {
  auto r = Parse({{"eventType", "ObjectEvent|AggregationEvent"},
                  {"EQ_bizStep", "shipping|urn:epcglobal:cbv:bizstep:receiving"},
                  {"EQ_disposition", "https://ref.gs1.org/cbv/Disp-in_transit"},
                  {"EQ_action", "ADD"},
                  {"GE_eventTime", "2026-03-01T08:00:00+07:00"},
                  {"LT_recordTime", "2026-03-02T00:00:00Z"},
                  {"EQ_bizLocation", "urn:epc:id:sgln:8930001.00001.0"},
                  {"MATCH_epc", "urn:epc:id:sgtin:8930001.000001.A1"},
                  {"EQ_eventID", "urn:uuid:1|urn:uuid:2"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const EventQuery& q = r->query;
  EXPECT_EQ(q.event_types, (std::vector<epcis::EventType>{epcis::EventType::kObject,
                                                          epcis::EventType::kAggregation}));
  EXPECT_EQ(q.biz_steps, (std::vector<std::string>{"https://ref.gs1.org/cbv/BizStep-shipping",
                                                   "https://ref.gs1.org/cbv/BizStep-receiving"}));
  EXPECT_EQ(q.dispositions, std::vector<std::string>{"https://ref.gs1.org/cbv/Disp-in_transit"});
  EXPECT_EQ(q.actions, std::vector<epcis::Action>{epcis::Action::kAdd});
  EXPECT_EQ(q.ge_event_time, 1772326800000);
  EXPECT_EQ(q.lt_record_time, 1772409600000);
  EXPECT_EQ(q.biz_locations, std::vector<std::string>{"https://id.gs1.org/414/8930001000018"});
  EXPECT_EQ(q.match_epc,
            (std::vector<IdMatch>{{"https://id.gs1.org/01/08930001000018/21/A1", false}}));
  EXPECT_EQ(q.event_ids, (std::vector<std::string>{"urn:uuid:1", "urn:uuid:2"}));
  EXPECT_EQ(q.limit, 30);
  EXPECT_EQ(q.order, EventOrder::kCapture);
}

TEST(EpcisQuery, SerialPatternsNameTheKey) {
  auto r = Parse({{"MATCH_anyEPC", "urn:epc:idpat:sgtin:8930001.000001.*"},
                  {"MATCH_epcClass", "urn:epc:idpat:sgtin:8930001.000001.*"},
                  {"MATCH_parentID", "urn:epc:idpat:sgln:8930001.00001.*"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->query.match_any_epc,
            (std::vector<IdMatch>{{"https://id.gs1.org/01/08930001000018/21/*", true}}));
  EXPECT_EQ(r->query.match_epc_class,
            (std::vector<IdMatch>{{"https://id.gs1.org/01/08930001000018", false},
                                  {"https://id.gs1.org/01/08930001000018/10/*", true}}));
  EXPECT_EQ(r->query.match_parent_id,
            (std::vector<IdMatch>{{"https://id.gs1.org/414/8930001000018", false},
                                  {"https://id.gs1.org/414/8930001000018/254/*", true}}));
}

// Every TDS pattern form: the open fields, and the check digit that depends
// on them, become wildcards in the canonical Digital Link URI.
TEST(EpcisQuery, PatternsOfEveryGs1Scheme) {
  const std::pair<std::string, std::vector<IdMatch>> cases[] = {
      {"urn:epc:idpat:sgtin:8930001.*.*", {{"https://id.gs1.org/01/?8930001?????\?/21/*", true}}},
      {"urn:epc:idpat:sgtin:*.*.*", {{"https://id.gs1.org/01/?????????????\?/21/*", true}}},
      {"urn:epc:idpat:sgtin:8930001.000001.A1",
       {{"https://id.gs1.org/01/08930001000018/21/A1", false}}},
      {"urn:epc:idpat:sscc:8930001.*", {{"https://id.gs1.org/00/?8930001??????????", true}}},
      {"urn:epc:idpat:sgln:8930001.*.*",
       {{"https://id.gs1.org/414/8930001??????", true},
        {"https://id.gs1.org/414/8930001?????\?/254/*", true}}},
      {"urn:epc:idpat:grai:8930001.12345.*", {{"https://id.gs1.org/8003/08930001123458*", true}}},
      {"urn:epc:idpat:grai:8930001.*.*", {{"https://id.gs1.org/8003/08930001??????*", true}}},
      {"urn:epc:idpat:giai:8930001.*", {{"https://id.gs1.org/8004/8930001*", true}}},
      {"urn:epc:idpat:gsrn:8930001.*", {{"https://id.gs1.org/8018/8930001???????????", true}}},
      {"urn:epc:idpat:gsrnp:*.*", {{"https://id.gs1.org/8017/??????????????????", true}}},
      {"urn:epc:idpat:gdti:8930001.*.*", {{"https://id.gs1.org/253/8930001??????*", true}}},
      {"urn:epc:idpat:sgcn:8930001.12345.*", {{"https://id.gs1.org/255/8930001123458*", true}}},
      {"urn:epc:idpat:cpi:8930001.*.*", {{"https://id.gs1.org/8010/8930001*/8011/*", true}}},
      {"urn:epc:idpat:cpi:8930001.5PQ7%2FZ43.*",
       {{"https://id.gs1.org/8010/89300015PQ7%2FZ43/8011/*", true}}},
      {"urn:epc:idpat:ginc:*.*", {{"https://id.gs1.org/401/*", true}}},
      {"urn:epc:idpat:gsin:8930001.*", {{"https://id.gs1.org/402/8930001??????????", true}}},
      {"urn:epc:idpat:itip:8930001.000001.*.*.*",
       {{"https://id.gs1.org/8006/08930001000018??\?\?/21/*", true}}},
      {"urn:epc:idpat:itip:8930001.000001.01.*.*",
       {{"https://id.gs1.org/8006/0893000100001801?\?/21/*", true}}},
  };
  for (const auto& [pattern, expected] : cases) {
    auto r = Parse({{"MATCH_epc", pattern}});
    ASSERT_TRUE(r.ok()) << pattern << ": " << r.status().ToString();
    EXPECT_EQ(r->query.match_epc, expected) << pattern;
  }
  auto classes = Parse({{"MATCH_anyEPCClass", "urn:epc:idpat:sgtin:8930001.*.*"}});
  ASSERT_TRUE(classes.ok()) << classes.status().ToString();
  EXPECT_EQ(classes->query.match_any_epc_class,
            (std::vector<IdMatch>{{"https://id.gs1.org/01/?8930001??????", true},
                                  {"https://id.gs1.org/01/?8930001?????\?/10/*", true}}));
}

TEST(EpcisQuery, PatternsThatNameNothingAreRefused) {
  EXPECT_EQ(ErrorOf({{"MATCH_epc", "urn:epc:idpat:sgtin:8930001.*.A1"}}),
            "invalid_argument: query parameter MATCH_epc: urn:epc:idpat:sgtin: every field after "
            "a \"*\" must be \"*\" too");
  EXPECT_EQ(ErrorOf({{"MATCH_epc", "urn:epc:idpat:sgtin:89300.*.*"}})
                .rfind("invalid_argument: query parameter MATCH_epc: urn:epc:idpat:sgtin:", 0),
            0u)
      << ErrorOf({{"MATCH_epc", "urn:epc:idpat:sgtin:89300.*.*"}});
  EXPECT_EQ(ErrorOf({{"MATCH_anyEPC", "urn:epc:idpat:gid:95100000.*.*"}}),
            "unimplemented: query parameter MATCH_anyEPC: EPC patterns are answered for GS1 keys "
            "(sgtin, sscc, sgln, grai, giai, gsrn, gsrnp, gdti, sgcn, cpi, ginc, gsin, itip), got "
            "\"urn:epc:idpat:gid:95100000.*.*\"");
  EXPECT_EQ(ErrorOf({{"MATCH_epcClass", "urn:epc:idpat:grai:8930001.*.*"}}),
            "unimplemented: query parameter MATCH_epcClass: patterns name classes only as sgtin "
            "(GTINs and their lots), got \"urn:epc:idpat:grai:8930001.*.*\"");
}

TEST(EpcisQuery, OrderPagesAndLimits) {
  auto r = Parse({{"orderBy", "eventTime"}, {"perPage", "5"}, {"eventCountLimit", "12"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->query.order, EventOrder::kEventTime);
  EXPECT_TRUE(r->query.descending);  // the standard's default
  EXPECT_EQ(r->query.limit, 5);
  EXPECT_EQ(r->event_count_limit, 12);
  auto asc = Parse({{"orderBy", "recordTime"}, {"orderDirection", "ASC"}});
  ASSERT_TRUE(asc.ok());
  EXPECT_FALSE(asc->query.descending);

  EventCursor cursor;
  cursor.sort_value = -5;
  cursor.id = 42;
  const std::string token = EncodePageToken(cursor, 7);
  auto next = Parse({{"orderBy", "eventTime"}, {"nextPageToken", token}});
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  ASSERT_TRUE(next->query.after);
  EXPECT_EQ(next->query.after->sort_value, -5);
  EXPECT_EQ(next->query.after->id, 42);
  EXPECT_EQ(next->event_count_limit, 7);
}

TEST(EpcisQuery, OrderByAnExtensionFieldAndItsPageTokens) {
  auto r = Parse({{"orderBy", "https://ns.example.com/epcis/temperature"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->query.order, EventOrder::kField);
  EXPECT_EQ(r->query.order_field, "https://ns.example.com/epcis/temperature");
  EXPECT_TRUE(r->query.descending);
  auto clark = Parse({{"orderBy", "{http://ns.example.com/epcis}t"}, {"orderDirection", "ASC"}});
  ASSERT_TRUE(clark.ok()) << clark.status().ToString();
  EXPECT_EQ(clark->query.order_field, "http://ns.example.com/epcis#t");
  EXPECT_FALSE(clark->query.descending);

  for (const FieldSortKey& key : {FieldSortKey{21.5, ""}, FieldSortKey{1e307, "warm.\xc3\xa1|x"},
                                  FieldSortKey{-0.125, "."}}) {
    EventCursor cursor;
    cursor.id = 42;
    cursor.field = key;
    for (std::optional<int> remaining : {std::optional<int>(), std::optional<int>(3)}) {
      const std::string token = EncodePageToken(cursor, remaining);
      auto next = Parse({{"orderBy", "https://ns.example.com/epcis/t"}, {"nextPageToken", token}});
      ASSERT_TRUE(next.ok()) << token << ": " << next.status().ToString();
      ASSERT_TRUE(next->query.after && next->query.after->field) << token;
      EXPECT_EQ(next->query.after->field->number, key.number);
      EXPECT_EQ(next->query.after->field->text, key.text);
      EXPECT_EQ(next->query.after->id, 42);
      EXPECT_EQ(next->event_count_limit, remaining);
    }
  }
  EventCursor plain;
  plain.sort_value = 5;
  plain.id = 7;
  EventCursor field = plain;
  field.field = FieldSortKey{1, "a"};
  EXPECT_EQ(ErrorOf({{"orderBy", "https://ns.example.com/epcis/t"},
                     {"nextPageToken", EncodePageToken(plain, std::nullopt)}}),
            "invalid_argument: query parameter nextPageToken: was issued for another orderBy");
  EXPECT_EQ(
      ErrorOf({{"orderBy", "eventTime"}, {"nextPageToken", EncodePageToken(field, std::nullopt)}}),
      "invalid_argument: query parameter nextPageToken: was issued for another orderBy");
  for (const char* bad : {"x3ff0000000000000", "x3ff00000000000.7", "x3ff0000000000000a.7",
                          "x3ff000000000000g.7", "x3ff0000000000000.7.0", "x.7"}) {
    EXPECT_EQ(ErrorOf({{"nextPageToken", bad}}),
              "invalid_argument: query parameter nextPageToken: not a token this server issued: "
              "\"" +
                  std::string(bad) + "\"");
  }
  // A prefixed field name is not a full name.
  EXPECT_EQ(ErrorOf({{"orderBy", "ex:t"}}),
            "unimplemented: query parameter orderBy: ordering by \"ex:t\" is not answered yet "
            "(eventTime, recordTime, an extension field by its full name)");
}

TEST(EpcisQuery, BadParametersNameTheParameterAndTheRule) {
  EXPECT_EQ(ErrorOf({{"EQ_bizStep", "flying"}})
                .rfind("invalid_argument: query parameter "
                       "EQ_bizStep: ",
                       0),
            0u)
      << ErrorOf({{"EQ_bizStep", "flying"}});
  EXPECT_EQ(Parse({{"perPage", "x"}}).status().field(), "perPage");
  EXPECT_EQ(ErrorOf({{"eventType", "ObjectEvent|"}}),
            "invalid_argument: query parameter eventType: empty value in \"ObjectEvent|\"");
  EXPECT_EQ(ErrorOf({{"eventType", "PartyEvent"}}),
            "invalid_argument: query parameter eventType: unknown event type \"PartyEvent\"");
  EXPECT_EQ(ErrorOf({{"GE_eventTime", "yesterday"}}),
            "invalid_argument: query parameter GE_eventTime: must be a date and time with a time "
            "zone, such as 2026-03-01T08:00:00+07:00, got \"yesterday\"");
  EXPECT_EQ(ErrorOf({{"EQ_action", "ADDED"}}),
            "invalid_argument: query parameter EQ_action: must be ADD, OBSERVE or DELETE, got "
            "\"ADDED\"");
  EXPECT_EQ(
      ErrorOf({{"perPage", "0"}}),
      "invalid_argument: query parameter perPage: must be a positive whole number, got \"0\"");
  EXPECT_EQ(ErrorOf({{"perPage", "5000"}}),
            "invalid_argument: query parameter perPage: at most 1000, got 5000");
  EXPECT_EQ(ErrorOf({{"eventCountLimit", "3"}, {"maxEventCount", "3"}, {"orderBy", "eventTime"}}),
            "invalid_argument: query parameter eventCountLimit: cannot be combined with "
            "maxEventCount");
  EXPECT_EQ(ErrorOf({{"eventCountLimit", "3"}}),
            "invalid_argument: query parameter eventCountLimit: needs orderBy");
  EXPECT_EQ(ErrorOf({{"orderDirection", "UP"}, {"orderBy", "eventTime"}}),
            "invalid_argument: query parameter orderDirection: must be ASC or DESC, got \"UP\"");
  EXPECT_EQ(ErrorOf({{"colour", "red"}}),
            "invalid_argument: query parameter colour: not an EPCIS query parameter");
  EXPECT_EQ(ErrorOf({{"MATCH_everything", "x"}}),
            "invalid_argument: query parameter MATCH_everything: not an EPCIS query parameter");
  EXPECT_EQ(ErrorOf({{"nextPageToken", "abc"}}),
            "invalid_argument: query parameter nextPageToken: not a token this server issued: "
            "\"abc\"");
  EXPECT_EQ(ErrorOf({{"MATCH_epc", "urn:epc:id:sgtin:8930001.000001"}})
                .rfind("invalid_argument: query parameter MATCH_epc: ", 0),
            0u);
}

TEST(EpcisQuery, BusinessTransactionSourceAndDestinationTypes) {
  auto r = Parse(
      {{"EQ_bizTransaction_po", "urn:epcglobal:cbv:bt:8930001000018:PO-1|PO-2"},
       {"EQ_destination_urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:8930002.00000"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->query.link_matches.size(), 2u);
  EXPECT_EQ(r->query.link_matches[0].kind, LinkMatch::Kind::kBizTransaction);
  EXPECT_EQ(r->query.link_matches[0].type, "https://ref.gs1.org/cbv/BTT-po");
  EXPECT_EQ(r->query.link_matches[0].values,
            (std::vector<std::string>{"urn:epcglobal:cbv:bt:8930001000018:PO-1", "PO-2"}));
  EXPECT_EQ(r->query.link_matches[1].kind, LinkMatch::Kind::kDestination);
  EXPECT_EQ(r->query.link_matches[1].type, "https://ref.gs1.org/cbv/SDT-owning_party");
  EXPECT_EQ(ErrorOf({{"EQ_source_", "x"}}),
            "invalid_argument: query parameter EQ_source_: names no type");
  EXPECT_EQ(ErrorOf({{"EQ_source_nowhere", "x"}})
                .rfind("invalid_argument: query parameter EQ_source_nowhere: ", 0),
            0u);
}

TEST(EpcisQuery, ReadsPersistentDispositionQuantityAndErrorDeclaration) {
  auto r = Parse({{"EQ_persistentDisposition_set", "completeness_verified"},
                  {"EQ_persistentDisposition_unset", "urn:epcglobal:cbv:disp:in_transit"},
                  {"GE_quantity", "5"},
                  {"LT_quantity", "12.5"},
                  {"EQ_quantity", "-1e2"},
                  {"EXISTS_errorDeclaration", ""},
                  {"GE_errorDeclarationTime", "2026-03-05T17:00:00+07:00"},
                  {"LT_errorDeclarationTime", "2026-03-06T10:00:00Z"},
                  {"EQ_errorReason", "incorrect_data|urn:epcglobal:cbv:er:did_not_occur"},
                  {"EQ_correctiveEventID", "urn:uuid:c1|urn:uuid:c2"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const EventQuery& q = r->query;
  EXPECT_EQ(q.persistent_disposition_set,
            std::vector<std::string>{"https://ref.gs1.org/cbv/Disp-completeness_verified"});
  EXPECT_EQ(q.persistent_disposition_unset,
            std::vector<std::string>{"https://ref.gs1.org/cbv/Disp-in_transit"});
  EXPECT_EQ(q.quantity_bounds,
            (std::vector<QuantityBound>{
                {Comparison::kGe, 5}, {Comparison::kLt, 12.5}, {Comparison::kEq, -100}}));
  EXPECT_TRUE(q.error_declaration);
  EXPECT_EQ(q.ge_error_declaration_time, 1772704800000);
  EXPECT_EQ(q.lt_error_declaration_time, 1772791200000);
  EXPECT_EQ(q.error_reasons,
            (std::vector<std::string>{"https://ref.gs1.org/cbv/ER-incorrect_data",
                                      "https://ref.gs1.org/cbv/ER-did_not_occur"}));
  EXPECT_EQ(q.corrective_event_ids, (std::vector<std::string>{"urn:uuid:c1", "urn:uuid:c2"}));
  auto off = Parse({{"EXISTS_errorDeclaration", "false"}});
  ASSERT_TRUE(off.ok());
  EXPECT_FALSE(off->query.error_declaration);
  EXPECT_TRUE(Parse({{"EXISTS_errorDeclaration", "true"}})->query.error_declaration);
}

TEST(EpcisQuery, ReadsExtensionFieldFamilies) {
  auto r = Parse({{"EQ_https://ns.example.com/epcis/temperature", "21.5|warm"},
                  {"GT_INNER_ILMD_urn:epcglobal:cbv:mda:netWeight", "2026-03-01T08:00:00+07:00"},
                  {"EXISTS_ERROR_DECLARATION_{http://ns.example.com/epcis}ticket", ""},
                  {"LE_INNER_https://ns.example.com/epcis/area", "3"},
                  {"EQ_ILMD_lotNumber", "L|1"},
                  {"GE_INNER_ERROR_DECLARATION_https://ns.example.com/epcis/x", "a|b"},
                  {"EXISTS_https://ns.example.com/epcis/farm", "false"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  using Scope = FieldMatch::Scope;
  std::vector<FieldMatch> expected(6);
  expected[0].name = "https://ns.example.com/epcis/temperature";
  expected[0].op = Comparison::kEq;
  expected[0].values = {{"21.5", 21.5, std::nullopt}, {"warm", {}, {}}};
  expected[1].scope = Scope::kIlmd;
  expected[1].nested = true;
  expected[1].name = "urn:epcglobal:cbv:mda:netWeight";
  expected[1].op = Comparison::kGt;
  expected[1].values = {{"2026-03-01T08:00:00+07:00", std::nullopt, 1772326800000}};
  expected[2].scope = Scope::kErrorDeclaration;
  expected[2].name = "http://ns.example.com/epcis#ticket";
  expected[3].nested = true;
  expected[3].name = "https://ns.example.com/epcis/area";
  expected[3].op = Comparison::kLe;
  expected[3].values = {{"3", 3, std::nullopt}};
  expected[4].scope = Scope::kIlmd;
  expected[4].name = "lotNumber";
  expected[4].op = Comparison::kEq;
  expected[4].values = {{"L", {}, {}}, {"1", 1, {}}};
  // One value for comparisons: '|' is part of it.
  expected[5].scope = Scope::kErrorDeclaration;
  expected[5].nested = true;
  expected[5].name = "https://ns.example.com/epcis/x";
  expected[5].op = Comparison::kGe;
  expected[5].values = {{"a|b", {}, {}}};
  EXPECT_EQ(r->query.field_matches, expected);  // EXISTS_…=false adds nothing
}

TEST(EpcisQuery, BadSecondGroupValuesNameTheParameter) {
  EXPECT_EQ(ErrorOf({{"EQ_persistentDisposition_set", "flying"}})
                .rfind("invalid_argument: query parameter EQ_persistentDisposition_set: ", 0),
            0u);
  EXPECT_EQ(ErrorOf({{"EQ_persistentDisposition_unset", "in_transit|"}}),
            "invalid_argument: query parameter EQ_persistentDisposition_unset: empty value in "
            "\"in_transit|\"");
  for (const char* bad : {"abc", "1|2", "inf", "", "5kg"}) {
    EXPECT_EQ(ErrorOf({{"LE_quantity", bad}}),
              "invalid_argument: query parameter LE_quantity: must be a number, got \"" +
                  std::string(bad) + "\"");
  }
  EXPECT_EQ(ErrorOf({{"EXISTS_errorDeclaration", "yes"}}),
            "invalid_argument: query parameter EXISTS_errorDeclaration: must be true or false, "
            "got \"yes\"");
  EXPECT_EQ(ErrorOf({{"LT_errorDeclarationTime", "2026-03-05"}}),
            "invalid_argument: query parameter LT_errorDeclarationTime: must be a date and time "
            "with a time zone, such as 2026-03-01T08:00:00+07:00, got \"2026-03-05\"");
  EXPECT_EQ(ErrorOf({{"EQ_errorReason", "oops"}})
                .rfind("invalid_argument: query parameter EQ_errorReason: ", 0),
            0u);
  EXPECT_EQ(ErrorOf({{"EQ_correctiveEventID", "|urn:uuid:c1"}}),
            "invalid_argument: query parameter EQ_correctiveEventID: empty value in "
            "\"|urn:uuid:c1\"");
}

TEST(EpcisQuery, BadExtensionFieldParametersNameTheParameter) {
  EXPECT_EQ(ErrorOf({{"EQ_example:temperature", "5"}}),
            "invalid_argument: query parameter EQ_example:temperature: a query URL declares no "
            "namespace prefixes: name the field by its namespace IRI and local name, such as "
            "https://ns.example.com/epcis/myField, not \"example:temperature\"");
  EXPECT_EQ(ErrorOf({{"EXISTS_INNER_ILMD_cbvmda:lotNumber", ""}}),
            "invalid_argument: query parameter EXISTS_INNER_ILMD_cbvmda:lotNumber: a query URL "
            "declares no namespace prefixes: name the field by its namespace IRI and local name, "
            "such as https://ns.example.com/epcis/myField, not \"cbvmda:lotNumber\"");
  EXPECT_EQ(ErrorOf({{"EQ_ILMD_", "L1"}}),
            "invalid_argument: query parameter EQ_ILMD_: names no field");
  EXPECT_EQ(ErrorOf({{"EQ_INNER_ERROR_DECLARATION_t", "5"}}),
            "invalid_argument: query parameter EQ_INNER_ERROR_DECLARATION_t: names no extension "
            "field by its full name (such as https://ns.example.com/epcis/myField): \"t\"");
  EXPECT_EQ(ErrorOf({{"GT_ERROR_DECLARATION_ticket", "5"}}),
            "invalid_argument: query parameter GT_ERROR_DECLARATION_ticket: names no extension "
            "field by its full name (such as https://ns.example.com/epcis/myField): \"ticket\"");
  EXPECT_EQ(ErrorOf({{"GT_https://ns.example.com/epcis/t", ""}}),
            "invalid_argument: query parameter GT_https://ns.example.com/epcis/t: needs a value");
  EXPECT_EQ(ErrorOf({{"EQ_https://ns.example.com/epcis/t", "1||2"}}),
            "invalid_argument: query parameter EQ_https://ns.example.com/epcis/t: empty value in "
            "\"1||2\"");
  EXPECT_EQ(ErrorOf({{"EXISTS_https://ns.example.com/epcis/t", "maybe"}}),
            "invalid_argument: query parameter EXISTS_https://ns.example.com/epcis/t: must be "
            "true or false, got \"maybe\"");
  // Families of other members are not extension fields.
  EXPECT_EQ(ErrorOf({{"EQ_SENSORREPORT_https://ns.example.com/epcis/x", "5"}}),
            "unimplemented: query parameter EQ_SENSORREPORT_https://ns.example.com/epcis/x is not "
            "answered yet");
  EXPECT_EQ(ErrorOf({{"EQ_INNER_readPoint_ex:x", "5"}}),
            "unimplemented: query parameter EQ_INNER_readPoint_ex:x is not answered yet");
}

TEST(EpcisQuery, StandardParametersNotAnsweredYetAreRefusedNotIgnored) {
  EXPECT_EQ(ErrorOf({{"HASATTR_epcClass", "urn:epcglobal:cbv:mda:countryOfOrigin"}}),
            "unimplemented: query parameter HASATTR_epcClass: master data attributes are answered "
            "for readPoint and bizLocation, not \"epcClass\"");
  EXPECT_EQ(ErrorOf({{"EQ_quantity_KGM", "5"}}),
            "unimplemented: query parameter EQ_quantity_KGM is not answered yet");
  EXPECT_EQ(ErrorOf({{"orderBy", "quantity"}}),
            "unimplemented: query parameter orderBy: ordering by \"quantity\" is not answered yet "
            "(eventTime, recordTime, an extension field by its full name)");
}

}  // namespace
}  // namespace txng
