#include "cli/commands.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/accounts_commands.hpp"
#include "cli/args.hpp"
#include "cli/database.hpp"
#include "demo/demo.hpp"
#include "demo/demo_accounts.hpp"
#include "domain/registry.hpp"
#include "exchange/importer.hpp"
#include "http/api.hpp"
#include "http/handler_support.hpp"
#include "http/server.hpp"
#include "http/site.hpp"
#include "storage/copy.hpp"
#include "storage/database.hpp"
#include "storage/replicated.hpp"

namespace lumbung::cli {
namespace {

constexpr const char* kUsage = R"(Lumbung: the regional innovation information system.

Usage: lumbung COMMAND [OPTIONS]

Commands:
  serve     serve the public portal, the workspace and the JSON API
  migrate   bring the database schema up to date
  import    import regions or innovations from CSV or JSONL
  export    export a region's innovations as JSONL or CSV
  demo      load the generated demo region
  user      add, list and disable accounts, and change passwords
  token     create and revoke API tokens
  audit     verify the audit trail's hash chain
  copy      move a whole installation to another database (SQLite to PostgreSQL, or back)

Every command takes --db URL (default sqlite:lumbung-data/lumbung.db) and --help.
Exit status: 0 success, 1 failure, 2 usage error.
)";

constexpr const char* kServeHelp =
    R"(Usage: lumbung serve [--db URL] [--listen ADDRESS:PORT] [--demo] [--threads N] [--quiet]

Serves HTTP until interrupted (Ctrl-C or SIGTERM).
  --db URL                sqlite:PATH (default sqlite:lumbung-data/lumbung.db) or
                          postgresql://USER:PASSWORD@HOST:PORT/DATABASE
  --db-replica URL        a PostgreSQL streaming replica of --db: requests that only read
                          read there, once it has replayed the client's own last write
  --listen ADDRESS:PORT   where to listen (default 127.0.0.1:8080; port 0 picks a free one)
  --demo                  load the generated demo region first, if it is not there
  --threads N             serving threads (default: one per core); sign-ins, writes and,
                          on PostgreSQL, searches run on pools of their own besides
  --quiet                 do not log one line per request on stderr
  --secure-cookies        mark the session cookie Secure (when served behind TLS)
  --region CODE           the region the public portal presents (default: the demo region
                          with --demo, else the only region in the database, else all)
)";

constexpr const char* kMigrateHelp = R"(Usage: lumbung migrate [--db URL] [--reindex]

Applies the schema migrations the database lacks, in one transaction, and prints the version.
Back up the database file first.
  --reindex   also build the search index again from the records (after the system's
              stemmer was upgraded, or to check that the index matches the records)
)";

constexpr const char* kCopyHelp =
    R"(Usage: lumbung copy --from URL --to URL

Copies every region, agency, innovation, account, session, token, workflow step and audit
entry from one database to another, in one transaction on the target, then reads the target
back and compares each table's rows and checksum before it commits. The target must be new
and empty (it is migrated first); the source is held still while it is read and must be at
the current schema version (run 'lumbung migrate' on it first). Stop the servers first.
  --from URL   the database to copy, for example sqlite:lumbung-data/lumbung.db
  --to URL     the new database, for example postgresql://lumbung@127.0.0.1:5432/lumbung
)";

constexpr const char* kImportHelp = R"(Usage: lumbung import regions FILE.csv [--db URL] [--dry-run]
       lumbung import innovations --region CODE FILE [--db URL] [--dry-run]

regions      reads a CSV with columns kode,nama,tingkat,kode_provinsi.
innovations  reads JSONL (LAN's format or Lumbung's export) or Lumbung's CSV; the format is
             detected from the content. Agencies named in the file are matched or created.
             A second import of the same file creates no duplicates.
A file with any bad row imports nothing and names the line and field. --dry-run checks
everything and reports what would happen without writing.
See docs/import-format.md.
)";

constexpr const char* kExportHelp =
    R"(Usage: lumbung export innovations --region CODE [--format jsonl|csv] [--out FILE] [--db URL]

Writes every innovation of the region in the format `lumbung import innovations` reads
(default JSONL, to standard output).
)";

constexpr const char* kDemoHelp = R"(Usage: lumbung demo [--db URL] [--innovations N] [--seed N]

