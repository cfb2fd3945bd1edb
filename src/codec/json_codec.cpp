#include "codec/json_codec.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

#include "domain/messages.hpp"

namespace lumbung {
namespace {

// Reads one field of a record from JSON, appending errors under the field's name.
template <typename Record>
using Reader =
    std::function<void(const Json&, Record&, const std::string&, std::vector<FieldError>&)>;

// A field of a record as JSON sees it.
template <typename Record>
struct Field {
  std::string name;
  enum Access { kWritable, kCreateOnly, kReadOnly } access = kWritable;
  std::function<Json(const Record&)> write;
  Reader<Record> read;
};

FieldError ExpectString(std::string field) {
  return msg::WrongType(std::move(field), "teks", "a string");
}

// Binders: each makes the read and write functions for one member of one C++ type.
template <typename Record>
Field<Record> String(std::string name, std::string Record::*member,
                     typename Field<Record>::Access access = Field<Record>::kWritable) {
  return {name, access, [member](const Record& r) { return Json(r.*member); },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            if (v.is_null()) {
              (r.*member).clear();
            } else if (v.is_string()) {
              r.*member = v.get<std::string>();
            } else {
              e.push_back(ExpectString(at));
            }
          }};
}

template <typename Record>
Field<Record> Bool(std::string name, bool Record::*member) {
  return {name, Field<Record>::kWritable, [member](const Record& r) { return Json(r.*member); },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            if (v.is_boolean()) {
              r.*member = v.get<bool>();
            } else {
              e.push_back(msg::WrongType(at, "true atau false", "true or false"));
            }
          }};
}

// Reads a whole number that fits in T, or reports the field.
template <typename T>
bool ReadInteger(const Json& v, T& out, const std::string& at, std::vector<FieldError>& e) {
  if (!v.is_number_integer()) {
    e.push_back(msg::WrongType(at, "bilangan bulat", "a whole number"));
    return false;
  }
  if (v.is_number_unsigned()
          ? v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<T>::max())
          : (v.get<std::int64_t>() < std::numeric_limits<T>::min() ||
             v.get<std::int64_t>() > std::numeric_limits<T>::max())) {
    e.push_back(msg::OutOfRange(at, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
    return false;
  }
  out = v.get<T>();
  return true;
}

template <typename Record, typename T>
Field<Record> Integer(std::string name, T Record::*member,
                      typename Field<Record>::Access access = Field<Record>::kWritable) {
  return {name, access, [member](const Record& r) { return Json(r.*member); },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            ReadInteger(v, r.*member, at, e);
          }};
}

template <typename Record, typename T>
Field<Record> OptionalInteger(std::string name, std::optional<T> Record::*member) {
  return {name, Field<Record>::kWritable,
          [member](const Record& r) { return r.*member ? Json(*(r.*member)) : Json(nullptr); },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            T value{};
            if (v.is_null()) {
              (r.*member).reset();
            } else if (ReadInteger(v, value, at, e)) {
              r.*member = value;
            }
          }};
}

template <typename E>
bool ReadEnum(const Json& v, E& out, const std::string& at, std::vector<FieldError>& e) {
  if (!v.is_string()) {
    e.push_back(ExpectString(at));
    return false;
  }
  auto parsed = Parse<E>(v.get_ref<const std::string&>());
  if (!parsed) {
    e.push_back(msg::UnknownValue(at, AllowedList<E>()));
    return false;
  }
  out = *parsed;
  return true;
}

template <typename Record, typename E>
Field<Record> Enum(std::string name, E Record::*member) {
  return {name, Field<Record>::kWritable,
          [member](const Record& r) { return Json(ToString(r.*member)); },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            ReadEnum(v, r.*member, at, e);
          }};
}

template <typename Record, typename E>
Field<Record> ReadOnlyEnum(std::string name, E Record::*member) {
  Field<Record> field = Enum(std::move(name), member);
  field.access = Field<Record>::kReadOnly;
  return field;
}

template <typename Record, typename E>
Field<Record> OptionalEnum(std::string name, std::optional<E> Record::*member) {
  return {name, Field<Record>::kWritable,
          [member](const Record& r) {
            return r.*member ? Json(ToString(*(r.*member))) : Json(nullptr);
          },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            E value{};
            if (v.is_null()) {
              (r.*member).reset();
            } else if (ReadEnum(v, value, at, e)) {
              r.*member = value;
            }
          }};
}

