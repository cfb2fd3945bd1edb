// The thin layer over SQLite's C API that the backend's classes share: prepared statements,
// one connection with its statement cache, savepoints and read snapshots.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/store.hpp"
#include "storage/transactions.hpp"

namespace lumbung::storage::sqlite {

// A prepared statement, reset when the handle goes so the cached statement can run again.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, bool owned = false)
      : db_(db), stmt_(stmt), owned_(owned) {}
  ~Statement() {
    if (owned_) {
      sqlite3_finalize(stmt_);
      return;
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::string_view text) {
    Check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                            SQLITE_TRANSIENT));
    return *this;
  }
  Statement& Bind(int index, std::int64_t value) {
    Check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    if (value) return Bind(index, static_cast<std::int64_t>(*value));
    Check(sqlite3_bind_null(stmt_, index));
    return *this;
  }
  Statement& BindNullableText(int index, std::optional<std::string_view> text) {
    if (text) return Bind(index, *text);
    Check(sqlite3_bind_null(stmt_, index));
    return *this;
  }

  // Steps once: true while there is a row.
  bool Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Fail(rc);
  }
  // What a write came to. Other failures throw: the domain checks references before it
  // writes, so a broken one means a bug or a race, not bad input.
  enum class Outcome { kDone, kDuplicate, kStillReferenced };

  // Runs a statement that returns no rows.
  Outcome Execute() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return Outcome::kDone;
    int extended = sqlite3_extended_errcode(db_);
    if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
      return Outcome::kDuplicate;
    }
    if (extended == SQLITE_CONSTRAINT_FOREIGNKEY && referenced_is_expected_) {
      return Outcome::kStillReferenced;
    }
    Fail(rc);
  }

  // A delete may meet rows that still point at the record: that is a conflict, not a bug.
  Statement& ExpectReferences() {
    referenced_is_expected_ = true;
    return *this;
  }

  std::string Text(int column) const {
    auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return text ? std::string(text, sqlite3_column_bytes(stmt_, column)) : std::string();
  }
  // The text without a copy, valid until the statement steps again.
  std::string_view TextView(int column) const {
    auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return text ? std::string_view(text, sqlite3_column_bytes(stmt_, column)) : std::string_view();
  }
  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::optional<std::int64_t> OptionalInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
  }

 private:
  void Check(int rc) {
    if (rc != SQLITE_OK) Fail(rc);
  }
  [[noreturn]] void Fail(int rc) {
    throw StorageError(std::string("sqlite: ") + sqlite3_errstr(rc) + ": " + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool owned_ = false;
  bool referenced_is_expected_ = false;
};

// One open SQLite connection with its prepared statements.
class Connection {
 public:
  // How a read transaction opens (storage/transactions.hpp).
  static constexpr const char* kBeginRead = "BEGIN";

  explicit Connection(const std::string& path) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw StorageError("sqlite: cannot open " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    Exec(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
        "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000;");
  }
  ~Connection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw StorageError("sqlite: " + message);
    }
  }

  // Opens a write transaction. It takes the write lock at once: a read followed by a write in a
  // deferred transaction could meet another writer's commit in between and fail.
  void BeginWrite() { Exec("BEGIN IMMEDIATE"); }

  // For destructors: a failure here has nowhere to go, and SQLite rolls back on close anyway.
  void ExecIgnoringErrors(const char* sql) noexcept {
    sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  }

  // The prepared statement for `sql`, prepared once per connection.
  Statement Prepare(const std::string& sql) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
          SQLITE_OK) {
        throw StorageError(std::string("sqlite: cannot prepare: ") + sqlite3_errmsg(db_));
      }
      found = statements_.emplace(sql, stmt).first;
    }
    return Statement(db_, found->second);
  }

  // A statement assembled from what a client asked (a list's filters): prepared for one use
  // and finalised after it, since the number of such texts has no useful bound.
  Statement PrepareOnce(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, 0, &stmt, nullptr) != SQLITE_OK) {
      throw StorageError(std::string("sqlite: cannot prepare: ") + sqlite3_errmsg(db_));
    }
    return Statement(db_, stmt, true);
  }

  std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  bool InAutocommit() const { return sqlite3_get_autocommit(db_) != 0; }
  // Whether a transaction of this connection has written, or may yet write, what it has not
  // committed: others cannot see it, and neither can anything derived from committed data.
  bool HoldsWrites() const { return sqlite3_txn_state(db_, "main") == SQLITE_TXN_WRITE; }
  sqlite3* handle() const { return db_; }
  // The change counter (change_counter).
  std::int64_t ChangeCounter() {
    auto s = Prepare("SELECT counter FROM change_counter");
    return s.Step() ? s.Int(0) : 0;
  }
  int Changes() const { return sqlite3_changes(db_); }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

using Savepoint = BasicSavepoint<Connection>;
using ReadSnapshot = BasicReadSnapshot<Connection>;

}  // namespace lumbung::storage::sqlite
