/* pp_progress.h - the progress line and the closing summary of a batch.
 *
 * The progress line is one line on a terminal, rewritten in place ("\r",
 * then the text, then erase-to-end-of-line) at most PP_PROGRESS_HZ times a
 * second: files done / total (when known), MB/s, records/s, rejected so
 * far and an ETA (when the total is known). pp_progress_clear() erases it
 * before any other message and at the end.
 */
#ifndef PP_PROGRESS_H
#define PP_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

#define PP_PROGRESS_HZ 4

typedef struct {
  FILE *err;
  const char *tool;
  int show;                       /* draw the progress line */
  size_t total_files;             /* 0: unknown */
  unsigned long long total_bytes; /* 0: unknown */
  double start;                   /* seconds (monotonic) */
  double last;                    /* when the line was last drawn */
  int drawn;                      /* a line is on the terminal */
  size_t files, records, rejected;
  unsigned long long bytes;       /* input bytes read (compressed for archives) */
  unsigned long long raw_bytes;   /* bytes of the inputs converted */
} pp_progress;

/* Monotonic seconds. */
double pp_progress_now(void);

void pp_progress_init(pp_progress *p, FILE *err, const char *tool, int show);
/* Redraws the line when it is due (force: now). */
void pp_progress_tick(pp_progress *p, int force);
/* Erases the line if drawn. */
void pp_progress_clear(pp_progress *p);

/* "tool: 22,780 converted, 3 rejected (see above), 164.3 MB in 11.2 s",
 * with ", N skipped (...)" parts when the counts are not 0. */
void pp_progress_summary(pp_progress *p, size_t skipped_binary, size_t skipped_done);

/* 1234567 -> "1,234,567" into buf (at least 32 bytes). */
const char *pp_progress_count(char *buf, unsigned long long n);

#endif
