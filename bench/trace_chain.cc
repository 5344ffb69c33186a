#include "bench/trace_chain.h"

#include <cmath>
#include <cstdio>

#include "epcis/timestamp.h"

namespace txng::bench {

namespace {

constexpr int64_t kStart = 1735689600000;  // 2025-01-01T00:00:00Z
constexpr int64_t kHour = int64_t{3600} * 1000;
constexpr int64_t kDay = 24 * kHour;
// A run's last events (unpacking) come at most this long after its start.
constexpr int64_t kRunLength = 42 * kDay;
constexpr int kNoiseProducts = 50;
constexpr int kRetailSites = 200;

const std::string kCbv = "https://ref.gs1.org/cbv/";
const std::string kOwningParty = kCbv + "SDT-owning_party";

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9;
  x = (x ^ (x >> 27)) * 0x94d049bb133111eb;
  return x ^ (x >> 31);
}

// `digits` followed by its GS1 mod-10 check digit.
std::string WithCheckDigit(const std::string& digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    const int d = digits[digits.size() - 1 - i] - '0';
    sum += i % 2 == 0 ? 3 * d : d;
  }
  return digits + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string Gtin(int product) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0893000%06d", product);
  return WithCheckDigit(buf);
}

// A GLN of tier `tier` (1..8), number n.
std::string Gln(int tier, int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "893000%d%05lld", tier, static_cast<long long>(n));
  return WithCheckDigit(buf);
}

std::string Place(int tier, int64_t n) { return "https://id.gs1.org/414/" + Gln(tier, n); }
std::string Party(int tier, int64_t n) { return "https://id.gs1.org/417/" + Gln(tier, n); }

enum Tier { kFarm = 1, kCollector, kProcessor, kPacker, kExporter, kImporter, kRetail };

std::string TimeOf(int64_t millis) {
  epcis::Instant instant;
  instant.seconds = millis / 1000;
  instant.micros = static_cast<int>(millis % 1000) * 1000;
  return epcis::FormatUtcMillis(instant);
}

double Round1(double x) { return std::round(x * 10) / 10; }

}  // namespace

std::string ChainParams::Check() const {
  if (events < 1) return "events must be at least 1";
  if (raw_per_run < 1 || runs_per_raw < 1 || raw_per_run % runs_per_raw != 0) {
    return "raw_per_run must be a positive multiple of runs_per_raw";
  }
  if (kernels_per_run < 1) return "kernels_per_run must be at least 1";
  if (kernels_per_pallet < 1 || pallets_per_kernel < 1 ||
      kernels_per_pallet % pallets_per_kernel != 0) {
    return "kernels_per_pallet must be a positive multiple of pallets_per_kernel";
  }
  if (noise < 0 || noise >= 1) return "noise must be in [0, 1)";
  if (farms < 1 || collectors < 1 || processors < 1 || exporters < 1 || importers < 1) {
    return "every tier needs at least one site";
  }
  if (farms > 99999 || collectors > 99999 || processors > 99999 || exporters > 99999 ||
      importers > 99999) {
    return "at most 99999 sites per tier";
  }
  if (span_days < 1) return "span_days must be at least 1";
  return "";
}

double ChainParams::ChainEventsPerRun() const {
  const double new_raw = static_cast<double>(raw_per_run) / runs_per_raw;
  const double pallets =
      static_cast<double>(kernels_per_run) * pallets_per_kernel / kernels_per_pallet;
  return new_raw * 3 + 1 + pallets * 4;
}

std::string RawLot(const ChainParams& p, int64_t lot) {
  return "https://id.gs1.org/01/" + Gtin(100 + static_cast<int>(Mix(p.seed ^ lot) % 3)) + "/10/R" +
         std::to_string(100000000 + lot);
}

std::string KernelLot(const ChainParams& p, int64_t lot) {
  return "https://id.gs1.org/01/" + Gtin(200 + static_cast<int>(lot % p.kernels_per_run)) +
         "/10/K" + std::to_string(100000000 + lot);
}

std::string Pallet(int64_t pallet) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "08930001%09lld", static_cast<long long>(pallet));
  return "https://id.gs1.org/00/" + WithCheckDigit(buf);
}

