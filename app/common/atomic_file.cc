#include "app/common/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace teamsim::app {
namespace {

std::runtime_error os_error(const std::string& what, const std::string& path, int error) {
  return std::runtime_error("cannot " + what + " " + path + ": " + std::strerror(error));
}

}  // namespace

namespace {
// Set once by main before any command runs, read after: the process's role, like the stop flag.
std::atomic<bool> g_this_process_writes{true};
}  // namespace

bool this_process_writes() { return g_this_process_writes.load(); }
void set_this_process_writes(bool writes) { g_this_process_writes.store(writes); }

void write_file_atomically(const std::string& path, std::string_view contents) {
  if (!this_process_writes()) return;
  const std::filesystem::path target(path);
  // A hidden sibling, so the rename stays on one file system.
  std::string temp =
      (target.parent_path() / fmt::format(".{}.tmpXXXXXX", target.filename().string())).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw os_error("create a file in the folder of", path, errno);
  const char* data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      throw os_error("write", path, error);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  // mkstemp creates the file 0600; results are meant to be shared like any other output.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw os_error("write", path, error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw os_error("replace", path, error);
  }
}

void ensure_directory(const std::string& dir) {
  if (!this_process_writes()) return;
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw std::runtime_error("cannot create folder " + dir + ": " + error.message());
}

}  // namespace teamsim::app
