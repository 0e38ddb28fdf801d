#include "pp_input.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { S_HEAD = 512, S_CHUNK = 65536 };

/* ---- sniffing ----------------------------------------------------------- */

static int S_is_archive(const unsigned char *b, size_t n) {
  if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b) return 1;                      /* gzip */
  if (n >= 10 && memcmp(b, "BZh", 3) == 0 && b[3] >= '1' && b[3] <= '9' &&
      memcmp(b + 4, "1AY&SY", 6) == 0)
    return 1;                                                                 /* bzip2 */
  if (n >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0) return 1;                 /* xz */
  if (n >= 4 && memcmp(b, "\x28\xb5\x2f\xfd", 4) == 0) return 1;             /* zstd */
  if (n >= 4 && (memcmp(b, "PK\3\4", 4) == 0 || memcmp(b, "PK\5\6", 4) == 0)) return 1; /* zip */
  if (n >= 6 && memcmp(b, "7z\xbc\xaf\x27\x1c", 6) == 0) return 1;           /* 7-Zip */
  if (n >= 262 && memcmp(b + 257, "ustar", 5) == 0) return 1;                 /* tar */
  return 0;
}

int pp_input_is_binary(const unsigned char *b, size_t n) {
  if (n >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff))) return 0;
  if (n >= 4 && memcmp(b, "\0\0\xfe\xff", 4) == 0) return 0;
  static const struct {
    const char *magic;
    size_t len;
  } known[] = {{"%PDF-", 5},          {"\x89PNG", 4}, {"\xff\xd8\xff", 3}, {"GIF8", 4},
               {"\x7f" "ELF", 4},     {"\xd0\xcf\x11\xe0", 4}};
  for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
    if (n >= known[k].len && memcmp(b, known[k].magic, known[k].len) == 0) return 1;
  if (S_is_archive(b, n)) return 1;
  size_t m = n < 8192 ? n : 8192, ctl = 0;
  for (size_t i = 0; i < m; i++) {
    unsigned char c = b[i];
    if (c == 0) return 1;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) ||
        c == 0x7f)
      ctl++;
  }
  return m > 0 && ctl * 10 > m;
}

/* ---- reading a stream ----------------------------------------------------- */

/* Appends f's bytes to *b (holding *n) up to limit+1 bytes (limit 0: all).
 * Returns 0, 1 when more than limit, -1 on a read error (errno). */
static int S_read_rest(FILE *f, unsigned char **b, size_t *n, size_t *cap, size_t limit) {
  for (;;) {
    if (*n == *cap) {
      *cap = *cap ? *cap * 2 : S_CHUNK;
      *b = pp_xrealloc(*b, *cap);
    }
    size_t want = *cap - *n;
    if (limit && want > limit + 1 - *n) want = limit + 1 - *n;
    size_t k = fread(*b + *n, 1, want, f);
    *n += k;
    if (limit && *n > limit) return 1;
    if (k == 0) break;
  }
  if (ferror(f)) {
    if (!errno) errno = EIO;
    return -1;
  }
  return 0;
}

static void S_too_large(pp_error *e, const char *name, size_t limit, long long size) {
  if (size >= 0)
    pp_error_set(e, name, 0, "%lld bytes, more than --max-bytes (%zu): not converted", size, limit);
  else
    pp_error_set(e, name, 0, "more than --max-bytes (%zu bytes): not converted", limit);
}

/* ---- the iterator ----------------------------------------------------------- */

enum { F_DIR, F_ARCHIVE, F_LIST, F_JSONL };

typedef struct {
  FILE *f;
  int close_f;
  unsigned char head[S_HEAD];
  size_t hn;
  int head_given;
  unsigned char buf[S_CHUNK];
} S_source;

typedef struct {
  int kind;
  char *path;   /* directory path, archive or stream name */
  size_t root;  /* length of the named directory's path (globs match below it) */
  /* F_DIR */
  char **ents;
  size_t n, i;
  dev_t dev;
  ino_t ino;
  /* F_ARCHIVE */
  struct archive *a;
  S_source *src;
  size_t members;
  unsigned long long out_bytes;
  long long last_raw;
  int damaged;
  /* F_LIST, F_JSONL */
  FILE *f;
  int close_f;
  long line;
} S_frame;

