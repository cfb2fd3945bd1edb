#include "cli/accounts_commands.hpp"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "auth/password.hpp"
#include "auth/tokens.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "domain/audit.hpp"
#include "domain/messages.hpp"
#include "domain/validation.hpp"

namespace lumbung::cli {

const char* const kUserHelp =
    R"(Usage: lumbung user add --username NAME --role ROLE [--region CODE] [--agency ID]
                         [--display-name TEXT] [--email ADDRESS] [PASSWORD SOURCE] [--db URL]
       lumbung user list [--region CODE] [--db URL]
       lumbung user disable --username NAME [--db URL]
       lumbung user passwd --username NAME [PASSWORD SOURCE] [--db URL]

ROLE is admin, region_admin, agency_operator, agency_head, facilitator or juror. Region admins
and facilitators need --region; operators and heads need --agency. Adding a role to an
existing user keeps their other roles.
PASSWORD SOURCE is --password-file FILE or --password-stdin; without either, the password is
asked for at the terminal. A password is never given as an argument.
)";

const char* const kTokenHelp =
    R"(Usage: lumbung token create --user NAME [--name TEXT] [--scope read|write] [--days N] [--db URL]
       lumbung token revoke --id N [--db URL]

create prints a new API token once (it is stored only as a digest): send it as
"Authorization: Bearer TOKEN". It acts as the user, with read or write scope, and expires
after N days (default 90).
)";

const char* const kAuditHelp = R"(Usage: lumbung audit verify [--db URL]

Recomputes the hash chain of the audit trail and reports the first entry where it breaks.
Exit status 0 when the chain is whole, 1 when it is broken.
)";

namespace {

Error Usage(std::string id, std::string en) {
  return Error{ErrorCode::kInvalid, {std::move(id), std::move(en)}, {}};
}

// Reads a password from the terminal without echoing it.
std::optional<std::string> Prompt(const char* question) {
  if (!isatty(STDIN_FILENO)) return std::nullopt;
  std::fprintf(stderr, "%s", question);
  termios before{};
  tcgetattr(STDIN_FILENO, &before);
  termios quiet = before;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &before);
  std::fprintf(stderr, "\n");
  return line;
}

