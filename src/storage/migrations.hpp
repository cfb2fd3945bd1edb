// Numbered schema migrations, one list per SQL dialect, embedded from migrations/<dialect>/.
#pragma once

#include <string_view>
#include <vector>

namespace lumbung::storage {

// One migration: its number, its file name, and the SQL that applies it.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// The SQLite migrations, in order.
const std::vector<Migration>& sqlite_migrations();
// The PostgreSQL migrations, in order.
const std::vector<Migration>& postgresql_migrations();

}  // namespace lumbung::storage
