/* pp_input.h - the inputs of a batch, one release at a time.
 *
 * A batch names files, directories, archives, lists of file names and
 * standard input; pp_input_next() hands out one input (its source name and
 * raw bytes) at a time, in a stable order, holding only one input's bytes
 * and one directory listing per level in memory.
 *
 * - A FILE named on the command line is read whatever it is (a pipe, a
 *   device), unless it is a directory or an archive. "-" is standard input,
 *   read as ONE release.
 * - A directory is read recursively: each directory's entries in byte order
 *   of their names, depth first. Names starting with "." are skipped unless
 *   opts.hidden. opts.include / opts.exclude are fnmatch(3) globs: a glob
 *   without "/" matches the base name, one with "/" the path below the
 *   directory named (FNM_PATHNAME). Exclude also prunes directories. Files
 *   that are detectably binary (pp_input_is_binary) are skipped and
 *   counted, as are FIFOs, sockets and devices.
 * - Symbolic links below a directory are followed (to files and to
 *   directories); a directory that is already on the path from the named
 *   directory (same device and inode) is a loop: reported, not entered.
 * - An archive (tar, optionally gzip/bzip2/xz/zstd-compressed, or zip; found
 *   by its magic bytes, never by its name) is read as a stream through
 *   libarchive, never extracted to disk. Each regular member is one input,
 *   named "ARCHIVE:member/path" (a leading "./" dropped); hidden, include and
 *   exclude apply to the member path as to a directory's. A corrupt member
 *   is reported and skipped. Bomb limits: a member above opts.max_bytes is
 *   rejected; more than opts.max_members members, or more than
 *   opts.max_ratio bytes out per compressed byte once PP_INPUT_RATIO_FLOOR
 *   bytes came out, refuses the rest of the archive.
 * - A list (pp_input_add_list) is a file of names, one a line, or
 *   NUL-separated (opts.null): each name is read as if named on the command
 *   line (directories and archives included).
 * - In JSON Lines mode (opts.from_jsonl) each named stream holds lines
 *   {"name": ..., "text": ...} or {"name": ..., "bytes_base64": ...}; each
 *   line is one input.
 */
#ifndef PP_INPUT_H
#define PP_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "pp_util.h"

/* Archives start checking the compression ratio after this many bytes came
 * out of them. */
#define PP_INPUT_RATIO_FLOOR (64u * 1024u * 1024u)

typedef struct {
  int hidden;          /* read names starting with "." */
  int null;            /* lists are NUL-separated */
  int from_jsonl;      /* named streams hold {"name", "text"|"bytes_base64"} lines */
  pp_strv include;     /* globs; empty: everything that is not binary */
  pp_strv exclude;     /* globs */
  size_t max_bytes;    /* largest input (0: no limit) */
  size_t max_members;  /* most members of one archive (0: no limit) */
  double max_ratio;    /* most bytes out per compressed byte (0: no limit) */
  /* Called with each input's name before its bytes are read; returning 1
   * skips it (counted in skipped_done). May be NULL. */
  int (*skip)(const char *name, void *ctx);
  void *skip_ctx;
} pp_input_opts;

typedef struct pp_input pp_input;

enum {
  PP_INPUT_END = 0,
  PP_INPUT_ITEM = 1,      /* an input: name, data, len set */
  PP_INPUT_REJECTED = -1, /* an input not read (too large, corrupt): *e says why, go on */
  PP_INPUT_FAILED = -2    /* an I/O error (a file that cannot be opened): *e says why, go on */
};

typedef struct {
  char *name;          /* the source name (caller frees) */
  unsigned char *data; /* the raw bytes (caller frees) */
  size_t len;
  int from_stdin;      /* standard input named as "-" or by default */
  size_t consumed;     /* bytes read from disk since the previous item (progress) */
} pp_input_item;

/* opts is borrowed and must outlive the iterator; in is standard input. */
pp_input *pp_input_new(const pp_input_opts *opts, FILE *in);
/* Queues a name (file, directory, archive or "-"). */
void pp_input_add(pp_input *it, const char *name);
/* Queues a list of names, read when its turn comes ("-": standard input). */
void pp_input_add_list(pp_input *it, const char *listfile);
/* The next input, in order. */
int pp_input_next(pp_input *it, pp_input_item *item, pp_error *e);
void pp_input_item_clear(pp_input_item *item);
void pp_input_free(pp_input *it);

/* Counters since pp_input_new. */
size_t pp_input_skipped_binary(const pp_input *it);
size_t pp_input_skipped_done(const pp_input *it);

/* Whether name is a directory or an archive (reads its first bytes; a
 * stream is never consumed: pipes and "-" say 0). */
int pp_input_is_container(const char *name);

/* 1 when the first bytes are a known binary format or hold NUL or many
 * control bytes (UTF-16/32 with a BOM is text). */
int pp_input_is_binary(const unsigned char *b, size_t n);

/* Estimates for progress: the regular files below the queued names and
 * their bytes (archives count their own size, members unknown: *exact 0). */
void pp_input_estimate(const pp_input *it, size_t *files, unsigned long long *bytes, int *exact);

#endif
