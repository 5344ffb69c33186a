// A generated six-tier cashew chain for the trace benchmark: farms
// commission raw lots, collectors receive and ship them, processors
// transform several raw lots into graded kernel lots, packers aggregate
// kernel lots onto SSCC pallets, exporters ship the pallets and importers
// receive and disaggregate them; beside it, ObjectEvent noise on retail
// items that no trace of the chain reaches.
//
// Processing runs r = 0, 1, ... start one every `spacing` milliseconds
// from 2025-01-01. Run r transforms raw lots r*F/S .. r*F/S+F-1 (F =
// raw_per_run, S = runs_per_raw: each raw lot goes into S consecutive
// runs, 1/S of its weight each) into kernel lots r*G .. r*G+G-1 (G =
// kernels_per_run, one per grade). Pallet p holds kernel lots
// p*K/P .. p*K/P+K-1 (K = kernels_per_pallet, P = pallets_per_kernel: each
// kernel lot is spread over P pallets). Times after a run's start: raw
// lots it is the first to use are commissioned within a day, received by
// the farm's collector a day later and shipped to the processor two days
// after that; the transformation takes place on day 7, pallets it
// completes are packed on day 8, shipped on day 12, received on day 40 and
// unpacked an hour later. Events are produced in event-time order (the
// order a live system captures them), so a run's events are spread over
// the rows of weeks of other runs. Deterministic for given parameters.
#ifndef TXNG_BENCH_TRACE_CHAIN_H_
#define TXNG_BENCH_TRACE_CHAIN_H_

#include <cstdint>
#include <queue>
#include <string>
#include <vector>

#include "epcis/model.h"

namespace txng::bench {

struct ChainParams {
  int64_t events = 1000000;    // events produced in all, noise included
  int raw_per_run = 8;         // F: fan-in of a transformation
  int runs_per_raw = 2;        // S: transformations each raw lot goes into
  int kernels_per_run = 3;     // G: fan-out of a transformation (grades)
  int kernels_per_pallet = 4;  // K: fan-in of a pallet
  int pallets_per_kernel = 2;  // P: pallets each kernel lot is spread over
  double noise = 0.3;          // share of noise events among all events
  int farms = 2000, collectors = 60, processors = 12, exporters = 8, importers = 40;
  int noise_items = 0;      // retail serials named by noise; 0: events / 3
  int64_t span_days = 365;  // the runs' start times spread over this
  uint64_t seed = 20251129;

  // Empty when the parameters make a chain; else what is wrong.
  std::string Check() const;
  // Chain events per processing run (commissioning, collection,
  // transformation, pallets).
  double ChainEventsPerRun() const;
};

// Identifiers of the chain (canonical Digital Link URIs, internal form).
std::string RawLot(const ChainParams& p, int64_t lot);
std::string KernelLot(const ChainParams& p, int64_t lot);
std::string Pallet(int64_t pallet);

class ChainGenerator {
 public:
  explicit ChainGenerator(const ChainParams& params);

  // Appends up to `max` next events to `out`; false once params.events
  // have been produced.
  bool Next(int64_t max, std::vector<epcis::Event>& out);
  int64_t produced() const { return produced_; }

  // After the last event: runs whose every event was produced, and the
  // pallets of those runs (the roots a benchmark may trace).
  int64_t complete_runs() const;
  int64_t complete_pallets() const;
  const ChainParams& params() const { return p_; }

  // The raw lots transformed by run r, the kernel lots it made, the kernel
  // lots on pallet p.
  std::vector<int64_t> RawLotsOf(int64_t run) const;
  std::vector<int64_t> KernelLotsOf(int64_t run) const;
  std::vector<int64_t> KernelLotsOnPallet(int64_t pallet) const;

 private:
  enum class Kind : uint8_t {
    kCommission,
    kCollectReceive,
    kCollectShip,
    kTransform,
    kPack,
    kShip,
    kReceive,
    kUnpack,
    kNoise,
  };
  struct Pending {
    int64_t time = 0;
    int64_t seq = 0;
    Kind kind = Kind::kNoise;
    int64_t subject = 0;  // lot, run, pallet or noise number
    bool operator>(const Pending& o) const { return time != o.time ? time > o.time : seq > o.seq; }
  };

  int64_t RunStart(int64_t run) const;
  int64_t PalletRun(int64_t pallet) const;  // the run that completes it
  int64_t RawLotRun(int64_t lot) const;     // the first run that uses it
  void Schedule(Kind kind, int64_t subject, int64_t time);
  void AddRun();
  epcis::Event Make(const Pending& e) const;

  ChainParams p_;
  int64_t spacing_ = 0;  // milliseconds between runs' starts
  int64_t runs_ = 0;     // runs scheduled
  int64_t next_pallet_ = 0;
  int64_t noise_ = 0;
  double noise_due_ = 0;
  int64_t seq_ = 0;
  int64_t produced_ = 0;
  int64_t last_time_ = 0;
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending_;
};

}  // namespace txng::bench

#endif  // TXNG_BENCH_TRACE_CHAIN_H_
