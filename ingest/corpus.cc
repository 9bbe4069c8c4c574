#include "ingest/corpus.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "util/file_io.h"
#include "util/messages.h"

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

std::string FormatProgress(const CorpusProgress& p, double seconds) {
  char buf[200];
  const double mb = 1e6;
  std::string out;
  if (p.files_total > 0) {
    std::snprintf(buf, sizeof buf, "%zu/%zu files", p.files_done, p.files_total);
    out += buf;
  } else {
    out += CountNoun(p.files_done, "document");
  }
  if (p.bytes_total > 0) {
    std::snprintf(buf, sizeof buf, ", %.1f/%.1f MB", p.bytes_done / mb, p.bytes_total / mb);
  } else {
    std::snprintf(buf, sizeof buf, ", %.1f MB", p.bytes_done / mb);
  }
  out += buf;
  if (seconds > 0 && p.bytes_done > 0) {
    double rate = p.bytes_done / seconds;
    std::snprintf(buf, sizeof buf, ", %.1f MB/s", rate / mb);
    out += buf;
    double left = -1;
    if (p.bytes_total > p.bytes_done) {
      left = (p.bytes_total - p.bytes_done) / rate;
    } else if (p.files_total > p.files_done && p.files_done > 0) {
      left = seconds * (p.files_total - p.files_done) / p.files_done;
    }
    if (left >= 0) {
      long s = static_cast<long>(left + 0.5);
      std::snprintf(buf, sizeof buf, ", %ld:%02ld:%02ld left", s / 3600, s / 60 % 60, s % 60);
      out += buf;
    }
  }
  return out;
}

bool FileSource::Next(Item* item) {
  if (next_ >= files_.size()) return false;
  item->name = files_[next_++];
  item->data.clear();
  return true;
}

Status FileSource::Extract(const Extractor& extractor, const Item& item, DocumentRecords* out,
                           DocumentStats* stats, uint64_t* input_bytes) const {
  std::string bytes;
  Status s = ReadFile(item.name, &bytes, max_file_bytes_);
  *input_bytes = bytes.size();
  if (s.code() == Status::Code::kNotFound && item.name != "-")
    return Status::NotFound(item.name + ": no such file any more (removed or renamed since it was listed)");
  if (!s.ok()) return s;
  if (bytes.empty()) return Status::Unsupported(item.name + ": empty file");
  DocumentStats local;
  if (!stats) stats = &local;
  InputFormat format = SniffFormat(item.name, bytes);
  if (format == InputFormat::kText) {
    KGB_RETURN_IF_ERROR(extractor.Process(item.name, std::move(bytes), out, stats));
  } else {
    SourceText source;
    KGB_RETURN_IF_ERROR(ReadDocument(item.name, bytes, format, ReadOptions(), &source));
    KGB_RETURN_IF_ERROR(extractor.ProcessText(item.name, source.text, source.date, out, stats));
    AssignPages(source, out);
  }
  if (stats->sentences == 0) return Status::Unsupported(item.name + ": no text (only white space or page furniture)");
  return Status::OK();
}

JsonlSource::JsonlSource(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    in_ = &std::cin;
  } else {
    auto f = std::make_unique<std::ifstream>(path_, std::ios::binary);
    if (!*f) {
      status_ = Status::NotFound(path_ + ": cannot open");
    } else {
      in_ = f.get();
      file_ = std::move(f);
    }
  }
}

JsonlSource::~JsonlSource() = default;