typedef struct {
  int list; /* 0: a name, 1: a list of names */
  char *s;
} S_queued;

struct pp_input {
  const pp_input_opts *o;
  FILE *in;
  S_queued *q;
  size_t nq, capq, iq;
  S_frame *st;
  size_t nst, capst;
  size_t skipped_binary, skipped_done;
  char *line;
  size_t linecap;
  unsigned char *scratch;
};

pp_input *pp_input_new(const pp_input_opts *opts, FILE *in) {
  pp_input *it = pp_xcalloc(1, sizeof *it);
  it->o = opts;
  it->in = in;
  return it;
}

static void S_queue(pp_input *it, const char *s, int list) {
  pp_xgrow((void **)&it->q, &it->capq, it->nq + 1, sizeof *it->q);
  it->q[it->nq].list = list;
  it->q[it->nq].s = pp_xstrdup(s);
  it->nq++;
}

void pp_input_add(pp_input *it, const char *name) { S_queue(it, name, 0); }
void pp_input_add_list(pp_input *it, const char *listfile) { S_queue(it, listfile, 1); }

size_t pp_input_skipped_binary(const pp_input *it) { return it->skipped_binary; }
size_t pp_input_skipped_done(const pp_input *it) { return it->skipped_done; }

static S_frame *S_push(pp_input *it, int kind, const char *path) {
  pp_xgrow((void **)&it->st, &it->capst, it->nst + 1, sizeof *it->st);
  S_frame *fr = &it->st[it->nst++];
  memset(fr, 0, sizeof *fr);
  fr->kind = kind;
  fr->path = pp_xstrdup(path);
  return fr;
}

static void S_pop(pp_input *it) {
  S_frame *fr = &it->st[--it->nst];
  for (size_t k = 0; k < fr->n; k++) free(fr->ents[k]);
  free(fr->ents);
  if (fr->a) archive_read_free(fr->a);
  if (fr->src) {
    if (fr->src->close_f) fclose(fr->src->f);
    free(fr->src);
  }
  if (fr->f && fr->close_f) fclose(fr->f);
  free(fr->path);
}

void pp_input_free(pp_input *it) {
  if (!it) return;
  while (it->nst) S_pop(it);
  free(it->st);
  for (size_t k = 0; k < it->nq; k++) free(it->q[k].s);
  free(it->q);
  free(it->line);
  free(it->scratch);
  free(it);
}

void pp_input_item_clear(pp_input_item *item) {
  free(item->name);
  free(item->data);
  memset(item, 0, sizeof *item);
}

/* Whether a path below a named directory or inside an archive is hidden,
 * excluded or (for files) not included. rel: the path below the root. */
static int S_hidden(const char *rel) {
  for (const char *p = rel; *p;) {
    if (*p == '.') return 1;
    const char *slash = strchr(p, '/');
    if (!slash) break;
    p = slash + 1;
  }
  return 0;
}

static int S_glob_match(const pp_strv *globs, const char *rel) {
  const char *base = strrchr(rel, '/');
  base = base ? base + 1 : rel;
  for (size_t k = 0; k < globs->n; k++) {
    const char *g = globs->v[k];
    if (strchr(g, '/') ? fnmatch(g, rel, FNM_PATHNAME) == 0 : fnmatch(g, base, 0) == 0) return 1;
  }
  return 0;
}

static int S_wanted(const pp_input *it, const char *rel, int is_dir) {
  if (!it->o->hidden && S_hidden(rel)) return 0;
  if (S_glob_match(&it->o->exclude, rel)) return 0;
  if (!is_dir && it->o->include.n && !S_glob_match(&it->o->include, rel)) return 0;
  return 1;
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Opens directory path as a new frame; -1 with *e on error. */
static int S_push_dir(pp_input *it, const char *path, size_t root, const struct stat *sb,
                      pp_error *e) {
  for (size_t k = 0; k < it->nst; k++)
    if (it->st[k].kind == F_DIR && it->st[k].dev == sb->st_dev && it->st[k].ino == sb->st_ino) {
      pp_error_set(e, path, 0, "directory loop (a link to a directory above it): not entered");
      return -1;
    }
  DIR *d = opendir(path);
  if (!d) {
    pp_error_set(e, path, 0, "%s", strerror(errno));
    return -1;
  }
  S_frame *fr = S_push(it, F_DIR, path);
  fr->root = root;
  fr->dev = sb->st_dev;
  fr->ino = sb->st_ino;
  size_t cap = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
    pp_xgrow((void **)&fr->ents, &cap, fr->n + 1, sizeof *fr->ents);
    fr->ents[fr->n++] = pp_xstrdup(de->d_name);
  }
  closedir(d);
  qsort(fr->ents, fr->n, sizeof *fr->ents, S_cmp);
  return 0;
}

