/* newsml_api.c - pp_newsml's functions one by one: guid and file names,
 * time stamps, the writer's shapes and its write errors, text cleaning on
 * the way to XML, and memory that does not grow with the stream. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "pp_newsml.h"
#include "pp_record.h"
#include "tools.h"

static const pp_newsml_options S_opt = {NULL, "2025-06-01T12:00:00Z", NULL, "test"};

static void test_guid(void) {
  char *g = pp_newsml_guid("example.com", "abc-1.2_x~");
  STR_EQ(g, "urn:newsml:example.com:abc-1.2_x~");
  free(g);
  g = pp_newsml_guid(NULL, "a/b c:ü");
  STR_EQ(g, "urn:newsml:presspipe.invalid:a%2Fb%20c%3A%C3%BC");
  free(g);
}

static void test_file_name(void) {
  static const struct {
    const char *id, *want;
  } cases[] = {
      {"plain-id_01.v2", "plain-id_01.v2.xml"},
      {"abc", "abc.xml"},
      /* SHA-256 of the id, first 12 hex digits, after anything changed */
      {"a/b", "a_b-c14cddc033f6.xml"},
      {"..", "record-5ec1f7e700f3.xml"},
      {"", "record-e3b0c44298fc.xml"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *n = pp_newsml_file_name(cases[i].id);
    STR_EQ(n, cases[i].want);
    free(n);
  }
  /* whatever the id: no '/', no leading '.' or '-', bounded, distinct */
  static const char *const hostile[] = {"../../etc/passwd", "/abs", ".", ".hidden", "-rf",
                                        "a\nb", "ünï", "C:\\x", "a b", "a_b", NULL};
  char *names[16];
  int k = 0;
  for (; hostile[k]; k++) {
    names[k] = pp_newsml_file_name(hostile[k]);
    OK(strchr(names[k], '/') == NULL);
    OK(names[k][0] != '.' && names[k][0] != '-');
    OK(strlen(names[k]) <= 100 + 1 + 12 + 4);
    for (int j = 0; j < k; j++) OK(strcmp(names[j], names[k]) != 0);
  }
  char long_id[400];
  memset(long_id, 'x', sizeof long_id - 1);
  long_id[sizeof long_id - 1] = '\0';
  char *n = pp_newsml_file_name(long_id);
  INT_EQ(strlen(n), 100 + 1 + 12 + 4);
  free(n);
  for (int j = 0; j < k; j++) free(names[j]);
}

static void test_time(void) {
  OK(pp_newsml_datetime_valid("2025-06-01T12:00:00Z"));
  OK(pp_newsml_datetime_valid("2025-06-01T12:00:00.123+05:30"));
  OK(pp_newsml_datetime_valid("2024-02-29T23:59:59-14:00"));
  OK(!pp_newsml_datetime_valid("2025-06-01T12:00:00"));   /* no zone */
  OK(!pp_newsml_datetime_valid("2025-06-01"));
  OK(!pp_newsml_datetime_valid("2023-02-29T00:00:00Z"));  /* no such day */
  OK(!pp_newsml_datetime_valid("2025-06-01T24:00:00Z"));
  OK(!pp_newsml_datetime_valid("2025-06-01T12:00:00+15:00"));
  OK(!pp_newsml_datetime_valid("2025-06-01 12:00:00Z"));
  OK(!pp_newsml_datetime_valid("2025-06-01T12:00:00Z "));
  char t[32];
  INT_EQ(pp_newsml_time_format(0, t), 0);
  STR_EQ(t, "1970-01-01T00:00:00Z");
  INT_EQ(pp_newsml_time_format(1748779200, t), 0);
  STR_EQ(t, "2025-06-01T12:00:00Z");
  INT_EQ(pp_newsml_time_format(-1, t), -1);
  INT_EQ(pp_newsml_time_format(253402300800LL, t), -1);
  OK(pp_newsml_provider_valid("example.com"));
  OK(pp_newsml_provider_valid("news-desk.example.org"));
  OK(!pp_newsml_provider_valid(""));
  OK(!pp_newsml_provider_valid("a:b"));
  OK(!pp_newsml_provider_valid("a b"));
  OK(!pp_newsml_provider_valid(".example"));
  OK(!pp_newsml_provider_valid("example..org"));
}

static pp_record *S_record(const char *id, const char *headline) {
  pp_record *r = pp_record_new();
  r->id = pp_xstrdup(id);
  r->headline = pp_xstrdup(headline);
  r->language = pp_xstrdup("en");
  pp_strv_push(&r->body, "One paragraph.");
  return r;
}

static int S_full_sink(void *ctx, const char *data, size_t len) {
  (void)ctx, (void)data, (void)len;
  errno = ENOSPC;
  return -1;
}

