#include "pp_cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pp_jsonl.h"
#include "pp_version.h"

void pp_cli_init(void) { signal(SIGPIPE, SIG_DFL); }

void pp_cli_report(FILE *err, const char *tool, const pp_error *e) {
  if (e->file && e->line > 0)
    fprintf(err, "%s: %s:%ld: %s\n", tool, e->file, e->line, e->message);
  else if (e->file)
    fprintf(err, "%s: %s: %s\n", tool, e->file, e->message);
  else
    fprintf(err, "%s: %s\n", tool, e->message);
}

static void S_verrorf(FILE *err, const char *tool, const char *fmt, va_list ap) {
  fprintf(err, "%s: ", tool);
  vfprintf(err, fmt, ap);
  fputc('\n', err);
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
  if (fflush(out) != 0 || ferror(out)) {
    pp_cli_errorf(err, tool, "write error: %s", strerror(errno ? errno : EIO));
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
    int st = fn(r, ctx, &e);
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
