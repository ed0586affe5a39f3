#include "app/common/output_folder.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "app/common/atomic_file.h"
#include "app/common/errors.h"

namespace teamsim::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kManifestHeader =
    "# The files teamsim wrote into this folder. The next teamsim command writing here removes\n"
    "# them first; it refuses a folder holding any file not listed (docs/output-folders.md).\n";

std::vector<std::string> read_manifest(const fs::path& dir) {
  std::vector<std::string> files;
  std::ifstream in(dir / kOutputManifest);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    // Never follow a listed path out of the folder.
    const fs::path relative = fs::path(line).lexically_normal();
    if (relative.is_absolute() || relative.empty() || *relative.begin() == "..") continue;
    files.push_back(relative.generic_string());
  }
  return files;
}

// Every file (not folder) under `dir`, relative, except the manifest itself and the folders
// holding their own manifest: those are another command's output folder (out/batch inside out/),
// neither this one's files nor foreign ones.
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    const fs::directory_entry& entry = *it;
    if (entry.is_directory() && !entry.is_symlink()) {
      std::error_code error;
      if (fs::exists(entry.path() / kOutputManifest, error)) it.disable_recursion_pending();
      continue;
    }
    const std::string relative = entry.path().lexically_relative(dir).generic_string();
    if (relative != kOutputManifest) files.push_back(relative);
  }
  std::sort(files.begin(), files.end());
  return files;
}

void write_manifest(const fs::path& dir, const std::vector<std::string>& files) {
  std::string text = kManifestHeader;
  for (const std::string& file : files) text += file + "\n";
  write_file_atomically((dir / kOutputManifest).string(), text);
}

}  // namespace

OutputFolder::OutputFolder(std::string dir, std::string option) : dir_(std::move(dir)) {
  // Only the process that writes checks: in an MPI run, rank 0 may already be writing there
  // (a batch writes each scenario's files before the next runs) when another process starts.
  if (!this_process_writes()) return;
  const fs::path folder(dir_);
  std::error_code error;
  if (!fs::exists(folder, error)) return;
  if (!fs::is_directory(folder, error)) {
    throw UsageError(fmt::format("{} {}: is a file, not a folder", option, dir_));
  }
  previous_ = read_manifest(folder);
  const std::set<std::string> listed(previous_.begin(), previous_.end());
  std::vector<std::string> foreign;
  for (const std::string& file : files_under(folder)) {
    if (!listed.contains(file)) foreign.push_back(file);
  }
  if (foreign.empty()) return;
  constexpr std::size_t kShown = 5;
  std::string names;
  for (std::size_t i = 0; i < std::min(kShown, foreign.size()); ++i) {
    names += (i == 0 ? "" : ", ") + foreign[i];
  }
  if (foreign.size() > kShown) names += fmt::format(" and {} more", foreign.size() - kShown);
  throw UsageError(fmt::format(
      "{} {}: the folder holds {} teamsim did not write there ({}); teamsim replaces only its "
      "own files, so a folder holds one run's files. Choose another {}, or move those files "
      "away",
      option, dir_, foreign.size() == 1 ? "a file" : "files", names, option));
}

OutputFolder::~OutputFolder() {
  if (!cleared_) return;
  try {
    list_files();
  } catch (...) {
    // Nothing to do: without a list, the next command refuses the folder rather than guess.
  }
}

void OutputFolder::list_files() {
  if (!cleared_) return;
  const std::vector<std::string> files = files_under(fs::path(dir_));
  if (files.empty()) {
    fs::remove(fs::path(dir_) / kOutputManifest);  // nothing written: an empty folder again
  } else {
    write_manifest(fs::path(dir_), files);
  }
}

void OutputFolder::clear() {
  if (!this_process_writes()) return;
  const fs::path folder(dir_);
  std::set<fs::path> parents;
  for (const std::string& file : previous_) {
    std::error_code error;
    fs::remove(folder / file, error);
    if (error)
      throw Error(fmt::format("cannot remove {}: {}", (folder / file).string(), error.message()));
    for (fs::path p = fs::path(file).parent_path(); !p.empty(); p = p.parent_path()) {
      parents.insert(p);
    }
  }
  // Deepest first, so a folder emptied by removing its subfolder goes too.
  for (auto it = parents.rbegin(); it != parents.rend(); ++it) {
    std::error_code error;
    if (fs::is_directory(folder / *it, error) && fs::is_empty(folder / *it, error)) {
      fs::remove(folder / *it, error);
    }
  }
  std::error_code error;
  fs::remove(folder / kOutputManifest, error);
  ensure_directory(dir_);
  previous_.clear();
  cleared_ = true;
  write_manifest(folder, {});
}

void record_output_files(const std::string& dir, const std::vector<std::string>& files) {
  const fs::path folder(dir);
  std::error_code error;
  if (!fs::exists(folder / kOutputManifest, error)) return;  // a folder teamsim never claimed
  std::vector<std::string> listed = read_manifest(folder);
  for (const std::string& file : files) {
    listed.push_back(fs::path(file).lexically_relative(folder).lexically_normal().generic_string());
  }
  std::sort(listed.begin(), listed.end());
  listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
  write_manifest(folder, listed);
}

}  // namespace teamsim::app
