// Store: every read and write of TXNG's records, written once over the
// Database interface and therefore identical on SQLite and PostgreSQL.
//
// Contract for writes: each write method runs in one transaction together
// with its audit-log row (Actor says who and from where), so a write that
// fails changes nothing and a write that succeeds is always attributed.
// Visibility (who may see what) is the service layer's job; the store
// answers what it is asked.
#ifndef TXNG_STORE_STORE_H_
#define TXNG_STORE_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"
#include "store/diary.h"
#include "store/event_review.h"
#include "store/events.h"
#include "store/feedback.h"
#include "store/master_data.h"
#include "store/model.h"
#include "store/naming.h"
#include "store/recalls.h"
#include "store/review_queue.h"

namespace txng {

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;  // matching rows, ignoring limit and offset
};

struct PageRequest {
  int limit = 50;  // 1..500
  int offset = 0;
};

struct OrganisationFilter {
  std::optional<OrgKind> kind;
  std::string district;
  std::optional<ReviewStatus> review_status;
  std::string tax_code;  // mã số thuế, exact
  std::string gln;       // exact
};

struct ProductFilter {
  std::optional<int64_t> org_id;
  std::optional<ReviewStatus> review_status;
  std::string category;
  std::string image_url;  // "" = any
};

struct LocationFilter {
  std::optional<int64_t> org_id;
  std::optional<ReviewStatus> review_status;
  std::optional<LocationKind> kind;
  std::optional<std::string> gln;  // exact, with gln_extension (empty: none)
  std::string gln_extension;
};

struct LotFilter {
  std::optional<int64_t> org_id;
  std::optional<int64_t> product_id;
  std::optional<ReviewStatus> review_status;
};

struct AuditFilter {
  std::string entity;  // empty: all
  std::string entity_id;
  std::optional<int64_t> user_id;
  std::string action;              // exact, e.g. "product.review"; empty: all
  std::string actor;               // exact Actor::label, e.g. "user:reviewer"; empty: all
  std::optional<UnixMillis> from;  // at >= from
  std::optional<UnixMillis> to;    // at < to
  bool newest_first = false;       // default: oldest first
};

// A review decision for one record.
struct ReviewDecision {
  ReviewStatus status = ReviewStatus::kApproved;
  std::string reason;               // required for kRejected
  std::optional<int64_t> reviewer;  // user id, empty for the system (demo)
};

// The browse endpoints' question (store_events_browse.cc): the distinct
// values one event field takes among the events a caller may see, in byte
// order, `limit` (1..1000) at a time after `after`.
enum class EventField { kEpc, kBizStep, kDisposition, kReadPoint, kBizLocation };
struct EventValuesQuery {
  EventField field = EventField::kEpc;
  std::optional<int64_t> visible_to_org;  // as EventQuery
  bool approved_only = false;             // as EventQuery
  std::string after;
  int limit = 30;
};
struct EventValuesPage {
  std::vector<std::string> values;
  bool more = false;  // values follow the last one
};

// An organisation's saved EPCIS event query (store_named_queries.cc).
struct NamedQuery {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string name;        // unique within the organisation
  std::string query_json;  // the query object as the client gave it
  std::string created_by;  // Actor::label
  UnixMillis created_at = 0;
};

class Store {
 public:
  explicit Store(std::unique_ptr<Database> db);
  ~Store();

  Database& db() { return *db_; }

  // Schema. Migrate applies every pending migration, each in its own
  // transaction, and returns the resulting version. Forward only.
  Result<int> Migrate();
  Result<int> SchemaVersion();
  static int LatestSchemaVersion();
  Status Ping();
  // True when there are no organisations and no users (txng demo refuses otherwise).
  Result<bool> IsEmpty();

  // Create* keep a non-zero created_at of the record (imports and the demo
  // keep their history) and stamp now otherwise.

  // Organisations.
  Result<Organisation> CreateOrganisation(const Organisation& o, const Actor& actor);
  Result<Organisation> GetOrganisation(int64_t id);
  Result<Page<Organisation>> ListOrganisations(const OrganisationFilter& f, PageRequest page);
  Result<Organisation> UpdateOrganisation(const Organisation& o, const Actor& actor);
  // Every organisation's GS1 company prefix (distinct, non-empty), whatever
  // its review status: a prefix is a fact about the organisation.
  Result<std::vector<std::string>> ListCompanyPrefixes();

