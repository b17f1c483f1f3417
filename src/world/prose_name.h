// How a state's name reads in running English, shared by every writer of prose (the
// dossier's sentences, the embassies importer's mission names).
#ifndef DYAD_WORLD_PROSE_NAME_H_
#define DYAD_WORLD_PROSE_NAME_H_

#include <string>

namespace dyad::world {

// The name with the definite article where English uses one: "the United States",
// "the Gambia", "the Republic of the Congo"; others unchanged ("Kyrgyzstan").
std::string StateInText(const std::string& name);

}  // namespace dyad::world

#endif  // DYAD_WORLD_PROSE_NAME_H_
