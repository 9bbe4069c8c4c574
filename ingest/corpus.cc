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

namespace {

const char* KindName(const fs::file_status& st) {
  switch (st.type()) {
    case fs::file_type::fifo: return "a named pipe";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block: return "a block device";
    case fs::file_type::character: return "a character device";
    default: return "not a regular file";
  }
}

// True if folder `a` is `b` or contains it.
bool Contains(const fs::path& a, const fs::path& b) {
  auto ai = a.begin(), bi = b.begin();
  for (; ai != a.end(); ++ai, ++bi)
    if (bi == b.end() || *ai != *bi) return false;
  return true;
}

// Why the symbolic link `path` is not read, given its target status.
Status LinkIssue(const std::string& path, const std::error_code& ec) {
  if (ec == std::errc::too_many_symbolic_link_levels)
    return Status::NotFound(path + ": symbolic link loop (resolving the link leads back to it)");
  std::error_code ec2;
  fs::path target = fs::read_symlink(path, ec2);
  return Status::NotFound(path + ": dangling symbolic link" +
                          (ec2 ? std::string() : " (" + target.string() + " does not exist)"));
}

// Walks `root` without following links to folders; collects regular files
// (and links to them) and issues.
void Walk(const std::string& root, std::vector<std::string>* found, std::vector<InputIssue>* issues) {
  std::vector<fs::path> pending{fs::path(root)};
  while (!pending.empty()) {
    fs::path dir = pending.back();
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      issues->push_back({dir.string(), Status::IOError(dir.string() + ": cannot list folder: " + ec.message())});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        issues->push_back({dir.string(), Status::IOError(dir.string() + ": cannot list folder: " + ec.message())});
        break;
      }
      const fs::path& p = it->path();
      std::string path = p.string();
      // Hidden files and folders, and a folder's README or LICENSE, are not
      // news pages: passed over silently.
      std::string base = p.filename().string();
      if (base.empty() || base[0] == '.' || base.rfind("README", 0) == 0 || base.rfind("LICENSE", 0) == 0) continue;
      std::error_code lec;
      fs::file_status lst = fs::symlink_status(p, lec);
      if (lec) {  // vanished while listed
        issues->push_back({path, Status::NotFound(path + ": " + lec.message())});
        continue;
      }
      if (fs::is_symlink(lst)) {
        std::error_code tec;
        fs::file_status target = fs::status(p, tec);
        if (tec || !fs::exists(target)) {
          issues->push_back({path, LinkIssue(path, tec)});
        } else if (fs::is_regular_file(target)) {
          found->push_back(path);
        } else if (fs::is_directory(target)) {
          std::error_code cec;
          fs::path t = fs::canonical(p, cec), here = fs::canonical(dir, cec);
          if (!cec && Contains(t, here)) {
            issues->push_back({path, Status::Unsupported(path + ": symbolic link loop (points to " + t.string() +
                                                         ", a folder that contains the link)")});
          } else {
            issues->push_back({path, Status::Unsupported(path + ": symbolic link to a folder, not followed "
                                                                "(give the folder itself as an input)")});
          }
        } else {
          issues->push_back({path, Status::Unsupported(path + ": " + KindName(target) + ", not a text file")});
        }
      } else if (fs::is_directory(lst)) {
        pending.push_back(p);
      } else if (fs::is_regular_file(lst)) {
        found->push_back(path);
      } else {
        issues->push_back({path, Status::Unsupported(path + ": " + KindName(lst) + ", not a text file")});
      }
    }
  }
}

}  // namespace

void ListInputs(const std::vector<std::string>& args, std::vector<std::string>* files,
                std::vector<InputIssue>* issues) {
  for (const std::string& arg : args) {
    if (arg == "-") {
      files->push_back(arg);
      continue;
    }
    if (arg.empty()) {
      issues->push_back({arg, Status::NotFound("\"\": empty file name")});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      std::error_code lec;
      fs::file_status lst = fs::symlink_status(arg, lec);
      if (!lec && fs::is_symlink(lst)) {
        issues->push_back({arg, LinkIssue(arg, ec)});
      } else if (ec && ec != std::errc::no_such_file_or_directory) {
        issues->push_back({arg, Status::IOError(arg + ": " + ec.message())});
      } else {
        issues->push_back({arg, Status::NotFound(arg + ": no such file or folder")});
      }
      continue;
    }
    // Named pipes given by name are read (kgb build <(zcat pages.gz)).
    if (fs::is_regular_file(st) || fs::is_fifo(st)) {
      files->push_back(arg);
      continue;
    }
    if (!fs::is_directory(st)) {
      issues->push_back({arg, Status::Unsupported(arg + ": " + KindName(st) + ", not a text file or folder")});
      continue;
    }
    std::vector<std::string> found;
    std::vector<InputIssue> found_issues;
    Walk(arg, &found, &found_issues);
    std::sort(found.begin(), found.end());
    std::stable_sort(found_issues.begin(), found_issues.end(),
                     [](const InputIssue& a, const InputIssue& b) { return a.input < b.input; });
    files->insert(files->end(), found.begin(), found.end());
    issues->insert(issues->end(), found_issues.begin(), found_issues.end());
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
    r.status = ReadFile(files[i], &bytes, options.max_file_bytes);
    if (r.status.code() == Status::Code::kNotFound && files[i] != "-")
      r.status = Status::NotFound(files[i] + ": no such file any more (removed or renamed since it was listed)");
    if (r.status.ok() && bytes.empty()) r.status = Status::Unsupported(files[i] + ": empty file");
    if (r.status.ok()) r.status = extractor.Process(files[i], bytes, &r.records, &r.doc_stats);
    if (r.status.ok() && r.doc_stats.sentences == 0)
      r.status = Status::Unsupported(files[i] + ": no text (only white space or page furniture)");
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
