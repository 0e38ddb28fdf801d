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

  /* a raw NUL rejects its own line only: the next record is read and the
   * line numbers stay right (fgets + strlen joined the two lines) */
  {
    static const char nul_text[] = "{\"record\":\"release/1\",\"id\":\"a\0b\"}\n"
                                   "{\"record\":\"release/1\",\"id\":\"r2\"}\n"
                                   "\0\n"
                                   "{\"record\":\"release/1\",\"id\":\"r4\"}\0\n"
                                   "{\"record\":\"release/1\",\"id\":\"r5\"}";
    f = tmpfile();
    fwrite(nul_text, 1, sizeof nul_text - 1, f);
    rewind(f);
    rd = pp_jsonl_reader_new(f, "nul.jsonl");
    INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
    INT_EQ(e.line, 1);
    STR_EQ(e.message, "NUL byte in the line (column 30)");
    INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
    STR_EQ(r ? r->id : NULL, "r2");
    INT_EQ(pp_jsonl_reader_line(rd), 2);
    pp_record_free(r);
    INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
    INT_EQ(e.line, 3);
    STR_EQ(e.message, "NUL byte in the line (column 1)");
    INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
    INT_EQ(e.line, 4);
    STR_EQ(e.message, "NUL byte in the line (column 33)");
    INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
    STR_EQ(r ? r->id : NULL, "r5");
    INT_EQ(pp_jsonl_reader_line(rd), 5);
    pp_record_free(r);
    INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_EOF);
    pp_jsonl_reader_free(rd);
    fclose(f);
  }

  /* CRLF line ends are read as LF; a UTF-8 byte order mark is skipped at
   * the start of the stream (RFC 8259 8.1) and rejected anywhere else */
  f = S_stream("\xEF\xBB\xBF{\"record\":\"release/1\",\"id\":\"c1\"}\r\n"
               "\r\n"
               "\xEF\xBB\xBF{\"record\":\"release/1\",\"id\":\"c3\"}\r\n"
               "{\"record\":\"release/1\",\"id\":\"c4\"}\r\n");
  rd = pp_jsonl_reader_new(f, "crlf.jsonl");
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
  STR_EQ(r ? r->id : NULL, "c1");
  pp_record_free(r);
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_BAD);
  INT_EQ(e.line, 3);
  STR_EQ(e.message, "byte order mark inside the stream (only the first line may start with one)");
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
  STR_EQ(r ? r->id : NULL, "c4");
  INT_EQ(pp_jsonl_reader_line(rd), 4);
  pp_record_free(r);
  INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_EOF);
  pp_jsonl_reader_free(rd);
  fclose(f);

  /* a line of exactly the limit is read; one byte more is not */
  for (int extra = 0; extra < 2; extra++) {
    static const char head[] = "{\"record\":\"release/1\",\"id\":\"lim\",\"headline\":\"";
    size_t fill = PP_JSONL_MAX_LINE - (sizeof head - 1) - 2 + (size_t)extra;
    f = tmpfile();
    fputs(head, f);
    for (size_t i = 0; i < fill; i++) putc('y', f);
    fputs("\"}\n" GOOD, f);
    rewind(f);
    rd = pp_jsonl_reader_new(f, "limit.jsonl");
    INT_EQ(pp_jsonl_reader_next(rd, &r, &e), extra ? PP_JSONL_BAD : PP_JSONL_RECORD);
    if (!extra) {
      INT_EQ(r && r->headline ? strlen(r->headline) : 0, fill);
      pp_record_free(r);
    }
    INT_EQ(pp_jsonl_reader_next(rd, &r, &e), PP_JSONL_RECORD);
    INT_EQ(pp_jsonl_reader_line(rd), 2);
    pp_record_free(r);
    pp_jsonl_reader_free(rd);
    fclose(f);
  }

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
