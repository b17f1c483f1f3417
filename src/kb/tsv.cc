#include "kb/tsv.h"

namespace dyad::kb {

std::string EscapeField(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

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

void SplitTabs(std::string_view line, std::vector<std::string_view>* fields) {
  fields->clear();
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields->push_back(line.substr(start));
      return;
    }
    fields->push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace dyad::kb
