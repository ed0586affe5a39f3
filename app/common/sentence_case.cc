#include "app/common/sentence_case.h"

#include <cctype>

namespace teamsim::app {

std::string in_sentence(std::string title) {
  if (title.size() > 1 && std::islower(static_cast<unsigned char>(title[1])) != 0) {
    title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
  }
  return title;
}

std::string capitalised(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace teamsim::app
