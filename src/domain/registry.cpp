#include "domain/registry.hpp"

#include <algorithm>

#include "domain/messages.hpp"
#include "domain/validation.hpp"

namespace lumbung {

Date Registry::TodayIn(std::string_view region_code) {
  auto region = store_.FindRegion(region_code);
  return DateIn(clock_(), region ? region->time_zone : TimeZone::kWib);
}

Result<Region> Registry::CreateRegion(Region region) {
  auto errors = ValidateRegion(region);
  if (!errors.empty()) return msg::Invalid(std::move(errors));
  if (!region.parent_code.empty() && !store_.FindRegion(region.parent_code)) {
    return msg::Invalid({msg::NoSuchRecord("parent_code", "Provinsi", "Province")});
  }
  region.created_at = Now();
  auto inserted = store_.InsertRegion(region);
  if (!inserted) return inserted.TakeError();
  return region;
}

std::vector<FieldError> Registry::CheckAgencyLinks(const Agency& agency) {
  auto errors = ValidateAgency(agency);
  if (!store_.FindRegion(agency.region_code)) {
    errors.push_back(msg::NoSuchRecord("region_code", "Wilayah", "Region"));
  }
  if (agency.parent_id) {
    auto parent = store_.FindAgency(*agency.parent_id);
    if (!parent || parent->region_code != agency.region_code) {
      errors.push_back(msg::NoSuchRecord("parent_id", "Perangkat daerah induk", "Parent agency"));
    }
  }
  return errors;
}

Result<Agency> Registry::CreateAgency(Agency agency) {
  auto errors = CheckAgencyLinks(agency);
  if (!errors.empty()) return msg::Invalid(std::move(errors));
  agency.created_at = agency.updated_at = Now();
  agency.version = 1;
  return store_.InsertAgency(agency);
}

Result<Agency> Registry::UpdateAgency(Agency agency, std::int64_t expected_version) {
  auto current = store_.FindAgency(agency.id);
  if (!current) return msg::NotFound("Perangkat daerah", "Agency");
  agency.region_code = current->region_code;
  agency.created_at = current->created_at;
  auto errors = CheckAgencyLinks(agency);
  // A parent chain that comes back to the agency would make a unit its own ancestor.
  for (auto parent = agency.parent_id; parent && errors.empty();) {
    if (*parent == agency.id) {
      errors.push_back(msg::Inconsistent(
          "parent_id", {"Induk ini membuat lingkaran: unit menjadi induk dari induknya sendiri.",
                        "This parent makes a loop: the unit would be its own ancestor."}));
      break;
    }
    auto next = store_.FindAgency(*parent);
    parent = next ? next->parent_id : std::nullopt;
  }
  if (!errors.empty()) return msg::Invalid(std::move(errors));
  agency.updated_at = Now();
  return store_.UpdateAgency(agency, expected_version);
}

Status Registry::DeleteAgency(Id id, std::int64_t expected_version) {
  // The checks and the deletion in one transaction: nothing may come to name the agency between.
  Transaction transaction(store_);
  auto current = store_.FindAgency(id);
  if (!current) return msg::NotFound("Perangkat daerah", "Agency");
  if (current->version != expected_version) return msg::StaleVersion();
  if (store_.CountInnovationsOfAgency(id) > 0) {
    return msg::Conflict(
        {"Perangkat daerah ini masih memiliki inovasi. Pindahkan atau hapus inovasinya dulu.",
         "This agency still has innovations. Move or delete them first."});
  }
  // A role held in the agency would otherwise outlive it.
  if (store_.CountRolesInAgency(id) > 0) {
    return msg::Conflict(
        {"Masih ada pengguna yang berperan di perangkat daerah ini. Cabut perannya dulu.",
         "Users still hold roles in this agency. Remove their roles first."});
  }
  // An implementation team or an activity that names the agency would otherwise lose it.
  for (const auto& team : store_.ListTeams(current->region_code)) {
    if (team.agency_id == id) {
      return msg::Conflict(
          {"Perangkat daerah ini masih memiliki tim pelaksana. Hapus timnya dulu.",
           "This agency still has an implementation team. Delete the team first."});
    }
  }
  for (const auto& activity : store_.ListActivities(current->region_code, 0)) {
    for (const auto& unit : activity.agencies) {
      if (unit.agency_id == id) {
        return msg::Conflict({"Perangkat daerah ini tercatat dalam kegiatan \"" + activity.title +
                                  "\". Keluarkan dari kegiatan itu dulu.",
                              "This agency is recorded in the activity \"" + activity.title +
                                  "\". Remove it from that activity first."});
      }
    }
  }
  for (const auto& other : store_.ListAgencies(current->region_code)) {
    if (other.parent_id == id) {
      return msg::Conflict({"Perangkat daerah ini masih memiliki sub-unit. Hapus sub-unitnya dulu.",
                            "This agency still has sub-units. Delete them first."});
    }
  }
  auto deleted = store_.DeleteAgency(id, expected_version);
  if (deleted) transaction.Commit();
  return deleted;
}

std::vector<FieldError> Registry::CheckInnovation(const Innovation& innovation) {
  auto region = store_.FindRegion(innovation.region_code);
  auto today = DateIn(clock_(), region ? region->time_zone : TimeZone::kWib);
  auto errors = ValidateInnovation(innovation, today);
  if (!region) errors.push_back(msg::NoSuchRecord("region_code", "Wilayah", "Region"));
  if (innovation.agency_id > 0) {
    auto agency = store_.FindAgency(innovation.agency_id);
    if (!agency || agency->region_code != innovation.region_code) {
      errors.push_back(msg::NoSuchRecord("agency_id", "Perangkat daerah", "Agency"));
    }
  }
  if (innovation.replicated_from && *innovation.replicated_from != innovation.id) {
    // A replication may cross regions, so any existing innovation is a valid origin, but
    // following the chain back must never reach this innovation again.
    std::optional<Id> origin = innovation.replicated_from;
    int hops = 0;
    while (origin && hops++ < 1000) {
      auto found = store_.FindInnovation(*origin);
      if (!found) {
        if (origin == innovation.replicated_from) {
          errors.push_back(
              msg::NoSuchRecord("replicated_from", "Inovasi asal", "Original innovation"));
        }
        break;
      }
      if (innovation.id != 0 && found->replicated_from == innovation.id) {
        errors.push_back(msg::Inconsistent(
            "replicated_from",
            {"Replikasi ini membuat lingkaran: inovasi asal ternyata mereplikasi inovasi ini.",
             "This replication makes a loop: the original already descends from this "
             "innovation."}));
        break;
      }
      origin = found->replicated_from;
    }
  }
  return errors;
}

Result<Innovation> Registry::CreateInnovation(Innovation innovation) {
  innovation.id = 0;
  auto errors = CheckInnovation(innovation);
  if (!errors.empty()) return msg::Invalid(std::move(errors));
  innovation.created_at = innovation.updated_at = Now();
  innovation.version = 1;
  return store_.InsertInnovation(innovation);
}

Result<Innovation> Registry::UpdateInnovation(Innovation innovation,
                                              std::int64_t expected_version) {
  auto current = store_.FindInnovation(innovation.id);
  if (!current) return msg::NotFound("Inovasi", "Innovation");
  innovation.region_code = current->region_code;
  innovation.created_at = current->created_at;
  auto errors = CheckInnovation(innovation);
  if (!errors.empty()) return msg::Invalid(std::move(errors));
  innovation.updated_at = Now();
  return store_.UpdateInnovation(innovation, expected_version);
}

Status Registry::DeleteInnovation(Id id, std::int64_t expected_version) {
  auto current = store_.FindInnovation(id);
  if (!current) return msg::NotFound("Inovasi", "Innovation");
  if (current->version != expected_version) return msg::StaleVersion();
  if (store_.CountReplicationsOf(id) > 0) {
    return msg::Conflict(
        {"Inovasi ini direplikasi oleh inovasi lain, jadi tidak dapat dihapus. Arsipkan saja.",
         "Other innovations replicate this one, so it cannot be deleted. Archive it instead."});
  }
  // The region's monitoring and evaluation of it is a record of the region, kept as it was.
  if (!store_.ListEvaluationsOf(id).empty()) {
    return msg::Conflict(
        {"Inovasi ini sudah dimonitor dan dievaluasi daerah, jadi tidak dapat dihapus. Arsipkan "
         "saja.",
         "The region has monitored and evaluated this innovation, so it cannot be deleted. "
         "Archive it instead."});
  }
  Transaction transaction(store_);
  // The activities that discussed it keep their record without it; each change is audited.
  for (auto activity : store_.ListActivities(current->region_code, 0)) {
    auto& ids = activity.innovations;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    activity.updated_at = Now();
    if (auto updated = store_.UpdateActivity(activity, activity.version); !updated) {
      return updated.TakeError();
    }
  }
  auto deleted = store_.DeleteInnovation(id, expected_version);
  if (deleted) transaction.Commit();
  return deleted;
}

}  // namespace lumbung

namespace lumbung {

Result<Innovation> Registry::Transition(Id id, lumbung::Transition transition, const Actor& actor,
                                        std::string_view reason) {
  Transaction transaction(store_);
  auto current = store_.FindInnovation(id);
  if (!current) return msg::NotFound("Inovasi", "Innovation");
  auto region = store_.FindRegion(current->region_code);
  std::string now = Now();
  auto next = ApplyTransition(*current, transition, *region, reason, now);
  if (!next) return next.TakeError();
  next->updated_at = now;
  auto updated = store_.UpdateInnovation(*next, current->version);
  if (!updated) return updated.TakeError();
  InnovationEvent event;
  event.innovation_id = id;
  event.action = TransitionName(transition);
  event.from = current->status;
  event.to = updated->status;
  event.user_id = actor.user_id;
  event.actor_name = actor.name;
  event.reason = std::string(reason);
  event.at = now;
  store_.AppendEvent(event);
  transaction.Commit();
  return updated;
}

}  // namespace lumbung
