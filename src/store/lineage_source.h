// The lineage's read interface (trace/lineage_source.h) answered from the
// event index tables: no stored document is decoded on a trace.
#ifndef TXNG_STORE_LINEAGE_SOURCE_H_
#define TXNG_STORE_LINEAGE_SOURCE_H_

#include "store/store.h"
#include "trace/lineage_source.h"

namespace txng {

class StoreLineageSource : public trace::LineageSource {
 public:
  explicit StoreLineageSource(Store& store) : store_(store) {}
  Result<trace::NamingAnswer> EventsNaming(const trace::SourceQuery& q) override;

 private:
  Store& store_;
};

}  // namespace txng

#endif  // TXNG_STORE_LINEAGE_SOURCE_H_
