// UTF-8 helpers for mapping libpg_query's character positions to byte offsets. Internal.
#pragma once

#include <cstddef>
#include <string_view>

namespace dbopt::sql::internal {

// The byte offset of the character with 0-based index `character` counted from `begin`
// (clamped to `end`). libpg_query reports error positions in characters, PostgreSQL-style.
inline size_t ByteOffsetOfCharacter(std::string_view text, size_t begin, size_t end,
                                    int character) {
  if (character < 0) return begin;
  size_t pos = begin;
  int seen = -1;
  for (; pos < end; ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80 && ++seen == character) return pos;
  }
  return end;
}

}  // namespace dbopt::sql::internal
