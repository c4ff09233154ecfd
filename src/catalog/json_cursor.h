// A strict pull parser for JSON (RFC 8259) over a SourceText, private to the catalog module.
// The reader of a format drives it (BeginObject / NextMember / Read*), so no document tree is
// built: values go straight into the model, every error knows its byte offset, and the cursor
// tracks the JSON path ("tables[3].columns[1].name") for messages.
//
// Errors: each call returns false on error and records the first error; later calls return
// false too. TakeError() gives it as "file:line:col: error: path: message" with the line and a
// caret.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"

namespace dbopt::catalog {

class JsonCursor {
 public:
  enum class Type { kObject, kArray, kString, kNumber, kBool, kNull, kEnd, kInvalid };

  explicit JsonCursor(const SourceText& text);

  // The type of the next value, judged by its first character (whitespace is skipped).
  Type Peek();
  // The byte offset of the next token.
  size_t Offset();

  // { "key": value, ... }: call NextMember() until it returns false, reading each value.
  bool BeginObject();
  bool NextMember();  // false at '}' (check ok()) or on error
  std::string_view key() const { return frames_.back().key; }
  size_t key_offset() const { return frames_.back().key_offset; }

  // [ value, ... ]: call NextElement() until it returns false, reading each value.
  bool BeginArray();
  bool NextElement();  // false at ']' (check ok()) or on error

  bool ReadString(std::string* out);
  // The string without copying when it has no escapes (a view into the source text), else
  // unescaped into *buffer and viewed there. Valid until the next read.
  bool ReadStringView(std::string_view* out);
  bool ReadDouble(double* out);
  bool ReadInt64(int64_t* out);
  bool ReadInt(int* out);
  bool ReadBool(bool* out);
  // Whole arrays of strings or numbers, appended to *out: the same result and errors as
  // BeginArray / NextElement / Read*, with a fast path for plain elements (statistics arrays
  // are most of a catalog).
  bool ReadStringArray(std::vector<std::string>* out);
  bool ReadDoubleArray(std::vector<double>* out);
  // A number's text exactly as written, e.g. "1e-05".
  bool ReadNumberText(std::string_view* out);
  // Consumes a null and returns true if the next value is null; false otherwise (not an error).
  bool TryNull();

  // After the top-level value: nothing but whitespace may follow.
  bool ExpectEnd();

  // Records an error at `offset`, prefixed with the current JSON path. Returns false.
  bool Fail(size_t offset, const std::string& message, std::string hint = {});
  // An error about the member just started by NextMember() (unknown or duplicate key): at the
  // key, prefixed with the path of the object that holds it.
  bool FailKey(const std::string& message, std::string hint = {});
  // A syntax error (no path prefix) at the current position.
  bool SyntaxError(const std::string& message);

  bool ok() const { return !error_.has_value(); }
  Error TakeError();
  // The JSON path of the value being read, e.g. "tables[3].columns[1].name"; "" at the top.
  std::string Path() const { return PathOf(frames_.size()); }

 private:
  struct Frame {
    bool is_array = false;
    bool first = true;  // no member/element read yet
    long index = -1;    // arrays: current element
    std::string key;    // objects: current member
    size_t key_offset = 0;
  };

  std::string PathOf(size_t frame_count) const;  // the path through the first frame_count frames
  void SkipSpaces();
  bool ExpectType(Type wanted, const char* what);
  bool ScanString(std::string* out);  // at '"'
  bool ScanNumber(std::string_view* lexeme, bool* integral);
  const char* Describe(Type type) const;
  bool ReadKey(std::string* out);
  bool ReadDoubleHere(double* out);  // at the first character of a number
  // Fast path of the array readers: consumes "," (unless first) and whitespace before the
  // next element and returns where it starts, or nullptr to let the generic path decide.
  const char* NextPlainElement(const Frame& frame) const;

  const SourceText& text_;
  const char* begin_;
  const char* p_;
  const char* end_;
  std::vector<Frame> frames_;
  std::optional<Error> error_;
  std::string buffer_;                   // ReadStringView's unescaped text
  std::vector<std::string_view> views_;  // ReadStringArray's plain elements, before copying
};

}  // namespace dbopt::catalog
