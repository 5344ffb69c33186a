#include "service/recall.h"

#include <charconv>
#include <chrono>

#include "epcis/identifiers.h"
#include "gs1/check_digit.h"
#include "gs1/uri_escape.h"
#include "service/recall_impact.h"
#include "service/trace.h"

namespace txng {
namespace {

constexpr std::string_view kGtinStem = "https://id.gs1.org/01/";
constexpr UnixMillis kDayMillis = 24 * 3600 * 1000;
// The province's time: Asia/Ho_Chi_Minh is UTC+7 all year.
constexpr UnixMillis kProvinceOffsetMillis = 7 * 3600 * 1000;

bool IsAuthority(const Principal& p) {
  return p.kind == Principal::Kind::kUser &&
         (p.role == Role::kAdmin || p.role == Role::kReviewer || p.role == Role::kOfficer);
}

// The authority, or a producer or API key of `org_id`.
bool MayManage(const Principal& p, int64_t org_id) {
  if (p.anonymous()) return false;
  if (IsAuthority(p)) return true;
  const bool member = p.kind == Principal::Kind::kApiKey || p.role == Role::kProducer;
  return member && p.org_id == org_id;
}

std::string Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

Status ValidateReason(const std::string& reason) {
  if (reason.empty()) {
    return Status::InvalidArgument("reason is required: say what is wrong with the goods",
                                   "reason");
  }
  if (reason.size() > kMaxRecallReason) {
    return Status::InvalidArgument(
        "reason is longer than " + std::to_string(kMaxRecallReason) + " bytes", "reason");
  }
  return Status::Ok();
}

Result<RecallSeverity> ParseSeverity(const std::string& text) {
  if (text.empty()) {
    return Status::InvalidArgument("severity is required: I, II or III (the FDA recall classes)",
                                   "severity");
  }
  auto s = ParseRecallSeverity(text);
  if (!s) {
    return Status::InvalidArgument(
        "severity must be I, II or III (the FDA recall classes), got \"" + text + "\"", "severity");
  }
  return *s;
}

// The start of calendar day `text` (YYYY-MM-DD) in the province's time.
Result<UnixMillis> DayStart(const std::string& text, const char* field) {
  auto bad = [&] {
    return Status::InvalidArgument(
        std::string(field) + " must be a date as YYYY-MM-DD, got \"" + text + "\"", field);
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    const char* begin = text.data() + starts[k];
    auto [end, ec] = std::from_chars(begin, begin + lengths[k], parts[k]);
    if (ec != std::errc() || end != begin + lengths[k]) return bad();
  }
  const std::chrono::year_month_day day{std::chrono::year(parts[0]),
                                        std::chrono::month(static_cast<unsigned>(parts[1])),
                                        std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!day.ok()) return bad();
  const int64_t days = std::chrono::sys_days(day).time_since_epoch().count();
  return days * kDayMillis - kProvinceOffsetMillis;
}

// The affected period of [from, to] (either may be empty).
Result<AffectedPeriod> PeriodOf(const std::string& from, const std::string& to) {
  AffectedPeriod period;
  if (!from.empty()) {
    TXNG_ASSIGN_OR_RETURN(period.from, DayStart(from, "affectedFrom"));
  }
  if (!to.empty()) {
    TXNG_ASSIGN_OR_RETURN(UnixMillis start, DayStart(to, "affectedTo"));
    period.to = start + kDayMillis;
  }
  if (period.from && period.to && *period.from >= *period.to) {
    return Status::InvalidArgument("affectedFrom (" + from + ") is after affectedTo (" + to + ")",
                                   "affectedTo");
  }
  return period;
}

// The recall `id` as `p` may see it: kNotFound when it may not.
Result<Recall> LoadVisible(Store& store, const Principal& p, int64_t id) {
  if (p.anonymous()) return Status::Unauthenticated("sign in or send an API key to see recalls");
  TXNG_ASSIGN_OR_RETURN(Recall r, store.GetRecall(id));
  if (!MayManage(p, r.org_id))
    return Status::NotFound("recall " + std::to_string(id) + " not found");
  return r;
}

Status RejectClosed(const Recall& r) {
  if (r.status == RecallStatus::kClosed) {
    return Status::FailedPrecondition("recall " + std::to_string(r.id) + " is closed already");
  }
  return Status::Ok();
}

// The trade item (/01/G) of a canonical GS1 Digital Link of a GTIN, and its
// lot (/01/G/10/L) when it names one; empty when it is no such link.
std::string_view GtinClassOf(std::string_view id) {
  if (!id.starts_with(kGtinStem) || id.size() < kGtinStem.size() + 14) return {};
  std::string_view gtin_class = id.substr(0, kGtinStem.size() + 14);
  if (id.size() > gtin_class.size() && id[gtin_class.size()] != '/') return {};
  return gtin_class;
}

std::string_view LotOf(std::string_view id) {
  std::string_view gtin_class = GtinClassOf(id);
  if (gtin_class.empty() || id.substr(gtin_class.size()).rfind("/10/", 0) != 0) return {};
  const size_t end = id.find('/', gtin_class.size() + 4);
  return id.substr(0, end == std::string_view::npos ? id.size() : end);
}

}  // namespace

std::string LotCodeOf(std::string_view identifier) {
  std::string_view lot = LotOf(identifier);
  if (lot.empty()) return "";
  return gs1::UriUnescape(lot.substr(GtinClassOf(identifier).size() + 4), gs1::UriPart::kPath);
}

Result<Recall> OpenRecall(Store& store, const Principal& p, const RecallRequest& r) {
  if (p.anonymous()) return Status::Unauthenticated("sign in or send an API key to open a recall");
  Recall recall;
  recall.reason = Trim(r.reason);
  TXNG_RETURN_IF_ERROR(ValidateReason(recall.reason));
  TXNG_ASSIGN_OR_RETURN(recall.severity, ParseSeverity(r.severity));
  TXNG_ASSIGN_OR_RETURN(const AffectedPeriod period, PeriodOf(r.affected_from, r.affected_to));
  recall.affected_from = r.affected_from;
  recall.affected_to = r.affected_to;
  TXNG_ASSIGN_OR_RETURN(recall.root_id, ParseTraceId(r.id));

  // Whether the caller may see the identifier at all: only its root, as the
  // caller sees events. A record the caller may not see is 404, never 403.
  trace::TraceRequest probe;
  probe.root = recall.root_id;
  probe.direction = trace::Direction::kForward;
  probe.max_depth = 0;
  probe.limit = 1;
  if (Result<TraceAnswer> seen = TraceIdentifier(store, probe, p); !seen.ok()) {
    if (seen.status().code() == StatusCode::kNotFound) {
      return Status::NotFound("no captured event names " + recall.root_id);
    }
    return seen.status();
  }
  TXNG_ASSIGN_OR_RETURN(ImpactSet impact, ComputeImpactSet(store, recall.root_id, period));
  if (!impact.org_id) {
    return Status::FailedPrecondition("no organisation is known for " + recall.root_id +
                                      ": register its product, or capture its commissioning");
  }
  if (!MayManage(p, *impact.org_id)) {
    return Status::PermissionDenied(
        "only the organisation " + recall.root_id +
        " belongs to, and the authority (admins, reviewers, officers), can recall it");
  }
  recall.org_id = *impact.org_id;
  recall.items_truncated = impact.truncated;
  return store.CreateRecall(recall, impact.items, p.ToActor());
}

Result<Recall> UpdateRecall(Store& store, const Principal& p, int64_t id,
                            const RecallPatch& patch) {
  TXNG_ASSIGN_OR_RETURN(const Recall before, LoadVisible(store, p, id));
  TXNG_RETURN_IF_ERROR(RejectClosed(before));
  RecallChange change;
  change.reason = patch.reason ? Trim(*patch.reason) : before.reason;
  TXNG_RETURN_IF_ERROR(ValidateReason(change.reason));
  change.severity = before.severity;
  if (patch.severity) {
    TXNG_ASSIGN_OR_RETURN(change.severity, ParseSeverity(*patch.severity));
  }
  change.affected_from = patch.affected_from.value_or(before.affected_from);
  change.affected_to = patch.affected_to.value_or(before.affected_to);
  TXNG_ASSIGN_OR_RETURN(const AffectedPeriod period,
                        PeriodOf(change.affected_from, change.affected_to));
  TXNG_ASSIGN_OR_RETURN(ImpactSet impact, ComputeImpactSet(store, before.root_id, period));
  change.items = std::move(impact.items);
  change.items_truncated = impact.truncated;
  return store.UpdateRecall(id, change, p.ToActor());
}

Result<Recall> CloseRecall(Store& store, const Principal& p, int64_t id, const std::string& note) {
  TXNG_ASSIGN_OR_RETURN(const Recall before, LoadVisible(store, p, id));
  TXNG_RETURN_IF_ERROR(RejectClosed(before));
  const std::string trimmed = Trim(note);
  if (trimmed.empty()) {
    return Status::InvalidArgument("note is required: say why the recall is closed", "note");
  }
  if (trimmed.size() > kMaxRecallNote) {
    return Status::InvalidArgument(
        "note is longer than " + std::to_string(kMaxRecallNote) + " bytes", "note");
  }
  return store.CloseRecall(id, trimmed, p.ToActor());
}

Result<Page<Recall>> ListRecalls(Store& store, const Principal& p, RecallFilter f,
                                 PageRequest page) {
  if (p.anonymous()) return Status::Unauthenticated("sign in or send an API key to see recalls");
  if (!IsAuthority(p)) {
    if (!p.org_id) {
      return Status::PermissionDenied(
          "only the authority and an organisation's producers see recalls");
    }
    if (f.org_id && *f.org_id != *p.org_id) {
      return Status::PermissionDenied("you can only see your own organisation's recalls");
    }
    f.org_id = p.org_id;
  }
  return store.ListRecalls(f, page);
}

Result<RecallDetail> GetRecall(Store& store, const Principal& p, int64_t id, PageRequest items) {
  RecallDetail out;
  TXNG_ASSIGN_OR_RETURN(out.recall, LoadVisible(store, p, id));
  TXNG_ASSIGN_OR_RETURN(out.items, store.ListRecallItems(id, items));
  TXNG_ASSIGN_OR_RETURN(out.history, store.ListRecallUpdates(id));
  return out;
}

Result<RecallStatusAnswer> RecallStatusOf(Store& store, std::string_view id_text) {
  RecallStatusAnswer out;
  TXNG_ASSIGN_OR_RETURN(out.identifier, ParseTraceId(id_text));
  // ParseTraceId drops the lot of a serialised item (/01/G/10/L/21/S names
  // /01/G/21/S); a Digital Link or EPC URI as typed still holds it.
  std::string as_typed;
  if (Result<std::string> full = epcis::NormalizeIdentifier(Trim(id_text)); full.ok()) {
    as_typed = *std::move(full);
  }
  RecallCoverQuery q;
  q.identifiers.push_back(out.identifier);
  for (std::string_view wider :
       {LotOf(as_typed), LotOf(out.identifier), GtinClassOf(out.identifier)}) {
    if (!wider.empty() && wider != out.identifier) q.identifiers.emplace_back(wider);
  }
  TXNG_ASSIGN_OR_RETURN(std::vector<RecallCover> covers, store.FindOpenRecalls(q));
  for (RecallCover& c : covers) out.open.push_back(std::move(c.recall));
  return out;
}

Result<std::vector<RecallCover>> OpenRecallsForGtin(Store& store, const std::string& gtin) {
  const std::optional<std::string> gtin14 = gs1::NormalizeGtin(gtin);
  if (!gtin14) return Status::InvalidArgument("\"" + gtin + "\" is not a GTIN", "gtin");
  RecallCoverQuery q;
  q.identifiers.push_back(std::string(kGtinStem) + *gtin14);
  q.identifier_prefix = q.identifiers[0] + "/";
  return store.FindOpenRecalls(q);
}

}  // namespace txng
