// The demo's accounts: one per role, with a published password, for trying every flow.
#pragma once

#include <string>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/result.hpp"
#include "domain/store.hpp"

namespace lumbung::demo {

// An account the demo's login page offers.
struct DemoAccount {
  std::string username;
  std::string password;
  Role role;
  std::string description_id;  // what the account may do, in Bahasa Indonesia
  std::string description_en;
};

// Creates the demo's accounts in the demo region (see LoadDemo) where they do not exist, and
// returns them. The installation-wide admin is made only when the database holds no region
// but the demo's, so that demo mode never plants a known password in a real installation.
Result<std::vector<DemoAccount>> EnsureDemoAccounts(Store& store, const std::string& region_code,
                                                    const std::string& now);

}  // namespace lumbung::demo
