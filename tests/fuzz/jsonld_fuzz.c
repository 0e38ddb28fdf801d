/* libFuzzer harness: the JSON-LD writer's library entry points
 * (pp_jsonld_from_record, pp_jsonld_write), records from arbitrary bytes,
 * in memory, with the language pack loaded once. The first byte picks the
 * output flags. Property beyond "no crash": each record gives one document
 * that is JSON again (inside its <script> element with --html) or a
 * reasoned refusal. */
#include <jansson.h>
#include <string.h>

#include "fuzz.h"
#include "pp_jsonld.h"

static int S_flags;

static void S_one(pp_record *r, void *ctx) {
  (void)ctx;
  pp_error e = {0};
  json_t *doc = pp_jsonld_from_record(r, &e);
  if (!doc) {
    FZ_CHECK(e.message && *e.message, "no document and no reason");
    pp_error_clear(&e);
    return;
  }
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  int rc = pp_jsonld_write(doc, out, S_flags, &e);
  fclose(out);
  json_decref(doc);
  FZ_CHECK(rc == 0 || (rc == -2 && e.message), "write failed (%d)", rc);
  if (rc == 0) {
    const char *start = text, *end = text + len;
    if (S_flags & PP_JSONLD_HTML) {
      start = strchr(text, '>');
      end = strstr(text, "</script>");
      FZ_CHECK(start && end && end > start, "no script element");
      start++;
    }
    json_error_t je;
    json_t *back = json_loadb(start, (size_t)(end - start), 0, &je);
    FZ_CHECK(back != NULL, "not JSON: %s", je.text);
    FZ_CHECK(json_is_object(back) && json_object_get(back, "@context"), "no @context");
    json_decref(back);
  }
  pp_error_clear(&e);
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  S_flags = (data[0] & 1 ? PP_JSONLD_PRETTY : 0) | (data[0] & 2 ? PP_JSONLD_HTML : 0);
  fz_each_record(data + 1, size - 1, S_one, NULL);
  return 0;
}
