#include "ingest/corpus.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "util/file_io.h"

namespace kgb {

namespace fs = std::filesystem;

void ListInputs(const std::vector<std::string>& args, std::vector<std::string>* files,
                std::vector<InputIssue>* issues) {
  for (const std::string& arg : args) {
    if (arg == "-") {
      files->push_back(arg);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      fs::file_status lst = fs::symlink_status(arg, ec);
      if (!ec && fs::is_symlink(lst)) {
        issues->push_back({arg, Status::NotFound(arg + ": dangling or looping symbolic link")});
      } else {
        issues->push_back({arg, Status::NotFound(arg + ": no such file or folder")});
      }
      continue;
    }
    if (fs::is_regular_file(st)) {
      files->push_back(arg);
      continue;
    }
    if (!fs::is_directory(st)) {
      issues->push_back({arg, Status::Unsupported(arg + ": not a regular file or folder")});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      issues->push_back({arg, Status::IOError(arg + ": cannot list folder: " + ec.message())});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        issues->push_back({arg, Status::IOError(arg + ": " + ec.message())});
        break;
      }
      const fs::directory_entry& e = *it;
      std::error_code ec2;
      std::string path = e.path().string();
      if (e.is_symlink(ec2)) {
        fs::file_status target = fs::status(e.path(), ec2);
        if (ec2 || !fs::exists(target)) {
          issues->push_back({path, Status::NotFound(path + ": dangling or looping symbolic link")});
          continue;
        }
        if (fs::is_directory(target)) continue;  // not followed: no loops
      }
      // Hidden files and a folder's README or LICENSE are not news pages.
      std::string base = e.path().filename().string();
      if (base.empty() || base[0] == '.' || base.rfind("README", 0) == 0 || base.rfind("LICENSE", 0) == 0) continue;
      if (e.is_regular_file(ec2)) found.push_back(path);
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
  }
}

void ExtractFiles(const Extractor& extractor, const std::vector<std::string>& files, const CorpusOptions& options,
                  GraphBuilder* builder, std::vector<InputIssue>* issues, CorpusStats* stats) {
  struct Result {
    Status status;
    DocumentRecords records;
    DocumentStats doc_stats;
  };
  const size_t n = files.size();
  const int threads = std::max(1, options.threads);
  const size_t window = static_cast<size_t>(threads) * 4;  // documents in flight

  std::mutex mu;
  std::condition_variable ready, room;
  std::map<size_t, Result> done;
  size_t next_to_add = 0;
  std::atomic<size_t> next_to_take{0};

  auto work = [&](size_t i) {
    Result r;
    std::string bytes;
    r.status = ReadFile(files[i], &bytes);
    if (r.status.ok()) r.status = extractor.Process(files[i], bytes, &r.records, &r.doc_stats);
    return r;
  };

  auto worker = [&] {
    for (;;) {
      size_t i = next_to_take.fetch_add(1);
      if (i >= n) return;
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return i < next_to_add + window; });
      }
      Result r = work(i);
      std::lock_guard<std::mutex> lock(mu);
      done.emplace(i, std::move(r));
      ready.notify_one();
    }
  };

  std::vector<std::thread> pool;
  if (threads > 1)
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);

  CorpusProgress progress;
  progress.files_total = n;
  for (size_t i = 0; i < n; ++i) {
    Result r;
    if (threads > 1) {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return done.count(i) > 0; });
      r = std::move(done[i]);
      done.erase(i);
      next_to_add = i + 1;
      room.notify_all();
    } else {
      r = work(i);
    }
    if (!r.status.ok()) {
      issues->push_back({files[i], r.status});
      stats->skipped++;
    } else {
      builder->Add(std::move(r.records));
      stats->documents++;
      stats->bytes += r.doc_stats.bytes;
      stats->sentences += r.doc_stats.sentences;
      progress.bytes_done += r.doc_stats.bytes;
    }
    progress.files_done = i + 1;
    if (options.progress) options.progress(progress);
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace kgb