static la_ssize_t S_arc_read(struct archive *a, void *ctx, const void **buf) {
  S_source *s = ctx;
  if (!s->head_given) {
    s->head_given = 1;
    if (s->hn) {
      *buf = s->head;
      return (la_ssize_t)s->hn;
    }
  }
  size_t k = fread(s->buf, 1, sizeof s->buf, s->f);
  if (k == 0 && ferror(s->f)) {
    archive_set_error(a, errno ? errno : EIO, "read error: %s", strerror(errno ? errno : EIO));
    return -1;
  }
  *buf = s->buf;
  return (la_ssize_t)k;
}

static int S_push_archive(pp_input *it, const char *name, FILE *f, int close_f,
                          const unsigned char *head, size_t hn, pp_error *e) {
  S_source *src = pp_xcalloc(1, sizeof *src);
  src->f = f;
  src->close_f = close_f;
  memcpy(src->head, head, hn);
  src->hn = hn;
  struct archive *a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  S_frame *fr = S_push(it, F_ARCHIVE, name);
  fr->a = a;
  fr->src = src;
  if (archive_read_open(a, src, NULL, S_arc_read, NULL) != ARCHIVE_OK) {
    pp_error_set(e, name, 0, "not an archive that can be read: %s", archive_error_string(a));
    S_pop(it);
    return -1;
  }
  return 0;
}

/* Reads a named input (command line or list): a directory or an archive
 * becomes a frame (returns 0), standard input or a file an item (returns
 * PP_INPUT_ITEM), or an error. below: a file found in a directory walk
 * (skipped when binary or not a regular file). */
