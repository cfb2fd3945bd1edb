// The audit trail's hash chain: what each entry's hash covers.
#pragma once

#include <string>

#include "domain/store.hpp"

namespace lumbung {

// The text an audit entry's hash is computed over: every field of the entry and the hash of
// the entry before it, separated so that no two different entries give the same text.
std::string AuditChainText(const AuditEntry& entry);

}  // namespace lumbung
