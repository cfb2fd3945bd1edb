// Opening databases: migrations, their settings, and refusing schemas this program does not know.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "storage/database.hpp"
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

TEST(Migrations, UnknownUrlsAreRefusedWithAnExplanation) {
  auto opened = OpenDatabase("mysql://localhost/lumbung", MigrationPolicy::kMigrate);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().title.en.find("sqlite:PATH"), std::string::npos);
}

}  // namespace
}  // namespace lumbung
