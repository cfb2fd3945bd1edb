#include "storage/postgresql/connection.hpp"

#include <charconv>
#include <set>

namespace lumbung::storage::postgresql {
namespace {

constexpr unsigned kTextType = 25;  // pg_type's oid of text

// SQLSTATEs a write may meet that are the caller's to handle.
constexpr std::string_view kUniqueViolation = "23505";
constexpr std::string_view kForeignKeyViolation = "23503";

// A number the writers' advisory lock goes by: "LUMBUNG" in letters' places.
constexpr std::int64_t kWriterLock = 0x4c554d42554e47;

}  // namespace

Translated Translate(std::string_view sql) {
  Translated out;
  std::set<int> named;
  int highest = 0;
  bool quoted = false;
  for (std::size_t k = 0; k < sql.size(); ++k) {
    const char c = sql[k];
    if (c == '\'') quoted = !quoted;
    if (c != '?' || quoted) {
      out.sql += c;
      continue;
    }
    std::size_t end = k + 1;
    while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
    int number = 0;
    std::from_chars(sql.data() + k + 1, sql.data() + end, number);
    if (number <= 0)
      throw StorageError("postgresql: a parameter without its number: " + std::string(sql));
    named.insert(number);
    highest = std::max(highest, number);
    out.sql += '$';
    out.sql.append(sql.substr(k + 1, end - k - 1));
    k = end - 1;
  }
  out.types.assign(static_cast<std::size_t>(highest), 0);
  for (int number = 1; number <= highest; ++number) {
    if (!named.contains(number)) out.types[number - 1] = kTextType;
  }
  return out;
}

Statement::Statement(Connection& connection, std::string name, const Translated* prepared)
    : connection_(connection),
      name_(std::move(name)),
      prepared_(prepared),
      values_(prepared->types.size()) {}

Statement::Statement(Connection& connection, std::unique_ptr<Translated> once)
    : connection_(connection),
      once_(std::move(once)),
      prepared_(once_.get()),
      values_(prepared_->types.size()) {}

Statement::~Statement() { PQclear(result_); }

std::optional<std::string>& Statement::Slot(int index) {
  if (index < 1 || static_cast<std::size_t>(index) > values_.size()) {
    throw StorageError("postgresql: no parameter " + std::to_string(index));
  }
  return values_[static_cast<std::size_t>(index) - 1];
}

std::string Statement::Run() {
  std::vector<const char*> values;
  values.reserve(values_.size());
  for (const auto& value : values_) values.push_back(value ? value->c_str() : nullptr);
  const int count = static_cast<int>(values.size());
  if (name_.empty()) {
    result_ = PQexecParams(connection_.handle(), prepared_->sql.c_str(), count,
                           prepared_->types.data(), values.data(), nullptr, nullptr, 0);
  } else {
    result_ = PQexecPrepared(connection_.handle(), name_.c_str(), count, values.data(), nullptr,
                             nullptr, 0);
  }
  ran_ = true;
  const auto status = PQresultStatus(result_);
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
    const char* changed = PQcmdTuples(result_);
    connection_.SetChanges(*changed ? std::atoi(changed) : 0);
    return "";
  }
  const char* state = PQresultErrorField(result_, PG_DIAG_SQLSTATE);
  return state ? state : "?";
}

bool Statement::Step() {
  if (!ran_) {
    if (std::string refused = Run(); !refused.empty()) {
      Fail("statement refused");
    }
  }
  ++row_;
  return row_ < PQntuples(result_);
}

Statement::Outcome Statement::Execute() {
  const std::string refused = Run();
  if (refused.empty()) return Outcome::kDone;
  if (refused == kUniqueViolation) return Outcome::kDuplicate;
  if (refused == kForeignKeyViolation && referenced_is_expected_) {
    return Outcome::kStillReferenced;
  }
  Fail("write refused");
}

void Statement::Fail(const char* what) {
  PGresult* failed = result_;
  result_ = nullptr;
  connection_.Fail(what, failed);
}

std::int64_t Statement::Int(int column) const {
  const char* text = PQgetvalue(result_, row_, column);
  if (text[0] == 't' && text[1] == '\0') return 1;
  if (text[0] == 'f' && text[1] == '\0') return 0;
  std::int64_t value = 0;
  std::from_chars(text, text + PQgetlength(result_, row_, column), value);
  return value;
}

Connection::Connection(const std::string& url) {
  handle_ = PQconnectdb(url.c_str());
  if (PQstatus(handle_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(handle_);
    PQfinish(handle_);
    handle_ = nullptr;
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw StorageError("postgresql: cannot connect: " + message);
  }
  Exec("SET client_min_messages = warning");
}

Connection::~Connection() { PQfinish(handle_); }

void Connection::Exec(const std::string& sql) {
  if (sql == kBeginRead) writing_ = false;
  reading_ = sql == kBeginRead;
  counter_.reset();
  PGresult* result = PQexec(handle_, sql.c_str());
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail("cannot run", result);
  PQclear(result);
}

void Connection::ExecIgnoringErrors(const char* sql) noexcept {
  reading_ = false;
  counter_.reset();
  PQclear(PQexec(handle_, sql));
}

std::int64_t Connection::ChangeCounter() {
  const bool in_snapshot = reading_ && !InAutocommit();
  if (in_snapshot && counter_) return *counter_;
  auto s = Prepare("SELECT counter FROM change_counter");
  const std::int64_t counter = s.Step() ? s.Int(0) : 0;
  if (in_snapshot) counter_ = counter;
  return counter;
}

Statement Connection::Prepare(const std::string& sql) {
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    auto translated = std::make_unique<Translated>(Translate(sql));
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    PGresult* result =
        PQprepare(handle_, name.c_str(), translated->sql.c_str(),
                  static_cast<int>(translated->types.size()), translated->types.data());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) Fail("cannot prepare", result);
    PQclear(result);
    found = prepared_.emplace(sql, std::make_pair(std::move(name), std::move(translated))).first;
  }
  return Statement(*this, found->second.first, found->second.second.get());
}

Statement Connection::PrepareOnce(const std::string& sql) {
  return Statement(*this, std::make_unique<Translated>(Translate(sql)));
}

std::int64_t Connection::LastInsertId() {
  auto s = Prepare("SELECT lastval()");
  if (!s.Step()) throw StorageError("postgresql: no id was taken");
  return s.Int(0);
}

void Connection::BeginWrite() {
  Exec("BEGIN");
  writing_ = true;
  auto s = Prepare("SELECT pg_advisory_xact_lock(?1)");
  s.Bind(1, kWriterLock);
  s.Step();
}

void Connection::Fail(const std::string& what, PGresult* result) {
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(handle_);
  if (message.empty()) message = PQerrorMessage(handle_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  PQclear(result);
  throw StorageError("postgresql: " + what + ": " + message);
}

}  // namespace lumbung::storage::postgresql