static void test_writer(void) {
  pp_error e = {0};
  pp_record *r = S_record("w1", "Head");

  /* an empty stream makes no document: an itemSet must hold an item */
  pp_buf b = PP_BUF_INIT;
  pp_newsml_writer *w = pp_newsml_writer_new(PP_NEWSML_MESSAGE, pp_newsml_sink_buf, &b, &S_opt);
  INT_EQ(pp_newsml_writer_finish(w, &e), 0);
  INT_EQ(b.len, 0);
  INT_EQ(pp_newsml_writer_count(w), 0);
  pp_newsml_writer_free(w);

  /* a bare item takes one record */
  w = pp_newsml_writer_new(PP_NEWSML_ITEM, pp_newsml_sink_buf, &b, &S_opt);
  INT_EQ(pp_newsml_writer_add(w, r, &e), 0);
  INT_EQ(pp_newsml_writer_add(w, r, &e), -1);
  OK(e.message && strstr(e.message, "one record"));
  INT_EQ(pp_newsml_writer_finish(w, &e), 0);
  OK(strncmp(b.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<newsItem ", 48) == 0);
  OK(b.data[b.len - 1] == '\n' && b.data[b.len - 2] == '>');
  pp_newsml_writer_free(w);
  pp_buf_free(&b);

  /* a failed write is an error naming the cause, and stays one */
  w = pp_newsml_writer_new(PP_NEWSML_MESSAGE, S_full_sink, NULL, &S_opt);
  INT_EQ(pp_newsml_writer_add(w, r, &e), -1);
  STR_EQ(e.message, "write error: No space left on device");
  INT_EQ(pp_newsml_writer_add(w, r, &e), -1);
  INT_EQ(pp_newsml_writer_finish(w, &e), -1);
  pp_newsml_writer_free(w);
  pp_error_clear(&e);
  pp_record_free(r);
}

/* Text the record may hold but XML 1.0 may not: the output still parses,
 * and holds U+FFFD where the bad characters were. */
static void test_cleaning(void) {
  pp_record *r = S_record("c1", "a\x01" "b\xEF\xBF\xBE" "c\xEF\xBF\xBF" "d & <e> \"f\"");
  free(r->body.v[0]);
  r->body.v[0] = pp_xstrdup("bad utf-8 \xC3 here\x1F");
  pp_participant *p = pp_record_add_participant(r);
  p->id = pp_xstrdup("p1");
  p->name = pp_xstrdup("Tab\there\nand\r\nnewline");
  p->role = pp_xstrdup("  Role\twith\n\nspaces  ");
  pp_buf b = PP_BUF_INIT;
  pp_error e = {0};
  pp_newsml_writer *w = pp_newsml_writer_new(PP_NEWSML_ITEM, pp_newsml_sink_buf, &b, &S_opt);
  INT_EQ(pp_newsml_writer_add(w, r, &e), 0);
  INT_EQ(pp_newsml_writer_finish(w, &e), 0);
  xmlDoc *doc = xmlReadMemory(b.data, (int)b.len, "c.xml", NULL, XML_PARSE_NONET);
  OK(doc != NULL);
  xmlFreeDoc(doc);
  OK(strstr(b.data, "<headline>a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d &amp; &lt;e&gt; &quot;f&quot;</headline>"));
  OK(strstr(b.data, "bad utf-8 \xEF\xBF\xBD here\xEF\xBF\xBD</p>"));
  OK(strstr(b.data, "literal=\"Role with spaces\""));
  OK(strstr(b.data, "qcode=\"pp-person:tab-here-and-newline\""));
  OK(strstr(b.data, "<name>Tab here and newline</name>"));
  OK(!strstr(b.data, "&#9;") && !strstr(b.data, "&#10;") && !strstr(b.data, "&#13;"));
  pp_newsml_writer_free(w);
  pp_buf_free(&b);
  pp_record_free(r);
}

#if !defined(__SANITIZE_ADDRESS__)
/* Peak RSS (KiB) of a child converting n copies of a record. */
static long S_child_peak(const char *line, long n) {
  FILE *in = tmpfile();
  for (long i = 0; i < n; i++) fputs(line, in);
  rewind(in);
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    FILE *out = fopen("/dev/null", "wb");
    char *argv[] = {"rec2newsml", "--sent", "2025-06-01T12:00:00Z", NULL};
    int rc = rec2newsml_main(3, argv, in, out, stderr);
    fclose(out);
    _exit(rc);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  fclose(in);
  INT_EQ(WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0);
  struct rusage ru;
  getrusage(RUSAGE_CHILDREN, &ru);
  return ru.ru_maxrss;
}
#endif

static void test_streaming(void) {
#if defined(__SANITIZE_ADDRESS__)
  printf("streaming memory: skipped under AddressSanitizer (its quarantine keeps freed memory)\n");
  return;
#else
  const char *pre = getenv("LD_PRELOAD");
  if (pre && strstr(pre, "vgpreload")) {
    printf("streaming memory: skipped under valgrind\n");
    return;
  }
  const char *src = getenv("PP_SRC");
  if (!src) return;
  char path[4096];
  snprintf(path, sizeof path, "%s/fixtures/rec2newsml/basic.jsonl", src);
  FILE *f = fopen(path, "rb");
  OK(f != NULL);
  if (!f) return;
  char *line = NULL;
  size_t cap = 0;
  OK(getline(&line, &cap, f) > 0);
  fclose(f);
  /* RUSAGE_CHILDREN's ru_maxrss is the largest child's: measure the small
   * run first, then the large one. */
  long small = S_child_peak(line, 50);
  long large = S_child_peak(line, 5000);
  printf("streaming memory: peak RSS %ld KiB for 50 records, %ld KiB for 5000 (%.1f MB of input)\n",
         small, large, 5000.0 * (double)strlen(line) / 1e6);
  OK(large - small < 2048);
  free(line);
#endif
}

int main(void) {
  test_guid();
  test_file_name();
  test_time();
  test_writer();
  test_cleaning();
  test_streaming();
  xmlCleanupParser();
  return pp_test_done("newsml_api");
}