// The password from --password-file, --password-stdin or the terminal.
Result<std::string> ReadPassword(const Args& args) {
  std::string password;
  if (auto file = args.Option("password-file")) {
    std::ifstream in(*file);
    if (!in || !std::getline(in, password)) {
      return Usage("Berkas kata sandi tidak dapat dibaca: " + *file,
                   "Cannot read the password file: " + *file);
    }
  } else if (args.Flag("password-stdin")) {
    if (!std::getline(std::cin, password)) {
      return Usage("Tidak ada kata sandi di masukan standar.", "No password on standard input.");
    }
  } else {
    auto first = Prompt("Kata sandi / Password: ");
    if (!first) {
      return Usage("Berikan kata sandi lewat --password-file atau --password-stdin.",
                   "Give the password with --password-file or --password-stdin.");
    }
    auto second = Prompt("Ulangi / Repeat: ");
    if (!second || *first != *second) {
      return Usage("Kedua kata sandi tidak sama.", "The two passwords differ.");
    }
    password = *first;
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

Status CheckPassword(const std::string& password, const std::string& username) {
  if (auto problem = auth::PasswordProblem(password, username)) {
    return Usage("Kata sandi ditolak (" + *problem +
                     "): paling sedikit 10 karakter, bukan nama "
                     "pengguna, bukan kata sandi umum.",
                 "Password refused (" + *problem +
                     "): at least 10 characters, not the username, "
                     "not a common password.");
  }
  return Ok();
}

std::string Now() { return FormatTimestamp(std::chrono::system_clock::now()); }

int Fail(const Error& error, int status) {
  PrintError(error);
  return status;
}

int AddUser(const Args& args, Store& store) {
  auto username = args.Option("username");
  auto role_name = args.Option("role");
  if (!username || !role_name) {
    return Fail(Usage("Perlu --username dan --role.", "--username and --role are needed."),
                kExitUsage);
  }
  auto role = Parse<Role>(*role_name);
  if (!role) {
    return Fail(Usage("--role tidak dikenal. Pilih: " + AllowedList<Role>(),
                      "Unknown --role. Choose one of: " + AllowedList<Role>()),
                kExitUsage);
  }
  RoleGrant grant{*role, args.OptionOr("region", ""), 0, 0};
  if (auto agency = args.Option("agency")) {
    try {
      grant.agency_id = std::stoll(*agency);
    } catch (const std::exception&) {
      return Fail(Usage("--agency harus nomor.", "--agency must be a number."), kExitUsage);
    }
  }
  bool needs_region = *role == Role::kRegionAdmin || *role == Role::kFacilitator;
  bool needs_agency = *role == Role::kAgencyOperator || *role == Role::kAgencyHead;
  if (needs_region && !store.FindRegion(grant.region_code)) {
    return Fail(Usage("Peran ini perlu --region dengan kode wilayah yang ada.",
                      "This role needs --region with an existing region code."),
                kExitUsage);
  }
  if (needs_agency) {
    auto agency = store.FindAgency(grant.agency_id);
    if (!agency) {
      return Fail(Usage("Peran ini perlu --agency dengan nomor perangkat daerah yang ada.",
                        "This role needs --agency with an existing agency number."),
                  kExitUsage);
    }
    grant.region_code.clear();
  }
  if (!needs_region) grant.region_code.clear();

  if (auto existing = store.FindUserByName(*username)) {
    // Another role for an existing account.
    User user = *existing;
    if (std::find(user.roles.begin(), user.roles.end(), grant) == user.roles.end()) {
      user.roles.push_back(grant);
    }
    user.updated_at = Now();
    auto updated = store.UpdateUser(user, user.version);
    if (!updated) return Fail(updated.error(), kExitFailure);
    std::printf("user %s now holds %zu role(s)\n", user.username.c_str(), updated->roles.size());
    return kExitOk;
  }
  User user;
  user.username = *username;
  user.display_name = args.OptionOr("display-name", *username);
  user.email = args.OptionOr("email", "");
  user.roles = {grant};
  user.created_at = user.updated_at = Now();
  if (auto errors = ValidateUser(user); !errors.empty()) {
    return Fail(msg::Invalid(std::move(errors)), kExitUsage);
  }
  auto password = ReadPassword(args);
  if (!password) return Fail(password.error(), kExitUsage);
  if (auto ok = CheckPassword(*password, user.username); !ok) return Fail(ok.error(), kExitUsage);
  auto created = store.InsertUser(user, auth::HashPassword(*password));
  if (!created) return Fail(created.error(), kExitFailure);
  std::printf("user %s created (id %lld)\n", created->username.c_str(),
              static_cast<long long>(created->id));
  return kExitOk;
}

int ListUsers(const Args& args, Store& store) {
  for (const auto& user : store.ListUsers(args.OptionOr("region", ""))) {
    std::string roles;
    for (const auto& grant : user.roles) {
      if (!roles.empty()) roles += ", ";
      roles += ToString(grant.role);
      if (!grant.region_code.empty()) roles += "@" + grant.region_code;
      if (grant.agency_id) roles += "@agency:" + std::to_string(grant.agency_id);
    }
    std::printf("%lld\t%s\t%s\t%s\t%s\n", static_cast<long long>(user.id), user.username.c_str(),
                user.disabled ? "disabled" : "active", user.display_name.c_str(), roles.c_str());
  }
  return kExitOk;
}

int DisableUser(const Args& args, Store& store) {
  auto user = store.FindUserByName(args.OptionOr("username", ""));
  if (!user) return Fail(Usage("Pengguna tidak ada.", "No such user."), kExitFailure);
  bool is_admin = std::any_of(user->roles.begin(), user->roles.end(),
                              [](const RoleGrant& g) { return g.role == Role::kAdmin; });
  if (is_admin && !user->disabled && store.CountActiveAdmins() == 1) {
    return Fail(Usage("Ini admin aktif terakhir. Buat admin lain dulu.",
                      "This is the last active admin. Create another admin first."),
                kExitFailure);
  }
  user->disabled = true;
  user->updated_at = Now();
  auto updated = store.UpdateUser(*user, user->version);
  if (!updated) return Fail(updated.error(), kExitFailure);
  store.DeleteSessionsOf(user->id);
  std::printf("user %s disabled; their sessions ended\n", user->username.c_str());
  return kExitOk;
}

int ChangePassword(const Args& args, Store& store) {
  auto user = store.FindUserByName(args.OptionOr("username", ""));
  if (!user) return Fail(Usage("Pengguna tidak ada.", "No such user."), kExitFailure);
  auto password = ReadPassword(args);
  if (!password) return Fail(password.error(), kExitUsage);
  if (auto ok = CheckPassword(*password, user->username); !ok) return Fail(ok.error(), kExitUsage);
  store.SetPasswordHash(user->id, auth::HashPassword(*password));
  store.DeleteSessionsOf(user->id);
  std::printf("password of %s changed; their sessions ended\n", user->username.c_str());
  return kExitOk;
}

}  // namespace

int UserCommand(const Args& args) {
  const auto& words = args.positional();
  if (words.size() != 1) {
    return Fail(Usage("Tulis 'lumbung user add|list|disable|passwd'.",
                      "Write 'lumbung user add|list|disable|passwd'."),
                kExitUsage);
  }
  auto store = OpenStore(args);
  if (!store) return Fail(store.error(), kExitFailure);
  if (words[0] == "add") return AddUser(args, **store);
  if (words[0] == "list") return ListUsers(args, **store);
  if (words[0] == "disable") return DisableUser(args, **store);
  if (words[0] == "passwd") return ChangePassword(args, **store);
  return Fail(Usage("Tulis 'lumbung user add|list|disable|passwd'.",
                    "Write 'lumbung user add|list|disable|passwd'."),
              kExitUsage);
}

int TokenCommand(const Args& args) {
  const auto& words = args.positional();
  if (words.size() != 1 || (words[0] != "create" && words[0] != "revoke")) {
    return Fail(
        Usage("Tulis 'lumbung token create --user NAMA' atau 'lumbung token revoke --id N'.",
              "Write 'lumbung token create --user NAME' or 'lumbung token revoke --id N'."),
        kExitUsage);
  }
  auto store = OpenStore(args);
  if (!store) return Fail(store.error(), kExitFailure);
  if (words[0] == "revoke") {
    Id id = 0;
    try {
      id = std::stoll(args.OptionOr("id", ""));
    } catch (const std::exception&) {
      return Fail(Usage("--id harus nomor token.", "--id must be a token number."), kExitUsage);
    }
    auto revoked = (*store)->RevokeToken(id);
    if (!revoked) return Fail(revoked.error(), kExitFailure);
    std::printf("token %lld revoked\n", static_cast<long long>(id));
    return kExitOk;
  }
  auto user = (*store)->FindUserByName(args.OptionOr("user", ""));
  if (!user || user->disabled) {
    return Fail(Usage("--user harus pengguna aktif.", "--user must be an active user."),
                kExitUsage);
  }
  std::string scope = args.OptionOr("scope", "read");
  if (scope != "read" && scope != "write") {
    return Fail(Usage("--scope harus read atau write.", "--scope must be read or write."),
                kExitUsage);
  }
  int days = 90;
  try {
    days = std::stoi(args.OptionOr("days", "90"));
  } catch (const std::exception&) {
    days = 0;
  }
  if (days < 1 || days > 3650) {
    return Fail(Usage("--days harus 1 sampai 3650.", "--days must be from 1 to 3650."), kExitUsage);
  }
  std::string secret = auth::NewToken();
  ApiToken token;
  token.digest = auth::TokenDigest(secret);
  token.user_id = user->id;
  token.name = args.OptionOr("name", "token");
  token.scope = scope == "write" ? TokenScope::kWrite : TokenScope::kRead;
  token.expires_at =
      std::chrono::duration_cast<std::chrono::seconds>(
          (std::chrono::system_clock::now() + std::chrono::hours(24 * days)).time_since_epoch())
          .count();
  token.created_at = Now();
  auto created = (*store)->InsertToken(token);
  if (!created) return Fail(created.error(), kExitFailure);
  std::fprintf(stderr, "token %lld for %s, %s scope, expires in %d days; shown only once:\n",
               static_cast<long long>(created->id), user->username.c_str(), scope.c_str(), days);
  std::printf("%s\n", secret.c_str());
  return kExitOk;
}

int AuditCommand(const Args& args) {
  const auto& words = args.positional();
  if (words.size() != 1 || words[0] != "verify") {
    return Fail(Usage("Tulis 'lumbung audit verify'.", "Write 'lumbung audit verify'."),
                kExitUsage);
  }
  auto store = OpenStore(args);
  if (!store) return Fail(store.error(), kExitFailure);
  std::string previous;
  long long count = 0;
  std::optional<AuditEntry> broken;
  std::string why;
  (*store)->ForEachAudit([&](const AuditEntry& entry) {
    if (entry.prev_hash != previous) {
      why =
          "its prev_hash does not match the hash of the entry before it (an entry was removed "
          "or inserted)";
    } else if (entry.hash != auth::Sha256Hex(AuditChainText(entry))) {
      why = "its content does not match its hash (the entry was changed)";
    }
    if (!why.empty()) {
      broken = entry;
      return false;
    }
    previous = entry.hash;
    ++count;
    return true;
  });
  if (broken) {
    std::printf("audit chain BROKEN at entry %lld (%s %s %s at %s): %s\n",
                static_cast<long long>(broken->id), broken->action.c_str(),
                broken->record_type.c_str(), broken->record_id.c_str(), broken->at.c_str(),
                why.c_str());
    std::printf("%lld entries before it are intact\n", count);
    return kExitFailure;
  }
  std::printf("audit chain intact: %lld entries\n", count);
  return kExitOk;
}

}  // namespace lumbung::cli
