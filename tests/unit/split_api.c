/* split_api.c - pp_split, the --split writer: every error path removes its
 * temporary file and leaves the final name alone; names met twice (also in
 * another case) get -2, -3 ...; --no-clobber keeps what exists. The
 * command-line behaviour (symlinks, full disk, kills, concurrent runs) is
 * tested by tests/split/. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "pp_split.h"

static int S_fill_text(FILE *f, void *ctx, pp_error *e) {
  (void)e;
  return fputs(ctx, f) < 0 ? -1 : 0;
}

/* writes half, then fails as a full disk would */
static int S_fill_enospc(FILE *f, void *ctx, pp_error *e) {
  (void)ctx;
  (void)e;
  fputs("{\"half\":", f);
  errno = ENOSPC;
  return -1;
}

static int S_fill_refuse(FILE *f, void *ctx, pp_error *e) {
  (void)ctx;
  fputs("{\"never\":", f);
  pp_error_set(e, NULL, 0, "refused");
  return -2;
}

/* The names in dir, sorted, one per line ("" when empty). */
static char *S_listing(const char *dir) {
  pp_strv v = PP_STRV_INIT;
  DIR *d = opendir(dir);
  struct dirent *de;
  while (d && (de = readdir(d)))
    if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) pp_strv_push(&v, de->d_name);
  if (d) closedir(d);
  for (size_t i = 1; i < v.n; i++)
    for (size_t j = i; j > 0 && strcmp(v.v[j - 1], v.v[j]) > 0; j--) {
      char *t = v.v[j];
      v.v[j] = v.v[j - 1];
      v.v[j - 1] = t;
    }
  pp_buf b = PP_BUF_INIT;
  for (size_t i = 0; i < v.n; i++) {
    if (i) pp_buf_addc(&b, '\n');
    pp_buf_adds(&b, v.v[i]);
  }
  pp_strv_free(&v);
  return b.data ? pp_buf_detach(&b) : pp_xstrdup("");
}

static char *S_read(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char buf[256];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  return pp_xstrdup(buf);
}

int main(void) {
  char tmpl[] = "/tmp/pp-split-test-XXXXXX";
  char *root = mkdtemp(tmpl);
  OK(root != NULL);
  if (!root) return 1;
  char *dir = pp_xasprintf("%s/out", root);
  pp_error e = {0}, w = {0};

  pp_split *s = pp_split_new(dir, ".json", 0, &e);
  OK(s != NULL);
  INT_EQ(pp_split_write(s, "a", S_fill_text, "{\"v\":1}", &w, &e), PP_SPLIT_WRITTEN);
  OK(w.message == NULL);
  /* the same name, and the same in another case: suffixes and a warning */
  INT_EQ(pp_split_write(s, "a", S_fill_text, "{\"v\":2}", &w, &e), PP_SPLIT_WRITTEN);
  STR_EQ(w.message, "file name a.json already used in this run (names are compared ignoring case); "
                    "this record's file is a-2.json");
  pp_error_clear(&w);
  INT_EQ(pp_split_write(s, "A", S_fill_text, "{\"v\":3}", &w, &e), PP_SPLIT_WRITTEN);
  STR_EQ(w.message, "file name A.json already used in this run (names are compared ignoring case); "
                    "this record's file is A-3.json");
  pp_error_clear(&w);
  /* a failing write: an error naming the final file, nothing left */
  INT_EQ(pp_split_write(s, "b", S_fill_enospc, NULL, &w, &e), PP_SPLIT_ERROR);
  char *want = pp_xasprintf("%s/b.json", dir);
  STR_EQ(e.file, want);
  free(want);
  STR_EQ(e.message, "write error: No space left on device");
  pp_error_clear(&e);
  /* a failing write over an earlier file: the earlier file stays */
  INT_EQ(pp_split_write(s, "a", S_fill_enospc, NULL, &w, &e), PP_SPLIT_ERROR);
  STR_EQ(w.message, "file name a.json already used in this run (names are compared ignoring case); "
                    "this record's file is a-4.json");
  pp_error_clear(&w);
  pp_error_clear(&e);
  /* a refused item: the fill's message, nothing left */
  INT_EQ(pp_split_write(s, "c", S_fill_refuse, NULL, &w, &e), PP_SPLIT_REFUSED);
  STR_EQ(e.message, "refused");
  pp_error_clear(&e);
  INT_EQ(pp_split_written(s), 3);
  INT_EQ(pp_split_finish(s, &e), 0);
  pp_split_free(s);
  char *l = S_listing(dir);
  STR_EQ(l, "A-3.json\na-2.json\na.json");
  free(l);

  /* a new run: replaces by default ... */
  s = pp_split_new(dir, ".json", 0, &e);
  INT_EQ(pp_split_write(s, "a", S_fill_text, "{\"v\":4}", &w, &e), PP_SPLIT_WRITTEN);
  INT_EQ(pp_split_write(s, "a-2", S_fill_enospc, NULL, &w, &e), PP_SPLIT_ERROR);
  pp_error_clear(&e);
  pp_split_free(s);
  char *p = pp_xasprintf("%s/a.json", dir);
  char *t = S_read(p);
  STR_EQ(t, "{\"v\":4}");
  free(t);
  free(p);
  p = pp_xasprintf("%s/a-2.json", dir);
  t = S_read(p);
  STR_EQ(t, "{\"v\":2}"); /* the failed write left the earlier file */
  free(t);
  free(p);
  /* ... and keeps with PP_SPLIT_NO_CLOBBER */
  s = pp_split_new(dir, ".json", PP_SPLIT_NO_CLOBBER | PP_SPLIT_SYNC, &e);
  INT_EQ(pp_split_write(s, "a", S_fill_text, "{\"v\":5}", &w, &e), PP_SPLIT_SKIPPED);
  INT_EQ(pp_split_write(s, "d", S_fill_text, "{\"v\":6}", &w, &e), PP_SPLIT_WRITTEN);
  INT_EQ(pp_split_skipped(s), 1);
  INT_EQ(pp_split_written(s), 1);
  INT_EQ(pp_split_finish(s, &e), 0);
  pp_split_free(s);
  l = S_listing(dir);
  STR_EQ(l, "A-3.json\na-2.json\na.json\nd.json");
  free(l);

  /* a DIR that is a file; a DIR whose parent is missing */
  p = pp_xasprintf("%s/a.json", dir);
  OK(pp_split_new(p, ".json", 0, &e) == NULL);
  STR_EQ(e.message, "Not a directory");
  pp_error_clear(&e);
  free(p);
  p = pp_xasprintf("%s/no/such", root);
  OK(pp_split_new(p, ".json", 0, &e) == NULL);
  STR_EQ(e.message, "cannot create the directory: No such file or directory");
  STR_EQ(e.file, p);
  pp_error_clear(&e);
  free(p);

  char *cmd = pp_xasprintf("rm -rf '%s'", root);
  OK(system(cmd) == 0);
  free(cmd);
  free(dir);
  return pp_test_done("split_api");
}
