#include "pp_cli.h"

#include <errno.h>
#include <jansson.h>
#include <libxml/xmlmemory.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pp_jsonl.h"
#include "pp_version.h"

#define S_OUTBUF_SIZE (1u << 20)

/* What running out of memory needs to know: who we are, where the records
 * go, and whether one is being written (pp_cli_read_records). */
static struct {
  const char *tool;
  FILE *out;
  FILE *err;
  int in_record;
  int write_errno; /* why writing to out first failed, 0 if it has not */
} S_cli;

static void S_fatal(const char *message) {
  if (S_cli.out) {
    /* out was flushed after the last complete record: what it holds now
     * is the beginning of the next one, which must not look complete */
    if (S_cli.in_record)
      __fpurge(S_cli.out);
    else
      fflush(S_cli.out);
  }
  FILE *err = S_cli.err ? S_cli.err : stderr;
  fprintf(err, "%s: %s\n", S_cli.tool ? S_cli.tool : "presspipe", message);
  fflush(err);
  _exit(PP_EXIT_FAILURE);
}

static char *S_xmlstrdup(const char *s) { return pp_xstrdup(s); }

void pp_cli_init(const char *tool, FILE *out, FILE *err) {
  signal(SIGPIPE, SIG_DFL);
  S_cli.tool = tool;
  S_cli.out = out;
  S_cli.err = err;
  S_cli.in_record = 0;
  S_cli.write_errno = 0;
  pp_fatal_set_handler(S_fatal);
  json_set_alloc_funcs(pp_xmalloc, free);
  xmlMemSetup(free, pp_xmalloc, pp_xrealloc, S_xmlstrdup);
  /* static, not allocated: stdout lives as long as the process, and a
   * leak checker counting reachable blocks has nothing to say */
  static char outbuf[S_OUTBUF_SIZE];
  static int outbuf_set;
  if (out == stdout && !outbuf_set && !isatty(fileno(stdout))) {
    outbuf_set = 1;
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
  }
}

/* The length of the UTF-8 sequence at s (n bytes left), 0 if it is not one
 * (overlong forms, surrogates and values past U+10FFFF are not). */
static size_t S_utf8_len(const unsigned char *s, size_t n) {
  unsigned char c = s[0];
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else
    return 0;
  if (n < len || s[1] < lo || s[1] > hi) return 0;
  for (size_t i = 2; i < len; i++)
    if (s[i] < 0x80 || s[i] > 0xBF) return 0;
  return len;
}

/* Appends s to b with the escapes pp_cli.h describes. */
static void S_escape(pp_buf *b, const char *text) {
  const unsigned char *s = (const unsigned char *)text;
  size_t n = strlen(text);
  char hex[8];
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c == '\n') {
      pp_buf_adds(b, "\\n");
      i++;
    } else if (c == '\r') {
      pp_buf_adds(b, "\\r");
      i++;
    } else if (c == '\t') {
      pp_buf_adds(b, "\\t");
      i++;
    } else if (c < 0x20 || c == 0x7F) {
      snprintf(hex, sizeof hex, "\\u%04x", c);
      pp_buf_adds(b, hex);
      i++;
    } else if (c < 0x80) {
      pp_buf_addc(b, (char)c);
      i++;
    } else {
      size_t len = S_utf8_len(s + i, n - i);
      if (len == 0) {
        snprintf(hex, sizeof hex, "\\x%02X", c);
        pp_buf_adds(b, hex);
        i++;
      } else if (len == 2 && c == 0xC2 && s[i + 1] <= 0x9F) {
        snprintf(hex, sizeof hex, "\\u%04x", s[i + 1]);
        pp_buf_adds(b, hex);
        i += 2;
      } else {
        pp_buf_add(b, text + i, len);
        i += len;
      }
    }
  }
}

/* Writes "tool: " + escaped parts + "\n" at once. */
static void S_emit(FILE *err, const char *tool, const char *file, long line, const char *message) {
  pp_buf b = PP_BUF_INIT;
  S_escape(&b, tool);
  pp_buf_adds(&b, ": ");
  if (file) {
    S_escape(&b, file);
    if (line > 0) {
      char num[32];
      snprintf(num, sizeof num, ":%ld", line);
      pp_buf_adds(&b, num);
    }
    pp_buf_adds(&b, ": ");
  }
  S_escape(&b, message ? message : "");
  pp_buf_addc(&b, '\n');
  fwrite(b.data, 1, b.len, err);
  pp_buf_free(&b);
}

void pp_cli_report(FILE *err, const char *tool, const pp_error *e) {
  S_emit(err, tool, e->file, e->line, e->message);
}

static void S_verrorf(FILE *err, const char *tool, const char *fmt, va_list ap) {
  char *msg = pp_xvasprintf(fmt, ap);
  S_emit(err, tool, NULL, 0, msg);
  free(msg);
}

void pp_cli_errorf(FILE *err, const char *tool, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  S_verrorf(err, tool, fmt, ap);
  va_end(ap);
}

int pp_cli_usage_error(FILE *err, const char *tool, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  S_verrorf(err, tool, fmt, ap);
  va_end(ap);
  fprintf(err, "Try '%s --help' for more information.\n", tool);
  return PP_EXIT_FAILURE;
}

