/* pp_lang_priv.h - the loaded lexicons as pp_extract.c reads them.
 *
 * Every entry is keyed by its normalised text (pp_lang_norm): ASCII
 * letters lower-cased, typographic apostrophes made straight, runs of
 * white space made one space, a full stop ending a word dropped. One key
 * carries every class it was listed under.
 */
#ifndef PP_LANG_PRIV_H
#define PP_LANG_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "pp_lang.h"

enum {
  PP_LX_HONORIFIC = 1u << 0, /* Mr, Ms, Dr, H.E. */
  PP_LX_TITLE = 1u << 1,     /* Senator, Sen., Judge (role: written out) */
  PP_LX_ROLE = 1u << 2,      /* director, chief, minister */
  PP_LX_ROLEMOD = 1u << 3,   /* deputy, acting, senior */
  PP_LX_ORGHEAD = 1u << 4,   /* Ministry, Committee, Fund */
  PP_LX_ORG = 1u << 5,       /* a known organisation's full name */
  PP_LX_ACRONYM = 1u << 6,   /* a known organisation's acronym */
  PP_LX_COUNTRY = 1u << 7,   /* cc set */
  PP_LX_PLACE = 1u << 8,     /* city or region (cc may be empty) */
  PP_LX_ABBR = 1u << 9,      /* state abbreviation after "City, " */
  PP_LX_STOP = 1u << 10,     /* function words, months, weekdays */
  PP_LX_NONNAME = 1u << 11,  /* nouns never in a person's name */
  PP_LX_SPEECH = 1u << 12,   /* said, stated */
  PP_LX_WORK = 1u << 13,     /* report, publication */
  PP_LX_POSTNOM = 1u << 14,  /* M.D., Ph.D. */
  PP_LX_PARTICLE = 1u << 15, /* bin, van, de */
  PP_LX_REGION = 1u << 16,   /* PLACE that is a world region (no country) */
  PP_LX_PREFIX = 1u << 17,   /* the first words of a longer entry */
  PP_LX_COMMON = 1u << 18,   /* an ordinary English word (common-words.txt) */
  PP_LX_GIVEN = 1u << 19,    /* a given name (given-names.txt) */
  PP_LX_FAMILY = 1u << 20,   /* a family name (family-names.txt) */
  PP_LX_LEGAL = 1u << 21,    /* a company's legal form (Inc., GmbH) */
  PP_LX_FURNITURE = 1u << 22, /* a word of site furniture (Facebook, Login) */
  PP_LX_NOTORG = 1u << 23,    /* an abbreviation that names no organisation (CEO, USD) */
  PP_LX_PLACEHEAD = 1u << 24, /* head of a natural feature's name (Sea, Lake) */
  PP_LX_PLACEFIRST = 1u << 25, /* PLACEHEAD written before the name (Lake, Mount) */
  /* layout words of the structure parser (data/README.md, "Layout") */
  PP_LX_LAYOUT_INTRO = 1u << 26, /* "statement by": a speaker's name follows */
  PP_LX_LAYOUT_LABEL = 1u << 27, /* "question", "subjects": a label that names no speaker */
  PP_LX_LAYOUT_FURNITURE = 1u << 28, /* "skip to *", "related posts": site furniture */
  PP_LX_LAYOUT_GENRE = 1u << 29,     /* "press release": role = the genre, courtesy = mode */
  PP_LX_LAYOUT_STAMP = 1u << 30,     /* "last updated": a page's stamp, not the release date */
  PP_LX_LAYOUT_END = 1u << 31        /* "-30-", "ends": an end mark */
};

typedef struct {
  char *key;
  uint64_t hash;   /* pp_hash_str(key): probes compare it first */
  unsigned cls;
  char cc[3];      /* COUNTRY/PLACE: ISO 3166-1 alpha-2, "" when none */
  char *role;      /* TITLE: the role written out */
  int courtesy;    /* TITLE used like an honorific (Ambassador): 1; a rank (Colonel): 2 */
  char *acronym;   /* ORG: its acronym; ACRONYM: the acronym as written */
  char *orgname;   /* ACRONYM: the full name of the organisation */
  char kind;       /* PLACE: 'c' city, 'r' region, 'k' continent; 0 unknown */
} pp_lexent;

/* Normalises s[0..n) into out (NUL-terminated); returns the length, or
 * (size_t)-1 when it does not fit in outcap bytes. */
size_t pp_lang_norm(const char *s, size_t n, char *out, size_t outcap);

/* The entry for the normalised key, or NULL. */
const pp_lexent *pp_lang_get(const pp_lang *lex, const char *key);

/* The entry for the normalised key key[0..n) (no NUL needed), or NULL. */
const pp_lexent *pp_lang_getn(const pp_lang *lex, const char *key, size_t n);

/* pp_lang_getn() with the key's hash already computed (pp_hash_n of
 * the key, which callers may build byte by byte with pp_hash_step). */
const pp_lexent *pp_lang_geth(const pp_lang *lex, const char *key, size_t n,
                                 uint64_t hash);

/* The evidence classes (PP_LX_COMMON, PP_LX_GIVEN, PP_LX_FAMILY) of the
 * normalised key key[0..n) whose pp_hash_n is hash; 0 when none. */
unsigned pp_lang_evidence(const pp_lang *lex, const char *key, size_t n, uint64_t hash);

/* Normalises s[0..n) and looks it up. */
const pp_lexent *pp_lang_find(const pp_lang *lex, const char *s, size_t n);

/* The largest number of words of any multi-word entry. */
int pp_lang_maxwords(const pp_lang *lex);

#endif