Loads the generated demo region (Kota Lumbung Sejahtera, code 9971), plainly labelled as
demo data: 40 agencies and BUMD and several years of innovations. With --innovations N it
generates exactly N innovations (for benchmarks). Does nothing when the region exists.
)";

std::chrono::system_clock::time_point SystemNow() { return std::chrono::system_clock::now(); }

Error Usage(std::string id, std::string en) {
  return Error{ErrorCode::kInvalid, {std::move(id), std::move(en)}, {}};
}

}  // namespace

Result<std::unique_ptr<Database>> Open(const Args& args, MigrationPolicy policy) {
  std::string url = args.OptionOr("db", kDefaultDatabase);
  if (url.starts_with("sqlite:")) {
    std::filesystem::path file(url.substr(7));
    if (file.has_parent_path()) {
      std::error_code ec;
      std::filesystem::create_directories(file.parent_path(), ec);
    }
  }
  return OpenDatabase(url, policy);
}

Result<std::unique_ptr<Store>> OpenStore(const Args& args) {
  auto database = Open(args, MigrationPolicy::kRequireCurrent);
  if (!database) return database.TakeError();
  auto store = (*database)->Connect();
  store->SetActor(Actor::System());
  return store;
}

namespace {

Result<int> ParseInt(const std::string& name, const std::string& value, int low, int high) {
  try {
    std::size_t used = 0;
    int parsed = std::stoi(value, &used);
    if (used == value.size() && parsed >= low && parsed <= high) return parsed;
  } catch (const std::exception&) {
  }
  return Usage("--" + name + " harus bilangan bulat antara " + std::to_string(low) + " dan " +
                   std::to_string(high) + ".",
               "--" + name + " must be a whole number from " + std::to_string(low) + " to " +
                   std::to_string(high) + ".");
}

int LoadDemoInto(Store& store, const demo::DemoOptions& options) {
  Registry registry(store, SystemNow);
  auto loaded = demo::LoadDemo(store, registry, options);
  if (!loaded) {
    PrintError(loaded.error());
    return kExitFailure;
  }
  if (loaded->already_present) {
    std::fprintf(stderr, "demo: region %s is already loaded\n", loaded->region_code.c_str());
  } else {
    std::fprintf(stderr, "demo: loaded region %s with %d agencies and %d innovations\n",
                 loaded->region_code.c_str(), loaded->agencies, loaded->innovations);
  }
  return kExitOk;
}

int Serve(const Args& args) {
  http::ServerOptions options;
  std::string listen = args.OptionOr("listen", "127.0.0.1:8080");
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    PrintError(Usage("--listen harus berbentuk ALAMAT:PORT, misalnya 127.0.0.1:8080.",
                     "--listen must be ADDRESS:PORT, for example 127.0.0.1:8080."));
    return kExitUsage;
  }
  options.address = listen.substr(0, colon);
  if (options.address.size() > 2 && options.address.front() == '[') {
    options.address = options.address.substr(1, options.address.size() - 2);
  }
  auto port = ParseInt("listen", listen.substr(colon + 1), 0, 65535);
  if (!port) {
    PrintError(port.error());
    return kExitUsage;
  }
  options.port = static_cast<unsigned short>(*port);
  if (auto threads = args.Option("threads")) {
    auto parsed = ParseInt("threads", *threads, 1, 256);
    if (!parsed) {
      PrintError(parsed.error());
      return kExitUsage;
    }
    options.threads = *parsed;
  }
  options.log_requests = !args.Flag("quiet");

