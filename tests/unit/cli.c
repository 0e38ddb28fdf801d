/* pp_cli: what a report looks like (control characters escaped, one line)
 * and what running out of memory leaves behind (complete records on out,
 * "tool: out of memory" on err, exit 2), in a child process each. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "pp_cli.h"

static char *S_slurp(FILE *f) {
  fflush(f);
  rewind(f);
  pp_buf b = PP_BUF_INIT;
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) pp_buf_add(&b, chunk, n);
  return pp_buf_detach(&b);
}

typedef struct {
  FILE *out;
  int fail_at;   /* record number whose writing runs out of memory */
  int n;
} S_ctx;

/* Writes "record ID\n" in two pieces, as a streaming writer would. */
static int S_write(pp_record *r, void *ctx, pp_error *e) {
  (void)e;
  S_ctx *c = ctx;
  c->n++;
  fputs("record ", c->out);
  if (c->n == c->fail_at) pp_oom();
  fprintf(c->out, "%s\n", r->id);
  return PP_EXIT_OK;
}

#define REC(id) "{\"record\":\"release/1.1\",\"id\":\"" id "\"}\n"

/* Runs the read loop in a child that runs out of memory writing record
 * fail_at (0: after the loop, outside any record); returns its exit status
 * and what it left on out and err. */
static int S_child(int fail_at, char **out_text, char **err_text) {
  FILE *out = tmpfile(), *err = tmpfile();
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    FILE *in = tmpfile();
    fputs(REC("r1") REC("r2") REC("r3"), in);
    rewind(in);
    pp_cli_init("tool", out, err);
    S_ctx c = {out, fail_at, 0};
    pp_cli_read_records("tool", NULL, 0, in, err, S_write, &c);
    fputs("trailer", out); /* unflushed, but complete: out of memory now */
    pp_oom();
  }
  int status = 0;
  waitpid(pid, &status, 0);
  *out_text = S_slurp(out);
  *err_text = S_slurp(err);
  fclose(out);
  fclose(err);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(void) {
  char *out, *err;

  /* out of memory in the middle of record 3: records 1 and 2 are kept,
   * the start of record 3 is not */
  INT_EQ(S_child(3, &out, &err), 2);
  STR_EQ(out, "record r1\nrecord r2\n");
  STR_EQ(err, "tool: out of memory\n");
  free(out);
  free(err);

  /* out of memory between records: everything written is kept */
  INT_EQ(S_child(0, &out, &err), 2);
  STR_EQ(out, "record r1\nrecord r2\nrecord r3\ntrailer");
  STR_EQ(err, "tool: out of memory\n");
  free(out);
  free(err);

  /* a report is one line, whatever the file name and message hold */
  FILE *f = tmpfile();
  pp_error e = {0};
  pp_error_set(&e, "a\nb\x1b[2J.jsonl", 7, "tab\there, cr\r, bell\a, del\x7f, csi \xc2\x9b, nel \xc2\x85,"
               " bad \xff\xc3, overlong \xc0\xaf, surrogate \xed\xa0\x80, kept: \\ \xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb0");
  pp_cli_report(f, "tool", &e);
  pp_error_clear(&e);
  pp_cli_errorf(f, "tool", "%s: %s", "x\ny", "z");
  char *text = S_slurp(f);
  STR_EQ(text, "tool: a\\nb\\u001b[2J.jsonl:7: tab\\there, cr\\r, bell\\u0007, del\\u007f, csi \\u009b, "
               "nel \\u0085, bad \\xFF\\xC3, overlong \\xC0\\xAF, surrogate \\xED\\xA0\\x80, "
               "kept: \\ \xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb0\n"
               "tool: x\\ny: z\n");
  free(text);
  fclose(f);
  return pp_test_done("cli");
}