// Reads an array, calling `item` for each element with its path ("themes[2]").
template <typename T, typename ReadItem>
void ReadArray(const Json& v, std::vector<T>& out, const std::string& at,
               std::vector<FieldError>& e, ReadItem item) {
  if (v.is_null()) {
    out.clear();
    return;
  }
  if (!v.is_array()) {
    e.push_back(msg::WrongType(at, "daftar (array)", "a list (array)"));
    return;
  }
  std::vector<T> values(v.size());
  auto before = e.size();
  for (std::size_t i = 0; i < v.size(); ++i) {
    item(v[i], values[i], at + "[" + std::to_string(i) + "]", e);
  }
  if (e.size() == before) out = std::move(values);
}

// Reads an object's members with a table of named readers, reporting unknown members.
template <typename T>
void ReadObject(const Json& v, T& out, const std::string& at, std::vector<FieldError>& e,
                const std::vector<std::pair<std::string, Reader<T>>>& members) {
  if (!v.is_object()) {
    e.push_back(msg::WrongType(at, "objek", "an object"));
    return;
  }
  for (const auto& [key, value] : v.items()) {
    auto found = std::find_if(members.begin(), members.end(),
                              [&](const auto& member) { return member.first == key; });
    if (found == members.end()) {
      e.push_back(msg::UnknownField(at + "." + key));
    } else {
      found->second(value, out, at + "." + key, e);
    }
  }
}

template <typename Record>
Field<Record> StringList(std::string name, std::vector<std::string> Record::*member) {
  return {name, Field<Record>::kWritable, [member](const Record& r) { return Json(r.*member); },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            ReadArray(v, r.*member, at, e,
                      [](const Json& item, std::string& out, const std::string& path,
                         std::vector<FieldError>& errors) {
                        if (item.is_string()) {
                          out = item.get<std::string>();
                        } else {
                          errors.push_back(ExpectString(path));
                        }
                      });
          }};
}

template <typename Record, typename E>
Field<Record> EnumList(std::string name, std::vector<E> Record::*member) {
  return {name, Field<Record>::kWritable,
          [member](const Record& r) {
            Json list = Json::array();
            for (E value : r.*member) list.push_back(ToString(value));
            return list;
          },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            ReadArray(v, r.*member, at, e,
                      [](const Json& item, E& out, const std::string& path,
                         std::vector<FieldError>& errors) { ReadEnum(item, out, path, errors); });
          }};
}

template <typename T>
Reader<T> MemberString(std::string T::*member) {
  return [member](const Json& v, T& r, const std::string& at, std::vector<FieldError>& e) {
    if (v.is_string()) {
      r.*member = v.get<std::string>();
    } else {
      e.push_back(ExpectString(at));
    }
  };
}

