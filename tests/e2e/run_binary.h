#pragma once

#include <string>

namespace teamsim::e2e {

/// What a run of the real teamsim binary produced.
struct CommandResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the teamsim binary with `args` (a shell-quoted argument string) from `working_dir`, or
/// from the source tree when it is empty.
/// `environment` is prefixed to the command ("COLUMNS=80").
CommandResult run_teamsim(const std::string& args, const std::string& working_dir = "",
                          const std::string& environment = "");

/// Runs the teamsim binary with both its streams into one file, as a CI log or `2>&1 | tee`
/// takes them, and returns that file's contents.
std::string run_teamsim_into_one_log(const std::string& args);

/// Runs `'teamsim' ARGS` through the shell from the source tree, where ARGS may end in a pipe
/// or redirection of the test's own ("... | true"); returns the shell's exit status.
int run_teamsim_in_shell(const std::string& args);

/// `normal` replications, or a tenth of them (at least 10) in sanitizer builds, where every
/// replication is about ten times slower: enough to exercise every code path, and CI stays fast.
int replications_for_build(int normal);

/// A fresh empty directory under the system temp folder, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// The whole contents of a file ("" when it cannot be read).
std::string read_file(const std::string& path);

}  // namespace teamsim::e2e