static int S_open(pp_input *it, const char *path, int below, pp_input_item *item, pp_error *e) {
  const pp_input_opts *o = it->o;
  if (!below && strcmp(path, "-") == 0) {
    if (o->from_jsonl) {
      S_frame *fr = S_push(it, F_JSONL, "-");
      fr->f = it->in;
      return 0;
    }
    if (o->skip && o->skip("-", o->skip_ctx)) {
      it->skipped_done++;
      return 0;
    }
    size_t n = 0, cap = 0;
    unsigned char *b = NULL;
    int rc = S_read_rest(it->in, &b, &n, &cap, o->max_bytes);
    if (rc != 0) {
      free(b);
      if (rc < 0) {
        pp_error_set(e, "-", 0, "read error: %s", strerror(errno));
        return PP_INPUT_FAILED;
      }
      S_too_large(e, "-", o->max_bytes, -1);
      return PP_INPUT_REJECTED;
    }
    item->name = pp_xstrdup("-");
    item->data = b;
    item->len = n;
    item->from_stdin = 1;
    item->consumed = n;
    return PP_INPUT_ITEM;
  }
  struct stat sb;
  if (stat(path, &sb) != 0) {
    pp_error_set(e, path, 0, "%s", strerror(errno));
    return PP_INPUT_FAILED;
  }
  if (S_ISDIR(sb.st_mode)) {
    if (S_push_dir(it, path, below ? it->st[it->nst - 1].root : strlen(path), &sb, e) < 0)
      return below ? PP_INPUT_REJECTED : PP_INPUT_FAILED;
    return 0;
  }
  if (below && !S_ISREG(sb.st_mode)) {
    it->skipped_binary++;
    return 0;
  }
  if (o->from_jsonl) {
    FILE *jf = fopen(path, "rb");
    if (!jf) {
      pp_error_set(e, path, 0, "%s", strerror(errno));
      return PP_INPUT_FAILED;
    }
    S_frame *fr = S_push(it, F_JSONL, path);
    fr->f = jf;
    fr->close_f = 1;
    return 0;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    pp_error_set(e, path, 0, "%s", strerror(errno));
    return PP_INPUT_FAILED;
  }
  unsigned char head[S_HEAD];
  size_t cap = S_HEAD, n = fread(head, 1, S_HEAD, f);
  if (ferror(f)) {
    pp_error_set(e, path, 0, "read error: %s", strerror(errno ? errno : EIO));
    fclose(f);
    return PP_INPUT_FAILED;
  }
  if (S_is_archive(head, n)) {
    if (S_push_archive(it, path, f, 1, head, n, e) < 0) return PP_INPUT_REJECTED;
    return 0;
  }
  if (below && pp_input_is_binary(head, n)) {
    it->skipped_binary++;
    fclose(f);
    return 0;
  }
  if (o->skip && o->skip(path, o->skip_ctx)) {
    it->skipped_done++;
    fclose(f);
    return 0;
  }
  if (o->max_bytes && S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > o->max_bytes) {
    S_too_large(e, path, o->max_bytes, (long long)sb.st_size);
    fclose(f);
    return PP_INPUT_REJECTED;
  }
  unsigned char *b = pp_xmalloc(cap);
  memcpy(b, head, n);
  int rc = n < S_HEAD ? (feof(f) ? 0 : S_read_rest(f, &b, &n, &cap, o->max_bytes))
                      : S_read_rest(f, &b, &n, &cap, o->max_bytes);
  int saved = errno;
  fclose(f);
  if (rc != 0) {
    free(b);
    if (rc < 0) {
      pp_error_set(e, path, 0, "read error: %s", strerror(saved));
      return PP_INPUT_FAILED;
    }
    S_too_large(e, path, o->max_bytes, -1);
    return PP_INPUT_REJECTED;
  }
  item->name = pp_xstrdup(path);
  item->data = b;
  item->len = n;
  item->consumed = n;
  return PP_INPUT_ITEM;
}

/* The next entry of a directory frame. */
static int S_next_dir(pp_input *it, pp_input_item *item, pp_error *e) {
  S_frame *fr = &it->st[it->nst - 1];
  if (fr->i == fr->n) {
    S_pop(it);
    return 0;
  }
  const char *ent = fr->ents[fr->i++];
  size_t pl = strlen(fr->path);
  char *path = pl && fr->path[pl - 1] == '/' ? pp_xasprintf("%s%s", fr->path, ent)
                                             : pp_xasprintf("%s/%s", fr->path, ent);
  const char *rel = path + fr->root + (path[fr->root] == '/');
  struct stat sb;
  int rc = 0;
  if (stat(path, &sb) != 0) {
    if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
      pp_error_set(e, path, 0, "dangling symbolic link: %s", strerror(errno));
      rc = PP_INPUT_REJECTED;
    } else {
      pp_error_set(e, path, 0, "%s", strerror(errno));
      rc = PP_INPUT_FAILED;
    }
  } else if (S_wanted(it, rel, S_ISDIR(sb.st_mode))) {
    rc = S_open(it, path, 1, item, e);
  }
  free(path);
  return rc;
}

/* Drains the current member's data (counting it), 1 when the archive looks
 * like a bomb, -1 on a read error. Keeps up to keep bytes in *b. */
static int S_member_data(pp_input *it, S_frame *fr, unsigned char **b, size_t *n, size_t *cap,
                         size_t keep, int *over) {
  const pp_input_opts *o = it->o;
  if (!it->scratch) it->scratch = pp_xmalloc(S_CHUNK);
  for (;;) {
    la_ssize_t k = archive_read_data(fr->a, it->scratch, S_CHUNK);
    if (k < 0) return -1;
    if (k == 0) return 0;
    fr->out_bytes += (unsigned long long)k;
    if (o->max_ratio > 0 && fr->out_bytes > PP_INPUT_RATIO_FLOOR) {
      long long raw = archive_filter_bytes(fr->a, -1);
      if (raw <= 0 || (double)fr->out_bytes > o->max_ratio * (double)raw) return 1;
    }
    if (*over) continue;
    if (keep && *n + (size_t)k > keep) {
      *over = 1;
      continue;
    }
    if (*n + (size_t)k > *cap) {
      while (*n + (size_t)k > *cap) *cap = *cap ? *cap * 2 : S_CHUNK;
      *b = pp_xrealloc(*b, *cap);
    }
    memcpy(*b + *n, it->scratch, (size_t)k);
    *n += (size_t)k;
  }
}

