// The fault-injecting Env of the tests lives in src/base/fault_env.h, so that a whole
// `dyad` run can use it too (DYAD_FAULT_INJECT); these names keep the tests' spelling.
#ifndef DYAD_TESTS_BASE_FAULT_ENV_H_
#define DYAD_TESTS_BASE_FAULT_ENV_H_

#include "base/fault_env.h"

namespace dyad::testing {

using ::dyad::Fault;
using ::dyad::FaultEnv;

}  // namespace dyad::testing

#endif  // DYAD_TESTS_BASE_FAULT_ENV_H_
