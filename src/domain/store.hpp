// The store interface: everything the domain asks of a database. Backends (SQLite now,
// PostgreSQL later) implement it in src/storage/; no SQL appears outside that folder.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"
#include "domain/result.hpp"

namespace lumbung {

// How a list of innovations is ordered.
enum class InnovationSort {
  kNewest,  // most recently updated first (the default)
  kOldest,
  kTitle,       // A to Z
  kYearNewest,  // by starting year, newest first
};

// A filtered, paginated request for innovations. Empty filters match everything.
struct InnovationQuery {
  std::string region_code;
  std::optional<Id> agency_id;
  std::optional<InnovationType> type;
  std::optional<Form> form;
  std::optional<Maturity> maturity;
  std::optional<Stage> stage;
  std::vector<RecordStatus> statuses;  // any of these; empty: all
  std::optional<int> year;
  std::optional<bool> digital;
  InnovationSort sort = InnovationSort::kNewest;
  int page = 1;       // from 1
  int per_page = 20;  // 1..100
};

// What a list shows of an innovation: enough for a result row, without the narrative.
struct InnovationSummary {
  Id id = 0;
  std::string region_code;
  Id agency_id = 0;
  std::string agency_name;
  std::string title;
  std::string product;
  std::string summary;
  std::optional<InnovationType> type;
  std::optional<Form> form;
  Maturity maturity = Maturity::kInitiative;
  Stage stage = Stage::kDrumUp;
  RecordStatus status = RecordStatus::kDraft;
  Continuation continuation = Continuation::kActive;
  bool digital = false;
  std::optional<int> year;
  std::string updated_at;
};

// One page of a list and the number of matches across all pages.
struct InnovationPage {
  std::vector<InnovationSummary> items;
  long long total = 0;
};

// One connection to a database. Not thread-safe: each thread holds its own (see StorePool).
// Reads return nothing when the record is absent; writes return an Error for conflicts and
// stale versions; a broken database throws StorageError.
class Store {
 public:
  virtual ~Store() = default;

  // Transactions. Writes outside one are atomic on their own.
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;  // must not throw: it runs from destructors

  // A number that changes whenever any connection commits a change to the records; readers
  // compare it to decide whether something they derived from the data is still current.
  virtual std::int64_t ChangeCounter() = 0;

  // Regions.
  virtual std::vector<Region> ListRegions() = 0;
  virtual std::optional<Region> FindRegion(std::string_view code) = 0;
  virtual Status InsertRegion(const Region& region) = 0;
  // Inserts the region or updates name, level, parent and time zone of an existing one.
  virtual void UpsertRegion(const Region& region) = 0;

  // Agencies.
  virtual std::vector<Agency> ListAgencies(std::string_view region_code) = 0;
  virtual std::optional<Agency> FindAgency(Id id) = 0;
  // Matches the name without regard to case or repeated spaces.
  virtual std::optional<Agency> FindAgencyByName(std::string_view region_code,
                                                 std::string_view name) = 0;
  virtual Result<Agency> InsertAgency(const Agency& agency) = 0;
  virtual Result<Agency> UpdateAgency(const Agency& agency, std::int64_t expected_version) = 0;
  virtual Status DeleteAgency(Id id, std::int64_t expected_version) = 0;
  virtual long long CountInnovationsOfAgency(Id id) = 0;

  // Innovations.
  virtual std::optional<Innovation> FindInnovation(Id id) = 0;
  virtual std::optional<Innovation> FindInnovationBySourceRef(std::string_view region_code,
                                                              std::string_view source_ref) = 0;
  virtual InnovationPage ListInnovations(const InnovationQuery& query) = 0;
  // Calls `visit` for every innovation of a region in id order, without loading all at once.
  virtual void ForEachInnovation(std::string_view region_code,
                                 const std::function<void(const Innovation&)>& visit) = 0;
  virtual Result<Innovation> InsertInnovation(const Innovation& innovation) = 0;
  virtual Result<Innovation> UpdateInnovation(const Innovation& innovation,
                                              std::int64_t expected_version) = 0;
  virtual Status DeleteInnovation(Id id, std::int64_t expected_version) = 0;
  virtual long long CountReplicationsOf(Id id) = 0;
};

// A database failure the program cannot handle: disk full, corrupt file, lost server.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Rolls back a transaction unless it was committed.
class Transaction {
 public:
  explicit Transaction(Store& store) : store_(store) { store_.Begin(); }
  ~Transaction() {
    if (!done_) store_.Rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit() {
    store_.Commit();
    done_ = true;
  }

 private:
  Store& store_;
  bool done_ = false;
};

}  // namespace lumbung
