#include "domain/clinic.hpp"

#include <algorithm>

#include "domain/messages.hpp"
#include "domain/validation.hpp"

namespace lumbung {
namespace {

// The Indonesian and English names of the stages, for messages.
Text StageName(Stage stage) {
  switch (stage) {
    case Stage::kDrumUp:
      return {"drum-up", "drum-up"};
    case Stage::kDiagnose:
      return {"diagnosis", "diagnose"};
    case Stage::kDesign:
      return {"rancangan", "design"};
    case Stage::kDeliver:
      return {"pelaksanaan", "deliver"};
    case Stage::kDisplay:
      return {"pameran", "display"};
  }
  return {};
}

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

const ClinicEntry* Latest(const std::vector<ClinicEntry>& journal, ClinicEntryKind kind) {
  for (auto entry = journal.rbegin(); entry != journal.rend(); ++entry) {
    if (entry->kind == kind) return &*entry;
  }
  return nullptr;
}

// A gap in the gate: the field or entry to provide, and why.
FieldError Gap(std::string field, Text why) { return {std::move(field), "gate", std::move(why)}; }

// The gap a stage's validation leaves: none when accepted.
std::optional<FieldError> ValidationGap(const std::vector<ClinicEntry>& journal, Stage stage) {
  const ClinicEntry* latest = LatestValidation(journal, stage);
  Text name = StageName(stage);
  if (latest == nullptr) {
    return Gap("validation", {"Tahap " + name.id +
                                  " belum divalidasi fasilitator. Minta fasilitator klinik "
                                  "inovasi mencatat validasinya.",
                              "The " + name.en +
                                  " stage has not been validated by a facilitator. Ask the "
                                  "innovation clinic's facilitator to record the validation."});
  }
  if (latest->decision == Decision::kRevise) {
    return Gap("validation", {"Fasilitator meminta perbaikan pada " + latest->date +
                                  ". Perbaiki lalu minta "
                                  "validasi ulang.",
                              "The facilitator asked for revisions on " + latest->date +
                                  ". Revise, then ask "
                                  "for a new validation."});
  }
  if (latest->decision == Decision::kDeclined) {
    return Gap("validation", {"Fasilitator menolak tahap ini pada " + latest->date +
                                  ". Inovasi berhenti di "
                                  "sini kecuali validasi baru menerimanya.",
                              "The facilitator declined this stage on " + latest->date +
                                  ". The innovation "
                                  "stops here unless a new validation accepts it."});
  }
  return std::nullopt;
}

// The stage an entry of `kind` belongs to, when it belongs to one stage only.
std::optional<Stage> OwnStage(ClinicEntryKind kind) {
  switch (kind) {
    case ClinicEntryKind::kDesignPlan:
      return Stage::kDesign;
    case ClinicEntryKind::kLaunch:
      return Stage::kDeliver;
    case ClinicEntryKind::kDisplayEvent:
      return Stage::kDisplay;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<Stage> NextStage(Stage stage) {
  if (stage == Stage::kDisplay) return std::nullopt;
  return static_cast<Stage>(static_cast<int>(stage) + 1);
}

bool FitsStage(ClinicEntryKind kind, const Innovation& innovation,
               const std::vector<ClinicEntry>& journal) {
  bool launched = Latest(journal, ClinicEntryKind::kLaunch) != nullptr;
  switch (kind) {
    case ClinicEntryKind::kValidation:
      return innovation.stage == Stage::kDiagnose || innovation.stage == Stage::kDesign;
    case ClinicEntryKind::kDesignPlan:
      return innovation.stage == Stage::kDesign;
    case ClinicEntryKind::kLaunch:
      return innovation.stage == Stage::kDeliver && !launched;
    case ClinicEntryKind::kMonitoring:
      return launched;
    case ClinicEntryKind::kDisplayEvent:
      return innovation.stage == Stage::kDisplay;
    case ClinicEntryKind::kStageChange:
      break;
  }
  return false;
}

const ClinicEntry* LatestValidation(const std::vector<ClinicEntry>& journal, Stage stage) {
  for (auto entry = journal.rbegin(); entry != journal.rend(); ++entry) {
    if (entry->kind == ClinicEntryKind::kValidation && entry->stage == stage) return &*entry;
  }
  return nullptr;
}

bool AwaitsValidation(const Innovation& innovation, const std::vector<ClinicEntry>& journal) {
  if (innovation.stage != Stage::kDiagnose && innovation.stage != Stage::kDesign) return false;
  const ClinicEntry* latest = LatestValidation(journal, innovation.stage);
  return latest == nullptr || latest->decision == Decision::kRevise;
}

std::vector<FieldError> GateGaps(const Innovation& innovation,
                                 const std::vector<ClinicEntry>& journal) {
  std::vector<FieldError> gaps;
  switch (innovation.stage) {
    case Stage::kDrumUp:
      if (Blank(innovation.summary) && Blank(innovation.background)) {
        gaps.push_back(Gap("summary", {"Tuliskan dulu ide inovasinya: ringkasan atau masalah "
                                       "yang hendak diatasi.",
                                       "Write the idea down first: a summary or the problem it "
                                       "answers."}));
      }
      break;
    case Stage::kDiagnose:
      if (auto gap = ValidationGap(journal, Stage::kDiagnose)) gaps.push_back(*gap);
      break;
    case Stage::kDesign: {
      const ClinicEntry* plan = Latest(journal, ClinicEntryKind::kDesignPlan);
      if (plan == nullptr) {
        gaps.push_back(
            Gap("design_plan", {"Catat rencana aksi, pemetaan pemangku kepentingan, dan strategi "
                                "komunikasinya.",
                                "Record the action plan, the stakeholder map and the communication "
                                "strategy."}));
      }
      if (auto gap = ValidationGap(journal, Stage::kDesign)) gaps.push_back(*gap);
      break;
    }
    case Stage::kDeliver:
      if (Latest(journal, ClinicEntryKind::kLaunch) == nullptr) {
        gaps.push_back(Gap("launch", {"Catat tanggal peluncuran inovasi.",
                                      "Record the date the innovation was launched."}));
      }
      if (Latest(journal, ClinicEntryKind::kMonitoring) == nullptr) {
        gaps.push_back(Gap("monitoring", {"Catat paling sedikit satu kegiatan monitoring.",
                                          "Record at least one monitoring visit."}));
      }
      break;
    case Stage::kDisplay:
      gaps.push_back(
          Gap("stage", {"Pameran adalah tahap terakhir.", "Display is the last stage."}));
      break;
  }
  return gaps;
}

Status CheckStageMove(const Innovation& innovation, Stage to,
                      const std::vector<ClinicEntry>& journal) {
  auto next = NextStage(innovation.stage);
  Text from = StageName(innovation.stage);
  if (to == innovation.stage || (next && static_cast<int>(to) < static_cast<int>(*next))) {
    return msg::Invalid({msg::Inconsistent(
        "to", {"Tahap hanya maju. Inovasi ini sudah di tahap " + from.id + ".",
               "Stages only move forward. This innovation is already at " + from.en + "."})});
  }
  if (next && to != *next) {
    Text wanted = StageName(*next);
    return msg::Invalid({msg::Inconsistent(
        "to",
        {"Tahap tidak boleh dilompati: dari " + from.id + " berikutnya adalah " + wanted.id + ".",
         "A stage cannot be skipped: after " + from.en + " comes " + wanted.en + "."})});
  }
  auto gaps = GateGaps(innovation, journal);
  if (!gaps.empty()) {
    Error error = msg::Invalid(std::move(gaps));
    error.title = {"Syarat tahap " + from.id + " belum terpenuhi.",
                   "The " + from.en + " stage is not complete yet."};
    return error;
  }
  return Ok();
}

std::vector<FieldError> CheckClinicEntry(const ClinicEntry& entry, const Innovation& innovation,
                                         const std::vector<ClinicEntry>& journal,
                                         const Date& today) {
  std::vector<FieldError> errors;
  auto required = [&](const char* field, bool present) {
    if (!present) errors.push_back(msg::Required(field));
  };
  auto text = [&](const char* field, const std::string& value, bool needed) {
    CheckText(errors, field, value, kMaxNarrativeLength, needed);
  };
  Text current = StageName(innovation.stage);
  auto wrong_stage = [&](Text what) {
    errors.push_back(msg::Inconsistent(
        "kind", {what.id + " tidak dapat dicatat di tahap " + current.id + ".",
                 what.en + " cannot be recorded at the " + current.en + " stage."}));
  };

  // The date: required, real, not in the future.
  std::optional<Date> date;
  if (entry.kind != ClinicEntryKind::kDesignPlan) {
    if (entry.date.empty()) {
      errors.push_back(msg::Required("date"));
    } else if (date = ParseDate(entry.date); !date) {
      errors.push_back(msg::BadDate("date"));
    } else if (*date > today) {
      errors.push_back(msg::InFuture("date"));
    }
  }

  if (auto own = OwnStage(entry.kind); own && innovation.stage != *own) {
    switch (entry.kind) {
      case ClinicEntryKind::kDesignPlan:
        wrong_stage({"Rencana aksi", "An action plan"});
        break;
      case ClinicEntryKind::kLaunch:
        wrong_stage({"Peluncuran", "A launch"});
        break;
      default:
        wrong_stage({"Kegiatan pameran", "A display event"});
        break;
    }
  }

  switch (entry.kind) {
    case ClinicEntryKind::kStageChange:
      errors.push_back(msg::Inconsistent(
          "kind", {"Perpindahan tahap dicatat lewat langkah tahap, bukan sebagai catatan.",
                   "A stage change is made with the stage step, not recorded as an entry."}));
      break;
    case ClinicEntryKind::kValidation:
      if (innovation.stage != Stage::kDiagnose && innovation.stage != Stage::kDesign) {
        wrong_stage({"Validasi", "A validation"});
      }
      required("validation_method", entry.validation_method.has_value());
      required("decision", entry.decision.has_value());
      text("notes", entry.notes, entry.decision != Decision::kAccepted);
      break;
    case ClinicEntryKind::kDesignPlan:
      text("action_plan", entry.action_plan, true);
      text("stakeholder_map", entry.stakeholder_map, true);
      text("communication_strategy", entry.communication_strategy, true);
      break;
    case ClinicEntryKind::kLaunch:
      if (const ClinicEntry* launch = Latest(journal, ClinicEntryKind::kLaunch)) {
        errors.push_back(msg::Inconsistent(
            "kind", {"Peluncuran sudah dicatat pada " + launch->date + ".",
                     "The launch was already recorded on " + launch->date + "."}));
      }
      text("notes", entry.notes, false);
      break;
    case ClinicEntryKind::kMonitoring: {
      if (innovation.stage != Stage::kDeliver && innovation.stage != Stage::kDisplay) {
        wrong_stage({"Monitoring", "Monitoring"});
      }
      const ClinicEntry* launch = Latest(journal, ClinicEntryKind::kLaunch);
      if (launch == nullptr) {
        errors.push_back(
            msg::Inconsistent("date", {"Catat dulu peluncurannya: monitoring menyusul peluncuran.",
                                       "Record the launch first: monitoring follows the launch."}));
      } else if (date && entry.date < launch->date) {
        errors.push_back(msg::Inconsistent(
            "date", {"Monitoring tidak boleh sebelum peluncuran (" + launch->date + ").",
                     "Monitoring cannot come before the launch (" + launch->date + ")."}));
      }
      required("monitoring_method", entry.monitoring_method.has_value());
      text("findings", entry.findings, true);
      text("obstacles", entry.obstacles, false);
      break;
    }
    case ClinicEntryKind::kDisplayEvent:
      required("event_kind", entry.event_kind.has_value());
      CheckText(errors, "event_name", entry.event_name, kMaxNameLength, true);
      text("feedback", entry.feedback, false);
      break;
  }
  return errors;
}

}  // namespace lumbung