const std::vector<Field<Innovation>>& InnovationFields() {
  using I = Innovation;
  static const std::vector<Field<I>> kFields = {
      Integer("id", &I::id, Field<I>::kReadOnly),
      String("region_code", &I::region_code, Field<I>::kCreateOnly),
      Integer("agency_id", &I::agency_id),
      String("unit", &I::unit),
      String("title", &I::title),
      String("product", &I::product),
      String("summary", &I::summary),
      Enum("initiator_kind", &I::initiator_kind),
      String("initiator_names", &I::initiator_names),
      StringList("team_members", &I::team_members),
      OptionalEnum("type", &I::type),
      OptionalEnum("form", &I::form),
      Bool("digital", &I::digital),
      String("main_affair", &I::main_affair),
      StringList("other_affairs", &I::other_affairs),
      StringList("themes", &I::themes),
      Enum("maturity", &I::maturity),
      OptionalInteger("year", &I::year),
      OptionalInteger("implementation_year", &I::implementation_year),
      String("trial_date", &I::trial_date),
      String("implementation_date", &I::implementation_date),
      ReadOnlyEnum("stage", &I::stage),
      String("description", &I::description),
      String("background", &I::background),
      String("design", &I::design),
      String("goals", &I::goals),
      String("benefits", &I::benefits),
      String("results", &I::results),
      String("drivers", &I::drivers),
      String("obstacles", &I::obstacles),
      String("process_steps", &I::process_steps),
      String("outputs", &I::outputs),
      String("outcomes", &I::outcomes),
      String("replication_prerequisites", &I::replication_prerequisites),
      {"budget", Field<I>::kWritable,
       [](const I& r) {
         Json list = Json::array();
         for (const auto& line : r.budget)
           list.push_back({{"year", line.year}, {"amount", line.amount}});
         return list;
       },
       [](const Json& v, I& r, const std::string& at, std::vector<FieldError>& e) {
         ReadArray(
             v, r.budget, at, e,
             [](const Json& item, BudgetLine& out, const std::string& path,
                std::vector<FieldError>& errors) {
               ReadObject<BudgetLine>(
                   item, out, path, errors,
                   {{"year", [](const Json& x, BudgetLine& l, const std::string& p,
                                std::vector<FieldError>& er) { ReadInteger(x, l.year, p, er); }},
                    {"amount",
                     [](const Json& x, BudgetLine& l, const std::string& p,
                        std::vector<FieldError>& er) { ReadInteger(x, l.amount, p, er); }}});
             });
       }},
      String("video_url", &I::video_url),
      String("location", &I::location),
      {"evidence", Field<I>::kWritable,
       [](const I& r) {
         Json list = Json::array();
         for (const auto& item : r.evidence)
           list.push_back({{"title", item.title}, {"url", item.url}});
         return list;
       },
       [](const Json& v, I& r, const std::string& at, std::vector<FieldError>& e) {
         ReadArray(v, r.evidence, at, e,
                   [](const Json& item, Evidence& out, const std::string& path,
                      std::vector<FieldError>& errors) {
                     ReadObject<Evidence>(item, out, path, errors,
                                          {{"title", MemberString(&Evidence::title)},
                                           {"url", MemberString(&Evidence::url)}});
                   });
       }},
      OptionalInteger("replicated_from", &I::replicated_from),
      OptionalEnum("replication_method", &I::replication_method),
      EnumList("transfer_kinds", &I::transfer_kinds),
      OptionalEnum("transfer_activity", &I::transfer_activity),
      {"partners", Field<I>::kWritable,
       [](const I& r) {
         Json list = Json::array();
         for (const auto& partner : r.partners) {
           list.push_back({{"name", partner.name}, {"kind", ToString(partner.kind)}});
         }
         return list;
       },
       [](const Json& v, I& r, const std::string& at, std::vector<FieldError>& e) {
         ReadArray(
             v, r.partners, at, e,
             [](const Json& item, Partner& out, const std::string& path,
                std::vector<FieldError>& errors) {
               ReadObject<Partner>(
                   item, out, path, errors,
                   {{"name", MemberString(&Partner::name)},
                    {"kind", [](const Json& x, Partner& p, const std::string& at2,
                                std::vector<FieldError>& er) { ReadEnum(x, p.kind, at2, er); }}});
             });
       }},
      // The workflow moves these (POST /innovations/{id}/transitions); imports may set them.
      ReadOnlyEnum("status", &I::status),
      String("rejection_reason", &I::rejection_reason, Field<I>::kReadOnly),
      String("approved_at", &I::approved_at, Field<I>::kReadOnly),
      // Set with POST /innovations/{id}/continuation, which asks for a date and a reason.
      ReadOnlyEnum("continuation", &I::continuation),
      String("continuation_date", &I::continuation_date, Field<I>::kReadOnly),
      String("continuation_reason", &I::continuation_reason, Field<I>::kReadOnly),
      String("source", &I::source, Field<I>::kReadOnly),
      String("source_ref", &I::source_ref, Field<I>::kReadOnly),
      Integer("version", &I::version, Field<I>::kReadOnly),
      String("created_at", &I::created_at, Field<I>::kReadOnly),
      String("updated_at", &I::updated_at, Field<I>::kReadOnly),
  };
  return kFields;
}

const std::vector<Field<Agency>>& AgencyFields() {
  using A = Agency;
  static const std::vector<Field<A>> kFields = {
      Integer("id", &A::id, Field<A>::kReadOnly),
      String("region_code", &A::region_code, Field<A>::kReadOnly),
      String("name", &A::name),
      String("short_name", &A::short_name),
      Enum("kind", &A::kind),
      OptionalInteger("parent_id", &A::parent_id),
      OptionalInteger("echelon", &A::echelon),
      String("address", &A::address),
      String("phone", &A::phone),
      String("email", &A::email),
      String("website", &A::website),
      Integer("version", &A::version, Field<A>::kReadOnly),
      String("created_at", &A::created_at, Field<A>::kReadOnly),
      String("updated_at", &A::updated_at, Field<A>::kReadOnly),
  };
  return kFields;
}