int pp_cli_bad_option(FILE *err, const char *tool, char **argv, int opt) {
  extern int optind, optopt;
  const char *arg = argv[optind - 1];
  if (opt == ':')
    return pp_cli_usage_error(err, tool, "option '%s' requires an argument", arg);
  if (optopt && !(arg && arg[0] == '-' && arg[1] == '-'))
    return pp_cli_usage_error(err, tool, "invalid option -- '%c'", optopt);
  return pp_cli_usage_error(err, tool, "unrecognized option '%s'", arg);
}

void pp_cli_version(FILE *out, const char *tool) { fprintf(out, "%s %s\n", tool, PP_VERSION); }

int pp_cli_worse(int a, int b) { return a > b ? a : b; }

int pp_cli_finish(FILE *out, FILE *err, const char *tool, int status) {
  int why = 0;
  if (S_cli.out == out) {
    why = S_cli.write_errno;
    S_cli.out = NULL; /* the caller may close it now */
  }
  errno = 0;
  int flushed = fflush(out);
  if (!why && flushed != 0) why = errno;
  if (flushed != 0 || ferror(out)) {
    pp_cli_errorf(err, tool, "write error: %s", strerror(why ? why : EIO));
    return PP_EXIT_FAILURE;
  }
  return status;
}

static int S_read_stream(const char *tool, FILE *f, const char *name, FILE *err,
                         pp_record_fn fn, void *ctx, int *stop) {
  int status = PP_EXIT_OK;
  pp_jsonl_reader *rd = pp_jsonl_reader_new(f, name);
  pp_error e = {0};
  for (;;) {
    pp_record *r = NULL;
    int rc = pp_jsonl_reader_next(rd, &r, &e);
    if (rc == PP_JSONL_EOF) break;
    if (rc == PP_JSONL_IO) {
      pp_cli_report(err, tool, &e);
      status = PP_EXIT_FAILURE;
      break;
    }
    if (rc == PP_JSONL_BAD) {
      pp_cli_report(err, tool, &e);
      status = pp_cli_worse(status, PP_EXIT_REJECTED);
      continue;
    }
    pp_error_clear(&e);
    S_cli.in_record = 1;
    int st = fn(r, ctx, &e);
    S_cli.in_record = 0;
    /* the record's output is complete: hand it on, so that running out of
     * memory in the next one cannot hold it back (a full disk shows here
     * too, and stops the run; pp_cli_finish reports it) */
    if (S_cli.out && (ferror(S_cli.out) || fflush(S_cli.out) != 0)) {
      if (!S_cli.write_errno) S_cli.write_errno = errno ? errno : EIO;
      st = PP_EXIT_FAILURE;
    }
    if (e.message) { /* with PP_EXIT_OK: a warning */
      if (!e.file) {
        e.file = pp_xstrdup(name);
        e.line = pp_jsonl_reader_line(rd);
      }
      pp_cli_report(err, tool, &e);
    }
    status = pp_cli_worse(status, st);
    pp_error_clear(&e);
    pp_record_free(r);
    if (st == PP_EXIT_FAILURE) {
      *stop = 1;
      break;
    }
  }
  pp_error_clear(&e);
  pp_jsonl_reader_free(rd);
  return status;
}

int pp_cli_read_records(const char *tool, char **files, int nfiles, FILE *in, FILE *err,
                        pp_record_fn fn, void *ctx) {
  int stop = 0;
  if (nfiles == 0) return S_read_stream(tool, in, "-", err, fn, ctx, &stop);
  int status = PP_EXIT_OK;
  for (int i = 0; i < nfiles && !stop; i++) {
    if (strcmp(files[i], "-") == 0) {
      status = pp_cli_worse(status, S_read_stream(tool, in, "-", err, fn, ctx, &stop));
      continue;
    }
    FILE *f = fopen(files[i], "rb");
    if (!f) {
      pp_cli_errorf(err, tool, "%s: %s", files[i], strerror(errno));
      status = PP_EXIT_FAILURE;
      continue;
    }
    status = pp_cli_worse(status, S_read_stream(tool, f, files[i], err, fn, ctx, &stop));
    fclose(f);
  }
  return status;
}

void pp_cli_source_basename(pp_record *r) {
  const char *n = r->source.name;
  if (!n || strstr(n, "://")) return;
  const char *b = n;
  for (const char *p = n; *p; p++)
    if (*p == '/' || *p == '\\') b = p + 1;
  if (b == n || !*b) return;
  char *copy = pp_xstrdup(b);
  free(r->source.name);
  r->source.name = copy;
}

int pp_cli_source_mode(const char *v) {
  return strcmp(v, "basename") == 0 ? 1 : strcmp(v, "as-given") == 0 ? 0 : -1;
}

int pp_cli_split_finish(const char *tool, pp_split *s, FILE *err) {
  pp_error e = {0};
  if (pp_split_skipped(s) > 0)
    pp_cli_errorf(err, tool, "--no-clobber: %ld file(s) already in %s kept, %ld written",
                  pp_split_skipped(s), pp_split_dir(s), pp_split_written(s));
  if (pp_split_finish(s, &e) == 0) return PP_EXIT_OK;
  pp_cli_report(err, tool, &e);
  pp_error_clear(&e);
  return PP_EXIT_FAILURE;
}
