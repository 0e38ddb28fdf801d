/* html_dump: the test driver of pp_html. Reads one page (a file, or "-"
 * for standard input) and writes the converted text (default), or with
 * --meta the metadata as one JSON object (jansson), or with --sniff "1" or
 * "0" as pp_html_sniff() says. Exit 0, 1 when the page is rejected, 2 on
 * usage or I/O errors. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pp_html.h"
#include "pp_util.h"

static int S_slurp(const char *path, unsigned char **data, size_t *n) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return -1;
  pp_buf b = PP_BUF_INIT;
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) pp_buf_add(&b, chunk, k);
  int bad = ferror(f);
  if (f != stdin) fclose(f);
  if (bad) {
    pp_buf_free(&b);
    return -1;
  }
  *n = b.len;
  *data = (unsigned char *)(b.data ? b.data : pp_xstrdup(""));
  return 0;
}

static json_t *S_str(const char *s) { return s ? json_string(s) : json_null(); }

int main(int argc, char **argv) {
  const char *mode = argc == 3 ? argv[1] : "--text";
  const char *path = argc == 3 ? argv[2] : argc == 2 ? argv[1] : NULL;
  if (!path || (strcmp(mode, "--text") && strcmp(mode, "--meta") && strcmp(mode, "--sniff"))) {
    fprintf(stderr, "usage: html_dump [--text|--meta|--sniff] FILE\n");
    return 2;
  }
  unsigned char *data;
  size_t n;
  if (S_slurp(path, &data, &n) != 0) {
    fprintf(stderr, "html_dump: %s: cannot read\n", path);
    return 2;
  }
  if (strcmp(mode, "--sniff") == 0) {
    printf("%d\n", pp_html_sniff(data, n, strcmp(path, "-") ? path : NULL));
    free(data);
    return 0;
  }
  pp_html_doc d;
  pp_error e = {0};
  if (pp_html_read(data, n, &d, &e) != 0) {
    fprintf(stderr, "html_dump: %s: %s\n", path, e.message);
    pp_error_clear(&e);
    free(data);
    return 1;
  }
  if (strcmp(mode, "--text") == 0) {
    fputs(d.text, stdout);
  } else {
    json_t *o = json_pack("{s:o, s:o, s:o, s:o}", "title", S_str(d.title), "url", S_str(d.url),
                          "date", S_str(d.date), "site_name", S_str(d.site_name));
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(o);
  }
  pp_html_doc_free(&d);
  free(data);
  return 0;
}
