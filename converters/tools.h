/* tools.h - the filters as functions: each runs the whole command line
 * in-process, reading in and writing out and err, and returns the exit
 * status (0 all converted, 1 some input rejected, 2 usage or I/O error). */
#ifndef PP_TOOLS_H
#define PP_TOOLS_H

#include <stdio.h>

int release2rec_main(int argc, char **argv, FILE *in, FILE *out, FILE *err);
int rec2newsml_main(int argc, char **argv, FILE *in, FILE *out, FILE *err);
int rec2jsonld_main(int argc, char **argv, FILE *in, FILE *out, FILE *err);
int rec2csv_main(int argc, char **argv, FILE *in, FILE *out, FILE *err);
int newsml2rec_main(int argc, char **argv, FILE *in, FILE *out, FILE *err);

#endif
