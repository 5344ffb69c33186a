// Store: the records that name identifiers (naming.h), read in one
// transaction.
#include <algorithm>
#include <map>
#include <set>

#include "store/store.h"
#include "store/store_internal.h"

namespace txng {
namespace {

using store_internal::ForEachRowIn;

template <typename T>
void SortById(std::vector<T>& records) {
  std::sort(records.begin(), records.end(), [](const T& a, const T& b) { return a.id < b.id; });
}

std::string Select(std::string_view columns, std::string_view table, std::string_view where) {
  return "SELECT " + std::string(columns) + " FROM " + std::string(table) + " WHERE " +
         std::string(where) + " IN ";
}

Status ReadProductsAndLots(SqlConnection& c, const NamingKeys& keys, NamingRecords& out) {
  TXNG_RETURN_IF_ERROR(
      ForEachRowIn(c, Select(store_internal::ProductColumns(), "products", "gtin"), "", {},
                   {keys.gtins.begin(), keys.gtins.end()}, [&](const SqlRow& row) {
                     out.products.push_back(store_internal::ProductFromSqlRow(row));
                     return Status::Ok();
                   }));
  SortById(out.products);
  // One IN list of lot codes per product, so that each lookup uses the
  // (product_id, lot_code) key.
  std::map<std::string, std::vector<SqlValue>> codes_by_gtin;
  for (const auto& [gtin, code] : keys.lots) codes_by_gtin[gtin].emplace_back(code);
  const std::string head = "SELECT " + std::string(store_internal::LotColumns()) +
                           " FROM lots WHERE product_id = $1 AND lot_code IN ";
  for (const Product& p : out.products) {
    auto codes = codes_by_gtin.find(p.gtin);
    if (codes == codes_by_gtin.end()) continue;
    TXNG_RETURN_IF_ERROR(ForEachRowIn(c, head, "", {p.id}, codes->second, [&](const SqlRow& row) {
      out.lots.push_back(store_internal::LotFromSqlRow(row));
      return Status::Ok();
    }));
  }
  SortById(out.lots);
  return Status::Ok();
}

Status ReadLocations(SqlConnection& c, const NamingKeys& keys, NamingRecords& out) {
  std::set<std::string> glns;
  for (const auto& [gln, extension] : keys.places) glns.insert(gln);
  TXNG_RETURN_IF_ERROR(ForEachRowIn(c,
                                    Select(store_internal::LocationColumns(), "locations", "gln"),
                                    "", {}, {glns.begin(), glns.end()}, [&](const SqlRow& row) {
                                      Location l = store_internal::LocationFromSqlRow(row);
                                      if (keys.places.contains({l.gln, l.gln_extension}))
                                        out.locations.push_back(std::move(l));
                                      return Status::Ok();
                                    }));
  SortById(out.locations);
  return Status::Ok();
}

// The organisations with the GLNs asked for, then those the records
// already read belong to.
Status ReadOrganisations(SqlConnection& c, const NamingKeys& keys, NamingRecords& out) {
  std::set<int64_t> have;
  const auto keep = [&](const SqlRow& row) {
    Organisation o = store_internal::OrganisationFromSqlRow(row);
    if (have.insert(o.id).second) out.organisations.push_back(std::move(o));
    return Status::Ok();
  };
  TXNG_RETURN_IF_ERROR(
      ForEachRowIn(c, Select(store_internal::OrganisationColumns(), "organisations", "gln"), "", {},
                   {keys.party_glns.begin(), keys.party_glns.end()}, keep));
  std::set<int64_t> owners;
  for (const Product& p : out.products) owners.insert(p.org_id);
  for (const Lot& l : out.lots) owners.insert(l.org_id);
  for (const Location& l : out.locations) owners.insert(l.org_id);
  for (const StoredVocabularyElement& e : out.master_data) owners.insert(e.org_id);
  std::vector<SqlValue> missing;
  for (int64_t id : owners) {
    if (!have.contains(id)) missing.emplace_back(id);
  }
  TXNG_RETURN_IF_ERROR(
      ForEachRowIn(c, Select(store_internal::OrganisationColumns(), "organisations", "id"), "", {},
                   missing, keep));
  SortById(out.organisations);
  return Status::Ok();
}

}  // namespace

Result<NamingRecords> Store::ReadNamingRecords(const NamingKeys& keys) {
  return store_internal::InTransaction<NamingRecords>(
      *db_, TxMode::kRead, [&](SqlConnection& c) -> Result<NamingRecords> {
        NamingRecords out;
        TXNG_RETURN_IF_ERROR(ReadProductsAndLots(c, keys, out));
        TXNG_RETURN_IF_ERROR(ReadLocations(c, keys, out));
        TXNG_ASSIGN_OR_RETURN(out.master_data,
                              store_internal::MasterDataOfElements(
                                  c, {keys.element_ids.begin(), keys.element_ids.end()}));
        TXNG_RETURN_IF_ERROR(ReadOrganisations(c, keys, out));
        return out;
      });
}

}  // namespace txng
