// The deadline-day load on a running `lumbung serve`: many operators at once, each signed in
// with a browser session, creating drafts, saving them again and again and submitting them, with
// the public reading the catalogue beside them. bench/deadline.sh drives it. Two commands:
//
//   lumbung-deadline-bench run --url http://127.0.0.1:PORT --region CODE --admin NAME
//       --password-file FILE --ledger FILE [--operators N] [--readers N] [--seconds N]
//     Signs in as the region admin, creates N operator accounts over the region's agencies,
//     runs the load and writes every acknowledged write to the ledger: per innovation, the last
//     version, summary and status the server confirmed. Prints one JSON object: requests,
//     failures and latency percentiles per kind of request.
//
//     With --read-regions all the readers go round every region of the installation.
//
//   lumbung-deadline-bench national --db postgresql://... [--regions 546] [--per-region 46]
//       [--copies 40]
//     Builds the national installation: see national_corpus.cpp.
//
//   lumbung-deadline-bench verify --db URL --ledger FILE --region CODE
//     Opens the database (after the server has stopped) and checks that every acknowledged write
//     is there, exactly as acknowledged, and that no unacknowledged draft appeared. Exit 1 when
//     anything is missing or different.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <latch>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "domain/enums.hpp"
#include "national_corpus.hpp"
#include "storage/database.hpp"

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// The title every draft of the benchmark starts with, so that verify can find them all.
constexpr std::string_view kTitlePrefix = "Tenggat ";

// ---- a minimal HTTP/1.1 client over one keep-alive connection -------------------------------

struct Reply {
  int status = 0;                              // 0: the connection failed
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

class Connection {
 public:
  Connection(std::string host, int port) : host_(std::move(host)), port_(port) {}
  ~Connection() { Close(); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Reply Send(const std::string& method, const std::string& target, const std::string& body = "",
             const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    Reply reply;
    if (fd_ < 0 && !Open()) return reply;
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: " + host_ + "\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    if (!body.empty()) {
      request +=
          "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
          "\r\n";
    }
    request += "\r\n" + body;
    if (!WriteAll(request) || !Read(reply)) {
      Close();
      reply.status = 0;
    }
    return reply;
  }

 private:
  bool Open() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return false;
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    if (::inet_pton(AF_INET, host_.c_str(), &address.sin_addr) != 1 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      Close();
      return false;
    }
    buffer_.clear();
    return true;
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  bool WriteAll(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // Reads more bytes into buffer_; false when the connection ended.
  bool Fill() {
    char chunk[16384];
    ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(got));
    return true;
  }

  bool Read(Reply& reply) {
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return false;
    }
    std::istringstream head(buffer_.substr(0, end));
    std::string line;
    std::getline(head, line);
    if (line.size() < 12) return false;
    reply.status = std::atoi(line.c_str() + 9);
    while (std::getline(head, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      if (name == "set-cookie" && reply.headers.count(name)) {
        reply.headers[name] += "\n" + value;
      } else {
        reply.headers[name] = value;
      }
    }
    std::size_t length = 0;
    if (auto found = reply.headers.find("content-length"); found != reply.headers.end()) {
      length = std::stoul(found->second);
    }
    buffer_.erase(0, end + 4);
    while (buffer_.size() < length) {
      if (!Fill()) return false;
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    if (reply.headers["connection"] == "close") Close();
    return true;
  }

  std::string host_;
  int port_;
  int fd_ = -1;
  std::string buffer_;
};

// A signed-in browser: its session cookie and CSRF token.
struct Session {
  std::string cookie;
  std::string csrf;

  std::vector<std::pair<std::string, std::string>> Headers(bool writes) const {
    std::vector<std::pair<std::string, std::string>> headers{{"Cookie", cookie}};
    if (writes) headers.emplace_back("X-CSRF-Token", csrf);
    return headers;
  }
};

// Signs in, waiting as asked while the server sheds password checks ("503, Retry-After").
std::optional<Session> SignIn(Connection& connection, const std::string& username,
                              const std::string& password) {
  Reply reply;
  for (int attempt = 0; attempt < 60; ++attempt) {
    reply = connection.Send("POST", "/api/v1/session",
                            Json{{"username", username}, {"password", password}}.dump());
    if (reply.status != 503) break;
    const std::string& wait = reply.headers["retry-after"];
    std::this_thread::sleep_for(std::chrono::seconds(wait.empty() ? 1 : std::atoi(wait.c_str())));
  }
  if (reply.status != 200) {
    std::cerr << "sign-in of " << username << " failed: " << reply.status << " " << reply.body
              << "\n";
    return std::nullopt;
  }
  std::string cookie;
  std::istringstream cookies(reply.headers["set-cookie"]);
  for (std::string line; std::getline(cookies, line);) {
    if (line.starts_with("lumbung_session=")) cookie = line.substr(0, line.find(';'));
  }
  return Session{cookie, Json::parse(reply.body).value("csrf_token", "")};
}

// ---- what the run measures --------------------------------------------------------------------

enum Kind { kCreate, kSave, kSubmit, kOpen, kList, kFilter, kSearch, kKinds };
const char* kKindNames[] = {"create", "save", "submit", "open", "list", "filter", "search"};

struct Tally {
  std::vector<double> millis[kKinds];
  long failures[kKinds] = {};
  std::vector<std::string> first_errors;

  void Add(Kind kind, Clock::time_point started, const Reply& reply, int expected) {
    millis[kind].push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    if (reply.status != expected) {
      ++failures[kind];
      if (first_errors.size() < 5) {
        first_errors.push_back(std::string(kKindNames[kind]) + ": " + std::to_string(reply.status) +
                               " " + reply.body.substr(0, 300));
      }
    }
  }
};

// The last state of one draft the server confirmed; `certain` is false when a request on it
// got no answer, so nobody knows whether it was applied.
struct Acknowledged {
  long long id = 0;
  long long version = 0;
  std::string status;
  std::string summary;
  bool certain = true;
};

double Percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  std::size_t at = std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()));
  std::nth_element(values.begin(), values.begin() + static_cast<long>(at), values.end());
  return values[at];
}

