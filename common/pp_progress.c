#include "pp_progress.h"

#include <string.h>
#include <time.h>

double pp_progress_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void pp_progress_init(pp_progress *p, FILE *err, const char *tool, int show) {
  memset(p, 0, sizeof *p);
  p->err = err;
  p->tool = tool;
  p->show = show;
  p->start = pp_progress_now();
  p->last = p->start; /* nothing drawn for batches shorter than a tick */
}

const char *pp_progress_count(char *buf, unsigned long long n) {
  char digits[32];
  int len = snprintf(digits, sizeof digits, "%llu", n), o = 0;
  for (int i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 == 0) buf[o++] = ',';
    buf[o++] = digits[i];
  }
  buf[o] = '\0';
  return buf;
}

void pp_progress_tick(pp_progress *p, int force) {
  if (!p->show) return;
  double now = pp_progress_now();
  if (!force && now - p->last < 1.0 / PP_PROGRESS_HZ) return;
  p->last = now;
  double t = now - p->start;
  if (t <= 0) t = 1e-9;
  char a[32], b[32], c[32], eta[48] = "";
  double frac = -1;
  if (p->total_bytes) frac = (double)p->bytes / (double)p->total_bytes;
  else if (p->total_files) frac = (double)p->files / (double)p->total_files;
  if (frac > 0.01 && frac <= 1) {
    long left = (long)(t / frac - t + 0.5);
    snprintf(eta, sizeof eta, ", ETA %ld:%02ld", left / 60, left % 60);
  }
  fprintf(p->err, "\r%s: %s", p->tool, pp_progress_count(a, p->files));
  if (p->total_files) fprintf(p->err, "/%s", pp_progress_count(b, p->total_files));
  fprintf(p->err, " files, %.1f MB/s, %s records/s, %s rejected%s\033[K", (double)p->bytes / 1e6 / t,
          pp_progress_count(c, (unsigned long long)((double)p->records / t + 0.5)),
          pp_progress_count(b, p->rejected), eta);
  fflush(p->err);
  p->drawn = 1;
}

void pp_progress_clear(pp_progress *p) {
  if (!p->drawn) return;
  fputs("\r\033[K", p->err);
  fflush(p->err);
  p->drawn = 0;
}

void pp_progress_summary(pp_progress *p, size_t skipped_binary, size_t skipped_done) {
  pp_progress_clear(p);
  char a[32], b[32];
  fprintf(p->err, "%s: %s converted, %s rejected%s", p->tool, pp_progress_count(a, p->records),
          pp_progress_count(b, p->rejected), p->rejected ? " (see above)" : "");
  if (skipped_done) fprintf(p->err, ", %s skipped (done before)", pp_progress_count(a, skipped_done));
  if (skipped_binary)
    fprintf(p->err, ", %s skipped (binary or not a file)", pp_progress_count(a, skipped_binary));
  fprintf(p->err, ", %.1f MB in %.1f s\n", (double)p->raw_bytes / 1e6, pp_progress_now() - p->start);
}
