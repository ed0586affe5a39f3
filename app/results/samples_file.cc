#include "app/results/samples_file.h"

#include <fmt/format.h>
#include <zlib.h>

#include <stdexcept>

#include "app/common/csv.h"

namespace teamsim::app {
namespace {

/// A gzip stream into a string, fed piece by piece.
class GzipWriter {
 public:
  GzipWriter() {
    // 15 + 16: the largest window, with a gzip header and trailer (mtime 0: reproducible).
    if (deflateInit2(&stream_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
      throw std::runtime_error("zlib: cannot start compressing");
    }
  }
  ~GzipWriter() { deflateEnd(&stream_); }
  GzipWriter(const GzipWriter&) = delete;
  GzipWriter& operator=(const GzipWriter&) = delete;

  void write(const std::string& text, bool finish = false) {
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream_.avail_in = static_cast<uInt>(text.size());
    int status = Z_OK;
    do {
      unsigned char buffer[1 << 16];
      stream_.next_out = buffer;
      stream_.avail_out = sizeof buffer;
      status = deflate(&stream_, finish ? Z_FINISH : Z_NO_FLUSH);
      if (status == Z_STREAM_ERROR) throw std::runtime_error("zlib: compression failed");
      out_.append(reinterpret_cast<const char*>(buffer), sizeof buffer - stream_.avail_out);
    } while (stream_.avail_out == 0 || (finish && status != Z_STREAM_END));
  }

  std::string finish() {
    write("", true);
    return std::move(out_);
  }

 private:
  z_stream stream_{};
  std::string out_;
};

}  // namespace

std::string samples_csv_gz(const model::Projection& projection,
                           const std::vector<std::string>& metrics, std::size_t first_replication) {
  std::vector<const Eigen::MatrixXd*> columns;
  std::string text = "replication,month";
  for (const std::string& name : metrics) {
    const Eigen::MatrixXd* samples = projection.find(name);
    if (samples == nullptr) throw std::invalid_argument("metric '" + name + "' was not kept");
    columns.push_back(samples);
    text += ',';
    text += csv_field(name);  // a territory "Paris, FR" is quoted
  }
  text += '\n';
  GzipWriter gzip;
  const Eigen::Index replications = static_cast<Eigen::Index>(projection.samples.replications());
  const Eigen::Index months = static_cast<Eigen::Index>(projection.samples.months());
  for (Eigen::Index r = 0; r < replications; ++r) {
    for (Eigen::Index m = 0; m < months; ++m) {
      text += fmt::format("{},{}", first_replication + static_cast<std::size_t>(r), m + 1);
      for (const Eigen::MatrixXd* samples : columns) text += ',' + csv_number((*samples)(r, m));
      text += '\n';
    }
    if (text.size() >= (1 << 20)) {
      gzip.write(text);
      text.clear();
    }
  }
  gzip.write(text);
  return gzip.finish();
}

}  // namespace teamsim::app