static int S_next_archive(pp_input *it, pp_input_item *item, pp_error *e) {
  const pp_input_opts *o = it->o;
  S_frame *fr = &it->st[it->nst - 1];
  struct archive_entry *ent;
  int r;
  r = archive_read_next_header(fr->a, &ent);
  if (r == ARCHIVE_RETRY) {
    /* the reader skips what it cannot read and looks for the next member:
     * say so once per damaged stretch */
    if (fr->damaged) return 0;
    fr->damaged = 1;
    pp_error_set(e, fr->path, 0, "damaged archive, skipping to the next readable member: %s",
                 archive_error_string(fr->a));
    return PP_INPUT_REJECTED;
  }
  if (r == ARCHIVE_EOF) {
    S_pop(it);
    return 0;
  }
  if (r == ARCHIVE_FATAL || r == ARCHIVE_FAILED) {
    pp_error_set(e, fr->path, 0, "corrupt archive, the rest is not read: %s",
                 archive_error_string(fr->a));
    S_pop(it);
    return PP_INPUT_REJECTED;
  }
  fr->damaged = 0;
  fr->members++;
  if (o->max_members && fr->members > o->max_members) {
    pp_error_set(e, fr->path, 0,
                 "more than %zu members (--max-members): refused as an archive bomb, the rest "
                 "is not read",
                 o->max_members);
    S_pop(it);
    return PP_INPUT_REJECTED;
  }
  /* a tar hard link is a second name for a member already read */
  if (archive_entry_filetype(ent) != AE_IFREG || archive_entry_hardlink(ent)) return 0;
  const char *mp = archive_entry_pathname(ent);
  if (!mp || !*mp) mp = "?";
  while (mp[0] == '.' && mp[1] == '/') mp += 2;
  while (*mp == '/') mp++;
  if (!S_wanted(it, mp, 0)) return 0;
  char *name = pp_xasprintf("%s:%s", fr->path, mp);
  int skip = o->skip && o->skip(name, o->skip_ctx);
  long long declared = archive_entry_size_is_set(ent) ? archive_entry_size(ent) : -1;
  unsigned char *b = NULL;
  size_t n = 0, cap = 0;
  int over = skip || (o->max_bytes && declared > (long long)o->max_bytes);
  int rc = S_member_data(it, fr, &b, &n, &cap, o->max_bytes, &over);
  long long raw = archive_filter_bytes(fr->a, -1);
  size_t consumed = raw > fr->last_raw ? (size_t)(raw - fr->last_raw) : 0;
  fr->last_raw = raw;
  if (rc == 1) {
    pp_error_set(e, fr->path, 0,
                 "more than %g bytes out per compressed byte (--max-ratio) at %s: refused as an "
                 "archive bomb, the rest is not read",
                 o->max_ratio, mp);
    free(b);
    free(name);
    S_pop(it);
    return PP_INPUT_REJECTED;
  }
  if (rc < 0) {
    pp_error_set(e, name, 0, "corrupt member, skipped: %s",
                 archive_error_string(fr->a) ? archive_error_string(fr->a) : "read error");
    free(b);
    free(name);
    return PP_INPUT_REJECTED;
  }
  if (skip) {
    it->skipped_done++;
    free(b);
    free(name);
    return 0;
  }
  if (over) {
    S_too_large(e, name, o->max_bytes, declared);
    free(b);
    free(name);
    return PP_INPUT_REJECTED;
  }
  if (n && pp_input_is_binary(b, n)) {
    it->skipped_binary++;
    free(b);
    free(name);
    return 0;
  }
  item->name = name;
  item->data = b ? b : pp_xmalloc(1);
  item->len = n;
  item->consumed = consumed;
  return PP_INPUT_ITEM;
}

