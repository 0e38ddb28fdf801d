/* pp_cli.h - what every filter's <tool>_main shares: messages, exit codes,
 * option errors, the read loop over record streams, and the final check of
 * the output stream.
 *
 * Exit codes (all tools): PP_EXIT_OK 0 all converted; PP_EXIT_REJECTED 1
 * some input rejected (reported, the rest converted); PP_EXIT_FAILURE 2
 * usage or I/O error, including a failed write to the output.
 */
#ifndef PP_CLI_H
#define PP_CLI_H

#include <stdio.h>

#include "pp_record.h"
#include "pp_split.h"

enum { PP_EXIT_OK = 0, PP_EXIT_REJECTED = 1, PP_EXIT_FAILURE = 2 };

/* The first call of every <tool>_main. Restores SIGPIPE's default action
 * so "tool | head" ends quietly, and registers tool and out for running out
 * of memory: the records already complete on out are written, "tool: out of
 * memory" is printed on err and the program exits PP_EXIT_FAILURE (2);
 * jansson's and libxml2's allocations take the same road. When out is the
 * standard output and not a terminal it gets a 1 MiB buffer, and
 * pp_cli_read_records flushes it after each record, so that a record
 * being written when memory ran out (up to 1 MiB of output) is dropped
 * whole rather than cut. */
void pp_cli_init(const char *tool, FILE *out, FILE *err);

/* Every message goes out as one line of text an operator can trust: control
 * characters of the message and of the file name are escaped, \n \r \t by
 * name, the other C0 characters, DEL and the C1 characters (U+0080-U+009F)
 * as \u00XX, bytes that are not UTF-8 as \xHH. A backslash stays as it
 * is. */

/* "tool: FILE:LINE: message" (LINE left out when 0, FILE when NULL). */
void pp_cli_report(FILE *err, const char *tool, const pp_error *e);
void pp_cli_errorf(FILE *err, const char *tool, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prints "tool: MESSAGE" and "Try 'tool --help' for more information." and
 * returns PP_EXIT_FAILURE. */
int pp_cli_usage_error(FILE *err, const char *tool, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports the option getopt_long rejected (call with opterr = 0, after it
 * returned '?' or ':'), returns PP_EXIT_FAILURE. */
int pp_cli_bad_option(FILE *err, const char *tool, char **argv, int opt);

/* "tool X.Y.Z" on out. */
void pp_cli_version(FILE *out, const char *tool);

/* Flushes out; on a write error reports it and returns PP_EXIT_FAILURE, else
 * status unchanged. */
int pp_cli_finish(FILE *out, FILE *err, const char *tool, int status);

/* Combines two exit statuses: the worse wins. */
int pp_cli_worse(int a, int b);

/* Called for each record read; borrows r. Returns PP_EXIT_OK (*e set: a
 * warning, reported the same way), or PP_EXIT_REJECTED / PP_EXIT_FAILURE
 * with *e set. PP_EXIT_FAILURE stops the
 * run (a write error, say). */
typedef int (*pp_record_fn)(pp_record *r, void *ctx, pp_error *e);

/* Reads the record streams named by files (none, or "-": in), hands every
 * good record to fn, reports bad lines and unreadable files on err and goes
 * on. Returns the exit status of the reading. */
int pp_cli_read_records(const char *tool, char **files, int nfiles, FILE *in, FILE *err,
                        pp_record_fn fn, void *ctx);

/* --source-name basename: source.name without its directories, so a batch
 * read from a home directory does not publish its path; a URL or "-" stays
 * as given. The record is changed in place. */
void pp_cli_source_basename(pp_record *r);

/* The end of a --split run: the files made durable (pp_split_finish), the
 * ones --no-clobber kept counted on err. Returns PP_EXIT_OK or
 * PP_EXIT_FAILURE (reported). */
int pp_cli_split_finish(const char *tool, pp_split *s, FILE *err);

/* The value of --source-name: 1 basename, 0 as-given, -1 neither. */
int pp_cli_source_mode(const char *v);

#endif
