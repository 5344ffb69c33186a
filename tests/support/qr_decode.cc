// qr_decode FILE.pdf: prints, one per line, the text of every QR code on
// every page of a PDF, read as a phone would (pdftoppm at 200 dpi, then
// zxing-cpp). For the browser tests, which must scan the label sheet they
// download instead of typing its URL. Exit status 1 with a message when the
// PDF cannot be read.
#include <fstream>
#include <iostream>
#include <sstream>

#include "label/pdf_probe_testing.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: qr_decode FILE.pdf\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "qr_decode: cannot open " << argv[1] << "\n";
    return 1;
  }
  std::ostringstream pdf;
  pdf << in.rdbuf();
  auto pages = txng::label::testing::DecodeQrCodesPerPage(pdf.str());
  if (!pages.ok()) {
    std::cerr << "qr_decode: " << pages.status().ToString() << "\n";
    return 1;
  }
  for (const auto& page : *pages) {
    for (const std::string& text : page) std::cout << text << "\n";
  }
  return 0;
}
