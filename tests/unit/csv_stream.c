/* csv_stream.c - streaming: rec2csv's memory does not grow with the number
 * of records. rec2csv_main runs in-process over a stream of N records, then
 * over one of 20 N; the peak resident size (getrusage ru_maxrss) after the
 * second run may exceed the first's by less than 1 MiB. A measure of memory,
 * not of time. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "harness.h"
#include "tools.h"
#include "pp_util.h"

#ifdef __SANITIZE_ADDRESS__
/* AddressSanitizer keeps freed blocks in quarantine, which would look like
 * growth. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "quarantine_size_mb=0"; }
#endif

static long S_peak_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

/* The fixtures, once. */
static char *S_unit(size_t *n) {
  const char *src = getenv("PP_SRC");
  const char *names[] = {"basic.jsonl", "hard.jsonl", "guard.jsonl"};
  pp_buf b = PP_BUF_INIT;
  for (size_t i = 0; i < 3; i++) {
    char *path = pp_xasprintf("%s/fixtures/rec2csv/%s", src ? src : ".", names[i]);
    FILE *f = fopen(path, "rb");
    OK(f != NULL);
    if (f) {
      char chunk[4096];
      size_t k;
      while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) pp_buf_add(&b, chunk, k);
      fclose(f);
    }
    free(path);
  }
  *n = b.len;
  return pp_buf_detach(&b);
}

/* Runs rec2csv ARGS over copies of unit; returns the peak RSS after. */
static long S_run(const char *unit, size_t n, int copies, char *mode) {
  FILE *in = tmpfile();
  for (int i = 0; i < copies; i++) fwrite(unit, 1, n, in);
  rewind(in);
  FILE *out = fopen("/dev/null", "w");
  char *argv[] = {"rec2csv", mode, NULL};
  int st = rec2csv_main(mode ? 2 : 1, argv, in, out, stderr);
  INT_EQ(st, 0);
  fclose(out);
  fclose(in);
  return S_peak_kb();
}

int main(void) {
  size_t n;
  char *unit = S_unit(&n);
  OK(n > 10000);
  char *modes[] = {NULL, "--raw", "--table=quotes"};
  for (size_t m = 0; m < 3; m++) {
    long small = S_run(unit, n, 100, modes[m]);
    long big = S_run(unit, n, 2000, modes[m]);
    printf("%s: peak RSS %ld KB after %zu bytes of records, %ld KB after %zu bytes\n",
           modes[m] ? modes[m] : "default", small, 100 * n, big, 2000 * n);
    OK(big - small < 1024);
  }
  free(unit);
  return pp_test_done("csv_stream");
}