const std::vector<Field<Region>>& RegionFields() {
  using R = Region;
  static const std::vector<Field<R>> kFields = {
      String("code", &R::code, Field<R>::kCreateOnly),
      String("name", &R::name),
      Enum("level", &R::level),
      String("parent_code", &R::parent_code),
      Enum("time_zone", &R::time_zone),
      Bool("demo", &R::demo),
      Bool("requires_head_approval", &R::requires_head_approval),
      {"target", Field<R>::kWritable, [](const R& r) { return ToJson(r.target); },
       [](const Json& v, R& r, const std::string& at, std::vector<FieldError>& e) {
         for (auto& error : FromJson(v, r.target)) {
           error.field = error.field == "(body)" ? at : at + "." + error.field;
           e.push_back(std::move(error));
         }
       }},
      String("created_at", &R::created_at, Field<R>::kReadOnly),
  };
  return kFields;
}

const std::vector<Field<TargetRule>>& TargetRuleFields() {
  using T = TargetRule;
  static const std::vector<Field<T>> kFields = {
      Integer("count", &T::count),
      Enum("minimum_maturity", &T::minimum_maturity),
      Bool("verified_only", &T::verified_only),
      String("deadline", &T::deadline),
      Bool("per_echelon_iii", &T::per_echelon_iii),
  };
  return kFields;
}

// The members of a clinic entry that depend on its kind: what the store keeps as details.
const std::vector<Field<ClinicEntry>>& ClinicDetailFields() {
  using C = ClinicEntry;
  static const std::vector<Field<C>> kFields = {
      OptionalEnum("validation_method", &C::validation_method),
      OptionalEnum("decision", &C::decision),
      OptionalEnum("monitoring_method", &C::monitoring_method),
      OptionalEnum("event_kind", &C::event_kind),
      String("notes", &C::notes),
      String("action_plan", &C::action_plan),
      String("stakeholder_map", &C::stakeholder_map),
      String("communication_strategy", &C::communication_strategy),
      String("findings", &C::findings),
      String("obstacles", &C::obstacles),
      String("event_name", &C::event_name),
      String("feedback", &C::feedback),
  };
  return kFields;
}

const std::vector<Field<ClinicEntry>>& ClinicEntryFields() {
  using C = ClinicEntry;
  static const std::vector<Field<C>> kFields = [] {
    std::vector<Field<C>> fields = {
        Integer("id", &C::id, Field<C>::kReadOnly),
        Integer("innovation_id", &C::innovation_id, Field<C>::kReadOnly),
        Enum("kind", &C::kind),
        ReadOnlyEnum("stage", &C::stage),
        String("date", &C::date),
    };
    for (const auto& field : ClinicDetailFields()) fields.push_back(field);
    fields.push_back(String("recorded_by", &C::actor_name, Field<C>::kReadOnly));
    fields.push_back(String("created_at", &C::created_at, Field<C>::kReadOnly));
    return fields;
  }();
  return kFields;
}

// A list of whole numbers that fit in T.
template <typename Record, typename T>
Field<Record> IntegerList(std::string name, std::vector<T> Record::*member) {
  return {name, Field<Record>::kWritable, [member](const Record& r) { return Json(r.*member); },
          [member](const Json& v, Record& r, const std::string& at, std::vector<FieldError>& e) {
            ReadArray(
                v, r.*member, at, e,
                [](const Json& item, T& out, const std::string& path,
                   std::vector<FieldError>& errors) { ReadInteger(item, out, path, errors); });
          }};
}