  // Users. Usernames are unique (kAlreadyExists).
  Result<User> CreateUser(const User& u, const Actor& actor);
  Result<User> GetUser(int64_t id);
  Result<User> GetUserByUsername(const std::string& username);
  Result<Page<User>> ListUsers(PageRequest page);
  // Changes the password hash and ends every session of the user but
  // `keep_session_hash` (when not empty: the one changing it).
  struct PasswordChange {
    std::string password_hash;
    bool must_change = false;  // the user must choose another before anything else
    std::string keep_session_hash;
  };
  Status SetUserPassword(int64_t user_id, const PasswordChange& change, const Actor& actor);
  // Disabling also ends every session of the user.
  Status SetUserDisabled(int64_t user_id, bool disabled, const Actor& actor);

  // Sessions (not audited here: login and logout are audited by the caller
  // through AppendAudit, which is when the address is known to matter).
  Status CreateSession(const Session& s);
  // kNotFound when absent or expired at `now`.
  Result<Session> GetSession(const std::string& token_hash, UnixMillis now);
  Status DeleteSession(const std::string& token_hash);
  Result<int64_t> DeleteExpiredSessions(UnixMillis now);

  // API keys.
  Result<ApiKey> CreateApiKey(const ApiKey& k, const Actor& actor);
  Result<ApiKey> GetApiKeyByKeyId(const std::string& key_id);
  // All keys, or one organisation's.
  Result<std::vector<ApiKey>> ListApiKeys(std::optional<int64_t> org_id);
  // kNotFound when absent; kFailedPrecondition when already revoked.
  Status RevokeApiKey(const std::string& key_id, const Actor& actor);
  Status TouchApiKey(int64_t id, UnixMillis now);

  // Products. GTIN is unique (kAlreadyExists, field "gtin").
  Result<Product> CreateProduct(const Product& p, const Actor& actor);
  Result<Product> GetProduct(int64_t id);
  Result<Product> GetProductByGtin(const std::string& gtin14);
  Result<Page<Product>> ListProducts(const ProductFilter& f, PageRequest page);
  // Updates the descriptive fields (not org_id, not review fields).
  Result<Product> UpdateProduct(const Product& p, const Actor& actor);
  // Review*: kApproved and kRejected record the reviewer, the time and the
  // reason (kRejected without a reason is kInvalidArgument, field "reason");
  // kPending (submission, audited as "<entity>.submit") and kDraft clear them.
  Result<Product> ReviewProduct(int64_t id, const ReviewDecision& d, const Actor& actor);

  // Locations. (gln, gln_extension) is unique.
  Result<Location> CreateLocation(const Location& l, const Actor& actor);
  Result<Location> GetLocation(int64_t id);
  Result<Page<Location>> ListLocations(const LocationFilter& f, PageRequest page);
  Result<Location> UpdateLocation(const Location& l, const Actor& actor);
  Result<Location> ReviewLocation(int64_t id, const ReviewDecision& d, const Actor& actor);

  // Lots. (product_id, lot_code) is unique.
  Result<Lot> CreateLot(const Lot& l, const Actor& actor);
  Result<Lot> GetLot(int64_t id);
  Result<Lot> GetLotByCode(int64_t product_id, const std::string& lot_code);
  Result<Page<Lot>> ListLots(const LotFilter& f, PageRequest page);
  Result<Lot> UpdateLot(const Lot& l, const Actor& actor);
  Result<Lot> ReviewLot(int64_t id, const ReviewDecision& d, const Actor& actor);

  // Product photos (store_images.cc). CreateImage stores `image` (created
  // now), audited "image.create"; GetImage: kNotFound when absent.
  Result<StoredImage> CreateImage(const StoredImage& image, const Actor& actor);
  Result<StoredImage> GetImage(int64_t id);