ChainGenerator::ChainGenerator(const ChainParams& params) : p_(params) {
  const double runs = static_cast<double>(p_.events) * (1 - p_.noise) / p_.ChainEventsPerRun();
  spacing_ = std::max<int64_t>(1, static_cast<int64_t>(p_.span_days * kDay / std::max(1.0, runs)));
  if (p_.noise_items == 0) p_.noise_items = static_cast<int>(std::max<int64_t>(1, p_.events / 3));
}

int64_t ChainGenerator::RunStart(int64_t run) const { return kStart + run * spacing_; }

int64_t ChainGenerator::PalletRun(int64_t pallet) const {
  const int64_t last_kernel =
      pallet * p_.kernels_per_pallet / p_.pallets_per_kernel + p_.kernels_per_pallet - 1;
  return last_kernel / p_.kernels_per_run;
}

int64_t ChainGenerator::RawLotRun(int64_t lot) const {
  const int64_t fresh = p_.raw_per_run / p_.runs_per_raw;
  return lot < p_.raw_per_run ? 0 : (lot - p_.raw_per_run) / fresh + 1;
}

std::vector<int64_t> ChainGenerator::RawLotsOf(int64_t run) const {
  std::vector<int64_t> out;
  const int64_t first = run * (p_.raw_per_run / p_.runs_per_raw);
  for (int i = 0; i < p_.raw_per_run; ++i) out.push_back(first + i);
  return out;
}

std::vector<int64_t> ChainGenerator::KernelLotsOf(int64_t run) const {
  std::vector<int64_t> out;
  for (int g = 0; g < p_.kernels_per_run; ++g) out.push_back(run * p_.kernels_per_run + g);
  return out;
}

std::vector<int64_t> ChainGenerator::KernelLotsOnPallet(int64_t pallet) const {
  std::vector<int64_t> out;
  const int64_t first = pallet * (p_.kernels_per_pallet / p_.pallets_per_kernel);
  for (int k = 0; k < p_.kernels_per_pallet; ++k) out.push_back(first + k);
  return out;
}

void ChainGenerator::Schedule(Kind kind, int64_t subject, int64_t time) {
  pending_.push({time, seq_++, kind, subject});
}

// Schedules run `runs_`: its fresh raw lots, its transformation, the
// pallets it completes, and its share of noise.
void ChainGenerator::AddRun() {
  const int64_t run = runs_++;
  const int64_t t = RunStart(run);
  auto jitter = [&](Kind kind, int64_t subject, int64_t range) {
    return static_cast<int64_t>(
        Mix(p_.seed ^ (static_cast<uint64_t>(kind) << 56) ^ static_cast<uint64_t>(subject)) %
        static_cast<uint64_t>(range));
  };
  const std::vector<int64_t> lots = RawLotsOf(run);
  for (int64_t lot : lots) {
    if (RawLotRun(lot) != run) continue;
    const int64_t at = t + jitter(Kind::kCommission, lot, kDay);
    Schedule(Kind::kCommission, lot, at);
    Schedule(Kind::kCollectReceive, lot, at + kDay + jitter(Kind::kCollectReceive, lot, kHour));
    Schedule(Kind::kCollectShip, lot, at + 3 * kDay + jitter(Kind::kCollectShip, lot, kHour));
  }
  Schedule(Kind::kTransform, run, t + 7 * kDay);
  for (; PalletRun(next_pallet_) == run; ++next_pallet_) {
    const int64_t p = next_pallet_;
    const int64_t packed = t + 8 * kDay + jitter(Kind::kPack, p, kDay);
    Schedule(Kind::kPack, p, packed);
    Schedule(Kind::kShip, p, packed + 4 * kDay);
    const int64_t received = packed + 32 * kDay + jitter(Kind::kReceive, p, kDay);
    Schedule(Kind::kReceive, p, received);
    Schedule(Kind::kUnpack, p, received + kHour);
  }
  noise_due_ += p_.ChainEventsPerRun() * p_.noise / (1 - p_.noise);
  for (; noise_due_ >= 1; noise_due_ -= 1) {
    const int64_t n = noise_++;
    Schedule(Kind::kNoise, n, t + jitter(Kind::kNoise, n, spacing_));
  }
}

