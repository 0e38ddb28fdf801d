/* pp_newsml.c - placeholder until its issue lands. */
typedef int pp_placeholder_pp_newsml;
