#include "kb/tsv.h"

namespace dyad::kb {

std::string EscapeField(std::string_view raw) { return EscapeTsv(raw); }

bool UnescapeField(std::string_view field, std::string* out, size_t* bad_offset) {
  out->clear();
  if (field.find('\\') == std::string_view::npos) {
    out->assign(field);
    return true;
  }
  for (size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    char next = i + 1 < field.size() ? field[i + 1] : '\0';
    switch (next) {
      case '\\': out->push_back('\\'); break;
      case 't': out->push_back('\t'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case ';': out->append("\\;"); break;  // kept for the qualifier parser
      default:
        *bad_offset = i;
        return false;
    }
    ++i;
  }
  return true;
}

}  // namespace dyad::kb
