// The files of the HTML viewer, embedded into the binary at build time by
// export/embed_viewer.cmake: the viewer's own page fragment, style sheet and
// script (web/viewer.html, web/viewer.css, web/viewer.js) and the browser
// libraries it draws with, graphology and sigma.js (their prebuilt UMD
// files, installed by scripts/setup.sh with `npm ci` in web/ and pinned by
// web/package-lock.json; licences in docs/viewer.md).
#ifndef KGB_EXPORT_VIEWER_ASSETS_H_
#define KGB_EXPORT_VIEWER_ASSETS_H_

#include <string_view>

namespace kgb {

struct ViewerAssets {
  std::string_view page;        // web/viewer.html: the <body> markup
  std::string_view style;       // web/viewer.css
  std::string_view script;      // web/viewer.js
  std::string_view graphology;  // graphology/dist/graphology.umd.min.js
  std::string_view sigma;       // sigma/dist/sigma.min.js
  std::string_view graphology_license;  // their LICENSE.txt (MIT), written
  std::string_view sigma_license;       // into the page next to the code
  // False when the libraries were missing when the build was configured
  // (web/node_modules not installed): graphology and sigma are then empty
  // and the HTML export refuses to run.
  bool libraries = false;
};

const ViewerAssets& GetViewerAssets();

}  // namespace kgb

#endif  // KGB_EXPORT_VIEWER_ASSETS_H_