  // EPCIS events (store_events.cc, store_events_query.cc). CaptureEvents
  // stores `events` in one transaction, in order, owned by ctx.org_id, with
  // one audit entry. An event whose eventID (or, without one, hash ID) is
  // stored already is a duplicate and changes nothing. An event carrying an
  // errorDeclaration is kept beside the event with its eventID, which is
  // marked declared in error (also when the declaration comes first).
  Result<std::vector<CapturedEvent>> CaptureEvents(const std::vector<NewEvent>& events,
                                                   const CaptureContext& ctx, const Actor& actor);
  Result<StoredEvent> GetEvent(int64_t id);
  // The stored events among row ids `ids` (at most 500; kInvalidArgument
  // beyond), in capture order, by primary key; absent ids are left out.
  Result<std::vector<StoredEvent>> GetEvents(const std::vector<int64_t>& ids);
  Result<EventPage> QueryEvents(const EventQuery& q);

  // Review of captured events (store_events_review.cc). ReviewEvents
  // approves or rejects every named event, all or none: kNotFound or
  // kFailedPrecondition (not pending) names the first event that cannot be
  // reviewed, and nothing changes. One audit entry lists the events.
  Result<Page<EventSubmission>> ListEventSubmissions(const EventReviewFilter& f, PageRequest page);
  Result<int64_t> ReviewEvents(const std::vector<int64_t>& ids, const ReviewDecision& d,
                               const Actor& actor);

  // EPCIS master data (store_master_data.cc), stored by CaptureEvents:
  // elements in capture order, at most `limit` (1..1000); children sorted.
  Result<std::vector<StoredVocabularyElement>> ListMasterData(const MasterDataFilter& f, int limit);

  // The catalogue records and master data `keys` ask for, in one read
  // transaction with a few IN-list statements per kind (store_naming.cc).
  Result<NamingRecords> ReadNamingRecords(const NamingKeys& keys);

  // EPCIS browse endpoints (store_events_browse.cc). EPCs are the
  // identifiers of every role (epcList, parentID, childEPCs, input and
  // output); the other fields are the event's own.
  Result<EventValuesPage> ListEventValues(const EventValuesQuery& q);

  // EPCIS named queries (store_named_queries.cc), each organisation's own.
  // Create: kAlreadyExists (field "name") when the organisation has the
  // name. Get and Delete: kNotFound when it has not. List: by name, `limit`
  // (1..1000) after the name `after`, plus one more when more follow.
  Result<NamedQuery> CreateNamedQuery(const NamedQuery& q, const Actor& actor);
  Result<NamedQuery> GetNamedQuery(int64_t org_id, const std::string& name);
  Result<std::vector<NamedQuery>> ListNamedQueries(int64_t org_id, const std::string& after,
                                                   int limit);
  Status DeleteNamedQuery(int64_t org_id, const std::string& name, const Actor& actor);

  // EPCIS capture jobs (store_capture_jobs.cc). CreateCaptureJob records a
  // running job (created_at now) and returns it with its id;
  // FinishCaptureJob records the outcome of a running job (kNotFound when
  // there is none); AbandonRunningCaptureJobs ends the jobs a stopped process
  // left running as failed, with `reason`, and counts them.
  Result<CaptureJob> CreateCaptureJob(const CaptureJob& job);
  Status FinishCaptureJob(const CaptureJob& job);
  Result<CaptureJob> GetCaptureJob(int64_t id);
  // Newest first; only `org_id`'s jobs when set.
  Result<std::vector<CaptureJob>> ListCaptureJobs(std::optional<int64_t> org_id, int limit);
  Result<int64_t> AbandonRunningCaptureJobs(const std::string& reason);