// ---- one operator ---------------------------------------------------------------------------

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string region;
  std::string admin;
  std::string password;
  std::string ledger;
  int operators = 200;
  int readers = 8;
  int seconds = 60;
  // The regions the readers read, in turn: "" for `region` only, or all of the installation.
  bool read_all_regions = false;
  std::vector<std::string> read_regions;
  std::vector<int> pauses_ms{1000, 0};
};

// Pauses like a person: `pause_ms` on average, anywhere from half to one and a half of it, so
// that people who start together do not stay in step.
class Pacer {
 public:
  Pacer(int pause_ms, unsigned seed) : pause_ms_(pause_ms), random_(seed) {}
  void Pause() {
    if (pause_ms_ <= 0) return;
    std::uniform_int_distribution<int> spread(pause_ms_ / 2, pause_ms_ * 3 / 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(spread(random_)));
  }

 private:
  int pause_ms_;
  std::mt19937 random_;
};

// The start line of the measured load: everyone signs in first (in the morning, not at the
// deadline), then all start together.
struct StartLine {
  explicit StartLine(int people) : ready(people) {}
  std::latch ready;
  std::latch go{1};
  Clock::time_point until;  // written before go opens
};

void Operate(const Options& options, const std::string& username, long long agency_id, int pause_ms,
             StartLine& start, Tally& tally, std::vector<Acknowledged>& ledger) {
  Connection connection(options.host, options.port);
  auto session = SignIn(connection, username, options.password);
  start.ready.count_down();
  start.go.wait();
  if (!session) {
    ++tally.failures[kCreate];
    return;
  }
  const Clock::time_point until = start.until;
  Pacer pacer(pause_ms, static_cast<unsigned>(std::hash<std::string>()(username)));
  auto think = [&pacer] { pacer.Pause(); };
  const char* sections[] = {"background", "design", "goals", "benefits"};
  for (int round = 1; Clock::now() < until; ++round) {
    std::string tag = username + "-" + std::to_string(round);
    Json draft = {{"agency_id", agency_id},
                  {"title", std::string(kTitlePrefix) + tag},
                  {"type", "method"},
                  {"form", "public_service"},
                  {"year", 2026}};
    think();
    auto started = Clock::now();
    Reply reply =
        connection.Send("POST", "/api/v1/innovations", draft.dump(), session->Headers(true));
    tally.Add(kCreate, started, reply, 201);
    if (reply.status != 201) {
      if (reply.status == 0) {
        // The draft may exist without anyone knowing its number: verify counts it.
        ledger.push_back({0, 0, "", "", false});
      }
      continue;
    }
    Json created = Json::parse(reply.body);
    Acknowledged record{created["id"].get<long long>(), created["version"].get<long long>(),
                        "draft", "", true};
    ledger.push_back(record);
    Acknowledged& acknowledged = ledger.back();
    std::string location = "/api/v1/innovations/" + std::to_string(acknowledged.id);

    // The editor opens the form, then saves it section by section.
    think();
    started = Clock::now();
    reply = connection.Send("GET", location, "", session->Headers(false));
    tally.Add(kOpen, started, reply, 200);
    bool whole = true;
    for (const char* section : sections) {
      if (Clock::now() >= until) break;
      std::string summary = "Disimpan " + tag + " " + section;
      Json change = {{section, std::string("Isian ") + section + " untuk " + tag + "."},
                     {"summary", summary}};
      auto headers = session->Headers(true);
      headers.emplace_back("If-Match", "\"" + std::to_string(acknowledged.version) + "\"");
      think();
      started = Clock::now();
      reply = connection.Send("PATCH", location, change.dump(), headers);
      tally.Add(kSave, started, reply, 200);
      if (reply.status == 200) {
        acknowledged.version = Json::parse(reply.body)["version"].get<long long>();
        acknowledged.summary = summary;
      } else {
        if (reply.status == 0) acknowledged.certain = false;
        whole = false;
        break;
      }
    }
    if (!whole || Clock::now() >= until) continue;
    think();
    started = Clock::now();
    reply = connection.Send("POST", location + "/transitions", R"({"action":"submit"})",
                            session->Headers(true));
    tally.Add(kSubmit, started, reply, 200);
    if (reply.status == 200) {
      Json submitted = Json::parse(reply.body);
      acknowledged.version = submitted["version"].get<long long>();
      acknowledged.status = submitted["status"].get<std::string>();
    } else if (reply.status == 0) {
      acknowledged.certain = false;
    }
  }
}