const std::vector<Field<Activity>>& ActivityFields() {
  using A = Activity;
  static const std::vector<Field<A>> kFields = {
      Integer("id", &A::id, Field<A>::kReadOnly),
      String("region_code", &A::region_code, Field<A>::kReadOnly),
      Enum("kind", &A::kind),
      String("title", &A::title),
      String("date", &A::date),
      String("place", &A::place),
      {"agencies", Field<A>::kWritable,
       [](const A& r) {
         Json list = Json::array();
         for (const auto& unit : r.agencies) {
           list.push_back({{"agency_id", unit.agency_id}, {"participants", unit.participants}});
         }
         return list;
       },
       [](const Json& v, A& r, const std::string& at, std::vector<FieldError>& e) {
         ReadArray(v, r.agencies, at, e,
                   [](const Json& item, ActivityUnit& out, const std::string& path,
                      std::vector<FieldError>& errors) {
                     ReadObject<ActivityUnit>(
                         item, out, path, errors,
                         {{"agency_id",
                           [](const Json& x, ActivityUnit& u, const std::string& p,
                              std::vector<FieldError>& er) { ReadInteger(x, u.agency_id, p, er); }},
                          {"participants", [](const Json& x, ActivityUnit& u, const std::string& p,
                                              std::vector<FieldError>& er) {
                             ReadInteger(x, u.participants, p, er);
                           }}});
                   });
       }},
      IntegerList("innovations", &A::innovations),
      String("advice", &A::advice),
      Integer("version", &A::version, Field<A>::kReadOnly),
      String("created_at", &A::created_at, Field<A>::kReadOnly),
      String("updated_at", &A::updated_at, Field<A>::kReadOnly),
  };
  return kFields;
}

const std::vector<Field<Team>>& TeamFields() {
  using T = Team;
  static const std::vector<Field<T>> kFields = {
      Integer("id", &T::id, Field<T>::kReadOnly),
      String("region_code", &T::region_code, Field<T>::kReadOnly),
      OptionalInteger("agency_id", &T::agency_id),
      String("decree_number", &T::decree_number),
      String("decree_date", &T::decree_date),
      {"members", Field<T>::kWritable,
       [](const T& r) {
         Json list = Json::array();
         for (const auto& member : r.members) {
           list.push_back({{"name", member.name},
                           {"position", member.position},
                           {"role", ToString(member.role)}});
         }
         return list;
       },
       [](const Json& v, T& r, const std::string& at, std::vector<FieldError>& e) {
         ReadArray(
             v, r.members, at, e,
             [](const Json& item, TeamMember& out, const std::string& path,
                std::vector<FieldError>& errors) {
               ReadObject<TeamMember>(
                   item, out, path, errors,
                   {{"name", MemberString(&TeamMember::name)},
                    {"position", MemberString(&TeamMember::position)},
                    {"role", [](const Json& x, TeamMember& m, const std::string& p,
                                std::vector<FieldError>& er) { ReadEnum(x, m.role, p, er); }}});
             });
       }},
      Integer("version", &T::version, Field<T>::kReadOnly),
      String("created_at", &T::created_at, Field<T>::kReadOnly),
      String("updated_at", &T::updated_at, Field<T>::kReadOnly),
  };
  return kFields;
}

const std::vector<Field<Evaluation>>& EvaluationFields() {
  using E = Evaluation;
  static const std::vector<Field<E>> kFields = {
      Integer("innovation_id", &E::innovation_id, Field<E>::kReadOnly),
      Integer("year", &E::year, Field<E>::kCreateOnly),
      Enum("progress", &E::progress),
      String("report", &E::report),
      String("advice", &E::advice),
      String("recorded_by", &E::actor_name, Field<E>::kReadOnly),
      String("recorded_at", &E::recorded_at, Field<E>::kReadOnly),
  };
  return kFields;
}

template <typename Record>
Json Write(const std::vector<Field<Record>>& fields, const Record& record) {
  Json out = Json::object();
  for (const auto& field : fields) out[field.name] = field.write(record);
  return out;
}

template <typename Record>
std::vector<FieldError> Read(const std::vector<Field<Record>>& fields, const Json& input,
                             Record& record, JsonInput kind) {
  std::vector<FieldError> errors;
  if (!input.is_object()) {
    errors.push_back(msg::WrongType("(body)", "objek JSON", "a JSON object"));
    return errors;
  }
  for (const auto& [key, value] : input.items()) {
    auto field = std::find_if(fields.begin(), fields.end(),
                              [&](const auto& candidate) { return candidate.name == key; });
    if (field == fields.end()) {
      errors.push_back(msg::UnknownField(key));
      continue;
    }
    bool allowed = kind == JsonInput::kRecord || field->access == Field<Record>::kWritable ||
                   (kind == JsonInput::kCreate && field->access == Field<Record>::kCreateOnly);
    if (!allowed) {
      errors.push_back({key,
                        "read_only",
                        {"Isian ini tidak dapat diubah lewat permintaan ini. Hapus dari data yang "
                         "dikirim.",
                         "This field cannot be set by this request. Leave it out."}});
      continue;
    }
    field->read(value, record, key, errors);
  }
  return errors;
}

}  // namespace

