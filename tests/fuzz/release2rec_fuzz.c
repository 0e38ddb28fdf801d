/* libFuzzer harness: arbitrary bytes as a release through the library
 * entry points release2rec uses (pp_release_parse, pp_extract_entities,
 * pp_record_write), with the language pack loaded once. The first byte
 * picks the options. Properties beyond "no crash": an input is either
 * converted or rejected with a reason, and the record written is one line
 * the record reader accepts. */
#include <string.h>

#include "fuzz.h"
#include "pp_extract.h"
#include "pp_release.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  pp_release_opts o;
  memset(&o, 0, sizeof o);
  o.name = "-";
  if (data[0] % 3 == 0) o.url = "https://example.org/r";
  if (data[0] % 3 == 1) o.lang = "en-GB", o.issuer = "Fuzz Office";
  char *why = NULL;
  pp_record *r = pp_release_parse(data + 1, size - 1, &o, &why);
  if (!r) {
    FZ_CHECK(why && *why, "rejected without a reason");
    free(why);
    return 0;
  }
  pp_extract_entities(r, fz_lang);
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  FZ_CHECK(out && pp_record_write(r, out) == 0, "record not written");
  fclose(out);
  FZ_CHECK(len > 0 && text[len - 1] == '\n' && memchr(text, '\n', len) == text + len - 1,
           "not one line");
  FILE *in = fmemopen(text, len, "rb");
  pp_jsonl_reader *rd = pp_jsonl_reader_new(in, "-");
  pp_record *back = NULL;
  pp_error e = {0};
  FZ_CHECK(pp_jsonl_reader_next(rd, &back, &e) == PP_JSONL_RECORD, "written record rejected: %s",
           e.message ? e.message : "");
  FZ_CHECK(back->n_participants == r->n_participants && back->body.n == r->body.n,
           "lists changed in the round trip");
  pp_record_free(back);
  pp_error_clear(&e);
  pp_jsonl_reader_free(rd);
  fclose(in);
  free(text);
  pp_record_free(r);
  return 0;
}
