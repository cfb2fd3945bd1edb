// Opening databases: migrations, their settings, and refusing schemas this program does not know.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "support/test_support.hpp"

namespace lumbung {
namespace {

std::string Pragma(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  std::string value;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

void Exec(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(Migrations, NewDatabaseIsMigratedAndInWalMode) {
  testing::TempDatabase db;
  EXPECT_GE(db.database().SchemaVersion(), 1);
  std::string path = (db.folder() / "lumbung.db").string();
  EXPECT_EQ(Pragma(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Pragma(path, "SELECT count(*) FROM schema_migrations"),
            std::to_string(db.database().SchemaVersion()));
}

TEST(Migrations, ConnectionsEnforceForeignKeys) {
  testing::TempDatabase db;
  Innovation orphan;
  orphan.region_code = "9999";
  orphan.agency_id = 12345;
  orphan.title = "Yatim";
  EXPECT_THROW((void)db.store().InsertInnovation(orphan), StorageError);
}

TEST(Migrations, RefusesASchemaNewerThanThisProgram) {
  testing::TempDatabase db;
  std::string path = (db.folder() / "lumbung.db").string();
  Exec(path, "INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future')");
  auto opened = OpenDatabase("sqlite:" + path, MigrationPolicy::kMigrate);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().title.en.find("newer than this program"), std::string::npos);
}

TEST(Migrations, ReopeningACurrentDatabaseChangesNothing) {
  testing::TempDatabase db;
  auto again = OpenDatabase(db.url(), MigrationPolicy::kRequireCurrent);
  ASSERT_TRUE(again);
  EXPECT_EQ((*again)->SchemaVersion(), db.database().SchemaVersion());
}

// A database as version 2 of the schema left it, with one agency in it.
void WriteVersionTwoDatabase(const std::string& path) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string sql =
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL DEFAULT '');";
  for (const auto& migration : storage::sqlite_migrations()) {
    if (migration.version > 2) break;
    sql += std::string(migration.sql) +
           ";\nINSERT INTO schema_migrations (version, name) VALUES (" +
           std::to_string(migration.version) + ", '" + std::string(migration.name) + "');";
  }
  sql +=
      "INSERT INTO regions (code, name, level, time_zone, created_at) VALUES ('3578', 'Kota "
      "Surabaya', 'kota', 'WIB', '2024-01-01T00:00:00Z');"
      "INSERT INTO agencies (region_code, name, name_key, kind, version, created_at, updated_at) "
      "VALUES ('3578', 'Dinas Kesehatan', 'dinas kesehatan', 'perangkat_daerah', 1, "
      "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');";
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST(Migrations, AgencyContactsComeEmptyToAnOlderDatabase) {
  testing::TempDatabase fresh;  // only for its folder
  std::string path = (fresh.folder() / "old.db").string();
  WriteVersionTwoDatabase(path);

  // Kept as it is until someone asks for the migration.
  auto refused = OpenDatabase("sqlite:" + path, MigrationPolicy::kRequireCurrent);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().title.en.find("lumbung migrate"), std::string::npos);

  auto migrated = OpenDatabase("sqlite:" + path, MigrationPolicy::kMigrate);
  ASSERT_TRUE(migrated) << migrated.error().title.en;
  EXPECT_EQ((*migrated)->SchemaVersion(), storage::sqlite_migrations().back().version);
  EXPECT_GE((*migrated)->SchemaVersion(), 4);
  auto store = (*migrated)->Connect();
  auto agency = store->FindAgencyByName("3578", "Dinas Kesehatan");
  ASSERT_TRUE(agency);
  EXPECT_EQ(agency->address, "");
  EXPECT_EQ(agency->phone, "");
  EXPECT_EQ(agency->email, "");
  EXPECT_EQ(agency->website, "");
  // And they can be written now.
  agency->email = "dinkes@surabaya.example";
  ASSERT_TRUE(store->UpdateAgency(*agency, agency->version));
  EXPECT_EQ(store->FindAgency(agency->id)->email, "dinkes@surabaya.example");
  // The covering index of the list holds the columns the new filters and facets read.
  EXPECT_EQ(Pragma(path,
                   "SELECT group_concat(name, ',') FROM pragma_index_info('innovations_filters') "
                   "WHERE name IN ('main_affair', 'replicated_from')"),
            "main_affair,replicated_from");
}

TEST(Migrations, UnknownUrlsAreRefusedWithAnExplanation) {
  auto opened = OpenDatabase("mysql://localhost/lumbung", MigrationPolicy::kMigrate);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().title.en.find("sqlite:PATH"), std::string::npos);
}

}  // namespace
}  // namespace lumbung
