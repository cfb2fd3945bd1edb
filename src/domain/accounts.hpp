// Users, the scoped roles they hold, and the actor a request or command acts as.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"

namespace lumbung {

// What a user may be in the system; each role is held within a scope.
enum class Role {
  kAdmin,           // the installation
  kRegionAdmin,     // one region: its innovation team (Tim Pelaksana, Bappeda/BRIDA)
  kAgencyOperator,  // one agency: writes its innovation profiles
  kAgencyHead,      // one agency: approves what it submits (Kepala Perangkat Daerah)
  kFacilitator,     // one region: the innovation clinic's coach
  kJuror,           // one competition: the independent jury
};

// A role and where it applies: a region for region admins and facilitators, an agency (and
// its region) for operators and heads, a competition for jurors; nothing for admins.
struct RoleGrant {
  Role role = Role::kAgencyOperator;
  std::string region_code;
  Id agency_id = 0;
  Id competition_id = 0;

  bool operator==(const RoleGrant&) const = default;
};

// An account. The e-mail address is personal data and never reaches the public.
struct User {
  Id id = 0;
  std::string username;
  std::string display_name;
  std::string email;
  bool disabled = false;
  std::vector<RoleGrant> roles;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// Who is acting: a signed-in user with their roles, or the anonymous public.
struct Actor {
  std::optional<Id> user_id;
  std::string name;     // username, or "public", or "system" for the command line
  std::string address;  // the client's address, or "cli"
  std::vector<RoleGrant> roles;
  bool read_only = false;  // an API token with the read scope

  bool IsAnonymous() const { return !user_id && roles.empty(); }
  bool Holds(Role role) const;
  bool HoldsInRegion(Role role, std::string_view region_code) const;
  bool HoldsInAgency(Role role, Id agency_id) const;

  static Actor Public(std::string address);
  // The command line run by whoever operates the server: acts with every right.
  static Actor System();
};

}  // namespace lumbung
