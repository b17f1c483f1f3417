// Where dyad finds its data at run time.
//
//   DyadHome():   $DYAD_HOME, else the source tree the binary was built from. Holds
//                 data/ (the project's own tables and packs) and node_modules/ (npm data
//                 packages installed by scripts/setup).
//   SharedDir():  $DYAD_SHARED, else DyadHome()/../shared. Test and benchmark data only;
//                 never needed by `dyad` itself. Tests skip with a message when absent.
//   IsoCodesDir(): $DYAD_ISO_CODES, else /usr/share/iso-codes/json (Debian iso-codes).
//   TempDir():    $TMPDIR, else /tmp (POSIX; std::filesystem::temp_directory_path and the
//                 tests read the same variable). Only for scratch files no user asked
//                 for; every output a user names is published beside itself (base/file.h).
#ifndef DYAD_BASE_PATHS_H_
#define DYAD_BASE_PATHS_H_

#include <string>

namespace dyad {

std::string DyadHome();
std::string DataDir();         // DyadHome()/data
std::string NodeModulesDir();  // DyadHome()/node_modules
std::string SharedDir();
std::string IsoCodesDir();
std::string TempDir();

}  // namespace dyad

#endif  // DYAD_BASE_PATHS_H_