// A citizen on the portal's API: the newest of the region, a filtered list, a search, each
// after `pause_ms`.
void Read(const Options& options, int reader, int pause_ms, StartLine& start, Tally& tally) {
  Connection connection(options.host, options.port);
  start.ready.count_down();
  start.go.wait();
  const Clock::time_point until = start.until;
  Pacer pacer(pause_ms, static_cast<unsigned>(reader) + 1);
  auto think = [&pacer] { pacer.Pause(); };
  const char* words[] = {"pelayanan", "kesehatan", "sampah", "izin", "pendidikan",
                         "pasar",     "air",       "desa",   "anak", "digital"};
  const char* types[] = {"method", "product", "process", "technology", "conceptual"};
  for (int i = reader; Clock::now() < until; ++i) {
    // Readers go round the regions from different starting points.
    const auto& regions = options.read_regions;
    std::string region =
        "region=" +
        regions[(static_cast<std::size_t>(reader) * 7919 + static_cast<std::size_t>(i)) %
                regions.size()];
    think();
    auto started = Clock::now();
    Reply reply = connection.Send("GET", "/api/v1/innovations?per_page=20&" + region);
    tally.Add(kList, started, reply, 200);
    think();
    started = Clock::now();
    reply = connection.Send("GET", "/api/v1/innovations?per_page=20&" + region + "&type=" +
                                       types[i % 5] + "&year=" + std::to_string(2019 + i % 6));
    tally.Add(kFilter, started, reply, 200);
    think();
    started = Clock::now();
    reply = connection.Send(
        "GET", "/api/v1/innovations?per_page=20&facets=true&" + region + "&q=" + words[i % 10]);
    tally.Add(kSearch, started, reply, 200);
  }
}

