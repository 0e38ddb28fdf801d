/* line_account - the line-accounting invariant of release2rec's parser
 * (docs/record.md, "Where every line goes"): every non-blank line of the
 * decoded input ends up in exactly one class, none unaccounted for.
 *
 * usage: line_account [-v] FILE...
 * Reads each file, decodes it the way release2rec does (pp_text_decode),
 * counts its non-blank lines independently of the parser, and checks that
 * pp_release_parse_lines() gives each of them a class other than "none".
 * With -v, lists every line as FILE:LINE: CLASS: text (the parser's own
 * account, for debugging a layout). Prints one summary line
 *   files F lines L violations V
 * and exits 1 when V > 0, 2 on a usage or read error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pp_lang.h"
#include "pp_release.h"
#include "pp_text.h"
#include "pp_util.h"

static unsigned char *S_slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  pp_buf b = PP_BUF_INIT;
  char tmp[65536];
  size_t k;
  while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) pp_buf_add(&b, tmp, k);
  fclose(f);
  *n = b.len;
  if (!b.data) return (unsigned char *)pp_xstrdup("");
  return (unsigned char *)pp_buf_detach(&b);
}

int main(int argc, char **argv) {
  int verbose = 0, a = 1;
  if (a < argc && strcmp(argv[a], "-v") == 0) verbose = 1, a++;
  if (a >= argc) {
    fprintf(stderr, "usage: line_account [-v] FILE...\n");
    return 2;
  }
  pp_error e = {0};
  pp_lang *pack = pp_lang_load(NULL, &e);
  size_t files = 0, lines = 0, bad = 0;
  for (; a < argc; a++) {
    size_t n = 0;
    unsigned char *raw = S_slurp(argv[a], &n);
    if (!raw) {
      fprintf(stderr, "line_account: %s: cannot read\n", argv[a]);
      return 2;
    }
    pp_decoded dec;
    char *why = NULL;
    if (pp_text_decode(raw, n, &dec, &why) < 0) { /* rejected inputs have no lines */
      free(why);
      free(raw);
      continue;
    }
    pp_release_opts o = {0};
    o.name = argv[a];
    o.pack = pack;
    unsigned char *cls = NULL;
    size_t nl = 0;
    pp_record *r = pp_release_parse_lines(raw, n, &o, &why, &cls, &nl);
    files++;
    size_t ln = 0;
    for (char *p = dec.text; *p; ln++) {
      char *end = strchr(p, '\n');
      size_t len = end ? (size_t)(end - p) : strlen(p);
      int blank = 1;
      for (size_t i = 0; i < len; i++)
        if (p[i] != ' ' && p[i] != '\t') blank = 0;
      int c = r && ln < nl ? cls[ln] : PP_LINE_NONE;
      if (!blank) {
        lines++;
        if (c == PP_LINE_NONE || c == PP_LINE_BLANK) {
          bad++;
          fprintf(stderr, "%s:%zu: unaccounted: %.*s\n", argv[a], ln + 1, (int)(len > 120 ? 120 : len), p);
        }
      }
      if (verbose)
        printf("%s:%zu: %s: %.*s\n", argv[a], ln + 1, blank ? "blank" : pp_line_class_name(c), (int)len, p);
      p = end ? end + 1 : p + len;
    }
    free(cls);
    pp_record_free(r);
    free(dec.text);
    free(raw);
  }
  pp_lang_free(pack);
  printf("files %zu lines %zu violations %zu\n", files, lines, bad);
  return bad ? 1 : 0;
}