/* The next name of a list frame. */
static int S_next_list(pp_input *it, pp_input_item *item, pp_error *e) {
  S_frame *fr = &it->st[it->nst - 1];
  ssize_t k = getdelim(&it->line, &it->linecap, it->o->null ? '\0' : '\n', fr->f);
  if (k < 0) {
    if (ferror(fr->f)) {
      pp_error_set(e, fr->path, 0, "read error: %s", strerror(errno ? errno : EIO));
      S_pop(it);
      return PP_INPUT_FAILED;
    }
    S_pop(it);
    return 0;
  }
  fr->line++;
  if (!it->o->null && k > 0 && it->line[k - 1] == '\n') it->line[--k] = '\0';
  if (!it->o->null && k > 0 && it->line[k - 1] == '\r') it->line[--k] = '\0';
  if (k == 0) return 0;
  char *path = pp_xstrdup(it->line);
  int rc = S_open(it, path, 0, item, e);
  free(path);
  return rc;
}

/* Base64 (RFC 4648, padding optional, no line breaks): returns 0 or -1. */
static int S_base64(const char *s, size_t n, unsigned char **out, size_t *outlen) {
  unsigned char *b = pp_xmalloc(n / 4 * 3 + 3);
  size_t m = 0;
  unsigned v = 0;
  int bits = 0;
  size_t i = 0;
  for (; i < n && s[i] != '='; i++) {
    int c = (unsigned char)s[i], d;
    if (c >= 'A' && c <= 'Z') d = c - 'A';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
    else if (c >= '0' && c <= '9') d = c - '0' + 52;
    else if (c == '+') d = 62;
    else if (c == '/') d = 63;
    else {
      free(b);
      return -1;
    }
    v = (v << 6) | (unsigned)d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      b[m++] = (unsigned char)(v >> bits);
      v &= (1u << bits) - 1;
    }
  }
  for (; i < n; i++)
    if (s[i] != '=') {
      free(b);
      return -1;
    }
  *out = b;
  *outlen = m;
  return 0;
}

/* The next line of a JSON Lines frame. */
static int S_next_jsonl(pp_input *it, pp_input_item *item, pp_error *e) {
  const pp_input_opts *o = it->o;
  S_frame *fr = &it->st[it->nst - 1];
  ssize_t k = getline(&it->line, &it->linecap, fr->f);
  if (k < 0) {
    int bad = ferror(fr->f);
    if (bad) pp_error_set(e, fr->path, 0, "read error: %s", strerror(errno ? errno : EIO));
    S_pop(it);
    return bad ? PP_INPUT_FAILED : 0;
  }
  long line = ++fr->line;
  size_t len = (size_t)k;
  while (len && (it->line[len - 1] == '\n' || it->line[len - 1] == '\r')) len--;
  if (strspn(it->line, " \t\r\n") >= len) return 0;
  json_error_t je;
  json_t *j = json_loadb(it->line, len, 0, &je);
  if (!j) {
    pp_error_set(e, fr->path, line, "not JSON: %s", je.text);
    return PP_INPUT_REJECTED;
  }
  json_t *jn = json_object_get(j, "name"), *jt = json_object_get(j, "text"),
         *jb = json_object_get(j, "bytes_base64");
  int rc = PP_INPUT_REJECTED;
  if (!json_is_object(j))
    pp_error_set(e, fr->path, line, "want an object {\"name\": ..., \"text\": ...}");
  else if (!json_is_string(jn) || json_string_length(jn) == 0)
    pp_error_set(e, fr->path, line, "\"name\" must be a non-empty string");
  else if (!!jt == !!jb)
    pp_error_set(e, fr->path, line, "want one of \"text\" or \"bytes_base64\"");
  else if ((jt && !json_is_string(jt)) || (jb && !json_is_string(jb)))
    pp_error_set(e, fr->path, line, "\"%s\" must be a string", jt ? "text" : "bytes_base64");
  else if (o->skip && o->skip(json_string_value(jn), o->skip_ctx)) {
    it->skipped_done++;
    rc = 0;
  } else {
    unsigned char *b;
    size_t n;
    if (jt) {
      n = json_string_length(jt);
      b = pp_xmalloc(n + 1);
      memcpy(b, json_string_value(jt), n);
      rc = PP_INPUT_ITEM;
    } else if (S_base64(json_string_value(jb), json_string_length(jb), &b, &n) == 0) {
      rc = PP_INPUT_ITEM;
    } else {
      pp_error_set(e, fr->path, line, "\"bytes_base64\" is not base64");
    }
    if (rc == PP_INPUT_ITEM && o->max_bytes && n > o->max_bytes) {
      free(b);
      S_too_large(e, json_string_value(jn), o->max_bytes, (long long)n);
      rc = PP_INPUT_REJECTED;
    } else if (rc == PP_INPUT_ITEM) {
      item->name = pp_xstrdup(json_string_value(jn));
      item->data = b;
      item->len = n;
      item->consumed = (size_t)k;
    }
  }
  json_decref(j);
  return rc;
}