// Creates the operators: the i-th works for the i-th agency of the region, round the list.
std::optional<std::vector<std::pair<std::string, long long>>> CreateOperators(
    const Options& options) {
  Connection connection(options.host, options.port);
  auto admin = SignIn(connection, options.admin, options.password);
  if (!admin) return std::nullopt;
  Reply agencies = connection.Send("GET", "/api/v1/regions/" + options.region + "/agencies");
  if (agencies.status != 200) {
    std::cerr << "cannot list the agencies: " << agencies.status << " " << agencies.body << "\n";
    return std::nullopt;
  }
  std::vector<long long> ids;
  Json listed = Json::parse(agencies.body);
  for (const auto& agency : listed.is_array() ? listed : listed["items"]) {
    ids.push_back(agency["id"].get<long long>());
  }
  if (ids.empty()) {
    std::cerr << "region " << options.region << " has no agencies\n";
    return std::nullopt;
  }
  std::vector<std::pair<std::string, long long>> operators;
  for (int i = 0; i < options.operators; ++i) {
    std::string username = "tenggat-" + std::to_string(i + 1);
    long long agency = ids[static_cast<std::size_t>(i) % ids.size()];
    Json user = {{"username", username},
                 {"display_name", "Operator " + std::to_string(i + 1)},
                 {"password", options.password},
                 {"roles", {{{"role", "agency_operator"}, {"agency_id", agency}}}}};
    Reply reply = connection.Send("POST", "/api/v1/regions/" + options.region + "/users",
                                  user.dump(), admin->Headers(true));
    if (reply.status != 201) {
      std::cerr << "cannot create " << username << ": " << reply.status << " " << reply.body
                << "\n";
      return std::nullopt;
    }
    operators.emplace_back(username, agency);
  }
  return operators;
}

// One measured phase: every operator pausing `pause_ms` before each request (a person reading
// and typing; 0: flat out), the readers a tenth of it. Adds to the ledgers; returns the figures.
Json RunPhase(const Options& options, const std::vector<std::pair<std::string, long long>>& people,
              int pause_ms, std::vector<std::vector<Acknowledged>>& ledgers) {
  int threads = options.operators + options.readers;
  std::vector<Tally> tallies(static_cast<std::size_t>(threads));
  StartLine start(threads);
  std::vector<std::thread> running;
  for (int i = 0; i < options.operators; ++i) {
    auto index = static_cast<std::size_t>(i);
    running.emplace_back([&, index] {
      Operate(options, people[index].first, people[index].second, pause_ms, start, tallies[index],
              ledgers[index]);
    });
  }
  for (int i = 0; i < options.readers; ++i) {
    auto index = static_cast<std::size_t>(options.operators + i);
    running.emplace_back([&, i, index] { Read(options, i, pause_ms / 10, start, tallies[index]); });
  }
  start.ready.wait();
  auto started = Clock::now();
  start.until = started + std::chrono::seconds(options.seconds);
  start.go.count_down();
  for (auto& thread : running) thread.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - started).count();

  Json result = {{"pause_ms", pause_ms}, {"seconds", elapsed}};
  long total = 0, failures = 0;
  std::vector<std::string> errors;
  std::vector<double> writes;
  for (int kind = 0; kind < kKinds; ++kind) {
    std::vector<double> all;
    long failed = 0;
    for (auto& tally : tallies) {
      all.insert(all.end(), tally.millis[kind].begin(), tally.millis[kind].end());
      failed += tally.failures[kind];
    }
    if (kind == kCreate || kind == kSave || kind == kSubmit) {
      writes.insert(writes.end(), all.begin(), all.end());
    }
    total += static_cast<long>(all.size());
    failures += failed;
    result["kinds"][kKindNames[kind]] = {{"requests", all.size()},
                                         {"failures", failed},
                                         {"p50_ms", Percentile(all, 0.50)},
                                         {"p99_ms", Percentile(all, 0.99)},
                                         {"max_ms", Percentile(all, 1.0)}};
  }
  for (auto& tally : tallies) {
    for (auto& error : tally.first_errors) {
      if (errors.size() < 10) errors.push_back(error);
    }
  }
  result["writes"] = {{"requests", writes.size()},
                      {"per_second", static_cast<double>(writes.size()) / elapsed},
                      {"p50_ms", Percentile(writes, 0.50)},
                      {"p99_ms", Percentile(writes, 0.99)}};
  result["requests"] = total;
  result["requests_per_second"] = static_cast<double>(total) / elapsed;
  result["failures"] = failures;
  result["first_errors"] = errors;
  return result;
}

