#include "demo/demo_accounts.hpp"

#include "auth/password.hpp"

namespace lumbung::demo {
namespace {

// Published on purpose: these accounts exist only to be tried.
constexpr const char* kDemoPassword = "coba-lumbung-demo";

}  // namespace

Result<std::vector<DemoAccount>> EnsureDemoAccounts(Store& store, const std::string& region_code,
                                                    const std::string& now) {
  auto region = store.FindRegion(region_code);
  if (!region || !region->demo) {
    return Error{
        ErrorCode::kNotFound, {"Wilayah demo belum dimuat.", "The demo region is not loaded."}, {}};
  }
  // The operator and head work for the first agency that has no parent, in name order.
  Id agency = 0;
  for (const auto& candidate : store.ListAgencies(region_code)) {
    if (!candidate.parent_id) {
      agency = candidate.id;
      break;
    }
  }
  std::vector<DemoAccount> accounts = {
      {"demo-tim", kDemoPassword, Role::kRegionAdmin,
       "Tim inovasi daerah: verifikasi, tolak, terbitkan; kelola perangkat daerah dan pengguna.",
       "The region's innovation team: verify, reject, publish; manage agencies and users."},
      {"demo-operator", kDemoPassword, Role::kAgencyOperator,
       "Operator perangkat daerah: tulis dan ajukan inovasi.",
       "An agency operator: write and submit innovations."},
      {"demo-kepala", kDemoPassword, Role::kAgencyHead,
       "Kepala perangkat daerah: setujui pengajuan.", "An agency head: approve submissions."},
      {"demo-fasilitator", kDemoPassword, Role::kFacilitator,
       "Fasilitator klinik inovasi: dampingi tahapan.",
       "A facilitator of the innovation clinic: coach the stages."},
      {"demo-juri", kDemoPassword, Role::kJuror, "Juri independen lomba inovasi.",
       "An independent juror of the innovation competition."},
  };
  if (store.ListRegions().size() == 1) {
    accounts.push_back({"demo-admin", kDemoPassword, Role::kAdmin,
                        "Admin instalasi (hanya pada basis data demo).",
                        "The installation's admin (only in a demo-only database)."});
  }
  std::string hash;
  for (const auto& account : accounts) {
    if (store.FindUserByName(account.username)) continue;
    if (hash.empty()) hash = auth::HashPassword(kDemoPassword);
    User user;
    user.username = account.username;
    user.display_name = account.username;
    user.created_at = user.updated_at = now;
    RoleGrant grant{account.role, "", 0, 0};
    if (account.role == Role::kRegionAdmin || account.role == Role::kFacilitator) {
      grant.region_code = region_code;
    } else if (account.role == Role::kAgencyOperator || account.role == Role::kAgencyHead) {
      grant.agency_id = agency;
    } else if (account.role == Role::kJuror) {
      grant.competition_id = 1;
    }
    user.roles = {grant};
    auto created = store.InsertUser(user, hash);
    if (!created) return created.TakeError();
  }
  return accounts;
}

}  // namespace lumbung::demo
