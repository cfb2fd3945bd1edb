#include "storage/database.hpp"

#include "storage/postgresql/pg_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace lumbung {

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, MigrationPolicy policy) {
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (path.empty()) {
      return Error{ErrorCode::kInvalid,
                   {"Alamat basis data 'sqlite:' perlu nama berkas, misalnya sqlite:lumbung.db.",
                    "The 'sqlite:' database URL needs a file name, for example sqlite:lumbung.db."},
                   {}};
    }
    return storage::OpenSqlite(path, policy);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return storage::OpenPostgres(std::string(url), policy);
  }
  return Error{
      ErrorCode::kInvalid,
      {"Alamat basis data tidak dikenal: '" + std::string(url) +
           "'. Gunakan sqlite:PATH atau postgresql://...",
       "Unknown database URL: '" + std::string(url) + "'. Use sqlite:PATH or postgresql://..."},
      {}};
}

StorePool::Lease StorePool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  return Lease(*this, database_.Connect());
}

void StorePool::Return(std::unique_ptr<Store> store) {
  // The next borrower acts for someone else: a change it forgets to attribute must not be
  // credited to the last one.
  Actor unattributed;
  unattributed.name = "server";
  store->SetActor(unattributed);
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace lumbung
