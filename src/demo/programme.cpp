#include "demo/programme.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "demo/catalogue.hpp"

namespace lumbung::demo {
namespace {

std::string Pad(int number) { return (number < 10 ? "0" : "") + std::to_string(number); }

// A day of `year` that has come by `today`: from January to December, or to today.
Date PastDay(Random& random, int year, const Date& today) {
  Date day{year, random.Between(1, 12), random.Between(1, 28)};
  return std::min(day, today);
}

std::string PersonName(Random& random) {
  return std::string(random.Pick(GivenNames())) + " " + std::string(random.Pick(FamilyNames()));
}

Team MakeTeam(Random& random, const std::string& region_code, std::optional<Id> agency_id,
              const std::string& number, const Date& date, const std::string& now) {
  static const std::vector<std::string_view> kPositions = {
      "Kepala Bidang",       "Kepala Subbagian", "Analis Kebijakan",
      "Perencana Ahli Muda", "Pranata Komputer", "Peneliti Ahli Muda"};
  Team team;
  team.region_code = region_code;
  team.agency_id = agency_id;
  team.decree_number = number;
  team.decree_date = FormatDate(date);
  team.members.push_back(
      {PersonName(random), agency_id ? "Sekretaris" : "Sekretaris Daerah", TeamRole::kChair});
  team.members.push_back({PersonName(random),
                          agency_id ? "Kepala Subbagian Perencanaan"
                                    : "Kepala Bidang Penelitian dan "
                                      "Pengembangan",
                          TeamRole::kSecretary});
  for (int i = random.Between(3, agency_id ? 5 : 9); i > 0; --i) {
    team.members.push_back(
        {PersonName(random), std::string(random.Pick(kPositions)), TeamRole::kMember});
  }
  team.created_at = team.updated_at = now;
  return team;
}

}  // namespace

void SetContinuation(Random& random, const Date& today, Innovation& innovation) {
  static const std::vector<std::string_view> kDormant = {
      "Petugas penggerak pindah tugas; penggantinya sedang disiapkan.",
      "Anggaran tahun berjalan belum tersedia; layanan dijalankan terbatas.",
      "Menunggu perbaikan perangkat dan aplikasi pendukung."};
  static const std::vector<std::string_view> kStopped = {
      "Fungsinya telah digantikan sistem nasional.",
      "Evaluasi menunjukkan biayanya tidak sebanding dengan hasilnya.",
      "Digabung ke inovasi perangkat daerah lain yang lebih luas jangkauannya."};
  if (innovation.continuation == Continuation::kActive || !innovation.year) return;
  innovation.continuation_date =
      FormatDate(PastDay(random, random.Between(*innovation.year, today.year), today));
  innovation.continuation_reason = std::string(
      random.Pick(innovation.continuation == Continuation::kDormant ? kDormant : kStopped));
}

void AddProgramme(Store& store, Random& random, const std::string& region_code, const Date& today,
                  int first_year, const std::vector<Id>& agencies,
                  const std::vector<WrittenInnovation>& innovations) {
  const std::string now = FormatDate(today) + "T02:00:00Z";

  // The region's team, renewed each year, and the teams of some of its agencies.
  for (int year = first_year; year <= today.year; ++year) {
    Date date = std::min(Date{year, 1, random.Between(5, 25)}, today);
    store.InsertTeam(MakeTeam(
        random, region_code, std::nullopt,
        "188.45/" + std::to_string(random.Between(10, 99)) + "/KEP/423.012/" + std::to_string(year),
        date, now));
  }
  for (std::size_t i = 0; i < agencies.size(); i += 3) {
    int year = random.Between(first_year, today.year);
    store.InsertTeam(
        MakeTeam(random, region_code, agencies[i],
                 "800/" + std::to_string(random.Between(100, 999)) + "/SK/" + std::to_string(year),
                 PastDay(random, year, today), now));
  }

  // Sessions and training: each year some of each kind, with the agencies they served and the
  // innovations they discussed; the rest of this year is scheduled, without advice yet.
  static const std::vector<std::string_view> kAdvice = {
      "Pertajam rumusan masalah dengan data layanan tiga tahun terakhir.",
      "Lengkapi rencana aksi dengan indikator keberhasilan yang terukur.",
      "Libatkan kelurahan dan kelompok warga sejak tahap uji coba.",
      "Siapkan standar operasional prosedur agar inovasi dapat direplikasi.",
      "Dokumentasikan biaya dan manfaat untuk bahan penilaian kompetisi.",
      "Susun strategi komunikasi melalui media sosial perangkat daerah."};
  static const std::vector<std::pair<ActivityKind, std::string_view>> kKinds = {
      {ActivityKind::kCoachingClinic, "Coaching clinic inovasi"},
      {ActivityKind::kDeskConsultation, "Konsultasi rancangan inovasi"},
      {ActivityKind::kWorkshop, "Workshop diagnose dan design"},
      {ActivityKind::kOrganisationalTraining, "Pelatihan strategi inovasi perangkat daerah"},
      {ActivityKind::kIndividualTraining, "Pelatihan penulisan proposal inovasi"},
      {ActivityKind::kSystemTraining, "Pelatihan pengelolaan sistem informasi inovasi"}};
  std::map<Id, std::vector<const WrittenInnovation*>> by_agency;
  for (const auto& innovation : innovations) by_agency[innovation.agency_id].push_back(&innovation);
  for (int year = first_year; year <= today.year; ++year) {
    for (int month = 2; month <= 11; month += random.Between(1, 2)) {
      const auto& [kind, title] = kKinds[random.Below(kKinds.size())];
      Activity activity;
      activity.region_code = region_code;
      activity.kind = kind;
      activity.date = std::to_string(year) + "-" + Pad(month) + "-" + Pad(random.Between(2, 27));
      activity.title = std::string(title) + " " + std::to_string(year);
      activity.place = random.Percent(70) ? "Aula Bappeda" : "Ruang rapat Sekretariat Daerah";
      auto served = random.Sample(agencies, static_cast<std::size_t>(random.Between(2, 6)));
      for (Id agency : served) {
        activity.agencies.push_back({agency, random.Between(IsTraining(kind) ? 3 : 1, 6)});
        for (const auto* innovation : by_agency[agency]) {
          if (innovation->year <= year && activity.innovations.size() < 4 && random.Percent(30)) {
            activity.innovations.push_back(innovation->id);
          }
        }
      }
      if (activity.date <= FormatDate(today)) activity.advice = std::string(random.Pick(kAdvice));
      activity.created_at = activity.updated_at = now;
      store.InsertActivity(activity);
    }
  }

  // The next session is already on the calendar.
  Activity next;
  next.region_code = region_code;
  next.kind = ActivityKind::kCoachingClinic;
  Date on = today.month < 12 ? Date{today.year, today.month + 1, 10} : Date{today.year + 1, 1, 15};
  next.date = FormatDate(on);
  next.title = "Coaching clinic persiapan kompetisi inovasi " + std::to_string(on.year);
  next.place = "Aula Bappeda";
  for (Id agency : random.Sample(agencies, 4)) next.agencies.push_back({agency, 2});
  next.created_at = next.updated_at = now;
  store.InsertActivity(next);

  // The rounds: every innovation in the round of each past year, and about half of this year's.
  static const std::array<std::vector<std::string_view>, 3> kReports = {
      std::vector<std::string_view>{
          "Layanan berjalan sesuai rencana dan jumlah penerima manfaat bertambah.",
          "Target triwulan tercapai; warga memberi tanggapan baik."},
      std::vector<std::string_view>{
          "Layanan berjalan, tetapi jumlah pengguna turun dibanding tahun lalu.",
          "Sebagian kegiatan tertunda karena keterbatasan petugas."},
      std::vector<std::string_view>{"Kegiatan tidak berjalan sepanjang tahun ini.",
                                    "Layanan terhenti; belum ada rencana pemulihan."}};
  static const std::vector<std::string_view> kImprovement = {
      "Pertahankan dan siapkan replikasi ke perangkat daerah lain.",
      "Sosialisasi ulang di kelurahan dan perbarui data penerima manfaat.",
      "Tetapkan penanggung jawab baru dan alokasikan anggaran pemeliharaan.",
      "Putuskan pada triwulan berikut apakah inovasi dilanjutkan atau diganti."};
  for (int year = first_year; year <= today.year; ++year) {
    for (const auto& innovation : innovations) {
      if (!innovation.in_round || innovation.year > year) continue;
      if (year == today.year && random.Percent(50)) continue;
      Progress progress = innovation.continuation == Continuation::kStopped ? Progress::kStalled
                          : innovation.continuation == Continuation::kDormant
                              ? Progress::kNeedsAttention
                          : random.Percent(80) ? Progress::kOnTrack
                                               : Progress::kNeedsAttention;
      Evaluation evaluation;
      evaluation.innovation_id = innovation.id;
      evaluation.year = year;
      evaluation.region_code = region_code;
      evaluation.progress = progress;
      evaluation.report = std::string(random.Pick(kReports[static_cast<std::size_t>(progress)]));
      evaluation.advice = std::string(random.Pick(kImprovement));
      evaluation.actor_name = "demo-tim";
      evaluation.recorded_at = now;
      store.PutEvaluation(evaluation);
    }
  }
}

}  // namespace lumbung::demo
