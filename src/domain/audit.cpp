#include "domain/audit.hpp"

namespace lumbung {

std::string AuditChainText(const AuditEntry& entry) {
  // Each field is prefixed with its length, so a separator inside a value cannot shift the
  // boundary between two fields.
  std::string text;
  auto add = [&text](const std::string& field) {
    text += std::to_string(field.size());
    text += ':';
    text += field;
    text += ';';
  };
  add(entry.at);
  add(entry.user_id ? std::to_string(*entry.user_id) : std::string());
  add(entry.actor_name);
  add(entry.address);
  add(entry.action);
  add(entry.record_type);
  add(entry.record_id);
  add(entry.region_code);
  add(entry.before);
  add(entry.after);
  add(entry.prev_hash);
  return text;
}

}  // namespace lumbung