// The regions the readers read: the installation's, or only the operators' own.
bool FindReadRegions(Options& options) {
  options.read_regions = {options.region};
  if (!options.read_all_regions) return true;
  Connection connection(options.host, options.port);
  Reply reply = connection.Send("GET", "/api/v1/regions");
  if (reply.status != 200) {
    std::cerr << "cannot list the regions: " << reply.status << "\n";
    return false;
  }
  Json listed = Json::parse(reply.body);
  options.read_regions.clear();
  for (const auto& region : listed.is_array() ? listed : listed["items"]) {
    options.read_regions.push_back(region["code"].get<std::string>());
  }
  return !options.read_regions.empty();
}

int Run(Options options) {
  if (!FindReadRegions(options)) return 1;
  auto people = CreateOperators(options);
  if (!people) return 1;
  std::vector<std::vector<Acknowledged>> ledgers(static_cast<std::size_t>(options.operators));
  Json result = {{"operators", options.operators},
                 {"readers", options.readers},
                 {"read_regions", options.read_regions.size()}};
  for (int pause_ms : options.pauses_ms) {
    result["phases"].push_back(RunPhase(options, *people, pause_ms, ledgers));
  }

  std::ofstream ledger(options.ledger);
  long long acknowledged = 0, uncertain = 0;
  for (const auto& one : ledgers) {
    for (const auto& record : one) {
      ledger << record.id << '\t' << record.version << '\t' << record.status << '\t'
             << record.certain << '\t' << record.summary << '\n';
      ++(record.certain ? acknowledged : uncertain);
    }
  }
  if (!ledger.flush()) {
    std::cerr << "cannot write the ledger " << options.ledger << "\n";
    return 1;
  }
  result["drafts"] = acknowledged;
  result["uncertain"] = uncertain;
  std::cout << result.dump() << std::endl;
  return 0;
}

// ---- verify -----------------------------------------------------------------------------------