  auto database = Open(args, MigrationPolicy::kRequireCurrent);
  if (!database) {
    PrintError(database.error());
    return kExitFailure;
  }
  const auto replica_url = args.Option("db-replica");
  if (replica_url) {
    auto replica = OpenDatabase(*replica_url, MigrationPolicy::kReadOnly);
    if (!replica) {
      PrintError(replica.error());
      return kExitFailure;
    }
    *database = storage::WithReplica(std::move(*database), std::move(*replica));
  }
  std::vector<http::DemoLogin> demo_logins;
  if (args.Flag("demo")) {
    auto store = (*database)->Connect();
    if (int status = LoadDemoInto(*store, {}); status != kExitOk) return status;
    auto accounts = demo::EnsureDemoAccounts(*store, demo::DemoOptions{}.region_code,
                                             FormatTimestamp(SystemNow()));
    if (!accounts) {
      PrintError(accounts.error());
      return kExitFailure;
    }
    for (const auto& account : *accounts) {
      demo_logins.push_back({account.username,
                             account.password,
                             std::string(ToString(account.role)),
                             {account.description_id, account.description_en}});
      std::fprintf(stderr, "demo: account %-18s password %s (%s)\n", account.username.c_str(),
                   account.password.c_str(), std::string(ToString(account.role)).c_str());
    }
  }
  http::SiteOptions site_options;
  {
    auto store = (*database)->Connect();
    if (auto region = args.Option("region")) {
      if (!store->FindRegion(*region)) {
        PrintError(Usage("--region " + *region + " tidak ada di basis data.",
                         "--region " + *region + " is not in the database."));
        return kExitUsage;
      }
      site_options.region_code = *region;
    } else if (args.Flag("demo")) {
      site_options.region_code = demo::DemoOptions{}.region_code;
    } else if (auto regions = store->ListRegions(); regions.size() == 1) {
      site_options.region_code = regions.front().code;
    }
  }
  StorePool pool(**database);
  http::SessionOptions sessions;
  sessions.secure_cookie = args.Flag("secure-cookies");
  http::Api api(pool, SystemNow, std::chrono::milliseconds(250), sessions);
  api.SetDemoLogins(std::move(demo_logins));
  http::Site site(api, pool, site_options);
  // Hashing a password: a small pool, bounded, so that a burst of sign-ins holds up no one.
  options.lanes.push_back({[](const http::Request& request) {
                             return http::Api::IsSlow(request) || http::Site::IsSlow(request);
                           },
                           2, 32});
  // Writes wait for the writers' turn and for their commit to reach the disk.
  options.lanes.push_back({[](const http::Request& request) {
                             using http::Method;
                             return request.method == Method::kPost ||
                                    request.method == Method::kPut ||
                                    request.method == Method::kPatch ||
                                    request.method == Method::kDelete;
                           },
                           4, 0});
  // On PostgreSQL a search waits on the database server for its page's rows and texts, and
  // while the search memory is read in (a minute or more at national scale) it ranks every
  // match by its document, tens of milliseconds that a list or a record's page should not
  // queue behind. On SQLite searches read a local file in a millisecond or two, and the hop to
  // a pool would cost a quarter of their rate (bench/search.sh: 20,800 against 28,300 cached
  // answers a second).
  if ((*database)->SearchesReadPages()) options.lanes.push_back({http::IsSearch, 2, 0});
  const auto dispatch = [&api, &site](const http::Request& request) {
    return http::IsApiRequest(request) ? api.Handle(request) : site.Handle(request);
  };
  http::Server server(options, [&](const http::Request& request) {
    return http::WithReadRouting(pool, request, dispatch);
  });
  // Searches are answered from the database until the index is in memory, then from there;
  // started first, so that no request is the one to read it.
  std::thread warm_up([&database] {
    try {
      const auto start = std::chrono::steady_clock::now();
      if ((*database)->WarmUp()) {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        std::fprintf(stderr, "lumbung: search index read into memory in %.1f s\n", took.count());
      }
    } catch (const std::exception& error) {
      std::fprintf(stderr, "lumbung: search index not read into memory: %s\n", error.what());
    }
  });
  if (auto started = server.Start(); !started) {
    PrintError(started.error());
    warm_up.join();
    return kExitFailure;
  }
  std::fprintf(stderr, "lumbung: serving %s on http://%s:%u\n", (*database)->Describe().c_str(),
               listen.substr(0, colon).c_str(), server.port());
  server.WaitForSignal();
  warm_up.join();
  std::fprintf(stderr, "lumbung: stopped\n");
  return kExitOk;
}

