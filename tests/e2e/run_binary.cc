#include "run_binary.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace teamsim::e2e {

namespace {

// Runs `environment 'teamsim' tail` through the shell from `working_dir` (the source tree when
// empty); `tail` is the arguments and any redirections. Returns the exit code, -1 when killed.
int shell(const std::string& tail, const std::string& working_dir = "",
          const std::string& environment = "") {
  const std::string command =
      "cd '" + (working_dir.empty() ? std::string(TEAMSIM_SOURCE_DIR) : working_dir) + "' && " +
      environment + " '" + TEAMSIM_BINARY + "' " + tail;
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

CommandResult run_teamsim(const std::string& args, const std::string& working_dir,
                          const std::string& environment) {
  const TempDir capture;
  const std::string out_path = capture.path() + "/stdout";
  const std::string err_path = capture.path() + "/stderr";
  CommandResult result;
  result.exit_code = shell(args + " >'" + out_path + "' 2>'" + err_path + "' </dev/null",
                           working_dir, environment);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

std::string run_teamsim_into_one_log(const std::string& args) {
  const TempDir capture;
  const std::string log_path = capture.path() + "/log";
  shell(args + " >'" + log_path + "' 2>&1 </dev/null");
  return read_file(log_path);
}

int run_teamsim_in_shell(const std::string& args) { return shell(args); }

int replications_for_build(int normal) {
  // The asan test preset sets TEAMSIM_SANITIZED (CMakePresets.json).
  const char* sanitized = std::getenv("TEAMSIM_SANITIZED");
  if (sanitized == nullptr || *sanitized == '\0') return normal;
  return std::max(10, normal / 10);
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "teamsim-e2e-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace teamsim::e2e