int pp_input_next(pp_input *it, pp_input_item *item, pp_error *e) {
  memset(item, 0, sizeof *item);
  for (;;) {
    int rc;
    if (it->nst == 0) {
      if (it->iq == it->nq) {
        if (it->nq > 0) return PP_INPUT_END;
        /* no name at all: standard input */
        S_queue(it, "-", 0);
      }
      S_queued *q = &it->q[it->iq++];
      if (q->list) {
        FILE *f = strcmp(q->s, "-") == 0 ? it->in : fopen(q->s, "rb");
        if (!f) {
          pp_error_set(e, q->s, 0, "%s", strerror(errno));
          return PP_INPUT_FAILED;
        }
        S_frame *fr = S_push(it, F_LIST, q->s);
        fr->f = f;
        fr->close_f = f != it->in;
        continue;
      }
      rc = S_open(it, q->s, 0, item, e);
    } else {
      switch (it->st[it->nst - 1].kind) {
      case F_DIR: rc = S_next_dir(it, item, e); break;
      case F_ARCHIVE: rc = S_next_archive(it, item, e); break;
      case F_LIST: rc = S_next_list(it, item, e); break;
      default: rc = S_next_jsonl(it, item, e); break;
      }
    }
    if (rc != 0) return rc;
  }
}

int pp_input_is_container(const char *name) {
  if (strcmp(name, "-") == 0) return 0;
  struct stat sb;
  if (stat(name, &sb) != 0) return 0;
  if (S_ISDIR(sb.st_mode)) return 1;
  if (!S_ISREG(sb.st_mode)) return 0;
  FILE *f = fopen(name, "rb");
  if (!f) return 0;
  unsigned char head[S_HEAD];
  size_t n = fread(head, 1, sizeof head, f);
  fclose(f);
  return S_is_archive(head, n);
}

static void S_estimate_dir(const pp_input *it, const char *path, size_t root, int depth,
                           size_t *files, unsigned long long *bytes) {
  if (depth > 64) return;
  DIR *d = opendir(path);
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
    char *p = pp_xasprintf("%s/%s", path, de->d_name);
    const char *rel = p + root + (p[root] == '/');
    struct stat sb;
    if (stat(p, &sb) == 0 && S_wanted(it, rel, S_ISDIR(sb.st_mode))) {
      if (S_ISDIR(sb.st_mode)) {
        S_estimate_dir(it, p, root, depth + 1, files, bytes);
      } else if (S_ISREG(sb.st_mode)) {
        (*files)++;
        *bytes += (unsigned long long)sb.st_size;
      }
    }
    free(p);
  }
  closedir(d);
}

void pp_input_estimate(const pp_input *it, size_t *files, unsigned long long *bytes, int *exact) {
  *files = 0;
  *bytes = 0;
  *exact = 1;
  for (size_t k = 0; k < it->nq; k++) {
    const char *s = it->q[k].s;
    struct stat sb;
    if (it->q[k].list || it->o->from_jsonl || strcmp(s, "-") == 0 || stat(s, &sb) != 0) {
      *exact = 0;
      continue;
    }
    if (S_ISDIR(sb.st_mode)) {
      S_estimate_dir(it, s, strlen(s), 0, files, bytes);
      continue;
    }
    if (pp_input_is_container(s)) *exact = 0;
    (*files)++;
    *bytes += (unsigned long long)sb.st_size;
  }
}