int Verify(const std::string& url, const std::string& ledger_path, const std::string& region) {
  auto database = lumbung::OpenDatabase(url, lumbung::MigrationPolicy::kRequireCurrent);
  if (!database) {
    std::cerr << "cannot open " << url << ": " << database.error().title.en << "\n";
    return 1;
  }
  auto store = (*database)->Connect();
  std::ifstream ledger(ledger_path);
  if (!ledger) {
    std::cerr << "cannot read the ledger " << ledger_path << "\n";
    return 1;
  }
  long long checked = 0, lost = 0, uncertain = 0;
  std::vector<long long> known;
  for (std::string line; std::getline(ledger, line);) {
    std::istringstream fields(line);
    std::string id, version, status, certain, summary;
    std::getline(fields, id, '\t');
    std::getline(fields, version, '\t');
    std::getline(fields, status, '\t');
    std::getline(fields, certain, '\t');
    std::getline(fields, summary);
    if (certain != "1") {
      ++uncertain;
      continue;
    }
    ++checked;
    known.push_back(std::stoll(id));
    auto stored = store->FindInnovation(std::stoll(id));
    std::string problem;
    if (!stored) {
      problem = "missing";
    } else if (stored->version != std::stoll(version)) {
      problem = "version " + std::to_string(stored->version) + ", acknowledged " + version;
    } else if (lumbung::ToString(stored->status) != status) {
      problem =
          "status " + std::string(lumbung::ToString(stored->status)) + ", acknowledged " + status;
    } else if (stored->summary != summary) {
      problem = "summary \"" + stored->summary + "\", acknowledged \"" + summary + "\"";
    }
    if (!problem.empty()) {
      if (++lost <= 10) std::cerr << "innovation " << id << ": " << problem << "\n";
    }
  }
  // Every benchmark draft in the database must be one the server acknowledged (or one whose
  // answer was lost in flight).
  std::sort(known.begin(), known.end());
  long long in_database = 0, unknown = 0;
  store->ForEachInnovation(region, [&](const lumbung::Innovation& innovation) {
    if (!innovation.title.starts_with(kTitlePrefix)) return;
    ++in_database;
    if (!std::binary_search(known.begin(), known.end(), innovation.id)) ++unknown;
  });
  Json result = {{"acknowledged", checked},
                 {"lost_or_different", lost},
                 {"uncertain", uncertain},
                 {"in_database", in_database},
                 {"unacknowledged_in_database", unknown}};
  std::cout << result.dump() << std::endl;
  return lost == 0 && unknown <= uncertain ? 0 : 1;
}

int Usage() {
  std::cerr << "usage: lumbung-deadline-bench run --url http://127.0.0.1:PORT --region CODE "
               "--admin NAME --password-file FILE --ledger FILE [--operators N] [--readers N] "
               "[--seconds N] [--pauses-ms 1000,0] [--read-regions all]\n"
               "       lumbung-deadline-bench national --db postgresql://... [--regions 546] "
               "[--per-region 46] [--copies 40]\n"
               "       lumbung-deadline-bench verify --db URL --ledger FILE --region CODE\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  std::map<std::string, std::string> args;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string name = argv[i];
    if (!name.starts_with("--")) return Usage();
    args[name.substr(2)] = argv[i + 1];
  }
  auto take = [&](const std::string& name) {
    auto found = args.find(name);
    return found == args.end() ? std::string() : found->second;
  };
  std::string command = argv[1];
  try {
    if (command == "national") {
      if (take("db").empty()) return Usage();
      return lumbung::bench::BuildNationalCorpus(
          take("db"), take("regions").empty() ? 546 : std::stoi(take("regions")),
          take("per-region").empty() ? 46 : std::stoi(take("per-region")),
          take("copies").empty() ? 40 : std::stoi(take("copies")));
    }
    if (command == "verify") {
      if (take("db").empty() || take("ledger").empty() || take("region").empty()) return Usage();
      return Verify(take("db"), take("ledger"), take("region"));
    }
    if (command != "run") return Usage();
    Options options;
    std::string url = take("url");
    if (!url.starts_with("http://") || url.rfind(':') < 7) return Usage();
    options.host = url.substr(7, url.rfind(':') - 7);
    options.port = std::stoi(url.substr(url.rfind(':') + 1));
    options.region = take("region");
    options.admin = take("admin");
    options.ledger = take("ledger");
    std::ifstream password(take("password-file"));
    std::getline(password, options.password);
    if (options.region.empty() || options.admin.empty() || options.ledger.empty() ||
        options.password.empty()) {
      return Usage();
    }
    if (!take("operators").empty()) options.operators = std::stoi(take("operators"));
    if (!take("readers").empty()) options.readers = std::stoi(take("readers"));
    options.read_all_regions = take("read-regions") == "all";
    if (!take("seconds").empty()) options.seconds = std::stoi(take("seconds"));
    if (!take("pauses-ms").empty()) {
      options.pauses_ms.clear();
      std::istringstream list(take("pauses-ms"));
      for (std::string one; std::getline(list, one, ',');)
        options.pauses_ms.push_back(std::stoi(one));
    }
    return Run(options);
  } catch (const std::exception& error) {
    std::cerr << "lumbung-deadline-bench: " << error.what() << "\n";
    return 1;
  }
}
