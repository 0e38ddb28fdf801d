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

/* Reads one line (without its '\n') into rd->buf, byte by byte, so the
 * line's length is known whatever it holds (a raw NUL included) and a pipe
 * is read as its bytes arrive. Returns 1 for a line, 0 at end of input, -1
 * on a read error. *too_long is set when the line was longer than the
 * limit; its tail is then skipped, not stored. */
static int S_read_line(pp_jsonl_reader *rd, int *too_long) {
  FILE *in = rd->in;
  int got = 0, c = EOF;
  *too_long = 0;
  pp_buf_clear(&rd->buf);
  flockfile(in);
  while ((c = getc_unlocked(in)) != EOF) {
    got = 1;
    if (c == '\n') break;
    if (*too_long) continue;
    if (rd->buf.len >= PP_JSONL_MAX_LINE) {
      *too_long = 1;
      pp_buf_free(&rd->buf);
      continue;
    }
    pp_buf_addc(&rd->buf, (char)c);
  }
  int bad = c == EOF && ferror_unlocked(in);
  funlockfile(in);
  if (bad) return -1;
  return got;
}

static int S_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
  return 1;
}

/* The encoding a UTF-16 or UTF-32 byte order mark at s names, or NULL. */
static const char *S_wide_bom(const char *s, size_t n) {
  if (n >= 4 && memcmp(s, "\xFF\xFE\0\0", 4) == 0) return "UTF-32LE";
  if (n >= 4 && memcmp(s, "\0\0\xFE\xFF", 4) == 0) return "UTF-32BE";
  if (n >= 2 && memcmp(s, "\xFF\xFE", 2) == 0) return "UTF-16LE";
  if (n >= 2 && memcmp(s, "\xFE\xFF", 2) == 0) return "UTF-16BE";
  return NULL;
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
    const char *text = rd->buf.data ? rd->buf.data : "";
    size_t len = rd->buf.len;
    const char *wide = rd->line == 1 ? S_wide_bom(text, len) : NULL;
    if (wide) {
      pp_error_set(err, rd->name, rd->line,
                   "the stream starts with a %s byte order mark: records are UTF-8 JSON Lines", wide);
      return PP_JSONL_BAD;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
      /* RFC 8259 8.1: a parser may ignore a byte order mark; one at the
       * start of a stream comes from an editor, one later from a careless
       * concatenation */
      if (rd->line > 1) {
        pp_error_set(err, rd->name, rd->line,
                     "byte order mark inside the stream (only the first line may start with one)");
        return PP_JSONL_BAD;
      }
      text += 3;
      len -= 3;
    }
    if (S_blank(text, len)) continue;
    const char *nul = memchr(text, '\0', len);
    if (nul) {
      pp_error_set(err, rd->name, rd->line, "NUL byte in the line (column %zu)",
                   (size_t)(nul - rd->buf.data) + 1);
      return PP_JSONL_BAD;
    }

    json_error_t je;
    json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
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
