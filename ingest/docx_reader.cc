#include "ingest/docx_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace kgb {
namespace {

std::once_flag xml_once;

bool Is(const xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

// Renders the body of word/document.xml (see the header).
class Renderer {
 public:
  explicit Renderer(std::string* out) : out_(out) {}

  void Run(const xmlNode* root) {
    const xmlNode* n = root;
    while (n) {
      bool descend = Enter(n);
      if (descend && n->children) {
        n = n->children;
        continue;
      }
      if (descend) Exit(n);
      while (n && n != root && !n->next) {
        n = n->parent;
        if (n) Exit(n);
      }
      if (!n || n == root) break;
      n = n->next;
    }
    while (!out_->empty() && (out_->back() == '\n' || out_->back() == ' ')) out_->pop_back();
    if (!out_->empty()) out_->push_back('\n');
  }

 private:
  // Returns false for subtrees that are not read.
  bool Enter(const xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return false;
    if (Is(n, "Fallback") || Is(n, "delText") || Is(n, "instrText")) return false;
    if (Is(n, "t")) {
      for (const xmlNode* c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
          for (const char* s = reinterpret_cast<const char*>(c->content); *s; ++s)
            out_->push_back(*s == '\n' || *s == '\r' || *s == '\f' ? ' ' : *s);
        }
      return false;
    }
    if (Is(n, "tab")) { out_->push_back('\t'); return false; }
    if (Is(n, "br") || Is(n, "cr")) { out_->push_back(cell_depth_ > 0 ? ' ' : '\n'); return false; }
    if (Is(n, "noBreakHyphen")) { out_->push_back('-'); return false; }
    if (Is(n, "tc")) ++cell_depth_;
    return true;
  }

  void Exit(const xmlNode* n) {
    if (Is(n, "p")) {
      if (cell_depth_ > 0) {
        if (!out_->empty() && out_->back() != ' ' && out_->back() != '\n') out_->push_back(' ');
      } else {
        EndParagraph();
      }
    } else if (Is(n, "tc")) {
      --cell_depth_;
      while (!out_->empty() && out_->back() == ' ') out_->pop_back();
      EndParagraph();
    }
  }

  void EndParagraph() {
    size_t n = out_->size();
    if (n == 0 || (n >= 2 && (*out_)[n - 1] == '\n' && (*out_)[n - 2] == '\n')) return;  // empty paragraph
    out_->append("\n\n");
  }

  std::string* out_;
  int cell_depth_ = 0;
};

}  // namespace

Status ReadDocx(std::string_view bytes, const std::string& name, const DocxOptions& options, std::string* text) {
  text->clear();
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), "\xD0\xCF\x11\xE0", 4) == 0)
    return Status::Unsupported(name + ": not a zip but an OLE file: a password-protected (encrypted) Word document "
                               "or an old .doc; save it as an unprotected .docx");
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) {
    zip_error_fini(&zerr);
    return Status::Corrupt(name + ": cannot read as a zip");
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
  if (!za) {
    std::string why = zip_error_strerror(&zerr);
    zip_source_free(src);
    zip_error_fini(&zerr);
    return Status::Corrupt(name + ": broken zip, not a readable Word document (" + why + ")");
  }
  zip_error_fini(&zerr);
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive(za, [](zip_t* z) { zip_discard(z); });
  zip_int64_t idx = zip_name_locate(za, "word/document.xml", ZIP_FL_NOCASE);
  if (idx < 0)
    return Status::Unsupported(name + ": zip without word/document.xml, not a Word (DOCX) document");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, static_cast<zip_uint64_t>(idx), 0, &st) != 0)
    return Status::Corrupt(name + ": broken zip (" + zip_strerror(za) + ")");
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return Status::Unsupported(name + ": encrypted zip entry word/document.xml (needs a password)");
  if ((st.valid & ZIP_STAT_SIZE) && st.size > options.max_xml_bytes)
    return Status::Unsupported(name + ": word/document.xml expands to " + std::to_string(st.size >> 20) +
                               " MB, over the " + std::to_string(options.max_xml_bytes >> 20) +
                               " MB kgb reads (a zip bomb?)");
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(za, static_cast<zip_uint64_t>(idx), 0),
                                                      zip_fclose);
  if (!f) return Status::Corrupt(name + ": broken zip entry word/document.xml (" + zip_strerror(za) + ")");
  std::string xml;
  char buf[65536];
  for (;;) {
    zip_int64_t got = zip_fread(f.get(), buf, sizeof buf);
    if (got < 0)
      return Status::Corrupt(name + ": broken zip entry word/document.xml (" + zip_file_strerror(f.get()) + ")");
    if (got == 0) break;
    xml.append(buf, static_cast<size_t>(got));
    if (xml.size() > options.max_xml_bytes)
      return Status::Unsupported(name + ": word/document.xml expands beyond " +
                                 std::to_string(options.max_xml_bytes >> 20) + " MB (a zip bomb?)");
  }
  if (xml.size() > INT32_MAX) return Status::Unsupported(name + ": word/document.xml too large");

  std::call_once(xml_once, [] { xmlInitParser(); });
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!ctxt) return Status::IOError(name + ": out of memory for the XML parser");
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), "word/document.xml", nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> owned(doc, xmlFreeDoc);
  if (!doc || !ctxt->wellFormed) {
    std::string why = "malformed XML";
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    if (e && e->message) {
      why = e->message;
      while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
      why += " at line " + std::to_string(e->line);
    }
    return Status::Corrupt(name + ": broken word/document.xml (" + why + ")");
  }
  const xmlNode* root = xmlDocGetRootElement(doc);
  const xmlNode* body = nullptr;
  for (const xmlNode* c = root ? root->children : nullptr; c; c = c->next)
    if (Is(c, "body")) body = c;
  if (!body) return Status::Unsupported(name + ": word/document.xml without a body");
  Renderer(text).Run(body);
  return Status::OK();
}

}  // namespace kgb
