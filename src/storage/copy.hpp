// Moving a whole installation from one database to another (lumbung copy): SQLite to
// PostgreSQL when a region joins a provincial installation, or back.
#pragma once

#include <string>
#include <vector>

#include "domain/result.hpp"
#include "storage/database.hpp"

namespace lumbung::storage {

// What one table came to: its rows and a checksum of their values, the same on both sides.
struct CopiedTable {
  std::string name;
  long long rows = 0;
  std::string checksum;  // 16 hex digits: the sum of each row's SHA-256, so order-free
};

// The tables an installation consists of, in the order they are copied. Derived data (the
// full-text index, the change counter) is not copied: the target builds its own.
const std::vector<StoredTable>& InstallationTables();

// Copies every row of `from` into `to`, which must hold no region and no user yet, in one
// transaction on `to`; reads `to` back and compares the rows and checksums of every table
// before it commits, then builds its search index. Nothing is left in `to` when anything
// fails. `from` is held still (no writer runs on it) while it is read.
Result<std::vector<CopiedTable>> CopyInstallation(Database& from, Database& to);

}  // namespace lumbung::storage
