#include "dbopt/base/result.h"

namespace dbopt {

std::string Error::Render() const {
  std::string out = diagnostic.Render();
  for (const Diagnostic& note : notes) out += note.Render();
  return out;
}

int ExitCodeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kBadInput:
    case ErrorKind::kUsage:
    case ErrorKind::kIo:
      return 2;
    case ErrorKind::kInternal:
      return 3;
  }
  return 3;
}

}  // namespace dbopt
