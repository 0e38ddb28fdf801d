/* fuzz.h - what the libFuzzer harnesses share: the language pack, loaded
 * once per process (LLVMFuzzerInitialize), not once per input; reading a
 * fuzz input as a record stream; and a failed property, which must stop the
 * fuzzer with a message (abort() is what libFuzzer catches as a crash). */
#ifndef PP_FUZZ_H
#define PP_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "pp_jsonl.h"
#include "pp_lang.h"

static pp_lang *fz_lang;

#define FZ_CHECK(cond, ...)                                                  \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "property failed: %s: ", #cond);                       \
      fprintf(stderr, __VA_ARGS__);                                          \
      fputc('\n', stderr);                                                   \
      abort();                                                               \
    }                                                                        \
  } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  pp_error e = {0};
  fz_lang = pp_lang_load(NULL, &e); /* $PRESSPIPE_DATADIR */
  if (!fz_lang) {
    fprintf(stderr, "fuzz: cannot load the language pack: %s: %s\n", e.file ? e.file : "",
            e.message);
    exit(2);
  }
  return 0;
}

/* Calls fn for every record the bytes hold as a record stream; bad lines
 * are skipped. Returns the number of records. */
typedef void (*fz_record_fn)(pp_record *r, void *ctx);
static inline long fz_each_record(const uint8_t *data, size_t size, fz_record_fn fn, void *ctx) {
  if (size == 0) return 0;
  FILE *in = fmemopen((void *)data, size, "rb");
  if (!in) return 0;
  pp_jsonl_reader *rd = pp_jsonl_reader_new(in, "fuzz");
  pp_error e = {0};
  long n = 0;
  for (;;) {
    pp_record *r = NULL;
    int rc = pp_jsonl_reader_next(rd, &r, &e);
    if (rc == PP_JSONL_EOF || rc == PP_JSONL_IO) break;
    if (rc == PP_JSONL_RECORD) {
      fn(r, ctx);
      pp_record_free(r);
      n++;
    }
  }
  pp_error_clear(&e);
  pp_jsonl_reader_free(rd);
  fclose(in);
  return n;
}

#endif
