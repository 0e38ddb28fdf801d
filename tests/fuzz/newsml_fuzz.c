/* libFuzzer harness: the NewsML-G2 writer's library entry point
 * (pp_newsml_writer_*), records from arbitrary bytes, in memory. The first
 * byte picks a newsMessage of every record or a bare newsItem of the first.
 * Property beyond "no crash": what is written is well-formed XML holding
 * one newsItem per record. */
#include <libxml/parser.h>
#include <string.h>

#include "fuzz.h"
#include "pp_newsml.h"

typedef struct {
  pp_newsml_writer *w;
  long added, max;
} S_ctx;

static void S_add(pp_record *r, void *ctx) {
  S_ctx *c = ctx;
  if (c->added >= c->max) return;
  pp_error e = {0};
  FZ_CHECK(pp_newsml_writer_add(c->w, r, &e) == 0, "add failed: %s", e.message ? e.message : "");
  c->added++;
}

static long S_count(const char *s, size_t n, const char *needle) {
  long k = 0;
  size_t m = strlen(needle);
  for (const char *p = s; (p = memmem(p, n - (size_t)(p - s), needle, m)) != NULL; p += m) k++;
  return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  int item = data[0] & 1;
  pp_newsml_options o = {data[0] & 2 ? "example.org" : NULL, "2025-06-01T12:00:00Z", NULL,
                         "presspipe fuzz"};
  pp_buf out = PP_BUF_INIT;
  S_ctx c = {pp_newsml_writer_new(item ? PP_NEWSML_ITEM : PP_NEWSML_MESSAGE, pp_newsml_sink_buf,
                                  &out, &o),
             0, item ? 1 : 1000000};
  fz_each_record(data + 1, size - 1, S_add, &c);
  pp_error e = {0};
  int rc = pp_newsml_writer_finish(c.w, &e);
  FZ_CHECK(rc == 0 || (item && c.added == 0), "finish failed: %s", e.message ? e.message : "");
  pp_error_clear(&e);
  pp_newsml_writer_free(c.w);
  if (c.added > 0) {
    xmlDocPtr doc = xmlReadMemory(out.data, (int)out.len, "fuzz.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    FZ_CHECK(doc != NULL, "not well-formed XML (%zu bytes)", out.len);
    xmlFreeDoc(doc);
    FZ_CHECK(S_count(out.data, out.len, "<newsItem ") == c.added, "%ld records, %ld newsItems", c.added,
             S_count(out.data, out.len, "<newsItem "));
  }
  pp_buf_free(&out);
  return 0;
}
