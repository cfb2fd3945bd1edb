// Savepoints and read snapshots over either backend's connection, which offers InAutocommit,
// BeginWrite, Exec, ExecIgnoringErrors and kBeginRead (how it opens a read transaction).
#pragma once

namespace lumbung::storage {

// A nested transaction: rolled back unless released, inside or outside a transaction.
template <class Connection>
class BasicSavepoint {
 public:
  explicit BasicSavepoint(Connection& connection)
      : connection_(connection), outermost_(connection.InAutocommit()) {
    if (outermost_) {
      connection_.BeginWrite();
    } else {
      connection_.Exec("SAVEPOINT record");
    }
  }
  ~BasicSavepoint() {
    if (released_) return;
    connection_.ExecIgnoringErrors(outermost_ ? "ROLLBACK" : "ROLLBACK TO record; RELEASE record");
  }
  BasicSavepoint(const BasicSavepoint&) = delete;
  BasicSavepoint& operator=(const BasicSavepoint&) = delete;
  void Release() {
    connection_.Exec(outermost_ ? "COMMIT" : "RELEASE record");
    released_ = true;
  }

 private:
  Connection& connection_;
  bool outermost_;
  bool released_ = false;
};

// A read transaction: the reads inside it see one state of the database. Inside a caller's
// transaction it adds nothing, since that one already holds its snapshot.
template <class Connection>
class BasicReadSnapshot {
 public:
  explicit BasicReadSnapshot(Connection& connection)
      : connection_(connection), outermost_(connection.InAutocommit()) {
    if (outermost_) connection_.Exec(Connection::kBeginRead);
  }
  ~BasicReadSnapshot() {
    if (outermost_ && !ended_) connection_.ExecIgnoringErrors("ROLLBACK");
  }
  BasicReadSnapshot(const BasicReadSnapshot&) = delete;
  BasicReadSnapshot& operator=(const BasicReadSnapshot&) = delete;
  void End() {
    if (outermost_) connection_.Exec("COMMIT");
    ended_ = true;
  }

 private:
  Connection& connection_;
  bool outermost_;
  bool ended_ = false;
};

}  // namespace lumbung::storage
