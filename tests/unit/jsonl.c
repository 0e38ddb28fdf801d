/* The JSON Lines reader: good records, and every kind of bad line reported
 * with its line number while reading goes on. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_jsonl.h"

#define GOOD "{\"record\":\"release/1\",\"id\":\"r1\",\"headline\":\"A\"}"

static FILE *S_stream(const char *text) {
  FILE *f = tmpfile();
  fputs(text, f);
  rewind(f);
  return f;
}

int main(void) {
  FILE *f = S_stream(GOOD "\n"
                          "not json at all\n"
                          "\n"
                          "{\"record\":\"release/2\",\"id\":\"x\"}\n"
                          "{\"record\":\"release/1\",\"id\":\"x\",\"body\":\"flat\"}\n"
                          "[1,2]\n"
                          "{\"record\":\"release/1\",\"id\":\"x\",\"participants\":[{\"id\":\"p1\"}]}\n"
                          "{\"id\":\"x\"}\n"
                          "{\"record\":\"release/1\",\"id\":\"x\",\"id\":\"y\"}\n"
                          "{\"record\":\"release/1.3\",\"id\":\"r2\",\"future\":true}\n" GOOD);
  pp_jsonl_reader *rd = pp_jsonl_reader_new(f, "in.jsonl");
  pp_record *r = NULL;
  pp_error e = {0};

  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
  STR_EQ(r->id, "r1");
  STR_EQ(r->headline, "A");
  INT_EQ(r->n_participants, 0);
  pp_record_free(r);

  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  STR_EQ(e.file, "in.jsonl");
  INT_EQ(e.line, 2);
  OK(strncmp(e.message, "not JSON: ", 10) == 0);

  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD); /* blank line 3 skipped */
  INT_EQ(e.line, 4);
  STR_EQ(e.message, "unsupported record version \"release/2\" (this reader knows release/1 and release/1.x)");

  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  INT_EQ(e.line, 5);
  STR_EQ(e.message, "\"body\" must be an array of strings");

  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  INT_EQ(e.line, 6);
  STR_EQ(e.message, "not a JSON object");

  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  INT_EQ(e.line, 7);
  STR_EQ(e.message, "participants[0] has no \"name\"");

  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  INT_EQ(e.line, 8);
  STR_EQ(e.message, "missing \"record\" (expected \"release/1.1\")");

  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  INT_EQ(e.line, 9);
  OK(strstr(e.message, "duplicate") != NULL);

  /* a minor version is read; unknown fields are ignored */
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
  STR_EQ(r->id, "r2");
  INT_EQ(pp_jsonl_reader_line(rd), 10);
  pp_record_free(r);

  /* the last line needs no newline */
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
  pp_record_free(r);
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_EOF);
  pp_jsonl_reader_free(rd);
  fclose(f);

  /* a line of 50 MB is reported and skipped without being held in memory */
  f = tmpfile();
  fputs("{\"record\":\"release/1\",\"id\":\"big\",\"headline\":\"", f);
  char *chunk = malloc(1 << 20);
  memset(chunk, 'x', 1 << 20);
  for (int i = 0; i < 50; i++) fwrite(chunk, 1, 1 << 20, f);
  free(chunk);
  fputs("\"}\n" GOOD "\n", f);
  rewind(f);
  rd = pp_jsonl_reader_new(f, "big.jsonl");
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  INT_EQ(e.line, 1);
  STR_EQ(e.message, "line longer than 16 MiB, skipped");
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
  INT_EQ(pp_jsonl_reader_line(rd), 2);
  pp_record_free(r);
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_EOF);
  pp_jsonl_reader_free(rd);
  fclose(f);

  /* invalid UTF-8 inside a line */
  f = S_stream("{\"record\":\"release/1\",\"id\":\"\xff\"}\n");
  rd = pp_jsonl_reader_new(f, "-");
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  OK(strncmp(e.message, "not JSON: ", 10) == 0);
  pp_jsonl_reader_free(rd);
  fclose(f);

  pp_error_clear(&e);
  return pp_test_done("jsonl");
}