bool ChainGenerator::Next(int64_t max, std::vector<epcis::Event>& out) {
  for (int64_t i = 0; i < max && produced_ < p_.events; ++i) {
    // Every event of a later run comes at or after its start.
    while (pending_.empty() || pending_.top().time >= RunStart(runs_)) AddRun();
    const Pending e = pending_.top();
    pending_.pop();
    out.push_back(Make(e));
    last_time_ = e.time;
    ++produced_;
  }
  return produced_ < p_.events;
}

int64_t ChainGenerator::complete_runs() const {
  if (last_time_ < kStart + kRunLength) return 0;
  return std::min(runs_, (last_time_ - kStart - kRunLength) / spacing_);
}

int64_t ChainGenerator::complete_pallets() const {
  const int64_t runs = complete_runs();
  int64_t p = 0;
  while (PalletRun(p) < runs) ++p;
  return p;
}

epcis::Event ChainGenerator::Make(const Pending& pending) const {
  epcis::Event e;
  const uint64_t h = Mix(p_.seed ^ Mix(static_cast<uint64_t>(pending.seq)));
  e.event_time = TimeOf(pending.time);
  e.event_time_zone_offset = "+07:00";
  // A UUID v7: the event time, then bits of the event's hash.
  char uuid[64];
  std::snprintf(uuid, sizeof uuid, "urn:uuid:%08llx-%04llx-7%03llx-%04llx-%012llx",
                static_cast<unsigned long long>(pending.time >> 16),
                static_cast<unsigned long long>(pending.time & 0xffff),
                static_cast<unsigned long long>(h & 0xfff),
                static_cast<unsigned long long>(0x8000 | ((h >> 12) & 0x3fff)),
                static_cast<unsigned long long>((h >> 26) ^ static_cast<uint64_t>(pending.seq)) &
                    0xffffffffffffULL);
  e.event_id = uuid;
  const int64_t s = pending.subject;
  auto raw_weight = [&](int64_t lot) {
    return static_cast<double>(2000 + Mix(p_.seed ^ 0x5157 ^ static_cast<uint64_t>(lot)) % 8000);
  };
  auto kernel_weight = [&](int64_t kernel) {
    double input = 0;
    for (int64_t lot : RawLotsOf(kernel / p_.kernels_per_run)) {
      input += raw_weight(lot) / p_.runs_per_raw;
    }
    return Round1(input * 0.22 / p_.kernels_per_run);
  };
  auto link = [&](const std::string& type, int tier, int64_t site, int64_t number) {
    return epcis::TypedId{kCbv + "BTT-" + type,
                          "urn:epcglobal:cbv:bt:" + Gln(tier, site) + ":" + std::to_string(number)};
  };
  const int64_t farm = static_cast<int64_t>(Mix(p_.seed ^ 0xfa ^ static_cast<uint64_t>(s)) %
                                            static_cast<uint64_t>(p_.farms));
  const int64_t collector = farm % p_.collectors;
  auto processor_of = [&](int64_t run) {
    return static_cast<int64_t>(Mix(p_.seed ^ 0x9c ^ static_cast<uint64_t>(run)) %
                                static_cast<uint64_t>(p_.processors));
  };
  const int64_t exporter = static_cast<int64_t>(Mix(p_.seed ^ 0xe7 ^ static_cast<uint64_t>(s)) %
                                                static_cast<uint64_t>(p_.exporters));
  const int64_t importer = static_cast<int64_t>(Mix(p_.seed ^ 0x17 ^ static_cast<uint64_t>(s)) %
                                                static_cast<uint64_t>(p_.importers));
  auto pallet_children = [&](int64_t pallet) {
    std::vector<epcis::QuantityElement> children;
    for (int64_t k : KernelLotsOnPallet(pallet)) {
      children.push_back(
          {KernelLot(p_, k), Round1(kernel_weight(k) / p_.pallets_per_kernel), "KGM"});
    }
    return children;
  };
  switch (pending.kind) {
    case Kind::kCommission:
      e.type = epcis::EventType::kObject;
      e.action = epcis::Action::kAdd;
      e.quantity_list.push_back({RawLot(p_, s), raw_weight(s), "KGM"});
      e.biz_step = kCbv + "BizStep-commissioning";
      e.disposition = kCbv + "Disp-active";
      e.biz_location = epcis::Location{Place(kFarm, farm), {}};
      break;
    case Kind::kCollectReceive:
    case Kind::kCollectShip: {
      const bool receive = pending.kind == Kind::kCollectReceive;
      e.type = epcis::EventType::kObject;
      e.action = epcis::Action::kObserve;
      e.quantity_list.push_back({RawLot(p_, s), raw_weight(s), "KGM"});
      e.biz_step = kCbv + (receive ? "BizStep-receiving" : "BizStep-shipping");
      e.disposition = kCbv + (receive ? "Disp-in_progress" : "Disp-in_transit");
      e.biz_location = epcis::Location{Place(kCollector, collector), {}};
      if (receive) {
        e.sources.push_back({kOwningParty, Party(kFarm, farm)});
        e.destinations.push_back({kOwningParty, Party(kCollector, collector)});
        e.biz_transactions.push_back(link("po", kCollector, collector, s));
      } else {
        e.sources.push_back({kOwningParty, Party(kCollector, collector)});
        e.destinations.push_back({kOwningParty, Party(kProcessor, processor_of(RawLotRun(s)))});
        e.biz_transactions.push_back(link("desadv", kCollector, collector, s));
      }
      break;
    }
    case Kind::kTransform:
      e.type = epcis::EventType::kTransformation;
      for (int64_t lot : RawLotsOf(s)) {
        e.input_quantity_list.push_back(
            {RawLot(p_, lot), Round1(raw_weight(lot) / p_.runs_per_raw), "KGM"});
      }
      for (int64_t k : KernelLotsOf(s)) {
        e.output_quantity_list.push_back({KernelLot(p_, k), kernel_weight(k), "KGM"});
      }
      e.biz_step = kCbv + "BizStep-creating_class_instance";
      e.disposition = kCbv + "Disp-active";
      e.biz_location = epcis::Location{Place(kProcessor, processor_of(s)), {}};
      break;
    case Kind::kPack:
    case Kind::kUnpack: {
      const bool pack = pending.kind == Kind::kPack;
      e.type = epcis::EventType::kAggregation;
      e.action = pack ? epcis::Action::kAdd : epcis::Action::kDelete;
      e.parent_id = Pallet(s);
      e.child_quantity_list = pallet_children(s);
      e.biz_step = kCbv + (pack ? "BizStep-packing" : "BizStep-unpacking");
      e.disposition = kCbv + (pack ? "Disp-container_closed" : "Disp-in_progress");
      e.biz_location = epcis::Location{
          pack ? Place(kPacker, processor_of(PalletRun(s))) : Place(kImporter, importer), {}};
      break;
    }
    case Kind::kShip:
    case Kind::kReceive: {
      const bool ship = pending.kind == Kind::kShip;
      e.type = epcis::EventType::kObject;
      e.action = epcis::Action::kObserve;
      e.epc_list.push_back(Pallet(s));
      e.biz_step = kCbv + (ship ? "BizStep-shipping" : "BizStep-receiving");
      e.disposition = kCbv + (ship ? "Disp-in_transit" : "Disp-in_progress");
      e.biz_location =
          epcis::Location{ship ? Place(kExporter, exporter) : Place(kImporter, importer), {}};
      e.sources.push_back({kOwningParty, Party(kExporter, exporter)});
      e.destinations.push_back({kOwningParty, Party(kImporter, importer)});
      e.biz_transactions.push_back(link("inv", kExporter, exporter, s));
      break;
    }
    case Kind::kNoise: {
      static const char* const kSteps[] = {"storing", "inspecting", "retail_selling", "loading"};
      e.type = epcis::EventType::kObject;
      e.action = epcis::Action::kObserve;
      const int items = 1 + static_cast<int>(h % 3);
      for (int i = 0; i < items; ++i) {
        const uint64_t serial =
            Mix(h + static_cast<uint64_t>(i)) % static_cast<uint64_t>(p_.noise_items);
        e.epc_list.push_back("https://id.gs1.org/01/" +
                             Gtin(300 + static_cast<int>(serial % kNoiseProducts)) + "/21/" +
                             std::to_string(100000 + serial));
      }
      e.biz_step = kCbv + "BizStep-" + kSteps[(h >> 8) % 4];
      e.disposition = kCbv + "Disp-sellable_accessible";
      const int64_t site = static_cast<int64_t>((h >> 16) % kRetailSites);
      e.read_point = epcis::Location{Place(kRetail, site), {}};
      e.biz_location = epcis::Location{Place(kRetail, site), {}};
      break;
    }
  }
  return e;
}

}  // namespace txng::bench
