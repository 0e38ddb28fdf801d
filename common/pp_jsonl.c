#include "pp_jsonl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct pp_jsonl_reader {
  FILE *in;
  char *name;
  long line;
  pp_buf buf;
};

pp_jsonl_reader *pp_jsonl_reader_new(FILE *in, const char *name) {
  pp_jsonl_reader *rd = pp_xcalloc(1, sizeof *rd);
  rd->in = in;
  rd->name = pp_xstrdup(name ? name : "-");
  return rd;
}

void pp_jsonl_reader_free(pp_jsonl_reader *rd) {
  if (!rd) return;
  free(rd->name);
  pp_buf_free(&rd->buf);
  free(rd);
}

long pp_jsonl_reader_line(const pp_jsonl_reader *rd) { return rd->line; }

/* Reads one line (without its '\n') into rd->buf. Returns 1 for a line,
 * 0 at end of input, -1 on a read error. *too_long is set when the line was
 * longer than the limit; its tail is then skipped, not stored. */
static int S_read_line(pp_jsonl_reader *rd, int *too_long) {
  char chunk[65536];
  int got = 0;
  *too_long = 0;
  pp_buf_clear(&rd->buf);
  while (fgets(chunk, sizeof chunk, rd->in)) {
    got = 1;
    size_t n = strlen(chunk);
    int eol = n > 0 && chunk[n - 1] == '\n';
    if (eol) n--;
    if (!*too_long) {
      if (rd->buf.len + n > PP_JSONL_MAX_LINE) {
        *too_long = 1;
        pp_buf_free(&rd->buf);
      } else {
        pp_buf_add(&rd->buf, chunk, n);
      }
    }
    if (eol) return 1;
  }
  if (ferror(rd->in)) return -1;
  return got;
}

static int S_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
  return 1;
}

int pp_jsonl_reader_next(pp_jsonl_reader *rd, pp_record **out, pp_error *err) {
  *out = NULL;
  for (;;) {
    int too_long;
    int rc = S_read_line(rd, &too_long);
    if (rc < 0) {
      pp_error_set(err, rd->name, 0, "read error: %s", strerror(errno));
      return PP_JSONL_IO;
    }
    if (rc == 0) return PP_JSONL_EOF;
    rd->line++;
    if (too_long) {
      pp_error_set(err, rd->name, rd->line, "line longer than %u MiB, skipped",
                   PP_JSONL_MAX_LINE / (1024u * 1024u));
      return PP_JSONL_BAD;
    }
    if (S_blank(rd->buf.data ? rd->buf.data : "", rd->buf.len)) continue;

    json_error_t je;
    json_t *j = json_loadb(rd->buf.data, rd->buf.len, JSON_REJECT_DUPLICATES, &je);
    if (!j) {
      pp_error_set(err, rd->name, rd->line, "not JSON: %s (column %d)", je.text, je.column);
      return PP_JSONL_BAD;
    }
    char *why = NULL;
    pp_record *r = pp_record_from_json(j, &why);
    json_decref(j);
    if (!r) {
      pp_error_set(err, rd->name, rd->line, "%s", why);
      free(why);
      return PP_JSONL_BAD;
    }
    *out = r;
    return PP_JSONL_RECORD;
  }
}
