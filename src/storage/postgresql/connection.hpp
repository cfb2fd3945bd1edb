// The thin layer over libpq that the PostgreSQL backend's classes share: statements prepared
// once per connection with their values bound (never spliced), one connection with its
// statement cache, savepoints and read snapshots. It offers what storage/sqlite/connection.hpp
// offers, so that the code both backends share (storage/sql_store.hpp) reads either.
//
// SQL is written as for SQLite, with numbered parameters (?1, ?2, ...); the connection turns
// them into PostgreSQL's $1, $2 when it prepares a statement.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/store.hpp"
#include "storage/transactions.hpp"

namespace lumbung::storage::postgresql {

// A statement's text in PostgreSQL's terms, and which parameters it never names: PostgreSQL
// cannot tell their type, so they are declared text.
struct Translated {
  std::string sql;
  std::vector<unsigned> types;  // one per parameter: 0 (inferred) or text's type id
};
Translated Translate(std::string_view sql);

class Connection;

// A statement with its bound values; it runs at the first Step or Execute.
class Statement {
 public:
  // A statement prepared on the server under `name`, or, without a name, one parsed with its
  // values at its one use, which owns its translation.
  Statement(Connection& connection, std::string name, const Translated* prepared);
  Statement(Connection& connection, std::unique_ptr<Translated> once);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::string_view text) {
    Slot(index) = std::string(text);
    return *this;
  }
  Statement& Bind(int index, std::int64_t value) {
    Slot(index) = std::to_string(value);
    return *this;
  }
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    if (value) return Bind(index, static_cast<std::int64_t>(*value));
    Slot(index).reset();
    return *this;
  }
  Statement& BindNullableText(int index, std::optional<std::string_view> text) {
    if (text) return Bind(index, *text);
    Slot(index).reset();
    return *this;
  }

  // Steps once: true while there is a row.
  bool Step();

  // What a write came to, as with SQLite: a unique key or a reference that refused it.
  enum class Outcome { kDone, kDuplicate, kStillReferenced };
  Outcome Execute();
  Statement& ExpectReferences() {
    referenced_is_expected_ = true;
    return *this;
  }

  std::string Text(int column) const {
    return std::string(PQgetvalue(result_, row_, column),
                       static_cast<std::size_t>(PQgetlength(result_, row_, column)));
  }
  // Integers, and booleans as 1 and 0.
  std::int64_t Int(int column) const;
  bool IsNull(int column) const { return PQgetisnull(result_, row_, column) != 0; }
  std::optional<std::int64_t> OptionalInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
  }

 private:
  std::optional<std::string>& Slot(int index);
  // Sends the statement; returns the SQLSTATE of a refusal, empty when it ran.
  std::string Run();
  [[noreturn]] void Fail(const char* what);

  Connection& connection_;
  std::string name_;
  std::unique_ptr<Translated> once_;
  const Translated* prepared_;
  std::vector<std::optional<std::string>> values_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  bool ran_ = false;
  bool referenced_is_expected_ = false;
};

// One connection to the server, with the statements it has prepared.
class Connection {
 public:
  // How a read transaction opens (storage/transactions.hpp).
  static constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

  // `url`: postgresql://user@host:port/database?...
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL without values: transactions, migrations.
  void Exec(const std::string& sql);
  void ExecIgnoringErrors(const char* sql) noexcept;

  // The statement for `sql`, prepared on the server once per connection.
  Statement Prepare(const std::string& sql);
  // A statement assembled from what a client asked: bound, and parsed for this one use.
  Statement PrepareOnce(const std::string& sql);

  // The id the last insert into a table with an identity column took.
  std::int64_t LastInsertId();
  bool InAutocommit() const { return PQtransactionStatus(handle_) == PQTRANS_IDLE; }
  // Whether a transaction of this connection has written, or may yet write, what it has not
  // committed: others cannot see it, and neither can anything derived from committed data.
  bool HoldsWrites() const { return writing_ && !InAutocommit(); }
  // Rows the last write changed.
  int Changes() const { return changes_; }
  PGconn* handle() const { return handle_; }

  // The change counter (change_counter). Read once per read snapshot, whose answer cannot
  // change: a search asks for it several times, and each ask is a round trip to the server.
  std::int64_t ChangeCounter();

  // Opens a write transaction once every other writer's has ended: PostgreSQL takes writes one
  // transaction at a time here, as SQLite does, because each change extends the one hash chain
  // of the audit trail, and the change counter is one row.
  void BeginWrite();

  // Called by Statement: a failure the caller cannot handle.
  [[noreturn]] void Fail(const std::string& what, PGresult* result);
  void SetChanges(int changes) { changes_ = changes; }

 private:
  PGconn* handle_ = nullptr;
  std::unordered_map<std::string, std::pair<std::string, std::unique_ptr<Translated>>> prepared_;
  int changes_ = 0;
  bool writing_ = false;  // whether the open transaction, if any, was begun by BeginWrite
  bool reading_ = false;  // whether the last statement without values opened a read snapshot
  std::optional<std::int64_t> counter_;  // the change counter that snapshot reads
};

using Savepoint = BasicSavepoint<Connection>;
using ReadSnapshot = BasicReadSnapshot<Connection>;

}  // namespace lumbung::storage::postgresql
