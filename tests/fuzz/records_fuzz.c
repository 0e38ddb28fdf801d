/* libFuzzer harness: arbitrary bytes as a record stream through the JSON
 * Lines reader. Properties beyond "no crash":
 *  - every non-blank input line is either converted or reported, once, in
 *    order, with its own line number (a raw NUL once joined two lines and
 *    lost the second record without a word);
 *  - a record read, written back (pp_record_write) and read again is one
 *    good record. */
#include <string.h>

#include "fuzz.h"

/* Lines of the input the reader must account for: all but the blank ones
 * (spaces, tabs, CRs only; on line 1 after a UTF-8 byte order mark). */
static long S_nonblank_lines(const uint8_t *d, size_t n, long *last_line) {
  long lines = 0, nonblank = 0;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && d[j] != '\n') j++;
    lines++;
    size_t k = i;
    if (lines == 1 && j - i >= 3 && memcmp(d + i, "\xEF\xBB\xBF", 3) == 0) k += 3;
    int blank = 1;
    for (; k < j; k++)
      if (d[k] != ' ' && d[k] != '\t' && d[k] != '\r') blank = 0;
    if (!blank) nonblank++;
    i = j + 1;
  }
  *last_line = lines;
  return nonblank;
}

static void S_roundtrip(const pp_record *r) {
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  FZ_CHECK(out && pp_record_write(r, out) == 0, "record %s not written", r->id ? r->id : "");
  fclose(out);
  FILE *in = fmemopen(text, len, "rb");
  pp_jsonl_reader *rd = pp_jsonl_reader_new(in, "again");
  pp_record *back = NULL;
  pp_error e = {0};
  int rc = pp_jsonl_reader_next(rd, &back, &e);
  FZ_CHECK(rc == PP_JSONL_RECORD, "the written record is not read back: %s", e.message ? e.message : "");
  FZ_CHECK((back->id == NULL) == (r->id == NULL) && (!r->id || strcmp(back->id, r->id) == 0),
           "id changed");
  FZ_CHECK(back->n_participants == r->n_participants && back->body.n == r->body.n,
           "lists changed in the round trip");
  pp_record_free(back);
  FZ_CHECK(pp_jsonl_reader_next(rd, &back, &e) == PP_JSONL_EOF, "more than one line written");
  pp_error_clear(&e);
  pp_jsonl_reader_free(rd);
  fclose(in);
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  long last_line;
  long want = S_nonblank_lines(data, size, &last_line);
  FILE *in = fmemopen((void *)data, size, "rb");
  if (!in) return 0;
  pp_jsonl_reader *rd = pp_jsonl_reader_new(in, "fuzz");
  pp_error e = {0};
  long converted = 0, reported = 0, prev = 0;
  for (;;) {
    pp_record *r = NULL;
    int rc = pp_jsonl_reader_next(rd, &r, &e);
    if (rc == PP_JSONL_EOF) break;
    FZ_CHECK(rc != PP_JSONL_IO, "read error on memory");
    long line = rc == PP_JSONL_BAD ? e.line : pp_jsonl_reader_line(rd);
    FZ_CHECK(line > prev && line <= last_line, "line %ld after line %ld (of %ld)", line, prev, last_line);
    prev = line;
    if (rc == PP_JSONL_BAD) {
      FZ_CHECK(e.file && strcmp(e.file, "fuzz") == 0 && e.message && *e.message, "empty report");
      reported++;
    } else {
      S_roundtrip(r);
      pp_record_free(r);
      converted++;
    }
  }
  FZ_CHECK(converted + reported == want, "%ld lines, %ld converted + %ld reported", want, converted,
           reported);
  pp_error_clear(&e);
  pp_jsonl_reader_free(rd);
  fclose(in);
  return 0;
}