bool JsonlSource::Next(Item* item) {
  if (!in_) return false;
  for (;;) {
    if (!std::getline(*in_, item->data)) {
      if (in_->bad()) status_ = Status::IOError(path_ + ": read error after line " + std::to_string(line_));
      in_ = nullptr;
      return false;
    }
    ++line_;
    if (item->data.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank
    item->name = path_ + ":" + std::to_string(line_);
    return true;
  }
}

Status ParseJsonlDocument(std::string_view line, std::string* id, std::string* text, std::string* date,
                          bool* html) {
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  if (d.HasParseError())
    return Status::Corrupt(std::string("not valid JSON: ") + rapidjson::GetParseError_En(d.GetParseError()) +
                           " (byte " + std::to_string(d.GetErrorOffset()) + ")");
  if (!d.IsObject()) return Status::Corrupt("not a JSON object");
  auto it = d.FindMember("id");
  if (it == d.MemberEnd()) return Status::Corrupt("no \"id\"");
  if (it->value.IsString()) {
    id->assign(it->value.GetString(), it->value.GetStringLength());
  } else if (it->value.IsInt64()) {
    *id = std::to_string(it->value.GetInt64());
  } else if (it->value.IsUint64()) {
    *id = std::to_string(it->value.GetUint64());
  } else {
    return Status::Corrupt("\"id\" must be a string or an integer");
  }
  if (id->empty()) return Status::Corrupt("\"id\" is empty");
  it = d.FindMember("text");
  if (html) {
    *html = false;
    if (it == d.MemberEnd()) {
      it = d.FindMember("html");
      if (it == d.MemberEnd() || !it->value.IsString()) return Status::Corrupt("no string \"text\" or \"html\"");
      *html = true;
    }
  }
  if (it == d.MemberEnd() || !it->value.IsString()) return Status::Corrupt("no string \"text\"");
  text->assign(it->value.GetString(), it->value.GetStringLength());
  date->clear();
  it = d.FindMember("date");
  if (it != d.MemberEnd() && !it->value.IsNull()) {
    if (!it->value.IsString()) return Status::Corrupt("\"date\" must be a string");
    date->assign(it->value.GetString(), it->value.GetStringLength());
  }
  return Status::OK();
}

Status JsonlSource::Extract(const Extractor& extractor, const Item& item, DocumentRecords* out,
                            DocumentStats* stats, uint64_t* input_bytes) const {
  *input_bytes = item.data.size() + 1;
  std::string id, text, date;
  bool html = false;
  Status s = ParseJsonlDocument(item.data, &id, &text, &date, &html);
  if (!s.ok()) return s.WithContext(item.name);
  if (html) {
    SourceText source;
    s = ReadDocument(id, text, InputFormat::kHtml, ReadOptions(), &source);
    if (s.ok()) s = extractor.ProcessText(id, source.text, date.empty() ? source.date : date, out, stats);
  } else {
    s = extractor.ProcessUtf8(id, text, date, out, stats);
  }
  if (!s.ok()) return s.WithContext(item.name);
  return Status::OK();
}

void ExtractDocuments(const Extractor& extractor, DocumentSource* source, const CorpusOptions& options,
                      GraphBuilder* builder, std::vector<InputIssue>* issues, CorpusStats* stats) {
  struct Result {
    std::string name;
    Status status;
    DocumentRecords records;
    DocumentStats doc_stats;
    uint64_t input_bytes = 0;
  };
  const int threads = std::max(1, options.threads);
  const size_t window = static_cast<size_t>(threads) * 4;  // documents in flight

  std::mutex mu;
  std::condition_variable ready, room;
  std::map<size_t, Result> done;
  size_t next_to_add = 0;   // guarded by mu
  size_t next_to_take = 0;  // guarded by mu
  size_t total = 0;         // guarded by mu; valid once `ended`
  bool ended = false;       // guarded by mu

  auto work = [&](const DocumentSource::Item& item) {
    Result r;
    r.name = item.name;
    r.status = source->Extract(extractor, item, &r.records, &r.doc_stats, &r.input_bytes);
    return r;
  };

  auto worker = [&] {
    DocumentSource::Item item;
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return ended || next_to_take < next_to_add + window; });
        if (ended) return;
        if (!source->Next(&item)) {
          ended = true;
          total = next_to_take;
          ready.notify_all();
          room.notify_all();
          return;
        }
        i = next_to_take++;
      }
      Result r = work(item);
      std::lock_guard<std::mutex> lock(mu);
      done.emplace(i, std::move(r));
      ready.notify_all();
    }
  };

  std::vector<std::thread> pool;
  if (threads > 1)
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);

  CorpusProgress progress;
  progress.bytes_total = options.bytes_total;
  progress.files_total = source->size();
  DocumentSource::Item item;
  for (size_t i = 0;; ++i) {
    Result r;
    if (threads > 1) {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return done.count(i) > 0 || (ended && i >= total); });
      if (done.count(i) == 0) break;
      r = std::move(done[i]);
      done.erase(i);
      next_to_add = i + 1;
      room.notify_all();
    } else {
      if (!source->Next(&item)) break;
      r = work(item);
    }
    if (!r.status.ok()) {
      issues->push_back({r.name, r.status});
      stats->skipped++;
    } else if (builder->HasDocument(r.records.doc)) {
      stats->duplicates++;
    } else {
      builder->Add(std::move(r.records));
      stats->documents++;
      stats->bytes += r.doc_stats.bytes;
      stats->sentences += r.doc_stats.sentences;
    }
    progress.bytes_done += r.input_bytes;
    progress.files_done = i + 1;
    if (options.progress) options.progress(progress);
  }
  for (std::thread& t : pool) t.join();
  Status s = source->status();
  if (!s.ok()) {
    issues->push_back({"", s});
    stats->skipped++;
  }
}

void ExtractFiles(const Extractor& extractor, const std::vector<std::string>& files, const CorpusOptions& options,
                  GraphBuilder* builder, std::vector<InputIssue>* issues, CorpusStats* stats) {
  std::vector<std::string> todo;
  std::unordered_set<std::string> seen;
  for (const std::string& f : files) {
    if (builder->HasDocument(f) || !seen.insert(f).second) {
      stats->duplicates++;
      continue;
    }
    todo.push_back(f);
  }
  FileSource source(std::move(todo), options.max_file_bytes);
  ExtractDocuments(extractor, &source, options, builder, issues, stats);
}

}  // namespace kgb
