#pragma once

#include <string>
#include <vector>

namespace teamsim::app {

/// The name of the list of files teamsim wrote into an output folder, kept in that folder.
inline constexpr const char* kOutputManifest = ".teamsim-files";

/// An output folder that holds one command's files only. Constructing it checks the folder
/// (before a long run): missing, empty, or holding only files listed in its `.teamsim-files`
/// (those a previous teamsim command wrote there) is fine; anything else is another's file,
/// and it throws UsageError naming them, deleting nothing. A sub-folder with its own
/// `.teamsim-files` is another command's output folder (`out/batch` inside `out/`): left alone.
/// `clear()` (just before writing) removes the listed files and creates the folder; the destructor
/// lists every file then in the folder in `.teamsim-files`, so the next command can replace them.
class OutputFolder {
 public:
  /// Checks `dir` as above; `option` names it in the message, e.g. "--out".
  explicit OutputFolder(std::string dir, std::string option = "--out");
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  /// Removes the previous command's files (and the folders they leave empty) and creates the
  /// folder. Throws Error when a file cannot be removed or the folder cannot be created.
  void clear();

  /// Writes `.teamsim-files` now, listing every file the folder holds (the destructor writes it
  /// again). Called once a command's files are written and before it prints its results, so a
  /// reader that stops early (`teamsim run ... | head`: SIGPIPE ends teamsim mid-table) leaves a
  /// folder the next command may replace.
  void list_files();

  const std::string& path() const { return dir_; }

 private:
  std::string dir_;
  std::vector<std::string> previous_;  // relative paths listed in .teamsim-files
  bool cleared_ = false;
};

/// Adds `files` (paths inside `dir`) to `dir`'s `.teamsim-files`, for a command that writes
/// into a folder another command filled (`teamsim report OUT`); nothing when the folder has no
/// list (teamsim did not claim it). Throws Error on failure.
void record_output_files(const std::string& dir, const std::vector<std::string>& files);

}  // namespace teamsim::app
