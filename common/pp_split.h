/* pp_split.h - one output file per item in a directory, written safely:
 * the --split DIR of rec2newsml and rec2jsonld (docs/rec2newsml.1).
 *
 * Each file is written to a fresh temporary file in DIR, created with
 * O_CREAT|O_EXCL|O_NOFOLLOW under a random hidden name (".pp-split-" 16 hex
 * digits ".tmp"), checked (every write, fflush, ferror, fclose) and renamed
 * to its final name. So:
 *  - a final name only ever holds a complete file: a full disk, a write
 *    error, a kill or a crash leaves the old file (or none) under that name,
 *    and at most one ".pp-split-*.tmp" file, never a truncated file;
 *  - a symlink planted in DIR is never written through: the temporary name
 *    is new (O_EXCL, O_NOFOLLOW) and rename() replaces a symlink entry under
 *    the final name instead of following it;
 *  - two runs writing the same names into one DIR at the same time leave
 *    each name holding one run's complete file.
 * The temporary file is removed on every error path, and by a handler on
 * SIGINT, SIGTERM and SIGHUP (which then ends the process with the same
 * signal). SIGKILL cannot be caught: a ".pp-split-*.tmp" file may remain.
 *
 * Durability: without PP_SPLIT_SYNC, files are not fsync'ed one by one (an
 * fsync per file made a batch 40 times slower on the test machine); at the
 * end, pp_split_finish() syncs the file system of DIR (syncfs) and DIR
 * itself, so a run that returns 0 has its outputs on disk. With
 * PP_SPLIT_SYNC each file is fsync'ed before its rename, so even a power
 * loss mid-run leaves only complete files under final names.
 *
 * Names: the caller gives a stem made of ASCII letters, digits, '.', '-'
 * and '_' (both writers' names are); pp_split adds the extension. A name
 * already used in this run - compared with ASCII case folded, as a
 * case-insensitive file system would - gets "-2", "-3", ... and a warning.
 * A file left by an earlier run is replaced (atomically), unless
 * PP_SPLIT_NO_CLOBBER: then the item is skipped, also when another process
 * creates the name while the item is written (renameat2 RENAME_NOREPLACE,
 * or link() where that is missing). Memory: 16 bytes per name.
 */
#ifndef PP_SPLIT_H
#define PP_SPLIT_H

#include <stdio.h>

#include "pp_util.h"

enum {
  PP_SPLIT_NO_CLOBBER = 1 << 0, /* keep files that exist already */
  PP_SPLIT_SYNC = 1 << 1        /* fsync each file before its rename */
};

typedef struct pp_split pp_split;

/* Opens dir, creating it when missing (one level, mode 0777 & ~umask).
 * ext is appended to every name (".xml"). NULL with *e set: "DIR: cannot
 * create the directory: REASON", "DIR: not a directory", "DIR: REASON". */
pp_split *pp_split_new(const char *dir, const char *ext, unsigned flags, pp_error *e);

/* Writes one item: fill(f, ctx, e) writes its bytes to f and returns 0,
 * -1 on a write error (errno set), or -2 when it refuses the item (*e set).
 * Returns
 *   PP_SPLIT_WRITTEN   the file is in place;
 *   PP_SPLIT_SKIPPED   PP_SPLIT_NO_CLOBBER and the file exists;
 *   PP_SPLIT_REFUSED   fill returned -2 (*e says why; nothing written);
 *   PP_SPLIT_ERROR     an I/O error, *e set ("DIR/NAME: write error:
 *                      REASON" and the like); nothing written.
 * When the name had to be changed, *warn is set (also on success). */
enum { PP_SPLIT_WRITTEN = 0, PP_SPLIT_SKIPPED, PP_SPLIT_REFUSED, PP_SPLIT_ERROR };
typedef int (*pp_split_fill)(FILE *f, void *ctx, pp_error *e);
int pp_split_write(pp_split *s, const char *stem, pp_split_fill fill, void *ctx, pp_error *warn,
                   pp_error *e);

/* Files written and skipped so far. */
long pp_split_written(const pp_split *s);
long pp_split_skipped(const pp_split *s);
const char *pp_split_dir(const pp_split *s);

/* Makes the run's files durable (see above). 0, or -1 with *e set. */
int pp_split_finish(pp_split *s, pp_error *e);
/* Closes DIR and restores the signal handlers. */
void pp_split_free(pp_split *s);

#endif