Json ToJson(const Region& region) { return Write(RegionFields(), region); }
Json ToJson(const Agency& agency) { return Write(AgencyFields(), agency); }
Json ToJson(const Innovation& innovation) { return Write(InnovationFields(), innovation); }

Json ToJson(const InnovationSummary& s) {
  return {
      {"id", s.id},
      {"region_code", s.region_code},
      {"agency", {{"id", s.agency_id}, {"name", s.agency_name}}},
      {"title", s.title},
      {"product", s.product},
      {"summary", s.summary},
      {"type", s.type ? Json(ToString(*s.type)) : Json(nullptr)},
      {"form", s.form ? Json(ToString(*s.form)) : Json(nullptr)},
      {"maturity", ToString(s.maturity)},
      {"stage", ToString(s.stage)},
      {"status", ToString(s.status)},
      {"continuation", ToString(s.continuation)},
      {"digital", s.digital},
      {"year", s.year ? Json(*s.year) : Json(nullptr)},
      {"updated_at", s.updated_at},
  };
}

Json ToJson(const InnovationFacets& facets) {
  auto values = [](const std::vector<FacetValue>& list) {
    Json out = Json::array();
    for (const auto& facet : list) {
      Json value = {{"value", facet.value}, {"count", facet.count}};
      if (!facet.label.empty()) value["label"] = facet.label;
      out.push_back(std::move(value));
    }
    return out;
  };
  return {
      {"agency", values(facets.agency)}, {"type", values(facets.type)},
      {"form", values(facets.form)},     {"maturity", values(facets.maturity)},
      {"stage", values(facets.stage)},   {"year", values(facets.year)},
      {"affair", values(facets.affair)}, {"digital", values(facets.digital)},
  };
}

Json ToJson(const TargetRule& rule) { return Write(TargetRuleFields(), rule); }
std::vector<FieldError> FromJson(const Json& input, TargetRule& rule) {
  return Read(TargetRuleFields(), input, rule, JsonInput::kUpdate);
}

Json ToJson(const ClinicEntry& entry) {
  // Only what the entry's kind holds: a validation shows no findings.
  Json out = Json::object();
  for (const auto& field : ClinicEntryFields()) {
    Json value = field.write(entry);
    bool empty =
        value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty());
    if (!empty || field.name == "date") out[field.name] = std::move(value);
  }
  return out;
}
std::vector<FieldError> FromJson(const Json& input, ClinicEntry& entry) {
  return Read(ClinicEntryFields(), input, entry, JsonInput::kCreate);
}

Json ToJson(const Activity& activity) { return Write(ActivityFields(), activity); }
std::vector<FieldError> FromJson(const Json& input, Activity& record, JsonInput kind) {
  return Read(ActivityFields(), input, record, kind);
}
Json ToJson(const Team& team) { return Write(TeamFields(), team); }
std::vector<FieldError> FromJson(const Json& input, Team& record, JsonInput kind) {
  return Read(TeamFields(), input, record, kind);
}
Json ToJson(const Evaluation& evaluation) { return Write(EvaluationFields(), evaluation); }
std::vector<FieldError> FromJson(const Json& input, Evaluation& record) {
  return Read(EvaluationFields(), input, record, JsonInput::kCreate);
}

Json ClinicDetailsJson(const ClinicEntry& entry) {
  Json out = Json::object();
  for (const auto& field : ClinicDetailFields()) {
    Json value = field.write(entry);
    bool empty =
        value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty());
    if (!empty) out[field.name] = std::move(value);
  }
  return out;
}
std::vector<FieldError> ReadClinicDetails(const Json& details, ClinicEntry& entry) {
  return Read(ClinicDetailFields(), details, entry, JsonInput::kRecord);
}

std::vector<FieldError> FromJson(const Json& input, Region& record, JsonInput kind) {
  return Read(RegionFields(), input, record, kind);
}
std::vector<FieldError> FromJson(const Json& input, Agency& record, JsonInput kind) {
  return Read(AgencyFields(), input, record, kind);
}
std::vector<FieldError> FromJson(const Json& input, Innovation& record, JsonInput kind) {
  return Read(InnovationFields(), input, record, kind);
}

const std::vector<std::string>& InnovationJsonFields() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const auto& field : InnovationFields()) names.push_back(field.name);
    return names;
  }();
  return kNames;
}

}  // namespace lumbung