int Copy(const Args& args) {
  auto from_url = args.Option("from");
  auto to_url = args.Option("to");
  if (!from_url || !to_url) {
    PrintError(Usage("Tulis 'lumbung copy --from URL --to URL'.",
                     "Write 'lumbung copy --from URL --to URL'."));
    return kExitUsage;
  }
  if (*from_url == *to_url) {
    PrintError(Usage("--from dan --to menunjuk basis data yang sama.",
                     "--from and --to name the same database."));
    return kExitUsage;
  }
  auto from = OpenDatabase(*from_url, MigrationPolicy::kRequireCurrent);
  if (!from) {
    PrintError(from.error());
    return kExitFailure;
  }
  auto to = OpenDatabase(*to_url, MigrationPolicy::kMigrate);
  if (!to) {
    PrintError(to.error());
    return kExitFailure;
  }
  const auto started = std::chrono::steady_clock::now();
  auto copied = storage::CopyInstallation(**from, **to);
  if (!copied) {
    PrintError(copied.error());
    return kExitFailure;
  }
  for (const auto& table : *copied) {
    std::printf("%-18s %10lld rows  checksum %s  verified\n", table.name.c_str(), table.rows,
                table.checksum.c_str());
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  std::printf("copied %s to %s in %.1f s\n", (*from)->Describe().c_str(), (*to)->Describe().c_str(),
              took.count());
  return kExitOk;
}

int Migrate(const Args& args) {
  auto database = Open(args, MigrationPolicy::kMigrate);
  if (!database) {
    PrintError(database.error());
    return kExitFailure;
  }
  std::printf("schema version %d\n", (*database)->SchemaVersion());
  if (args.Flag("reindex")) {
    const auto started = std::chrono::steady_clock::now();
    (*database)->Connect()->RebuildSearchIndex();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::printf("search index built again in %.1f s\n", took.count());
  }
  return kExitOk;
}

void PrintReport(const exchange::ImportReport& report, bool dry_run) {
  std::printf("%s%d created, %d updated, %d unchanged, %d agencies created\n",
              dry_run ? "dry run, nothing written: " : "", report.created, report.updated,
              report.unchanged, report.agencies_created);
}

int Import(const Args& args) {
  const auto& words = args.positional();
  if (words.size() != 2 || (words[0] != "regions" && words[0] != "innovations")) {
    PrintError(
        Usage("Tulis 'lumbung import regions FILE' atau 'lumbung import innovations "
              "--region KODE FILE'.",
              "Write 'lumbung import regions FILE' or 'lumbung import innovations "
              "--region CODE FILE'."));
    return kExitUsage;
  }
  auto region = args.Option("region");
  if (words[0] == "innovations" && !region) {
    PrintError(Usage("Sebutkan wilayah tujuan dengan --region KODE.",
                     "Name the target region with --region CODE."));
    return kExitUsage;
  }
  std::ifstream file(words[1], std::ios::binary);
  if (!file) {
    PrintError(Text{"Berkas tidak dapat dibaca: " + words[1], "Cannot read the file: " + words[1]});
    return kExitFailure;
  }
  auto database = Open(args, MigrationPolicy::kRequireCurrent);
  if (!database) {
    PrintError(database.error());
    return kExitFailure;
  }
  auto store = (*database)->Connect();
  Registry registry(*store, SystemNow);
  exchange::ImportOptions options;
  options.dry_run = args.Flag("dry-run");
  auto report = words[0] == "regions"
                    ? exchange::ImportRegions(*store, registry, file, options)
                    : exchange::ImportInnovations(*store, registry, *region, file, options);
  if (!report) {
    PrintError(report.error());
    return kExitFailure;
  }
  PrintReport(*report, options.dry_run);
  return kExitOk;
}

int Export(const Args& args) {
  const auto& words = args.positional();
  auto region = args.Option("region");
  if (words.size() != 1 || words[0] != "innovations" || !region) {
    PrintError(Usage("Tulis 'lumbung export innovations --region KODE'.",
                     "Write 'lumbung export innovations --region CODE'."));
    return kExitUsage;
  }
  std::string format = args.OptionOr("format", "jsonl");
  if (format != "jsonl" && format != "csv") {
    PrintError(Usage("--format harus jsonl atau csv.", "--format must be jsonl or csv."));
    return kExitUsage;
  }
  auto database = Open(args, MigrationPolicy::kRequireCurrent);
  if (!database) {
    PrintError(database.error());
    return kExitFailure;
  }
  auto store = (*database)->Connect();
  auto kind = format == "csv" ? exchange::ExportFormat::kCsv : exchange::ExportFormat::kJsonl;
  Status written = Ok();
  if (auto out = args.Option("out")) {
    // Write beside the target and rename, so a failed export never leaves half a file.
    std::string partial = *out + ".partial";
    {
      std::ofstream file(partial, std::ios::binary);
      if (!file) {
        PrintError(Text{"Berkas tidak dapat ditulis: " + *out, "Cannot write the file: " + *out});
        return kExitFailure;
      }
      written = exchange::ExportInnovations(*store, *region, kind, file);
      file.flush();
      if (written && !file) {
        written = Error{
            ErrorCode::kInternal, {"Gagal menulis " + *out, "Writing " + *out + " failed"}, {}};
      }
    }
    std::error_code ec;
    if (written) {
      std::filesystem::rename(partial, *out, ec);
    } else {
      std::filesystem::remove(partial, ec);
    }
  } else {
    written = exchange::ExportInnovations(*store, *region, kind, std::cout);
    std::cout.flush();
  }
  if (!written) {
    PrintError(written.error());
    return kExitFailure;
  }
  return kExitOk;
}

int Demo(const Args& args) {
  demo::DemoOptions options;
  if (auto count = args.Option("innovations")) {
    auto parsed = ParseInt("innovations", *count, 1, 2'000'000);
    if (!parsed) {
      PrintError(parsed.error());
      return kExitUsage;
    }
    options.innovations = *parsed;
  }
  if (auto seed = args.Option("seed")) {
    auto parsed = ParseInt("seed", *seed, 0, 2'000'000'000);
    if (!parsed) {
      PrintError(parsed.error());
      return kExitUsage;
    }
    options.seed = static_cast<std::uint32_t>(*parsed);
  }
  auto database = Open(args, MigrationPolicy::kRequireCurrent);
  if (!database) {
    PrintError(database.error());
    return kExitFailure;
  }
  auto store = (*database)->Connect();
  return LoadDemoInto(*store, options);
}

// One subcommand: what it accepts, its help, and what runs it.
struct Command {
  const char* name;
  ArgSpec spec;
  const char* help;
  int (*run)(const Args&);
};

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"serve",
       {{"db", "db-replica", "listen", "threads", "region"},
        {"demo", "quiet", "secure-cookies", "help"}},
       kServeHelp,
       Serve},
      {"migrate", {{"db"}, {"reindex", "help"}}, kMigrateHelp, Migrate},
      {"import", {{"db", "region"}, {"dry-run", "help"}}, kImportHelp, Import},
      {"export", {{"db", "region", "format", "out"}, {"help"}}, kExportHelp, Export},
      {"demo", {{"db", "innovations", "seed"}, {"help"}}, kDemoHelp, Demo},
      {"user",
       {{"db", "username", "role", "region", "agency", "display-name", "email", "password-file"},
        {"password-stdin", "help"}},
       kUserHelp,
       UserCommand},
      {"token",
       {{"db", "user", "name", "scope", "days", "id"}, {"help"}},
       kTokenHelp,
       TokenCommand},
      {"audit", {{"db"}, {"help"}}, kAuditHelp, AuditCommand},
      {"copy", {{"from", "to"}, {"help"}}, kCopyHelp, Copy},
  };
  return kCommands;
}

}  // namespace

int Main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    std::fputs(kUsage, words.empty() ? stderr : stdout);
    return words.empty() ? kExitUsage : kExitOk;
  }
  for (const auto& command : Commands()) {
    if (words[0] != command.name) continue;
    auto args = Args::Parse({words.begin() + 1, words.end()}, command.spec);
    if (!args) {
      PrintError(args.error());
      return kExitUsage;
    }
    if (args->Flag("help")) {
      std::fputs(command.help, stdout);
      return kExitOk;
    }
    try {
      return command.run(*args);
    } catch (const std::exception& error) {
      PrintError(Text{std::string("kegagalan tak terduga: ") + error.what(),
                      std::string("unexpected failure: ") + error.what()});
      return kExitFailure;
    }
  }
  PrintError(Text{"Perintah tidak dikenal: " + words[0] + ". Lihat 'lumbung --help'.",
                  "Unknown command: " + words[0] + ". See 'lumbung --help'."});
  return kExitUsage;
}

}  // namespace lumbung::cli
