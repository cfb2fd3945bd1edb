#include "domain/workflow.hpp"

#include <array>

#include "domain/messages.hpp"
#include "domain/validation.hpp"

namespace lumbung {
namespace {

constexpr std::array<std::string_view, 6> kNames{"submit", "approve", "verify",
                                                 "reject", "publish", "archive"};

Error WrongState(const Innovation& innovation, Transition transition) {
  std::string status(ToString(innovation.status));
  std::string step(TransitionName(transition));
  return msg::Conflict({"Langkah '" + step + "' tidak berlaku untuk data berstatus '" + status +
                            "'. Lihat riwayatnya untuk langkah yang mungkin.",
                        "The step '" + step + "' does not apply to a record that is '" + status +
                            "'. See its history for the steps that do."});
}

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

std::optional<Transition> ParseTransition(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Transition>(i);
  }
  return std::nullopt;
}

std::string_view TransitionName(Transition transition) {
  return kNames[static_cast<std::size_t>(transition)];
}

Action ActionOf(Transition transition) {
  switch (transition) {
    case Transition::kSubmit:
      return Action::kSubmit;
    case Transition::kApprove:
      return Action::kApprove;
    case Transition::kVerify:
      return Action::kVerify;
    case Transition::kReject:
      return Action::kReject;
    case Transition::kPublish:
      return Action::kPublish;
    case Transition::kArchive:
      return Action::kArchive;
  }
  return Action::kVerify;
}

std::vector<FieldError> SubmissionGaps(const Innovation& innovation) {
  std::vector<FieldError> gaps;
  if (Blank(innovation.title)) gaps.push_back(msg::Required("title"));
  if (innovation.agency_id <= 0) gaps.push_back(msg::Required("agency_id"));
  if (!innovation.type) gaps.push_back(msg::Required("type"));
  if (!innovation.form) gaps.push_back(msg::Required("form"));
  if (Blank(innovation.background)) gaps.push_back(msg::Required("background"));
  if (Blank(innovation.design)) gaps.push_back(msg::Required("design"));
  if (Blank(innovation.goals)) gaps.push_back(msg::Required("goals"));
  if (Blank(innovation.benefits)) gaps.push_back(msg::Required("benefits"));
  return gaps;
}

Result<Innovation> ApplyTransition(const Innovation& innovation, Transition transition,
                                   const Region& region, std::string_view reason,
                                   const std::string& now) {
  Innovation next = innovation;
  const RecordStatus status = innovation.status;
  switch (transition) {
    case Transition::kSubmit:
      if (status != RecordStatus::kDraft && status != RecordStatus::kRejected) {
        return WrongState(innovation, transition);
      }
      if (auto gaps = SubmissionGaps(innovation); !gaps.empty()) {
        Error error = msg::Invalid(std::move(gaps));
        error.title = {"Belum dapat diajukan: lengkapi isian yang ditandai dulu.",
                       "Not ready to submit: fill in the marked fields first."};
        return error;
      }
      next.status = RecordStatus::kSubmitted;
      next.approved_at.clear();
      next.rejection_reason.clear();
      return next;
    case Transition::kApprove:
      if (status != RecordStatus::kSubmitted) return WrongState(innovation, transition);
      if (!region.requires_head_approval) {
        return msg::Conflict({"Wilayah ini tidak memakai persetujuan kepala perangkat daerah.",
                              "This region does not use approval by the agency head."});
      }
      if (!innovation.approved_at.empty()) {
        return msg::Conflict(
            {"Pengajuan ini sudah disetujui.", "This submission is already approved."});
      }
      next.approved_at = now;
      return next;
    case Transition::kVerify:
      if (status != RecordStatus::kSubmitted) return WrongState(innovation, transition);
      if (region.requires_head_approval && innovation.approved_at.empty()) {
        return msg::Conflict({"Pengajuan ini menunggu persetujuan kepala perangkat daerah.",
                              "This submission awaits the agency head's approval."});
      }
      next.status = RecordStatus::kVerified;
      return next;
    case Transition::kReject: {
      if (status != RecordStatus::kSubmitted && status != RecordStatus::kVerified) {
        return WrongState(innovation, transition);
      }
      std::string why(reason);
      if (Blank(why)) return msg::Invalid({msg::Required("reason")});
      if (!IsValidUtf8(why)) return msg::Invalid({msg::BadUtf8("reason")});
      if (CountCharacters(why) > kMaxSummaryLength) {
        return msg::Invalid({msg::TooLong("reason", kMaxSummaryLength)});
      }
      next.status = RecordStatus::kRejected;
      next.rejection_reason = std::move(why);
      return next;
    }
    case Transition::kPublish:
      if (status != RecordStatus::kVerified) return WrongState(innovation, transition);
      next.status = RecordStatus::kPublished;
      return next;
    case Transition::kArchive:
      if (status != RecordStatus::kPublished) return WrongState(innovation, transition);
      next.status = RecordStatus::kArchived;
      return next;
  }
  return WrongState(innovation, transition);
}

}  // namespace lumbung