  // Recalls (store_recalls.cc). CreateRecall stores `r` (opened now by
  // `actor`, status open) with its impact set and the first history entry;
  // UpdateRecall replaces the fields of `change` and the impact set and
  // records which fields changed; CloseRecall closes with a note. Update
  // and close: kNotFound when there is no such recall, kFailedPrecondition
  // when it is closed already. Each write is audited ("recall.open",
  // "recall.update", "recall.close").
  Result<Recall> CreateRecall(const Recall& r, const std::vector<RecallItem>& items,
                              const Actor& actor);
  Result<Recall> UpdateRecall(int64_t id, const RecallChange& change, const Actor& actor);
  Result<Recall> CloseRecall(int64_t id, const std::string& note, const Actor& actor);
  Result<Recall> GetRecall(int64_t id);
  // Newest first.
  Result<Page<Recall>> ListRecalls(const RecallFilter& f, PageRequest page);
  // In the order the trace found them.
  Result<Page<RecallItem>> ListRecallItems(int64_t recall_id, PageRequest page);
  // Oldest first.
  Result<std::vector<RecallUpdate>> ListRecallUpdates(int64_t recall_id);
  // Newest first, at most 50.
  Result<std::vector<RecallCover>> FindOpenRecalls(const RecallCoverQuery& q);

  // Consumer side (store_consumer.cc). SearchProducts: the products
  // matching every term (LIKE on products.search_text, '%' and '_' taken
  // literally), by id. BackfillProductSearchText fills the search text of
  // products that have none (rows older than the column); Migrate calls it.
  Result<Page<Product>> SearchProducts(const ProductSearch& q, PageRequest page);
  Status BackfillProductSearchText();
  // Feedback: CreateFeedback stores `f` (open, created now) and audits
  // "feedback.create"; kFailedPrecondition when the product does not exist.
  // CloseFeedback: kNotFound when there is no such feedback,
  // kFailedPrecondition when it is closed already; audits "feedback.close".
  // ListFeedback: open ones first, newest first within each.
  Result<Feedback> CreateFeedback(const Feedback& f, const Actor& actor);
  Result<Feedback> GetFeedback(int64_t id);
  Result<Feedback> CloseFeedback(int64_t id, const std::string& note, const Actor& actor);
  Result<Page<Feedback>> ListFeedback(const FeedbackFilter& f, PageRequest page);
  Result<int64_t> CountFeedback(const FeedbackFilter& f);
  // Production diary (store_diary.cc): the organisation's events matching
  // `f`, newest event time first. Import staging: PutImportStaging stores
  // `s` (and deletes every expired staging row); TakeImportStaging returns
  // and deletes the unexpired row with that token of that user, kNotFound
  // otherwise; GetImportStaging returns it without deleting.
  Result<Page<EventSubmission>> ListDiaryEvents(const DiaryFilter& f, PageRequest page);
  Status PutImportStaging(const ImportStaging& s);
  Result<ImportStaging> GetImportStaging(const std::string& token, int64_t user_id, UnixMillis now);
  Result<ImportStaging> TakeImportStaging(const std::string& token, int64_t user_id,
                                          UnixMillis now);

  // Audit log.
  Status AppendAudit(const Actor& actor, const std::string& action, const std::string& entity,
                     const std::string& entity_id, const std::string& detail_json);
  Result<Page<AuditEntry>> ListAudit(const AuditFilter& f, PageRequest page);

  // The reviewer's workspace (store_review.cc, review_queue.h).
  // ListReviewQueue: every pending record of every kind, oldest submission
  // first. ReviewItems approves or rejects every named record, all or none:
  // kNotFound or kFailedPrecondition (not pending) names the first record
  // that cannot be decided, and nothing changes; one audit entry per record
  // ("<entity>.review", as Review*). ReviewOrganisation is Review* for
  // organisations, which keep no reason column: the reason is in the audit
  // entry.
  Result<Page<ReviewQueueItem>> ListReviewQueue(const ReviewQueueFilter& f, PageRequest page);
  Result<int64_t> ReviewItems(const std::vector<ReviewTarget>& targets, const ReviewDecision& d,
                              const Actor& actor);
  Result<Organisation> ReviewOrganisation(int64_t id, const ReviewDecision& d, const Actor& actor);
  // The directory, by name then id.
  Result<Page<Organisation>> ListDirectoryOrganisations(const DirectoryFilter& f, PageRequest page);
  Result<Page<DirectoryProduct>> ListDirectoryProducts(const DirectoryFilter& f, PageRequest page);

 private:
  std::unique_ptr<Database> db_;
};

}  // namespace txng

#endif  // TXNG_STORE_STORE_H_
